// Draws one example of every chart kind into docs/guides/img/ for docs/guides/charts.md.
// Every table comes from povineq's own functions on bundled data: EU-SILC (synthetic survey),
// SIMD, PIIS, LGBF, and seeded synthetic households for the policy charts.
//
//   npx tsup --silent && node scripts/chart-gallery.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import {
  eusilc, distribution, byGroup, lorenz, gini, arpr, median, povertyLine, theil, readCSV, datasetPath, simd, lgbf, lgbfFamilies, SCOTLAND_CODE,
  lorenzChart, measureChart, incomeDistributionChart, povertyTrendChart, decileImpactChart, winnersLosersChart,
  simdGradientChart, councilMap, dataZoneMap, lgbfChart, decompositionChart, crossCheckChart, toPNG,
  estimate, sii, syntheticHouseholds, compare, crossCheck, carbonLevy, RECYCLING_OPTIONS, PIIS_2019_22_THRESHOLDS,
} from 'povineq';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'guides', 'img');
fs.mkdirSync(out, { recursive: true });
const { op } = aq;
const EUSILC = 'EU-SILC example data from R laeken (synthetic, Austria 2006)';
const SIMD = 'SIMD 2020v2, Scottish Government (OGL v3)';

const people = eusilc();
const o = { value: 'eqIncome', weight: 'rb050' };
const d = distribution(people, o);
const regions = [...new Set(people.array('db040'))].sort();
const forRegion = (region) => people.filter(aq.escape((r) => r.db040 === region));

// Theil between/within regions on positive incomes: T = Σ s_g T_g + Σ s_g ln(μ_g / μ), s_g the income share
const positive = people.filter((r) => r.eqIncome > 0);
const pd = distribution(positive, o);
const parts = regions.map((region) => {
  const g = distribution(forRegion(region).filter((r) => r.eqIncome > 0), o);
  const share = (g.mean * g.totalWeight) / (pd.mean * pd.totalWeight);
  return { share, within: share * theil(g), between: share * Math.log(g.mean / pd.mean) };
});
const within = parts.reduce((s, p) => s + p.within, 0);
const between = parts.reduce((s, p) => s + p.between, 0);
const total = theil(pd);

// SIMD income deprivation by decile and its slope index of inequality
const slope = sii(simd(), { group: 'decile', count: 'income_count', population: 'population', proportion: true, missing: 'drop' });

// a 10% carbon levy on SYNTHETIC households (seeded): impacts and the cross-check of recycling options
const households = syntheticHouseholds({ seed: 20230323, households: 20_000 });
const lines = { referenceMedian: { BHC: PIIS_2019_22_THRESHOLDS.medianBHC, AHC: PIIS_2019_22_THRESHOLDS.medianAHC } };
const policies = Object.fromEntries(RECYCLING_OPTIONS.map((r) => [`levy 10%, recycling: ${r}`, carbonLevy({ rate: 0.1, recycling: r })]));
const levy = compare(households, policies['levy 10%, recycling: none'], lines);
const matrix = crossCheck(households, policies, { ...lines, replicates: 100, seed: 1, minimumEffect: 0.001 });
const SYNTHETIC = 'povineq synthetic households (seed 20230323)';
const SYNTHETIC_NOTE = 'Synthetic data: illustrates the method, not an estimate for Scotland.';

// PIIS: children in relative and absolute poverty after housing costs (the Act's basis, s. 7(1)),
// three-year averages (tables 1a and 2a)
const piis = readCSV(datasetPath('piis2023_3yr_values.csv'))
  .filter((r) => (r.table_id === '1a' || r.table_id === '2a') && r.row_label === 'Children' && r.value != null)
  .derive({ measure: (r) => (r.table_id === '1a' ? 'relative' : 'absolute'), year: (r) => op.parse_int(op.substring(r.column_label, 0, 4), 10) + 3 })
  .select('column_label', 'year', 'measure', 'value')
  .rename({ column_label: 'period', value: 'rate' });
const targets = aq.table({
  measure: ['relative', 'relative', 'absolute', 'absolute'],
  target_year: [2024, 2031, 2024, 2031],
  period: ['2023/24', '2030/31', '2023/24', '2030/31'],
  kind: ['interim', 'final', 'interim', 'final'],
  target: [0.18, 0.1, 0.14, 0.05],
});

// LGBF: positive destinations of school leavers (CHN11), the latest year with all 32 councils
const chn = lgbf().filter((r) => r.indicator === 'CHN11' && r.value != null);
const years = chn.groupby('year').count().filter((r) => r.count >= 33).orderby(aq.desc('year'));
const year = years.get('year', 0);
const latest = chn.filter(aq.escape((r) => r.year === year));
const scotland = latest.filter(aq.escape((r) => r.council === SCOTLAND_CODE)).get('value', 0);
const fam = lgbfFamilies().select('council', 'family_group_people');
const councilsOnly = latest.filter(aq.escape((r) => r.council !== SCOTLAND_CODE)).join(fam, 'council');
const famStats = councilsOnly.groupby('family_group_people').rollup({ family_mean: op.mean('value'), family_min: op.min('value'), family_max: op.max('value') });
const comparison = councilsOnly
  .join(famStats, 'family_group_people')
  .orderby(aq.desc('value'))
  .derive({ rank: () => op.row_number(), scotland: aq.escape(() => scotland) })
  .rename({ council_name: 'council', council: 'code', family_group_people: 'family_group' })
  .select('council', 'code', 'value', 'rank', 'scotland', 'family_group', 'family_mean', 'family_min', 'family_max');

