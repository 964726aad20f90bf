import type { TopLevelSpec } from 'vega-lite';
import { type ChartData, type ChartOptions, chartRows, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, axisFormat, formatString } from './theme.js';

/** Options of {@link councilScatterChart}. */
export interface CouncilScatterChartOptions extends ChartOptions {
  /** Column naming each point (default `name`). */
  name?: string;
  /** x and y value columns (default `x`, `y`). */
  x?: string;
  y?: string;
  /** Axis titles (default: the column names). */
  xLabel?: string;
  yLabel?: string;
  /** Axis formats (default 'percent' for both). */
  xFormat?: ValueFormat;
  yFormat?: ValueFormat;
  /** Point(s) labelled by name and drawn larger. */
  highlight?: string | readonly string[];
  /** Scotland's values, drawn as dashed lines. */
  reference?: { x?: number; y?: number };
}

/**
 * Two council indicators against each other (e.g. carbon emissions per person and child poverty):
 * one dot per council, highlighted councils larger and labelled, Scotland's values as dashed
 * lines. Both axes start at zero, so distances are honest.
 *
 * @example
 * // CO₂ per person (CPOP, 2020) against child poverty (DWP, before housing costs, FYE 2024), one dot per council
 * const carbon = cpop().filter((d) => d.indicator === 'Carbon Emissions' && d.year === 2020).select('council', { value: 'carbon' });
 * const rows = dwpChildPoverty()
 *   .filter((d) => d.release === '2025' && d.basis === 'BHC' && d.year === 2024)
 *   .select('council', { council_name: 'name', rate: 'child_poverty' })
 *   .join(carbon, 'council');
 * councilScatterChart(rows, { x: 'carbon', y: 'child_poverty', highlight: 'Fife', xFormat: 'decimal' })
 */
export function councilScatterChart(table: ChartData, options: CouncilScatterChartOptions = {}): TopLevelSpec {
  const chart = 'councilScatterChart';
  const name = options.name ?? 'name';
  const x = options.x ?? 'x';
  const y = options.y ?? 'y';
  const rows = chartRows(chart, table, { [name]: 'name', [x]: 'x', [y]: 'y' }, ['code']);
  requireNumbers(chart, rows, x, 'x');
  requireNumbers(chart, rows, y, 'y');
  const highlight = new Set(options.highlight === undefined ? [] : typeof options.highlight === 'string' ? [options.highlight] : options.highlight);
  const xFormat = options.xFormat ?? 'percent';
  const yFormat = options.yFormat ?? 'percent';
  const fx = (v: number) => formatValue(v, xFormat === 'percent' ? 'percent1' : xFormat);
  const fy = (v: number) => formatValue(v, yFormat === 'percent' ? 'percent1' : yFormat);
  const xLabel = options.xLabel ?? x;
  const yLabel = options.yLabel ?? y;
  const width = options.width ?? 460;
  const height = options.height ?? 300;
  const data = rows.map((r) => ({ ...r, highlighted: highlight.has(String(r[name])) }));
  const xEnc = { field: field(x), type: 'quantitative', title: xLabel, axis: { ...axisFormat(xFormat), tickCount: 6, labelOverlap: true }, scale: { zero: true } };
  const yEnc = { field: field(y), type: 'quantitative', title: yLabel, axis: { ...axisFormat(yFormat), tickCount: 6, labelOverlap: true }, scale: { zero: true } };
  const layer: Record<string, unknown>[] = [];
  if (options.reference?.x !== undefined) {
    layer.push({ data: { values: [{ v: options.reference.x }] }, mark: { type: 'rule', strokeDash: [5, 4], color: COLOURS.reference }, encoding: { x: { field: 'v', type: 'quantitative' } } });
  }
  if (options.reference?.y !== undefined) {
    layer.push({ data: { values: [{ v: options.reference.y }] }, mark: { type: 'rule', strokeDash: [5, 4], color: COLOURS.reference }, encoding: { y: { field: 'v', type: 'quantitative' } } });
  }
  layer.push(
    {
      data: { name: 'points' },
      mark: { type: 'point', filled: true, opacity: 0.9 },
      encoding: {
        x: xEnc,
        y: yEnc,
        color: { condition: { test: 'datum.highlighted', value: COLOURS.harm }, value: COLOURS.primary },
        shape: { condition: { test: 'datum.highlighted', value: 'diamond' }, value: 'circle' },
        size: { condition: { test: 'datum.highlighted', value: 200 }, value: 50 },
        tooltip: [
          { field: field(name), type: 'nominal' },
          { field: field(x), type: 'quantitative', title: xLabel, format: formatString(xFormat) },
          { field: field(y), type: 'quantitative', title: yLabel, format: formatString(yFormat) },
        ],
      },
    },
    {
      data: { name: 'points' },
      transform: [{ filter: 'datum.highlighted' }],
      mark: { type: 'text', align: 'left', dx: 9, dy: -9, fontSize: 12, fontWeight: 'bold', color: '#1A1A1A' },
      encoding: { x: { field: field(x), type: 'quantitative' }, y: { field: field(y), type: 'quantitative' }, text: { field: field(name) } },
    },
  );
  const marked = rows.filter((r) => highlight.has(String(r[name]))).map((r) => `${r[name]}: ${xLabel} ${fx(r[x] as number)}, ${yLabel} ${fy(r[y] as number)}`);
  const description =
    `Scatter chart of ${rows.length} councils, ${xLabel} across and ${yLabel} up.` +
    (marked.length ? ` ${marked.join('; ')}.` : '') +
    (options.reference?.x !== undefined ? ` Scotland: ${xLabel} ${fx(options.reference.x)}` : '') +
    (options.reference?.y !== undefined ? `${options.reference?.x !== undefined ? ',' : ' Scotland:'} ${yLabel} ${fy(options.reference.y)}.` : options.reference?.x !== undefined ? '.' : '');
  return frame({ kind: 'council-scatter', body: { width, height, layer }, datasets: { points: data }, options, title: `${yLabel} against ${xLabel}`, description, width });
}
