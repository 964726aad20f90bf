import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, type ChartRow, field, frame, listing, requireNumbers } from './frame.js';
import { COLOURS, type ValueFormat, axisFormat, formatString } from './theme.js';
import { formatValue } from './format.js';

/** The columns {@link measureChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = {
  group: { default: 'group' },
  value: { default: 'estimate', numeric: true },
  lower: { default: 'ci_lower', need: 'named' },
  upper: { default: 'ci_upper', need: 'named' },
} as const;

/** The parts of an `Estimate` (from `estimate()`) the chart reads. */
export interface EstimateLike {
  estimate: number;
  ci: readonly [number, number];
  level?: number;
  se?: number;
  /** `'reliable'`, `'use with caution'` or `'suppressed'` (estimate() sets it): flagged estimates are drawn hollow. */
  reliability?: string;
}

function isEstimateRecord(x: unknown): x is Record<string, EstimateLike> {
  if (x == null || typeof x !== 'object' || Array.isArray(x) || typeof (x as { numRows?: unknown }).numRows === 'function') return false;
  const values = Object.values(x);
  return values.length > 0 && values.every((v) => v != null && typeof v === 'object' && 'estimate' in v && Array.isArray((v as EstimateLike).ci));
}

/** `{ name: Estimate }` as domain-estimate rows: group, estimate, se, ci_lower, ci_upper, level. */
function estimateRows(estimates: Record<string, EstimateLike>, group: string): Record<string, unknown>[] {
  return Object.entries(estimates).map(([name, e]) => ({
    [group]: name,
    estimate: e.estimate,
    se: e.se ?? null,
    ci_lower: e.ci[0],
    ci_upper: e.ci[1],
    level: e.level ?? 0.95,
    ...(e.reliability !== undefined ? { reliability: e.reliability } : {}),
  }));
}

/** Options of {@link measureChart}. */
export interface MeasureChartOptions extends ChartOptions {
  /** Column naming each group (default `group`). */
  group?: string;
  /** Column of the estimates (default `estimate`, as domain estimates have). For `byGroup()` output pass the measure's name, e.g. `'gini'`. */
  value?: string;
  /** Lower confidence limit column (default `ci_lower`; drawn when present). */
  lower?: string;
  /** Upper confidence limit column (default `ci_upper`; drawn when present). */
  upper?: string;
  /** What the measure is, for the axis and description (default: the value column's name). */
  label?: string;
  /** Number format for the axis: 'percent', 'decimal' (default), 'pounds', 'number' or a d3-format string. */
  format?: ValueFormat;
  /** A reference line, e.g. the whole population's value: a number or { value, label }. */
  reference?: number | { value: number; label?: string };
  /** Order of the groups: by value, largest first (default), or as in the table. */
  sort?: 'value' | 'table';
}

/**
 * Dot-and-whisker chart of one measure by group: a dot per group at its estimate and, when the
 * table has confidence limits, a whisker from `ci_lower` to `ci_upper`; optionally a dashed line
 * at a reference value (the whole population's). Reads domain-estimate tables (`estimate`,
 * `ci_lower`, `ci_upper`), `byGroup()` output (`{ value: 'gini' }`), or Estimates by name
 * (`{ Fife: estimate(…), Angus: estimate(…) }`).
 *
 * @example
 * measureChart(byGroup(gini, people, { by: 'region', value: 'income' }), { group: 'region', value: 'gini', reference: 0.2649 })
 */
