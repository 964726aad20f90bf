import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, type ChartRow, field, frame } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, formatString, axisFormat } from './theme.js';

/** The columns {@link simdGradientChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = { group: { default: 'group' }, value: { default: 'rate', numeric: true }, rank: { default: 'rank', numeric: true } } as const;

/** The fitted line of a slope index of inequality: value = intercept + slope × rank. */
export interface SiiLine {
  intercept: number;
  slope: number;
  /** The SII as reported (defaults to the slope). */
  sii?: number;
  /** The relative index of inequality, if known. */
  rii?: number | null;
}

/** Options of {@link simdGradientChart}. */
export interface SimdGradientChartOptions extends ChartOptions {
  /** Deprivation group column (default `group`, 1 = most deprived). */
  group?: string;
  /** Outcome column (default `rate`). */
  value?: string;
  /** Column of the group's cumulative population midpoint in [0, 1] (default `rank`). */
  rank?: string;
  /** The SII result (or any object with `intercept` and `slope`) to draw as the fitted line. */
  sii?: SiiLine;
  /** Axis format (default 'percent'). */
  format?: ValueFormat;
  /** What the outcome is (default: the value column). */
  label?: string;
  /** Group label for the description (default 'SIMD decile'). */
  groupLabel?: string;
}

/**
 * The deprivation gradient: each SIMD group's outcome as a bar placed at its population rank
 * (most deprived on the left), with the slope index of inequality drawn as the fitted line from
 * rank 0 to rank 1. Reads SIMD group summaries (`group`, `rate`, `population`, `rank`).
 *
 * SII = the fitted difference between the two ends of the ranked population (Pamuk 1985;
 * Mackenbach & Kunst 1997, Soc Sci Med 44(6)).
 *
 * @example
 * simdGradientChart(gradient, { sii: { intercept: 0.32, slope: -0.24 }, label: 'Child poverty rate' })
 */
export function simdGradientChart(table: ChartData, options: SimdGradientChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'simdGradientChart', { open: true });
  const chart = 'simdGradientChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS, ['population']);
  const { group, value, rank } = col;
  const outside = rows.flatMap((r, i) => ((r[rank] as number) < 0 || (r[rank] as number) > 1 ? [i] : []));
  if (outside.length) {
    throw new PovineqError('INVALID_CHART', `${chart}: column "${rank}" must hold population ranks in [0, 1] but ${outside.length} row${outside.length > 1 ? 's are' : ' is'} outside (rows ${outside.slice(0, 5).join(', ')})`, { chart, column: rank, rows: outside, option: 'rank' });
  }
  const format = options.format ?? 'percent';
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const label = options.label ?? value;
  const groupLabel = options.groupLabel ?? 'SIMD decile';
  const width = options.width ?? 520;
  const height = options.height ?? 300;
  const datasets: Record<string, ChartRow[]> = { gradient: rows };
  const bandWidth = Math.max(4, Math.floor((width / rows.length) * 0.7));
  const xEnc = { field: field(rank), type: 'quantitative', title: 'Population ranked by deprivation (0 = most deprived)', scale: { domain: [0, 1], nice: false, padding: 0 }, axis: { format: '.0%' } };
  const layer: Record<string, unknown>[] = [
    {
      data: { name: 'gradient' },
      mark: { type: 'bar', width: bandWidth, color: COLOURS.primary, opacity: 0.85 },
      encoding: {
        x: xEnc,
        y: { field: field(value), type: 'quantitative', title: label, axis: axisFormat(format), scale: { domainMin: 0 } },
        tooltip: [
          { field: field(group), type: 'nominal', title: groupLabel },
          { field: field(value), type: 'quantitative', title: label, format: formatString(format) },
        ],
      },
    },
    {
      data: { name: 'gradient' },
      mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 11, color: COLOURS.muted },
      encoding: { x: { field: field(rank), type: 'quantitative' }, y: { field: field(value), type: 'quantitative' }, text: { field: field(group) } },
    },
  ];
  let siiText = '';
  if (options.sii) {
    const { intercept, slope } = options.sii;
    if (!Number.isFinite(intercept) || !Number.isFinite(slope)) {
      throw new PovineqError('INVALID_OPTION', `${chart}: sii needs finite intercept and slope, got ${intercept} and ${slope}`, { chart, option: 'sii' });
    }
    const sii = options.sii.sii ?? slope;
    // the fitted line spans the data's ranks only, and is clipped at zero with the axis
    const ranks = rows.map((r) => r[rank] as number);
    const [r0, r1] = [Math.min(...ranks), Math.max(...ranks)];
    datasets.fit = [
      { rank: r0, fitted: intercept + slope * r0 },
      { rank: r1, fitted: intercept + slope * r1 },
    ];
    layer.push({
      data: { name: 'fit' },
      mark: { type: 'line', color: COLOURS.harm, strokeWidth: 2.5, strokeDash: [6, 3], clip: true },
      encoding: { x: { field: 'rank', type: 'quantitative' }, y: { field: 'fitted', type: 'quantitative' } },
    });
    siiText = ` The dashed line is the fitted slope: from ${fmt(intercept)} at the most deprived end to ${fmt(intercept + slope)} at the least deprived; slope index of inequality ${formatValue(sii, format === 'percent' ? 'percent1' : format)}${options.sii.rii != null ? `, relative index ${formatValue(options.sii.rii, 'decimal')}` : ''}.`;
  }
  const sorted = [...rows].sort((a, b) => (a[rank] as number) - (b[rank] as number));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const description =
    `Bar chart of ${label} by ${groupLabel}, bars placed at each group's population rank from most deprived (left) to least deprived (right). ` +
    `${label} is ${fmt(first[value] as number)} in group ${first[group]} (most deprived) and ${fmt(last[value] as number)} in group ${last[group]} (least deprived).` +
    siiText;
  return frame({ kind: 'simd-gradient', body: { width, height, layer }, datasets, options, title: `${label} by deprivation`, description, width });
}
