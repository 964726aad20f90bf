// The sections of the Scotland page: the Act's targets (after housing costs), councils compared,
// and income deprivation across SIMD deciles nationally.
import * as aq from 'arquero';
import { povertyTrendChart, targetsProgress, councilMap, rankedDotsChart, simdGradientChart } from 'povineq';
import { SCOTLAND, SOURCES, SII_COLUMNS } from './context.mjs';
import { targetsFinding, rangeFinding, pct, pp, points } from './findings.mjs';

const op = aq.op;

const LABELS = {
  relative: 'Relative poverty',
  absolute: 'Absolute poverty',
  combined: 'Low income and material deprivation',
  persistent: 'Persistent poverty',
};

/** Child poverty against the four targets of the Child Poverty (Scotland) Act 2017, after housing costs (s. 7(1)). */
export function targetsSection(ctx) {
  const measures = Object.keys(LABELS);
  const both = ctx.piis.concat(ctx.persistent);
  const series = both
    .params({ measures })
    .filter((d, $) => d.group === 'Children' && d.basis === 'AHC' && op.includes($.measures, d.measure) && d.rate !== null && d.year >= 2010)
    .derive({ order: (d, $) => op.indexof($.measures, d.measure) })
    .orderby('order', 'year') // the Act's order: relative, absolute, combined, persistent (ss. 3–6)
    .select('period', 'year', 'measure', 'rate');
  const progress = targetsProgress(both).filter((d) => d.kind === 'interim').objects();
  const spec = povertyTrendChart(series, {
    targets: ctx.targets,
    panels: true,
    seriesLabels: LABELS,
    label: 'Children in poverty',
    title: targetsFinding(progress, LABELS),
    subtitle: 'Scotland, share of children after housing costs (the Act\u2019s basis, s. 7(1)); three-year averages (persistent: four-year panel periods); interim targets 2023/24, final 2030/31',
    source: `${SOURCES.piis}; persistent poverty: ${SOURCES.persistent}`,
    note: 'Survey estimates (Family Resources Survey; Understanding Society for persistent poverty); PIIS publishes no intervals. Three-year averages smooth sampling noise; 2020/21 is left out of PIIS averages.',
  });
  const table = series.objects().map((r) => ({ ...r, measure: LABELS[r.measure] }));
  return {
    id: 'targets',
    heading: "The Act's targets: child poverty after housing costs",
    paragraphs: [
      'The Child Poverty (Scotland) Act 2017 sets four targets for 2030/31, with interim targets for 2023/24, all measured after housing costs (section 7(1)): fewer than 10% of children in relative poverty, 5% in absolute poverty, 5% in combined low income and material deprivation and 5% in persistent poverty.',
      'Edition shown: Poverty and Income Inequality in Scotland 2019-22 (published March 2023), the newest whose tables are bundled here, and its persistent-poverty workbook (periods to 2017-2021). Later editions revised the series; quote those figures from the Scottish Government\'s current release.',
    ],
    charts: [{ name: 'scotland-child-poverty-targets', spec, table, columns: { year: 'year', rate: 'percent1' } }],
  };
}