const charts = {
  lorenz: lorenzChart(
    regions.map((region) => lorenz(forRegion(region), { ...o, at: 20 }).derive({ region: aq.escape(() => region) })).reduce((a, b) => a.concat(b)),
    { group: 'region', title: 'Lorenz curves by region', source: EUSILC },
  ),
  'income-distribution': incomeDistributionChart(people, {
    ...o, format: ',.0f', label: 'Equivalised income (EUR a year)', title: 'Income distribution and poverty lines', source: EUSILC,
    lines: [{ value: povertyLine(d), label: 'Poverty line (60% of median)' }, { value: 0.5 * median(d), label: '50% of median' }],
  }),
  measures: measureChart(estimate(arpr, people, { value: 'eqIncome', design: { strata: 'db040', psu: 'db030', weight: 'rb050' }, by: 'db040' }), {
    group: 'db040', label: 'At-risk-of-poverty rate', format: 'percent', reference: { value: arpr(d), label: 'All regions' },
    title: 'Poverty by region, with 95% confidence intervals', subtitle: 'Linearization; strata = region, PSU = household', source: EUSILC,
  }),
  'measures-by-region': measureChart(byGroup(arpr, people, { ...o, by: 'db040' }), {
    group: 'db040', value: 'arpr', label: 'At-risk-of-poverty rate', format: 'percent', reference: { value: arpr(d), label: 'Whole population' }, title: 'Poverty by region against the population line', source: EUSILC,
  }),
  'poverty-trend': povertyTrendChart(piis, {
    targets, panels: true, seriesLabels: { relative: 'Relative poverty', absolute: 'Absolute poverty' },
    label: 'Children in poverty', title: 'Child poverty and the Act’s targets', subtitle: 'Scotland, after housing costs (the Act’s basis, s. 7(1)), three-year averages',
    source: 'Scottish Government, Poverty and Income Inequality in Scotland 2019-22 (published March 2023), OGL v3; targets: Child Poverty (Scotland) Act 2017',
  }),
  'decile-impact': decileImpactChart(levy.deciles, { value: 'pct_change', title: 'A 10% carbon levy: change in income by decile', source: SYNTHETIC, note: SYNTHETIC_NOTE }),
  'winners-losers': winnersLosersChart(levy.winnersLosers, { title: 'A 10% carbon levy: winners and losers', source: SYNTHETIC, note: SYNTHETIC_NOTE }),
  'simd-gradient': simdGradientChart(slope.table, {
    label: 'Share of people income deprived', groupLabel: 'SIMD decile', sii: slope,
    title: 'Income deprivation across SIMD deciles', source: SIMD, note: 'Dashed line: the slope index of inequality fit, sii().',
  }),
  'council-map': councilMap(
    simd().derive({ deprived: (z) => (z.quintile === 1 ? z.population : 0) }).groupby('council').rollup({ population: op.sum('population'), deprived: op.sum('deprived') }).derive({ value: (r) => r.deprived / r.population }).rename({ council: 'code' }),
    { label: 'People in the 20% most deprived data zones', title: 'Share of people in the most deprived data zones', source: SIMD },
  ),
  'data-zone-map': dataZoneMap(
    simd().filter((z) => z.council_name === 'Dundee City' && z.income_rate != null).select({ data_zone: 'code', income_rate: 'value' }),
    { label: 'Income deprived', title: 'Income deprivation in Dundee City by data zone', source: SIMD },
  ),
  lgbf: lgbfChart(comparison, {
    highlight: 'Fife', format: 'percent', label: 'School leavers in positive destinations', title: `Positive destinations, ${year}: councils compared`,
    source: 'Local Government Benchmarking Framework, Improvement Service (CHN11)',
  }),
  decomposition: decompositionChart(
    aq.table({ component: ['Within regions', 'Between regions'], value: [within, between], share: [within / total, between / total] }),
    { title: 'Theil index: within and between regions', source: EUSILC, note: 'Positive incomes only.' },
  ),
  'cross-check': crossCheckChart(matrix, { title: 'Carbon levy options: effects on poverty and inequality', source: SYNTHETIC, note: `${SYNTHETIC_NOTE} Flags from 100 seeded bootstrap replicates.` }),
};

for (const [name, spec] of Object.entries(charts)) {
  fs.writeFileSync(path.join(out, `${name}.png`), await toPNG(spec, { scale: 1.5 }));
  console.log(`docs/guides/img/${name}.png`);
}
console.log(`Theil: total ${total.toFixed(6)}, within ${within.toFixed(6)}, between ${between.toFixed(6)}`);
