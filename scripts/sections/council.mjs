// The sections of a council page. Each takes the shared context and the council's S12 code and
// returns { id, heading, paragraphs, charts: [{ name, spec, table, columns }] }. Titles come
// from findings.mjs, computed from the same numbers the chart draws.
import {
  comparisonLinesChart, deprivationProfileChart, simdGradientChart, rankedDotsChart, dataZoneMap,
  councilScatterChart, rankChangeChart, spreadStripsChart,
} from 'povineq';
import { SCOTLAND, SOURCES, SII_COLUMNS, slug, latestOutcome } from './context.mjs';
import {
  trendFinding, ahcFinding, profileFinding, siiFinding, spreadFinding, worstAreaFinding, climateFinding, fuelFinding, lgbfFinding, pct, pp, ordinal,
} from './findings.mjs';

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Child poverty over time: DWP BHC (2025 release) against Scotland and the family group; AHC from DWP 2026 and End Child Poverty. */
export function childPovertySection(ctx, code) {
  const name = ctx.name.get(code);
  const stem = slug(name);
  const family = ctx.families.get(code);
  const members = ctx.councils.filter((c) => ctx.families.get(c.code) === family).map((c) => c.code);
  const bhc = ctx.dwp.filter((r) => r.release === '2025' && r.basis === 'BHC' && r.rate !== null);
  const years = [...new Set(bhc.map((r) => r.year))].sort((a, b) => a - b);
  const familyLabel = `Family group ${family} average`;
  // the family group's simple average in a year, when every member council has a rate
  const familyMean = (rows) => {
    const fam = rows.filter((r) => members.includes(r.council) && r.rate !== null);
    return fam.length === members.length ? mean(fam.map((r) => r.rate)) : undefined;
  };
  const trend = [];
  for (const y of years) {
    const at = bhc.filter((r) => r.year === y);
    const own = at.find((r) => r.council === code);
    const scot = at.find((r) => r.council === SCOTLAND);
    const fam = familyMean(at);
    const period = own?.period ?? scot?.period;
    if (own) trend.push({ series: name, period, year: y, rate: own.rate });
    if (scot) trend.push({ series: 'Scotland', period, year: y, rate: scot.rate });
    if (fam !== undefined) trend.push({ series: familyLabel, period, year: y, rate: fam });
  }
  const own = trend.filter((r) => r.series === name);
  const scot = trend.filter((r) => r.series === 'Scotland');
  const trendSpec = comparisonLinesChart(trend, {
    highlight: name,
    label: 'Children in relative low income families',
    title: trendFinding(name, own, scot),
    subtitle: 'Children aged 0–15 in relative low income families, before housing costs (BHC), % of children, FYE 2015–2024',
    source: SOURCES.dwp2025,
    note: `Administrative counts, not a survey estimate, so no sampling interval; the latest year is provisional. Family group: the simple average of the ${members.length} councils in LGBF children's services family group ${ctx.familyName(family)}. The 2026 DWP release uses a new method and is not joined to this series.`,
  });

  // after housing costs: two sources that must not be read as one series
  const ahc = [];
  for (const r of ctx.ecp) {
    if (r.council === code) ahc.push({ series: `${name} (End Child Poverty)`, source: 'End Child Poverty (modelled)', period: r.period, year: r.year, rate: r.rate });
    if (r.council === SCOTLAND) ahc.push({ series: 'Scotland (End Child Poverty)', source: 'End Child Poverty (modelled)', period: r.period, year: r.year, rate: r.rate });
  }
  const dwpAhc = ctx.dwp.filter((d) => d.release === '2026' && d.basis === 'AHC');
  for (const r of dwpAhc) {
    if (r.council === code) ahc.push({ series: `${name} (DWP)`, source: 'DWP 2026 release', period: r.period, year: r.year, rate: r.rate });
    if (r.council === SCOTLAND) ahc.push({ series: 'Scotland (DWP)', source: 'DWP 2026 release', period: r.period, year: r.year, rate: r.rate });
  }
  // the family group's average on the same (DWP) basis, as on the BHC chart
  for (const y of [...new Set(dwpAhc.map((r) => r.year))].sort((a, b) => a - b)) {
    const at = dwpAhc.filter((r) => r.year === y);
    const fam = familyMean(at);
    if (fam !== undefined) ahc.push({ series: `${familyLabel} (DWP)`, source: 'DWP 2026 release', period: at[0].period, year: y, rate: fam });
  }
  const dwpOwn = ahc.filter((r) => r.series === `${name} (DWP)`).sort((a, b) => a.year - b.year).at(-1);
  const dwpScot = ahc.filter((r) => r.series === 'Scotland (DWP)').sort((a, b) => a.year - b.year).at(-1);
  const ecpOwn = ahc.filter((r) => r.series === `${name} (End Child Poverty)`).sort((a, b) => a.year - b.year).at(-1);
  const ahcSpec = comparisonLinesChart(ahc, {
    highlight: `${name} (DWP)`,
    label: 'Children in poverty after housing costs',
    title: ahcFinding(name, dwpOwn.rate, dwpScot.rate, dwpOwn.period),
    subtitle: `Children in relative low income families after housing costs (AHC), % of children: DWP (FYE 2024–2025, with the average of family group ${family}) and End Child Poverty modelled estimates (FYE 2015–2024)`,
    source: `${SOURCES.dwp2026}; ${SOURCES.ecp}`,
    note: 'The two sources measure differently and must not be compared year to year: End Child Poverty adjusts DWP before-housing-costs counts to survey (HBAI) regional totals after housing costs and counts dependent 16–19-year-olds; DWP counts children aged 0–15 in families on benefits with a modelled housing-cost deduction.',
  });
  const gap = ecpOwn && dwpOwn ? ` In ${ecpOwn.period} End Child Poverty puts ${name} at ${pct(ecpOwn.rate)}; DWP's ${ahc.find((r) => r.series === `${name} (DWP)` && r.year === ecpOwn.year) ? `figure for the same year is ${pct(ahc.find((r) => r.series === `${name} (DWP)` && r.year === ecpOwn.year).rate)}` : 'series starts later'}.` : '';
  return {
    id: 'child-poverty',
    heading: 'Child poverty over time',
    paragraphs: [
      `The Child Poverty (Scotland) Act 2017 measures poverty after housing costs (AHC). Council figures after housing costs exist only from DWP's 2026 release (two years) and from End Child Poverty's modelled estimates; the longer DWP series is before housing costs (BHC). Each chart says which basis it shows.`,
      `Why the two AHC figures differ: End Child Poverty's estimates are modelled to match the survey (HBAI) totals and include some 16–19-year-olds, so they run much higher than DWP's administrative AHC measure.${gap} Quote one source at a time and name it.`,
    ],
    charts: [
      { name: `${stem}-child-poverty-bhc-trend`, spec: trendSpec, table: trend, columns: { year: 'year', rate: 'percent1' } },
      { name: `${stem}-child-poverty-ahc`, spec: ahcSpec, table: ahc, columns: { year: 'year', rate: 'percent1' } },
    ],
  };
}