/** Councils compared on child poverty after housing costs: a map and ranked dots with family groups. */
export function councilsComparedSection(ctx) {
  const ahc = ctx.dwp.filter((r) => r.release === '2026' && r.basis === 'AHC');
  const year = Math.max(...ahc.map((r) => r.year));
  const latest = ahc.filter((r) => r.year === year);
  const scotland = latest.find((r) => r.council === SCOTLAND);
  const rows = latest
    .filter((r) => r.council !== SCOTLAND)
    .map((r) => ({ code: r.council, council: r.council_name, period: r.period, rate: r.rate, children: r.children, family_group: ctx.familyName(ctx.families.get(r.council)) }));
  const sorted = [...rows].sort((a, b) => b.rate - a.rate);
  const highest = { name: sorted[0].council, rate: sorted[0].rate };
  const lowest = { name: sorted.at(-1).council, rate: sorted.at(-1).rate };
  const title = rangeFinding('Child poverty after housing costs', highest, lowest);
  const subtitle = `Children aged 0–15 in relative low income families after housing costs (AHC), ${scotland.period}, % of children; Scotland ${pct(scotland.rate)}`;
  const mapSpec = councilMap(rows, {
    value: 'rate', label: `Children in low income families (AHC), ${scotland.period}`, format: 'percent',
    title, subtitle, source: SOURCES.dwp2026, note: 'Administrative measure; the latest year is provisional.',
  });
  const dotsSpec = rankedDotsChart(rows, {
    name: 'council', value: 'rate', group: 'family_group', groupLabel: 'LGBF family group', reference: scotland.rate,
    label: `Children in low income families (AHC), ${scotland.period}`,
    title: `${sorted[0].council} has ${(highest.rate / lowest.rate).toFixed(1)} times the child poverty rate of ${lowest.name} after housing costs`,
    subtitle: `${subtitle}. Shape: LGBF family group for children's services (1 = least deprived)`,
    source: SOURCES.dwp2026,
    note: 'Administrative counts without sampling intervals. End Child Poverty\'s modelled AHC estimates are much higher (Glasgow City 2023/24: 36.1% against DWP\'s 24.6%): different methods and child bases, not interchangeable.',
  });
  return {
    id: 'councils',
    heading: 'Councils compared',
    paragraphs: [
      `The freshest council figures on the statutory (after housing costs) basis are DWP's, first published in March 2026 for ${ahc.find((r) => r.year < year)?.period ?? ''} and ${scotland.period}. Council pages also show the longer before-housing-costs series and End Child Poverty's modelled AHC estimates, and explain why those run higher.`,
    ],
    charts: [
      { name: 'scotland-child-poverty-ahc-council-map', spec: mapSpec, table: rows, columns: { rate: 'percent1', children: 'number' } },
      { name: 'scotland-child-poverty-ahc-councils-ranked', spec: dotsSpec, table: rows, columns: { rate: 'percent1', children: 'number' } },
    ],
  };
}

/** Income deprivation by SIMD decile nationally, with its slope and relative indices. */
export function inequalitySection(ctx) {
  const s = ctx.scotlandSii;
  const table = s.table.objects().map((r) => ({ decile: r.decile, rate: r.rate, population: r.population, rank: r.rank, fitted: r.fitted }));
  const spec = simdGradientChart(table, {
    group: 'decile', value: 'rate', sii: s, label: 'Share of people income deprived', groupLabel: 'SIMD decile',
    title: `Income deprivation is ${points(s.sii)} higher at Scotland's most deprived end than its least (RII ${s.rii.toFixed(1)})`,
    subtitle: `Share of people income deprived by SIMD 2020v2 decile, at each decile's population rank; dashed: fitted slope, SII ${pp(s.sii)} percentage points (95% CI ${pp(s.ci[0])} to ${pp(s.ci[1])})`,
    source: SOURCES.simd,
    note: 'SII: fitted difference between the ends of the population ranked by area deprivation (population-weighted regression on decile midpoints); RII: the SII divided by the Scottish mean rate.',
  });
  const ranked = ctx.siiRanked;
  const order = [...ranked].sort((a, b) => b.sii_points - a.sii_points);
  const rankedSpec = rankedDotsChart(ranked, {
    name: 'council', value: 'sii_points', lower: 'lower_points', upper: 'upper_points', reference: 100 * s.sii, format: 'decimal1',
    label: 'Slope index of inequality (percentage points)',
    title: `The gap in income deprivation within councils is steepest in ${order[0].council} and shallowest in ${order.at(-1).council}`,
    subtitle: 'Slope index of inequality in income deprivation across national SIMD deciles within each council, percentage points, with 95% confidence intervals',
    source: SOURCES.simd,
  });
  return {
    id: 'inequality',
    heading: 'Inequality between areas: income deprivation across SIMD deciles',
    paragraphs: ['SIMD ranks areas, not people: these indices describe the gradient between areas, and many people on low incomes live outside the most deprived areas.'],
    charts: [
      { name: 'scotland-income-deprivation-gradient', spec, table, columns: { decile: 'year', rate: 'percent1', rank: 'decimal', fitted: 'percent1' } },
      { name: 'scotland-income-deprivation-sii-by-council', spec: rankedSpec, table: ranked, columns: SII_COLUMNS },
    ],
  };
}

export const SCOTLAND_SECTIONS = [targetsSection, councilsComparedSection, inequalitySection];
