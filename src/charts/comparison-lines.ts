import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { type ChartData, type ChartOptions, type ChartRow, chartRows, distinct, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { PALETTE, type ValueFormat, axisFormat, formatString } from './theme.js';

/** Options of {@link comparisonLinesChart}. */
export interface ComparisonLinesChartOptions extends ChartOptions {
  /** Year column (default `year`). */
  x?: string;
  /** Value column (default `rate`). */
  value?: string;
  /** Column naming each line (default `series`). */
  series?: string;
  /** Series drawn thicker and first (e.g. the council the page is about). */
  highlight?: string;
  /** Lower and upper interval columns; drawn as a band when given. */
  lower?: string;
  upper?: string;
  /** Axis format (default 'percent'). */
  format?: ValueFormat;
  /** What the value is, for the y axis (default: the value column). */
  label?: string;
  /** Start the value axis at zero (default true: rates are compared against nothing, not a cropped range). */
  zero?: boolean;
}

const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4]];
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];

/**
 * Lines compared over time, labelled directly at their last point (no legend to match colours
 * with): each series has its own colour, dash pattern and point shape, so no meaning rests on
 * colour alone. Labels are nudged apart so they never overlap. Reads a long table (`year`,
 * `series`, `rate`); a series may have gaps or start late.
 *
 * @example
 * const rows = dwpChildPoverty()
 *   .filter((d) => d.release === '2025' && d.basis === 'BHC' && (d.council_name === 'Dundee City' || d.council_name === 'Scotland'))
 *   .rename({ council_name: 'area' });
 * comparisonLinesChart(rows, { series: 'area', highlight: 'Dundee City', label: 'Children in low income families' })
 */
export function comparisonLinesChart(table: ChartData, options: ComparisonLinesChartOptions = {}): TopLevelSpec {
  const chart = 'comparisonLinesChart';
  const x = options.x ?? 'year';
  const value = options.value ?? 'rate';
  const series = options.series ?? 'series';
  const needed: Record<string, string> = { [x]: 'x', [value]: 'value', [series]: 'series' };
  if (options.lower) needed[options.lower] = 'lower';
  if (options.upper) needed[options.upper] = 'upper';
  const rows = chartRows(chart, table, needed, ['period']);
  requireNumbers(chart, rows, x, 'x');
  requireNumbers(chart, rows, value, 'value');
  const names = distinct(rows.map((r) => String(r[series])));
  if (names.length > DASHES.length) {
    throw new PovineqError('INVALID_CHART', `${chart}: ${names.length} series in column "${series}" is more than ${DASHES.length} lines can be told apart; filter the table`, { chart, option: 'series' });
  }
  const order = options.highlight && names.includes(options.highlight) ? [options.highlight, ...names.filter((n) => n !== options.highlight)] : names;
  const format = options.format ?? 'percent';
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const width = options.width ?? 520;
  const height = options.height ?? 300;
  const label = options.label ?? value;
  const values = rows.map((r) => r[value] as number);
  const top = Math.max(...values, ...(options.upper ? rows.map((r) => (typeof r[options.upper!] === 'number' ? (r[options.upper!] as number) : -Infinity)) : []));
  const bottom = options.zero === false ? Math.min(...values) : 0;
  const domain = [bottom, top + (top - bottom) * 0.08];

  // direct labels at each line's last point, nudged apart by at least 15 px
  const gap = ((domain[1]! - domain[0]!) * 15) / height;
  const ends = order.map((n) => {
    const pts = rows.filter((r) => String(r[series]) === n).sort((a, b) => (a[x] as number) - (b[x] as number));
    const last = pts[pts.length - 1]!;
    return { [series]: n, [x]: last[x] as number, [value]: last[value] as number, label_y: last[value] as number, label: `${n} ${fmt(last[value] as number)}` } as ChartRow;
  });
  // labels sit in one column right of the latest year, so they never cross a line that runs on
  const xMax = Math.max(...rows.map((r) => r[x] as number));
  for (const e of ends) e.label_x = xMax;
  const byValue = [...ends].sort((a, b) => (a.label_y as number) - (b.label_y as number));
  for (let i = 1; i < byValue.length; i++) {
    const prev = byValue[i - 1]!.label_y as number;
    if ((byValue[i]!.label_y as number) - prev < gap) byValue[i]!.label_y = prev + gap;
  }
  const xMin = Math.min(...rows.map((r) => r[x] as number));
  const colour = { field: field(series), type: 'nominal', sort: order, scale: { domain: order, range: PALETTE.slice(0, order.length) }, legend: null };
  const xEnc = { field: field(x), type: 'quantitative', title: 'Financial year ending', axis: { format: 'd', tickMinStep: 1 }, scale: { domain: [xMin, xMax], nice: false } };
  const yEnc = { field: field(value), type: 'quantitative', title: label, axis: axisFormat(format), scale: { domain, nice: false } };
  const layer: Record<string, unknown>[] = [];
  if (options.lower && options.upper) {
    layer.push({
      data: { name: 'lines' },
      transform: [{ filter: `isValid(datum[${JSON.stringify(options.lower)}]) && isValid(datum[${JSON.stringify(options.upper)}])` }],
      mark: { type: 'area', opacity: 0.15 },
      encoding: { x: xEnc, y: { field: field(options.lower), type: 'quantitative', scale: { domain, nice: false } }, y2: { field: field(options.upper) }, color: colour },
    });
  }
  layer.push(
    {
      data: { name: 'lines' },
      mark: { type: 'line', point: { filled: true, size: 45 } },
      encoding: {
        x: xEnc,
        y: yEnc,
        color: colour,
        strokeDash: { field: field(series), type: 'nominal', sort: order, scale: { domain: order, range: DASHES.slice(0, order.length) }, legend: null },
        shape: { field: field(series), type: 'nominal', sort: order, scale: { domain: order, range: SHAPES.slice(0, order.length) }, legend: null },
        strokeWidth: options.highlight ? { condition: { test: `datum[${JSON.stringify(series)}] === ${JSON.stringify(options.highlight)}`, value: 3.5 }, value: 2 } : { value: 2.5 },
        tooltip: [
          { field: field(series), type: 'nominal' },
          { field: field(x), type: 'quantitative', format: 'd', title: 'Year' },
          { field: field(value), type: 'quantitative', format: formatString(format), title: label },
        ],
      },
    },
    // the highlighted line's label in bold (font weight is a mark property, not an encoding)
    ...[true, false].map((bold) => ({
      data: { name: 'labels' },
      transform: [{ filter: `${bold ? '' : '!'}(datum[${JSON.stringify(series)}] === ${JSON.stringify(options.highlight ?? null)})` }],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: 12, fontWeight: bold ? 'bold' : 'normal' },
      encoding: {
        x: { field: 'label_x', type: 'quantitative' },
        y: { field: 'label_y', type: 'quantitative', scale: { domain, nice: false } },
        text: { field: 'label' },
        color: colour,
      },
    })),
  );
  const summary = order.map((n) => {
    const pts = rows.filter((r) => String(r[series]) === n).sort((a, b) => (a[x] as number) - (b[x] as number));
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    return pts.length === 1 ? `${n}: ${fmt(first[value] as number)} in ${first[x]}` : `${n}: ${fmt(first[value] as number)} in ${first[x]} to ${fmt(last[value] as number)} in ${last[x]}`;
  });
  return frame({
    kind: 'comparison-lines',
    body: { width, height, layer },
    datasets: { lines: rows, labels: ends },
    options,
    title: `${label} over time`,
    description: `Line chart of ${label}, ${order.length} lines labelled at their ends. ${summary.join('; ')}.`,
    width,
  });
}