/** SIMD profile, and the slope index of income deprivation within the council. */
export function deprivationSection(ctx, code) {
  const name = ctx.name.get(code);
  const stem = slug(name);
  const zones = ctx.zones.get(code);
  const people = zones.reduce((a, z) => a + z.population, 0);
  const profile = Array.from({ length: 10 }, (_, i) => {
    const inDecile = zones.filter((z) => z.decile === i + 1);
    return {
      decile: i + 1,
      data_zones: inDecile.length,
      people: inDecile.reduce((a, z) => a + z.population, 0),
      zones_share: inDecile.length / zones.length,
      people_share: inDecile.reduce((a, z) => a + z.population, 0) / people,
    };
  });
  const profileSpec = deprivationProfileChart(profile, {
    area: name,
    title: profileFinding(name, profile[0].people_share),
    subtitle: `Share of ${name}'s people (bars) and data zones (diamonds) in each national SIMD 2020v2 decile; dashed line: 10%`,
    source: `${SOURCES.simd}; population: NRS 2017 estimates in the SIMD file`,
  });

  const s = ctx.councilSii.get(code);
  const ranked = ctx.siiRanked;
  const order = [...ranked].sort((a, b) => b.sii_points - a.sii_points);
  const rankOf = order.findIndex((r) => r.code === code) + 1;
  const riiCi = s.ci.map((v) => (v / s.mean).toFixed(2));
  const siiSpec = rankedDotsChart(ranked, {
    name: 'council', value: 'sii_points', lower: 'lower_points', upper: 'upper_points', highlight: name, format: 'decimal1',
    reference: 100 * ctx.scotlandSii.sii, referenceLabel: 'Scotland',
    label: 'Slope index of inequality (percentage points)',
    title: siiFinding(name, s.sii, rankOf, ranked.length, ordinal),
    subtitle: `Slope index of inequality in income deprivation across national SIMD deciles within each council, percentage points, with 95% confidence intervals; ${name}: RII ${s.rii.toFixed(2)} (95% CI ${riiCi[0]} to ${riiCi[1]})`,
    source: SOURCES.simd,
    note: 'SII: fitted difference in the income-deprived share between the most and least deprived ends of the council\'s population ranked by SIMD (population-weighted regression on decile midpoints). RII: the SII divided by the council mean rate (its interval: the SII\'s divided by the same mean, which is a full count, not an estimate).',
  });
  const gradientTable = s.table.objects().map((r) => ({ decile: r.decile, rate: r.rate, population: r.population, rank: r.rank, fitted: r.fitted }));
  const gradientSpec = simdGradientChart(gradientTable, {
    group: 'decile', value: 'rate', sii: s, label: 'Share of people income deprived', groupLabel: 'national SIMD decile',
    title: `In ${name}, ${pct(gradientTable[0].rate)} of people in decile ${gradientTable[0].decile} areas are income deprived, against ${pct(gradientTable.at(-1).rate)} in decile ${gradientTable.at(-1).decile}`,
    subtitle: `Share of people income deprived by national SIMD decile, placed at the decile's population rank within ${name}; dashed: fitted slope (SII ${pp(s.sii)} percentage points, 95% CI ${pp(s.ci[0])} to ${pp(s.ci[1])})`,
    source: SOURCES.simd,
    note: 'Deciles with no data zones in the council are absent; the fitted line is drawn over the council\'s own range.',
  });
  return {
    id: 'deprivation',
    heading: 'Deprivation: where the council sits in Scotland, and the gap within it',
    paragraphs: [
      `${name} has ${zones.length} data zones and ${people.toLocaleString('en-GB')} people in the SIMD 2020v2 file. SIMD ranks areas, not people: many people on low incomes live outside the most deprived areas.`,
    ],
    charts: [
      { name: `${stem}-simd-profile`, spec: profileSpec, table: profile, columns: { decile: 'year', zones_share: 'percent1', people_share: 'percent1' } },
      { name: `${stem}-income-deprivation-sii-ranked`, spec: siiSpec, table: ranked, columns: SII_COLUMNS },
      { name: `${stem}-income-deprivation-gradient`, spec: gradientSpec, table: gradientTable, columns: { decile: 'year', rate: 'percent1', rank: 'decimal', fitted: 'percent1' } },
    ],
  };
}