export function measureChart(table: ChartData | Record<string, EstimateLike>, options: MeasureChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'measureChart', { open: true });
  const chart = 'measureChart';
  if (isEstimateRecord(table)) table = estimateRows(table, options.group ?? 'group');
  const { rows, col } = chartColumns(chart, table, options, COLUMNS, ['level', 'reliability']);
  const { group, value, lower, upper } = col;
  const hasCI = lower in rows[0]! && upper in rows[0]!;
  if ((lower in rows[0]!) !== (upper in rows[0]!)) {
    throw new PovineqError('MISSING_COLUMN', `${chart}: the table has only one confidence limit ("${lower in rows[0]! ? lower : upper}"); pass both { lower, upper } columns or neither`, { chart, option: 'lower/upper' });
  }
  if (hasCI) {
    requireNumbers(chart, rows, lower, 'lower');
    requireNumbers(chart, rows, upper, 'upper');
  }
  const label = options.label ?? value;
  const format = formatString(options.format ?? 'decimal');
  const width = options.width ?? 420;
  const height = options.height ?? Math.max(120, 26 * rows.length);
  const sortedRows = options.sort === 'table' ? rows : [...rows].sort((a, b) => (b[value] as number) - (a[value] as number));
  const order = sortedRows.map((r) => String(r[group]));

  const y = { field: field(group), type: 'nominal', title: null, sort: order };
  const layer: Record<string, unknown>[] = [];
  const datasets: Record<string, ChartRow[]> = { measures: rows };
  const reference = typeof options.reference === 'number' ? { value: options.reference } : options.reference;
  if (reference) {
    if (!Number.isFinite(reference.value)) {
      throw new PovineqError('INVALID_OPTION', `${chart}: reference must be a finite number, got ${reference.value}`, { chart, option: 'reference' });
    }
    datasets.reference = [{ label: reference.label ?? 'All', value: reference.value }];
    layer.push(
      { data: { name: 'reference' }, mark: { type: 'rule', color: COLOURS.reference, strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: { x: { field: 'value', type: 'quantitative' } } },
      {
        data: { name: 'reference' },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 0, color: COLOURS.reference, fontSize: 11 },
        encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  const xTitle = hasCI ? `${label} (${Math.round(100 * ((rows[0]!.level as number) || 0.95))}% confidence interval)` : label;
  if (hasCI) {
    layer.push({
      data: { name: 'measures' },
      mark: { type: 'rule', color: COLOURS.primary, strokeWidth: 2 },
      encoding: { y, x: { field: field(lower), type: 'quantitative' }, x2: { field: field(upper) } },
    });
  }
  const tooltip = [
    { field: field(group), type: 'nominal', title: group },
    { field: field(value), type: 'quantitative', title: label, format },
    ...(hasCI ? [{ field: field(lower), type: 'quantitative', format }, { field: field(upper), type: 'quantitative', format }] : []),
  ];
  // estimates flagged by estimate()'s reliability column are drawn hollow, and a note says why
  const flagged = rows.filter((r) => r.reliability != null && r.reliability !== 'reliable');
  const flaggedNote = flagged.length
    ? `Hollow dots: ${listing(flagged.map((r) => `${r[group]} (${r.reliability})`), 8)} — small sample or imprecise (coefficient of variation above the threshold); read them as indicative only.`
    : undefined;
  if ('reliability' in rows[0]!) tooltip.push({ field: 'reliability', type: 'nominal', title: 'reliability' } as never);
  layer.push({
    data: { name: 'measures' },
    mark: { type: 'point', filled: true, opacity: 1, color: COLOURS.primary, size: 80, ...(flagged.length ? { stroke: COLOURS.primary, strokeWidth: 2 } : {}) },
    encoding: {
      y,
      x: { field: field(value), type: 'quantitative', title: xTitle, axis: axisFormat(options.format ?? 'decimal'), scale: { zero: false } },
      ...(flagged.length ? { fill: { condition: { test: "datum.reliability == null || datum.reliability === 'reliable'", value: COLOURS.primary }, value: 'white' } } : {}),
      tooltip,
    },
  });

  const fmt = (x: number) => formatValue(x, options.format === 'percent' ? 'percent1' : (options.format ?? 'decimal'));
  const top = sortedRows[0]!;
  const bottom = sortedRows[sortedRows.length - 1]!;
  const description =
    `${label} by ${group} for ${rows.length} groups, shown as dots${hasCI ? ' with confidence intervals as horizontal lines' : ''}. ` +
    `Highest: ${top[group]} (${fmt(top[value] as number)}${hasCI ? `, interval ${fmt(top[lower] as number)} to ${fmt(top[upper] as number)}` : ''}); ` +
    `lowest: ${bottom[group]} (${fmt(bottom[value] as number)}). ` +
    (reference ? `The dashed line marks ${reference.label ?? 'the whole population'} at ${fmt(reference.value)}. ` : '') +
    (flaggedNote ? `${flaggedNote} ` : '') +
    `Groups in order: ${listing(order, 40)}.`;

  return frame({
    kind: 'measures',
    body: { width, height, layer },
    datasets,
    options,
    title: `${label} by ${group}`,
    description,
    ...(flaggedNote ? { caveat: flaggedNote } : {}),
    width,
  });
}
