import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { type ChartData, type ChartOptions, chartRows, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, formatString, axisFormat } from './theme.js';

/** Options of {@link decompositionChart}. */
export interface DecompositionChartOptions extends ChartOptions {
  /** Component column (default `component`). */
  component?: string;
  /** Column to draw (default `share` when the table has it, else `value`). */
  value?: string;
  /** Axis format (default 'percent' for shares, 'decimal' otherwise). */
  format?: ValueFormat;
  /** Axis title. */
  label?: string;
}

/**
 * Decomposition bars: one horizontal bar per component (between/within groups, income sources,
 * subgroups), in table order, with negative contributions in orange. Reads the decompositions
 * shape (`component`, `value`, `share`).
 *
 * @example
 * decompositionChart(theilDecomposition(people, { by: 'region', value: 'income' }))
 */
export function decompositionChart(table: ChartData, options: DecompositionChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'decompositionChart', { open: true });
  const chart = 'decompositionChart';
  const component = options.component ?? 'component';
  const probe = chartRows(chart, table, { [component]: 'component' }, ['share', 'value']);
  const value = options.value ?? ('share' in probe[0]! ? 'share' : 'value');
  const rows = chartRows(chart, table, { [component]: 'component', [value]: 'value' }, ['share', 'value']);
  requireNumbers(chart, rows, value, 'value');
  const isShare = value === 'share';
  const format = options.format ?? (isShare ? 'percent' : 'decimal');
  const label = options.label ?? (isShare ? 'Share of the total' : value);
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const width = options.width ?? 480;
  const height = options.height ?? Math.max(100, 30 * rows.length);
  const order = rows.map((r) => String(r[component]));
  const layer = [
    {
      data: { name: 'components' },
      mark: { type: 'bar' },
      encoding: {
        y: { field: field(component), type: 'nominal', title: null, sort: order },
        x: { field: field(value), type: 'quantitative', title: label, axis: axisFormat(format) },
        color: { condition: { test: `datum[${JSON.stringify(value)}] < 0`, value: COLOURS.harm }, value: COLOURS.primary },
        tooltip: [
          { field: field(component), type: 'nominal' },
          { field: field(value), type: 'quantitative', title: label, format: formatString(format) },
        ],
      },
    },
    {
      data: { name: 'components' },
      mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: COLOURS.muted },
      encoding: {
        y: { field: field(component), type: 'nominal', sort: order },
        x: { field: field(value), type: 'quantitative' },
        text: { field: field(value), type: 'quantitative', format: formatString(format === 'percent' ? 'percent1' : format) },
      },
    },
  ];
  const description = `Bar chart of a decomposition into ${rows.length} components: ${rows.map((r) => `${r[component]} ${fmt(r[value] as number)}`).join('; ')}.`;
  return frame({ kind: 'decomposition', body: { width, height, layer }, datasets: { components: rows }, options, title: 'Decomposition', description, width });
}