/** Where in the council child poverty is highest: intermediate zones (map) and wards (AHC). */
export function neighbourhoodsSection(ctx, code) {
  const name = ctx.name.get(code);
  const stem = slug(name);
  const iz = ctx.izOutcomes.filter((r) => r.council === code && r.indicator === 'Child Poverty');
  const izValue = new Map(iz.map((r) => [r.intermediate_zone, r]));
  const mapRows = ctx.zones.get(code).filter((z) => izValue.has(z.intermediate_zone)).map((z) => ({ code: z.data_zone, intermediate_zone: z.intermediate_zone, intermediate_zone_name: izValue.get(z.intermediate_zone).intermediate_zone_name, child_poverty: izValue.get(z.intermediate_zone).value }));
  const sorted = [...iz].sort((a, b) => b.value - a.value);
  const highest = { name: sorted[0].intermediate_zone_name, value: sorted[0].value };
  const lowest = { name: sorted.at(-1).intermediate_zone_name, value: sorted.at(-1).value };
  const period = sorted[0].period;
  const mapSpec = dataZoneMap(mapRows, {
    value: 'child_poverty', label: `Children in low income families, ${period}`, format: 'percent', width: 440, height: 440,
    title: spreadFinding(name, highest, lowest, iz.length),
    subtitle: `Children in low income families (BHC) by intermediate zone, ${period}; each zone's data zones share its colour`,
    source: `${SOURCES.cpop} (intermediate zones; DWP/HMRC before housing costs)`,
  });
  const izTable = sorted.map((r) => ({ intermediate_zone: r.intermediate_zone, name: r.intermediate_zone_name, period: r.period, child_poverty: r.value }));

  const wards = ctx.wards.filter((w) => w.council === code);
  const latestYear = Math.max(...wards.map((w) => w.year));
  const wardRows = wards.filter((w) => w.year === latestYear).map((w) => ({ ward: w.ward, ward_name: w.ward_name, period: w.period, rate: w.rate, children: w.children }));
  const councilAhc = ctx.dwp.find((r) => r.release === '2026' && r.basis === 'AHC' && r.council === code && r.year === latestYear);
  const wardSorted = [...wardRows].sort((a, b) => b.rate - a.rate);
  const wardSpec = rankedDotsChart(wardRows, {
    name: 'ward_name', value: 'rate', reference: councilAhc?.rate, referenceLabel: name, label: 'Children in low income families after housing costs',
    title: `Child poverty after housing costs is highest in ${wardSorted[0].ward_name} ward (${pct(wardSorted[0].rate)}) and lowest in ${wardSorted.at(-1).ward_name} (${pct(wardSorted.at(-1).rate)})`,
    subtitle: `Children aged 0–15 in relative low income families after housing costs (AHC) by multi-member ward, ${wardRows[0].period}, % of children`,
    source: SOURCES.dwp2026,
    note: 'Ward rates rest on small numbers of children and move from year to year; the latest year is provisional.',
  });
  // the spread between intermediate zones on six CPOP outcomes, each on its own scale
  const outcomes = [
    { name: 'Child Poverty', label: 'Children in low income families (BHC), %', format: 'percent', higherIsBetter: false },
    { name: 'Out of Work Benefits', label: 'People on out-of-work benefits, % of 16–64', format: 'percent', higherIsBetter: false },
    { name: 'Participation Rate', label: '16–19-year-olds in education, training or work, %', format: 'percent', higherIsBetter: true },
    { name: 'Early Mortality', label: 'Deaths under 75 per 100,000 (age-standardised)', format: 'number', higherIsBetter: false },
    { name: 'Emergency Admissions', label: 'Emergency admissions per 100,000 aged 65+', format: 'number', higherIsBetter: false },
    { name: 'Crime Rate', label: 'Crimes and offences per 10,000 working-age people', format: 'number', higherIsBetter: false },
  ];
  const spreadRows = ctx.izOutcomes
    .filter((r) => r.council === code && outcomes.some((o) => o.name === r.indicator))
    .map((r) => ({ outcome: r.indicator, intermediate_zone: r.intermediate_zone, area: r.intermediate_zone_name, period: r.period, value: r.value }));
  const worstCounts = new Map();
  for (const o of outcomes) {
    const own = spreadRows.filter((r) => r.outcome === o.name);
    if (!own.length) continue;
    const w = own.reduce((a, b) => ((o.higherIsBetter ? b.value < a.value : b.value > a.value) ? b : a));
    worstCounts.set(w.area, (worstCounts.get(w.area) ?? 0) + 1);
  }
  const [worstArea, worstN] = [...worstCounts.entries()].sort((a, b) => b[1] - a[1])[0];
  const spreadSpec = spreadStripsChart(spreadRows, {
    outcomes, place: `${name}'s ${iz.length} intermediate zones`,
    title: worstAreaFinding(name, worstArea, worstN, worstCounts.size ? [...worstCounts.values()].reduce((a, b) => a + b, 0) : 0),
    subtitle: `Each tick one of ${name}'s ${iz.length} intermediate zones, ${period}; diamond: the worst zone on that outcome; dashed: the council's median zone`,
    source: `${SOURCES.cpop} (intermediate zones)`,
    note: 'Each outcome has its own scale and unit. Some zone values are imputed by CPOP for small numbers and are left out here.',
  });
  // the table behind it: one row per zone, a column per outcome, each printed in its own unit
  const key = (o) => o.name.toLowerCase().replace(/ /g, '_');
  const byZone = new Map();
  for (const r of spreadRows) {
    if (!byZone.has(r.intermediate_zone)) byZone.set(r.intermediate_zone, { intermediate_zone: r.intermediate_zone, name: r.area, period: r.period });
    byZone.get(r.intermediate_zone)[key(outcomes.find((o) => o.name === r.outcome))] = r.value;
  }
  const spreadTable = [...byZone.values()].map((z) => Object.fromEntries([...Object.entries(z), ...outcomes.map((o) => [key(o), z[key(o)] ?? null])]));
  const spreadColumns = Object.fromEntries(outcomes.map((o) => [key(o), o.format === 'percent' ? 'percent1' : 'number']));
  return {
    id: 'neighbourhoods',
    heading: 'Where in the council child poverty is highest',
    paragraphs: [
      `The map shows the Community Planning Outcomes Profile's child poverty measure for ${iz.length} intermediate zones (neighbourhoods of about 4,000 people, ${period}, before housing costs). The ward chart uses DWP's after-housing-costs measure for ${wardRows.length} multi-member wards (${wardRows[0].period}). The two use different years, bases and areas.`,
    ],
    charts: [
      { name: `${stem}-child-poverty-by-neighbourhood-map`, spec: mapSpec, table: izTable, columns: { child_poverty: 'percent1' } },
      { name: `${stem}-child-poverty-ahc-by-ward`, spec: wardSpec, table: wardRows, columns: { rate: 'percent1', children: 'number' } },
      { name: `${stem}-neighbourhood-outcomes-spread`, spec: spreadSpec, table: spreadTable, columns: spreadColumns },
    ],
  };
}

