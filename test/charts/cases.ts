// Hand-made result tables in the shapes agreed in docs/result-tables.md, and one spec per chart
// kind built from them. Numbers are small and written out so a reader can check each chart.
import * as aq from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import {
  type AreaTopology,
  councilMap,
  crossCheckChart,
  dataZoneMap,
  decileImpactChart,
  decompositionChart,
  incomeDistributionChart,
  lgbfChart,
  lorenzChart,
  measureChart,
  povertyTrendChart,
  simdGradientChart,
  winnersLosersChart,
} from '../../src/index.js';

/** Two Lorenz curves: "Equal" lies on the diagonal; "Unequal" gives the poorest half 20%. */
export const lorenzTable = aq.table({
  area: ['Equal', 'Equal', 'Equal', 'Unequal', 'Unequal', 'Unequal'],
  p: [0, 0.5, 1, 0, 0.5, 1],
  L: [0, 0.5, 1, 0, 0.2, 1],
});

/** Domain estimates of a poverty rate by council, with 95% intervals. */
export const domainTable = aq.table({
  council: ['Fife', 'Angus', 'Moray'],
  estimate: [0.21, 0.18, 0.15],
  se: [0.01, 0.02, 0.015],
  ci_lower: [0.19, 0.14, 0.12],
  ci_upper: [0.23, 0.22, 0.18],
  level: [0.95, 0.95, 0.95],
  method: ['linearization', 'linearization', 'linearization'],
  n: [400, 300, 350],
});

/** Ten incomes, weights 1 or 2; 60% of the weighted median (300) is 180. */
export const incomes = aq.table({
  income: [100, 150, 200, 250, 300, 300, 350, 400, 500, 900],
  w: [1, 2, 1, 1, 2, 1, 1, 1, 1, 1],
});

/** A poverty rate series in the PIIS shape (two measures, children, after housing costs: the Act's basis, s. 7(1)). */
export const series = aq.table({
  period: ['2017-20', '2018-21', '2019-22', '2017-20', '2018-21', '2019-22'],
  year: [2020, 2021, 2022, 2020, 2021, 2022],
  measure: ['relative', 'relative', 'relative', 'absolute', 'absolute', 'absolute'],
  basis: ['AHC', 'AHC', 'AHC', 'AHC', 'AHC', 'AHC'],
  group: ['Children', 'Children', 'Children', 'Children', 'Children', 'Children'],
  rate: [0.24, 0.24, 0.24, 0.21, 0.2, 0.2],
  ci_lower: [0.21, 0.21, 0.21, 0.18, 0.17, 0.17],
  ci_upper: [0.27, 0.27, 0.27, 0.24, 0.23, 0.23],
});

/** The statutory child poverty targets for the two measures (Child Poverty (Scotland) Act 2017, ss. 1–2). */
export const targets = aq.table({
  measure: ['relative', 'relative', 'absolute', 'absolute'],
  target_year: [2024, 2031, 2024, 2031],
  period: ['2023/24', '2030/31', '2023/24', '2030/31'],
  kind: ['interim', 'final', 'interim', 'final'],
  target: [0.18, 0.1, 0.14, 0.05],
});

export const decileImpacts = aq.table({
  decile: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  mean_change: [6.5, 5.1, 3.2, 1.0, -0.4, -1.5, -2.6, -3.9, -5.2, -8.8],
  pct_change: [0.031, 0.02, 0.011, 0.003, -0.001, -0.004, -0.006, -0.008, -0.009, -0.011],
});

const BANDS = ['Gain more than 5%', 'Gain 0.1-5%', 'No change', 'Lose 0.1-5%', 'Lose more than 5%'];
/** Winners and losers: "All" and deciles 1 and 10, shares summing to 1 in each row. */
export const winnersLosers = aq.from(
  (
    [
      ['All', [0.1, 0.3, 0.2, 0.3, 0.1]],
      [1, [0.4, 0.3, 0.2, 0.1, 0]],
      [10, [0, 0.1, 0.2, 0.4, 0.3]],
    ] as const
  ).flatMap(([decile, shares]) => shares.map((share, i) => ({ decile, band: BANDS[i], share }))),
);

/** SIMD quintiles: rates fall from 30% to 10%; ranks are the population midpoints. */
export const gradient = aq.table({
  group: [1, 2, 3, 4, 5],
  rate: [0.3, 0.25, 0.2, 0.15, 0.1],
  population: [100, 100, 100, 100, 100],
  rank: [0.1, 0.3, 0.5, 0.7, 0.9],
});

