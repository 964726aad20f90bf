import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, field, frame } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, formatString, axisFormat } from './theme.js';

/** Options of {@link decileImpactChart}. */
export interface DecileImpactChartOptions extends ChartOptions {
  /** Decile column (default `decile`, 1 = poorest). */
  decile?: string;
  /** Change column (default `mean_change`, £ a week; `pct_change` for the change as a share of income). */
  value?: string;
  /** Axis format (default 'pence' for £ changes, 'percent1' when `value` is `pct_change`). */
  format?: ValueFormat;
  /** Axis title (default "Mean change, £ a week" or "Change as a share of income"). */
  label?: string;
}

/** The columns {@link decileImpactChart} reads, by option. */
const COLUMNS = { decile: { default: 'decile' }, value: { default: 'mean_change', numeric: true } } as const;

/**
 * Distributional impact of a policy by income decile: one bar per decile, blue for gains and
 * orange for losses. Reads compare()'s decile impacts (`decile`, `mean_change`, `pct_change`).
 *
 * @example
 * decileImpactChart(impacts, { value: 'pct_change' })
 */
export function decileImpactChart(table: ChartData, options: DecileImpactChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'decileImpactChart', { open: true });
  const chart = 'decileImpactChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS);
  const { decile, value } = col;
  const isShare = value === 'pct_change';
  const format = options.format ?? (isShare ? 'percent1' : 'pence');
  const label = options.label ?? (isShare ? 'Change as a share of income' : 'Mean change, £ a week');
  const width = options.width ?? 520;
  const height = options.height ?? 300;
  const order = rows.map((r) => r[decile]);
  const layer = [
    {
      data: { name: 'impacts' },
      mark: { type: 'bar' },
      encoding: {
        x: { field: field(decile), type: 'ordinal', title: 'Income decile (1 = poorest)', sort: order, axis: { labelAngle: 0 } },
        y: { field: field(value), type: 'quantitative', title: label, axis: axisFormat(format) },
        color: { condition: { test: `datum[${JSON.stringify(value)}] < 0`, value: COLOURS.harm }, value: COLOURS.primary },
        tooltip: [
          { field: field(decile), type: 'ordinal', title: 'decile' },
          { field: field(value), type: 'quantitative', title: label, format: formatString(format) },
        ],
      },
    },
    { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLOURS.reference }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
  ];
  const fmt = (v: number) => formatValue(v, format);
  const gains = rows.filter((r) => (r[value] as number) > 0).map((r) => r[decile]);
  const losses = rows.filter((r) => (r[value] as number) < 0).map((r) => r[decile]);
  const description =
    `Bar chart of the ${label.toLowerCase()} in each income decile (1 = poorest). ` +
    rows.map((r) => `Decile ${r[decile]}: ${fmt(r[value] as number)}`).join('; ') +
    `. ${gains.length} decile${gains.length === 1 ? '' : 's'} gain${gains.length === 1 ? 's' : ''} (blue bars) and ${losses.length} lose (orange bars).`;
  return frame({ kind: 'decile-impact', body: { width, height, layer }, datasets: { impacts: rows }, options, title: 'Impact by income decile', description, width });
}