/** Carbon emissions and fuel poverty next to child poverty across councils. */
export function climateSection(ctx, code) {
  const name = ctx.name.get(code);
  const stem = slug(name);
  const carbon = latestOutcome(ctx, 'Carbon Emissions');
  const fuel = latestOutcome(ctx, 'Fuel Poverty');
  const poverty = new Map(ctx.dwp.filter((r) => r.release === '2025' && r.basis === 'BHC' && r.year === 2024).map((r) => [r.council, r.rate]));
  const rows = ctx.councils.map((c) => ({
    code: c.code, council: c.name,
    carbon_per_person: carbon.get(c.code)?.value ?? null, carbon_period: carbon.get(c.code)?.period ?? null,
    fuel_poverty: fuel.get(c.code)?.value ?? null, fuel_period: fuel.get(c.code)?.period ?? null,
    child_poverty: poverty.get(c.code) ?? null,
  }));
  const own = rows.find((r) => r.code === code);
  const sc = { carbon: carbon.get(SCOTLAND)?.value, fuel: fuel.get(SCOTLAND)?.value, poverty: poverty.get(SCOTLAND) };
  const carbonRows = rows.filter((r) => r.carbon_per_person !== null && r.child_poverty !== null);
  const fuelRows = rows.filter((r) => r.fuel_poverty !== null && r.child_poverty !== null);
  const charts = [];
  if (own.carbon_per_person !== null) {
    charts.push({
      name: `${stem}-carbon-and-child-poverty`,
      spec: councilScatterChart(carbonRows, {
        name: 'council', x: 'carbon_per_person', y: 'child_poverty', highlight: name, xFormat: ',.1f', yFormat: 'percent',
        xLabel: `CO₂ per person, tonnes (${own.carbon_period})`, yLabel: 'Child poverty, BHC (FYE 2024)',
        reference: { x: sc.carbon, y: sc.poverty },
        title: climateFinding(name, own.carbon_per_person, sc.carbon, own.child_poverty, sc.poverty),
        subtitle: `Each dot a council: CO₂ emissions within the scope of local authorities, tonnes per person, ${own.carbon_period}, and children in relative low income families before housing costs, FYE 2024; dashed: Scotland`,
        source: `${SOURCES.cpop} (carbon: BEIS/DESNZ local authority emissions); ${SOURCES.dwp2025}`,
      }),
      table: carbonRows.map(({ code: c, council, carbon_per_person, carbon_period, child_poverty }) => ({ code: c, council, carbon_per_person, carbon_period, child_poverty })),
      columns: { carbon_per_person: 'decimal', child_poverty: 'percent1' },
    });
  }
  if (own.fuel_poverty !== null) {
    charts.push({
      name: `${stem}-fuel-poverty-and-child-poverty`,
      spec: councilScatterChart(fuelRows, {
        name: 'council', x: 'fuel_poverty', y: 'child_poverty', highlight: name, xFormat: 'percent', yFormat: 'percent',
        xLabel: `Households in fuel poverty (${own.fuel_period})`, yLabel: 'Child poverty, BHC (FYE 2024)',
        reference: { x: sc.fuel, y: sc.poverty },
        title: fuelFinding(name, own.fuel_poverty, sc.fuel, own.child_poverty, sc.poverty),
        subtitle: `Each dot a council: share of households in fuel poverty (Scottish House Condition Survey 2017-19, the latest council figures) and children in relative low income families before housing costs, FYE 2024; dashed: Scotland`,
        source: `${SOURCES.cpop} (fuel poverty: Scottish House Condition Survey); ${SOURCES.dwp2025}`,
        note: 'Fuel poverty at council level is a three-year survey estimate with wide intervals that are not published with it; read small differences as no difference.',
      }),
      table: fuelRows.map(({ code: c, council, fuel_poverty, fuel_period, child_poverty }) => ({ code: c, council, fuel_poverty, fuel_period, child_poverty })),
      columns: { fuel_poverty: 'percent1', child_poverty: 'percent1' },
    });
  }
  return {
    id: 'climate',
    heading: 'Climate and child poverty',
    paragraphs: [
      `Net zero policy and child poverty targets meet in councils' budgets: carbon levies and energy prices fall hardest on low-income families. These charts place ${name} among the 32 councils on carbon emissions per person and fuel poverty next to child poverty. They show association across councils, not cause.`,
    ],
    charts,
  };
}

