import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, type ChartRow, frame } from './frame.js';
import { formatValue } from './format.js';
import { selectWeighted } from '../core/index.js';
import { COLOURS, FORMATS, PALETTE, type ValueFormat, formatString, axisFormat } from './theme.js';

/** The columns {@link incomeDistributionChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = { value: { default: 'income', numeric: true }, weight: { numeric: true } } as const;

/** A vertical line on the income axis, e.g. a poverty line. */
export interface IncomeLine {
  value: number;
  label: string;
}

/** Options of {@link incomeDistributionChart}. */
export interface IncomeDistributionChartOptions extends ChartOptions {
  /** Income column (default `income`). */
  value?: string;
  /** Weight column (people per row); omit to count rows. */
  weight?: string;
  /** Lines to mark, e.g. `[{ value: povertyLine(d), label: '60% of median' }]`. */
  lines?: readonly IncomeLine[];
  /** Number of bars (default 40); the width is rounded to a 1, 2 or 5 step. */
  bins?: number;
  /**
   * Income range shown: [low, high]. Default: from 0 (or the lowest income, if higher) to the
   * weighted 99th percentile; incomes outside are counted in the end bars (the note says so).
   */
  range?: readonly [number, number];
  /** Income axis format (default 'pounds'; 'number' for other currencies). */
  format?: ValueFormat;
  /** Income axis title (default: the value column). */
  label?: string;
}

/**
 * Income distribution as a weighted histogram (share of people in each income band) with
 * poverty lines marked. The builder bins the incomes itself, so the spec carries one row per bar
 * (`bin_start`, `bin_end`, `people`, `share`), not the microdata.
 *
 * @example
 * incomeDistributionChart(people, { value: 'eqIncome', weight: 'rb050', lines: [{ value: 10859, label: 'Poverty line' }] })
 */
