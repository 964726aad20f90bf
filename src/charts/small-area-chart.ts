import type { TopLevelSpec } from 'vega-lite';
import { type ChartData, type ChartOptions, type ChartRow, chartRows, frame, requireNumbers } from './frame.js';
import { COLOURS, type ValueFormat, axisFormat, formatString } from './theme.js';
import { formatValue } from './format.js';

/** Options of {@link smallAreaChart}. */
export interface SmallAreaChartOptions extends ChartOptions {
  /** Column naming the areas (default `area`). */
  area?: string;
  /** Direct estimate and its interval (defaults `direct`, `direct_ci_lower`, `direct_ci_upper`, as fayHerriot returns). */
  direct?: string;
  directLower?: string;
  directUpper?: string;
  /** Model estimate and its interval (defaults `eblup`, `ci_lower`, `ci_upper`). */
  estimate?: string;
  lower?: string;
  upper?: string;
  /** A third value per area to mark, e.g. the true rate of a synthetic population (column name). */
  truth?: string;
  /** What is estimated, for the axis and description (default 'estimate'). */
  label?: string;
  /** Number format (default 'percent'). */
  format?: ValueFormat;
}

const DIRECT = 'Direct (survey)';
const MODEL = 'Model (Fay–Herriot)';
const TRUTH = 'True value';

/**
 * Direct against model estimates by area: for each area a dot and interval for the direct survey
 * estimate and one for the small-area model estimate, areas ordered by the model estimate, so the
 * narrowing of the intervals (and any shrinkage towards the model) can be seen. Reads the `areas`
 * table of fayHerriot() or fayHerriotArcsine(). Areas without a direct estimate show the model only.
 *
 * @example
 * smallAreaChart(fayHerriot(direct, { area: 'council', covariates: ['simd'] }).areas, { area: 'council', label: 'Child poverty' })
 */
export function smallAreaChart(table: ChartData, options: SmallAreaChartOptions = {}): TopLevelSpec {
  const chart = 'smallAreaChart';
  const o = {
    area: options.area ?? 'area', direct: options.direct ?? 'direct', directLower: options.directLower ?? 'direct_ci_lower',
    directUpper: options.directUpper ?? 'direct_ci_upper', estimate: options.estimate ?? 'eblup', lower: options.lower ?? 'ci_lower', upper: options.upper ?? 'ci_upper',
  };
  const needed: Record<string, string> = {};
  for (const [option, column] of Object.entries(o)) needed[column] = option;
  if (options.truth) needed[options.truth] = 'truth';
  const rows = chartRows(chart, table, needed);
  for (const c of ['estimate', 'lower', 'upper'] as const) requireNumbers(chart, rows, o[c], c);
  const long: ChartRow[] = [];
  for (const r of rows) {
    const area = String(r[o.area]);
    const model = r[o.estimate] as number;
    long.push({ area, series: MODEL, value: model, lower: r[o.lower]!, upper: r[o.upper]!, order: model });
    if (typeof r[o.direct] === 'number') long.push({ area, series: DIRECT, value: r[o.direct]!, lower: r[o.directLower] ?? null, upper: r[o.directUpper] ?? null, order: model });
    if (options.truth && typeof r[options.truth] === 'number') long.push({ area, series: TRUTH, value: r[options.truth]!, lower: null, upper: null, order: model });
  }
  const format = options.format ?? 'percent';
  const label = options.label ?? 'estimate';
  const width = options.width ?? 520;
  const height = options.height ?? Math.max(200, rows.length * 18);
  const series = options.truth ? [DIRECT, MODEL, TRUTH] : [DIRECT, MODEL];
  const colour = { field: 'series', type: 'nominal', title: null, scale: { domain: series, range: [COLOURS.neutral, COLOURS.primary, COLOURS.target] }, legend: { orient: 'top' } };
  const y = { field: 'area', type: 'nominal', title: null, sort: { field: 'order', order: 'descending' } };
  const yOffset = { field: 'series', type: 'nominal', scale: { domain: series, paddingInner: 0.2 } };
  const x = { field: 'value', type: 'quantitative', title: label, axis: axisFormat(format), scale: { zero: false } };
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const widths = rows.map((r) => {
    const dw = typeof r[o.directUpper] === 'number' && typeof r[o.directLower] === 'number' ? (r[o.directUpper] as number) - (r[o.directLower] as number) : NaN;
    return { dw, mw: (r[o.upper] as number) - (r[o.lower] as number) };
  }).filter((w) => Number.isFinite(w.dw));
  const ratio = widths.length ? widths.reduce((s, w) => s + w.mw / w.dw, 0) / widths.length : NaN;
  const sorted = [...rows].sort((a, b) => (b[o.estimate] as number) - (a[o.estimate] as number));
  const description =
    `Dot and interval chart of ${label} for ${rows.length} areas, direct survey estimates against small-area model estimates. ` +
    `Highest model estimate: ${sorted[0]![o.area]} (${fmt(sorted[0]![o.estimate] as number)}); lowest: ${sorted[sorted.length - 1]![o.area]} (${fmt(sorted[sorted.length - 1]![o.estimate] as number)}).` +
    (Number.isFinite(ratio) ? ` Model intervals are on average ${Math.round(ratio * 100)}% as wide as the direct ones.` : '');
  const tooltip = [
    { field: 'area', type: 'nominal' },
    { field: 'series', type: 'nominal' },
    { field: 'value', type: 'quantitative', title: label, format: formatString(format) },
    { field: 'lower', type: 'quantitative', format: formatString(format) },
    { field: 'upper', type: 'quantitative', format: formatString(format) },
  ];
  return frame({
    kind: 'small-area',
    body: {
      width,
      height,
      data: { name: 'small_area' },
      layer: [
        { transform: [{ filter: 'isValid(datum.lower)' }], mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, yOffset, x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color: colour } },
        { mark: { type: 'point', filled: true, size: 40, opacity: 1 }, encoding: { y, yOffset, x, color: colour, tooltip } },
      ],
    },
    datasets: { small_area: long },
    options,
    title: `${label}: direct and model estimates`,
    description,
    caveat: 'Lines show confidence intervals (direct: from the survey sampling variance; model: from the MSE).',
    width,
  });
}