/** LGBF indicators where the council ranks in the bottom quartile or moved most. */
export function lgbfSection(ctx, code) {
  const name = ctx.name.get(code);
  const stem = slug(name);
  const byIndicator = new Map();
  for (const r of ctx.lgbfValues) {
    if (r.council === SCOTLAND) continue;
    const meta = ctx.indicators.get(r.indicator);
    // cash and real-terms versions rank councils alike within a year: keep the cash one
    if (!meta?.key_indicator || meta.higher_is_better === null || r.indicator.endsWith('-Real')) continue;
    if (!byIndicator.has(r.indicator)) byIndicator.set(r.indicator, new Map());
    const years = byIndicator.get(r.indicator);
    if (!years.has(r.year)) years.set(r.year, []);
    years.get(r.year).push(r);
  }
  const rows = [];
  for (const [indicator, years] of byIndicator) {
    const full = [...years.entries()].filter(([, rs]) => rs.length === 32).sort((a, b) => a[0] - b[0]);
    if (full.length < 2) continue;
    const [yNow, now] = full.at(-1);
    const earlier = full.filter(([y]) => y <= yNow - 5);
    const [yThen, then] = earlier.length ? earlier.at(-1) : full[0];
    const better = ctx.indicators.get(indicator).higher_is_better;
    const rankIn = (rs) => {
      const s = [...rs].sort((a, b) => (better ? b.value - a.value : a.value - b.value));
      const i = s.findIndex((r) => r.council === code);
      return i < 0 ? null : i + 1;
    };
    const rNow = rankIn(now);
    const rThen = rankIn(then);
    if (rNow === null || rThen === null) continue;
    const title = ctx.indicators.get(indicator).title ?? indicator;
    rows.push({
      indicator: `${title} (${indicator})`, code: indicator, period_then: then[0].period, rank_then: rThen, period_now: now[0].period, rank_now: rNow,
      value_then: then.find((r) => r.council === code).value, value_now: now.find((r) => r.council === code).value, direction: better ? 'higher is better' : 'lower is better',
    });
  }
  const bottom = rows.filter((r) => r.rank_now >= 25);
  const moved = [...rows].sort((a, b) => Math.abs(b.rank_now - b.rank_then) - Math.abs(a.rank_now - a.rank_then));
  const picked = [...bottom.sort((a, b) => b.rank_now - a.rank_now).slice(0, 8)];
  for (const m of moved) {
    if (picked.length >= 12) break;
    if (!picked.includes(m) && picked.filter((p) => !bottom.includes(p)).length < 4) picked.push(m);
  }
  const shownBottom = picked.filter((p) => bottom.includes(p)).length;
  const biggest = moved[0] ? `${moved[0].indicator.replace(/ \([^)]*\)$/, '')} (rank ${moved[0].rank_then} to ${moved[0].rank_now})` : null;
  const spec = rankChangeChart(picked, {
    of: 32, thenLabel: 'about five years earlier', nowLabel: 'latest year',
    title: lgbfFinding(name, bottom.length, rows.length, biggest),
    subtitle: `Rank among 32 councils (1 = best, by each indicator's own direction): hollow = about five years earlier, filled = latest year; ${shownBottom ? `the ${shownBottom === bottom.length ? '' : `${shownBottom} lowest-ranked of the `}${bottom.length} bottom-quartile indicators, then ` : ''}the biggest moves`,
    source: SOURCES.lgbf,
    note: 'Ranks hide how close councils are; check the values in the data table. The bundled LGBF release ends in 2020-21.',
  });
  return {
    id: 'lgbf',
    heading: 'Benchmarking: where the council ranks low or has moved most',
    paragraphs: [`Of ${rows.length} Local Government Benchmarking Framework indicators with a direction and all 32 councils reported, ${name} is in the bottom quartile (ranks 25–32) on ${bottom.length}.`],
    charts: [{ name: `${stem}-lgbf-bottom-quartile-and-moves`, spec, table: picked, columns: { rank_then: 'year', rank_now: 'year', value_then: 'decimal', value_now: 'decimal' } }],
  };
}

export const COUNCIL_SECTIONS = [childPovertySection, deprivationSection, neighbourhoodsSection, climateSection, lgbfSection];
