// Draws one example of every chart kind into docs/guides/img/ for docs/guides/charts.md.
// Real bundled data where povineq already computes the table (EU-SILC, SIMD, PIIS, LGBF);
// clearly labelled illustrative tables for kinds whose producers are still to come.
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
} from 'povineq';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'guides', 'img');
fs.mkdirSync(out, { recursive: true });
const { op } = aq;
const EUSILC = 'EU-SILC example data from R laeken (synthetic, Austria 2006)';
const SIMD = 'SIMD 2020v2, Scottish Government (OGL v3)';
const ILLUSTRATIVE = 'Illustrative numbers, not an estimate.';

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

// SIMD income deprivation by decile, ranks = population midpoints, and a population-weighted
// least-squares line of rate on rank (the slope index of inequality's fitted line)
const zones = simd().filter((z) => z.income_count != null && z.population > 0);
const deciles = zones.groupby('decile').rollup({ population: aq.op.sum('population'), deprived: aq.op.sum('income_count') }).derive({ rate: (r) => r.deprived / r.population }).orderby('decile');
const pops = Array.from(deciles.array('population'));
const totalPop = pops.reduce((a, b) => a + b, 0);
let cum = 0;
const rank = pops.map((p) => ((cum += p) - p / 2) / totalPop);
const rates = Array.from(deciles.array('rate'));
const wmean = (xs) => xs.reduce((s, x, i) => s + x * pops[i], 0) / totalPop;
const mr = wmean(rank);
const my = wmean(rates);
const slope = rank.reduce((s, r, i) => s + pops[i] * (r - mr) * (rates[i] - my), 0) / rank.reduce((s, r, i) => s + pops[i] * (r - mr) ** 2, 0);
const gradient = deciles.assign({ rank }).rename({ decile: 'group' });

// PIIS: children in relative and absolute poverty before housing costs, three-year averages
const piis = readCSV(datasetPath('piis2023_3yr_values.csv'))
  .filter((r) => (r.table_id === '4a' || r.table_id === '5a') && r.row_label === 'Children' && r.value != null)
  .derive({ measure: (r) => (r.table_id === '4a' ? 'relative' : 'absolute'), year: (r) => op.parse_int(op.substring(r.column_label, 0, 4), 10) + 3 })
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
  measures: measureChart(
    aq.table({ council: ['Glasgow City', 'Dundee City', 'Fife', 'Highland', 'Aberdeenshire'], estimate: [0.29, 0.27, 0.23, 0.2, 0.17], ci_lower: [0.26, 0.23, 0.2, 0.16, 0.14], ci_upper: [0.32, 0.31, 0.26, 0.24, 0.2], level: [0.95, 0.95, 0.95, 0.95, 0.95] }),
    { group: 'council', label: 'Children in relative poverty', format: 'percent', reference: { value: 0.24, label: 'Scotland' }, title: 'Child poverty by council, with 95% intervals', source: 'made-up domain estimates', note: ILLUSTRATIVE },
  ),
  'measures-by-region': measureChart(byGroup(arpr, people, { ...o, by: 'db040' }), {
    group: 'db040', value: 'arpr', label: 'At-risk-of-poverty rate', format: 'percent', reference: { value: arpr(d), label: 'Whole population' }, title: 'Poverty by region against the population line', source: EUSILC,
  }),
  'poverty-trend': povertyTrendChart(piis, {
    targets, label: 'Children in poverty (before housing costs)', title: 'Child poverty and the statutory targets', subtitle: 'Three-year averages, Scotland',
    source: 'Scottish Government, Poverty and Income Inequality in Scotland 2020-23 (OGL v3); targets: Child Poverty (Scotland) Act 2017',
  }),
  'decile-impact': decileImpactChart(
    aq.table({ decile: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], mean_change: [6.5, 5.1, 3.2, 1.0, -0.4, -1.5, -2.6, -3.9, -5.2, -8.8] }),
    { title: 'Impact of a policy by income decile', source: 'made-up impacts', note: ILLUSTRATIVE },
  ),
  'winners-losers': winnersLosersChart(
    aq.from(
      [['All', [0.1, 0.3, 0.2, 0.3, 0.1]], ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => [k, [0.45 - 0.04 * k, 0.3, 0.15, 0.1 + 0.03 * k - 0.0, 0.01 * k].map((x, _, a) => x / a.reduce((s, y) => s + y, 0))])].flatMap(
        ([decile, shares]) => shares.map((share, i) => ({ decile, band: ['Gain more than 5%', 'Gain 0.1-5%', 'No change', 'Lose 0.1-5%', 'Lose more than 5%'][i], share })),
      ),
    ),
    { title: 'Winners and losers', source: 'made-up shares', note: ILLUSTRATIVE },
  ),
  'simd-gradient': simdGradientChart(gradient, {
    label: 'Share of people income deprived', groupLabel: 'SIMD decile', sii: { intercept: my - slope * mr, slope },
    title: 'Income deprivation across SIMD deciles', source: SIMD, note: 'Line: population-weighted least-squares fit of rate on rank.',
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
  'cross-check': crossCheckChart(
    aq.table({
      policy: ['Carbon levy', 'Carbon levy', 'Carbon levy', 'Levy + child payment', 'Levy + child payment', 'Levy + child payment'],
      outcome: ['Child poverty', 'Fuel poverty', 'Inequality (Gini)', 'Child poverty', 'Fuel poverty', 'Inequality (Gini)'],
      effect: [0.012, 0.018, 0.001, -0.021, 0.009, -0.006],
      flag: ['harms', 'harms', 'no detectable effect', 'helps', 'harms', 'helps'],
    }),
    { title: 'Does the policy harm another goal?', source: 'made-up effects', note: ILLUSTRATIVE },
  ),
};

for (const [name, spec] of Object.entries(charts)) {
  fs.writeFileSync(path.join(out, `${name}.png`), await toPNG(spec, { scale: 1.5 }));
  console.log(`docs/guides/img/${name}.png`);
}
console.log(`Theil: total ${total.toFixed(6)}, within ${within.toFixed(6)}, between ${between.toFixed(6)}`);
