// Hand-made result tables in the shapes agreed in docs/result-tables.md, and one spec per chart
// kind built from them. Numbers are small and written out so a reader can check each chart.
import * as aq from 'arquero';
import type { TopLevelSpec } from 'vega-lite';
import { lorenzChart, measureChart } from '../../src/index.js';

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

export function cases(): { name: string; spec: TopLevelSpec }[] {
  return [
    { name: 'lorenz', spec: lorenzChart(lorenzTable, { group: 'area', source: 'hand-made test table' }) },
    { name: 'lorenz-single', spec: lorenzChart(lorenzTable.filter((d: { area: string }) => d.area === 'Unequal')) },
    {
      name: 'measures',
      spec: measureChart(domainTable, { group: 'council', label: 'Relative poverty rate', format: 'percent', reference: { value: 0.19, label: 'Scotland' } }),
    },
    { name: 'measures-no-ci', spec: measureChart(domainTable.select('council', 'estimate'), { group: 'council', sort: 'table' }) },
  ];
}