/** Two squares (west, east) as a TopoJSON topology; rings run clockwise as d3-geo expects. */
export const squares: AreaTopology = {
  type: 'Topology',
  arcs: [
    [[-4, 56], [-4, 57], [-3, 57], [-3, 56], [-4, 56]],
    [[-3, 56], [-3, 57], [-2, 57], [-2, 56], [-3, 56]],
  ],
  objects: {
    areas: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], properties: { code: 'S12000001', name: 'West' } },
        { type: 'Polygon', arcs: [[1]], properties: { code: 'S12000002', name: 'East' } },
      ],
    },
  },
};

export const lgbfTable = aq.table({
  council: ['Aberdeen City', 'Fife', 'Angus', 'Moray'],
  code: ['S12000033', 'S12000047', 'S12000041', 'S12000020'],
  value: [12.5, 10.1, 9.0, 7.5],
  rank: [1, 2, 3, 4],
  scotland: [9.8, 9.8, 9.8, 9.8],
  family_group: [1, 2, 1, 2],
  family_mean: [10.75, 8.8, 10.75, 8.8],
  family_min: [9.0, 7.5, 9.0, 7.5],
  family_max: [12.5, 10.1, 12.5, 10.1],
});

export const decomposition = aq.table({
  component: ['within', 'between'],
  value: [0.18, 0.02],
  share: [0.9, 0.1],
});

export const crossCheck = aq.table({
  policy: ['Carbon levy', 'Carbon levy', 'Levy + child payment', 'Levy + child payment'],
  outcome: ['Child poverty', 'Fuel poverty', 'Child poverty', 'Fuel poverty'],
  baseline: [0.24, 0.3, 0.24, 0.3],
  reform: [0.26, 0.3, 0.2, 0.29],
  effect: [0.02, 0.001, -0.04, -0.01],
  ci_lower: [0.01, -0.004, -0.05, -0.015],
  ci_upper: [0.03, 0.006, -0.03, -0.005],
  flag: ['harms', 'no detectable effect', 'helps', 'helps'],
});

/** Every chart kind built from the tables above; `snapshot: false` for specs carrying real boundaries. */
export function cases(): { name: string; spec: TopLevelSpec; snapshot?: boolean }[] {
  return [
    { name: 'lorenz', spec: lorenzChart(lorenzTable, { group: 'area', source: 'hand-made test table' }) },
    { name: 'lorenz-single', spec: lorenzChart(lorenzTable.filter((d: { area: string }) => d.area === 'Unequal')) },
    {
      name: 'measures',
      spec: measureChart(domainTable, { group: 'council', label: 'Relative poverty rate', format: 'percent', reference: { value: 0.19, label: 'Scotland' } }),
    },
    { name: 'measures-no-ci', spec: measureChart(domainTable.select('council', 'estimate'), { group: 'council', sort: 'table' }) },
    {
      name: 'income-distribution',
      spec: incomeDistributionChart(incomes, { weight: 'w', bins: 10, lines: [{ value: 180, label: 'Poverty line (60% of median)' }, { value: 150, label: '50% of median' }] }),
    },
    { name: 'poverty-trend', spec: povertyTrendChart(series, { targets, subtitle: 'Children, after housing costs' }) },
    {
      name: 'poverty-trend-panels',
      spec: povertyTrendChart(series, { targets, panels: true, seriesLabels: { relative: 'Relative poverty', absolute: 'Absolute poverty' }, subtitle: 'Children, after housing costs' }),
    },
    { name: 'poverty-trend-no-targets', spec: povertyTrendChart(series.select('year', 'measure', 'rate')) },
    { name: 'decile-impact', spec: decileImpactChart(decileImpacts) },
    { name: 'decile-impact-share', spec: decileImpactChart(decileImpacts, { value: 'pct_change' }) },
    { name: 'winners-losers', spec: winnersLosersChart(winnersLosers) },
    { name: 'simd-gradient', spec: simdGradientChart(gradient, { sii: { intercept: 0.35, slope: -0.25 }, label: 'Poverty rate', groupLabel: 'SIMD quintile' }) },
    { name: 'council-map-small', spec: councilMap([{ code: 'S12000001', value: 0.2 }], { topology: squares, feature: 'areas', label: 'Poverty rate' }) },
    { name: 'data-zone-map-small', spec: dataZoneMap([{ code: 'S12000001', value: 0.2 }, { code: 'S12000002', value: 0.1 }], { topology: squares, feature: 'areas' }) },
    { name: 'lgbf', spec: lgbfChart(lgbfTable, { highlight: 'Fife', label: 'Indicator value' }) },
    { name: 'decomposition', spec: decompositionChart(decomposition) },
    { name: 'cross-check', spec: crossCheckChart(crossCheck) },
  ];
}