export function incomeDistributionChart(table: ChartData, options: IncomeDistributionChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'incomeDistributionChart', { open: true });
  const chart = 'incomeDistributionChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS);
  const { value } = col;
  const xs = rows.map((r) => r[value] as number);
  const ws = options.weight ? rows.map((r) => r[options.weight!] as number) : xs.map(() => 1);
  if (options.weight) {
    const bad = ws.flatMap((w, i) => (w > 0 ? [] : [i]));
    if (bad.length) {
      throw new PovineqError('NON_POSITIVE_WEIGHT', `${chart}: weight column "${options.weight}" has ${bad.length} zero or negative weight${bad.length > 1 ? 's' : ''} (rows ${bad.slice(0, 5).join(', ')}); filter them out first`, { chart, column: options.weight, rows: bad });
    }
  }
  const bins = options.bins ?? 40;
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 500)) {
    throw new PovineqError('INVALID_OPTION', `${chart}: bins must be a whole number from 2 to 500, got ${bins}`, { chart, option: 'bins' });
  }
  const lines = (options.lines ?? []).map((l) => ({ label: l.label, value: l.value }));
  for (const l of lines) {
    if (!Number.isFinite(l.value)) throw new PovineqError('INVALID_OPTION', `${chart}: line "${l.label}" has value ${l.value}; lines need finite numbers`, { chart, option: 'lines' });
  }

  const total = ws.reduce((s, w) => s + w, 0);
  let min = Infinity;
  for (const x of xs) min = x < min ? x : min;
  // the 99th weighted percentile (the smallest value with W(≤ v) ≥ 0.99·W), by selection, not a sort
  let [lo, hi] = options.range ?? [Math.max(0, min), selectWeighted(xs, ws, (c) => c >= 0.99 * total, total).value];
  if (!(hi > lo)) hi = lo + 1;
  const step = niceStep((hi - lo) / bins);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const n = Math.max(1, Math.round((hi - lo) / step));
  const people = new Array<number>(n).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x < lo) below += ws[i]!;
    if (x >= hi) above += ws[i]!;
    const k = Math.min(n - 1, Math.max(0, Math.floor((x - lo) / step)));
    people[k]! += ws[i]!;
  }
  const bars: ChartRow[] = people.map((p, k) => ({
    bin_start: round(lo + k * step),
    bin_end: round(lo + (k + 1) * step),
    people: p,
    share: p / total,
  }));

  const format = options.format ?? 'pounds';
  const fmt = (x: number) => formatValue(x, format);
  const label = options.label ?? value;
  const width = options.width ?? 560;
  const height = options.height ?? 300;
  const caveat = [
    `Each bar is a band of ${fmt(step)}; bar heights are shares of ${options.weight ? 'people (weighted)' : 'rows'}.`,
    above > 0 ? `Incomes of ${fmt(hi)} or more (${formatValue(above / total, 'percent1')}) are counted in the last bar.` : '',
    below > 0 ? `Incomes below ${fmt(lo)} (${formatValue(below / total, 'percent1')}) are counted in the first bar.` : '',
  ].filter(Boolean).join(' ');

  const layer: Record<string, unknown>[] = [
    {
      data: { name: 'bins' },
      mark: { type: 'bar', color: COLOURS.primary, opacity: 0.85, binSpacing: 0 },
      encoding: {
        x: { field: 'bin_start', type: 'quantitative', bin: 'binned', title: label, scale: { domain: [lo, hi] }, axis: axisFormat(format) },
        x2: { field: 'bin_end' },
        y: { field: 'share', type: 'quantitative', title: 'Share of people', axis: { format: FORMATS.percent1 } },
        tooltip: [
          { field: 'bin_start', type: 'quantitative', title: 'from', format: formatString(format) },
          { field: 'bin_end', type: 'quantitative', title: 'to', format: formatString(format) },
          { field: 'share', type: 'quantitative', title: 'share of people', format: FORMATS.percent1 },
        ],
      },
    },
  ];
  lines.forEach((l, i) => {
    const colour = i === 0 ? COLOURS.harm : PALETTE[(i + 2) % PALETTE.length]!;
    // a line left of the first one is labelled on its left, so the two labels do not collide
    const left = i > 0 && l.value < lines[0]!.value;
    const only = [{ filter: { field: 'label', equal: l.label } }];
    layer.push(
      { data: { name: 'lines' }, transform: only, mark: { type: 'rule', color: colour, strokeWidth: 2, strokeDash: i === 0 ? [1, 0] : [6, 3] }, encoding: { x: { field: 'value', type: 'quantitative' } } },
      {
        data: { name: 'lines' },
        transform: only,
        mark: { type: 'text', align: left ? 'right' : 'left', baseline: 'top', dx: left ? -4 : 4, y: 4 + 16 * i, color: colour, fontSize: 12, fontWeight: 'bold' },
        encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  });
  const peak = bars.reduce((a, b) => ((b.share as number) > (a.share as number) ? b : a));
  const description =
    `Histogram of ${label}: the share of people in each ${fmt(step)} band from ${fmt(lo)} to ${fmt(hi)}. ` +
    `The most common band is ${fmt(peak.bin_start as number)} to ${fmt(peak.bin_end as number)} (${formatValue(peak.share as number, 'percent1')} of people). ` +
    lines.map((l) => `A vertical line marks ${l.label} at ${fmt(l.value)}, with ${formatValue(shareBelow(xs, ws, total, l.value), 'percent1')} of people below it.`).join(' ');

  return frame({
    kind: 'income-distribution',
    body: { width, height, layer },
    datasets: lines.length ? { bins: bars, lines } : { bins: bars },
    options,
    title: 'Income distribution',
    description: description.trim(),
    caveat,
    width,
  });
}

function shareBelow(xs: number[], ws: number[], total: number, line: number): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i]! < line) s += ws[i]!;
  return s / total;
}

/** Smallest income whose cumulative weight share reaches p (for the default range only). */
/** A 1, 2 or 5 × 10^k step at least `raw`. */
function niceStep(raw: number): number {
  const k = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * k >= raw) return m * k;
  return 10 * k;
}

function round(x: number): number {
  return Number(x.toPrecision(12));
}
