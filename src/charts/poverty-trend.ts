import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { type ChartData, type ChartOptions, type ChartRow, chartRows, distinct, field, frame, listing, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, PALETTE, type ValueFormat, formatString, axisFormat } from './theme.js';

/** Options of {@link povertyTrendChart}. */
export interface PovertyTrendChartOptions extends ChartOptions {
  /** Year column (default `year`, the end year of the period). */
  x?: string;
  /** Rate column (default `rate`). */
  rate?: string;
  /** Column telling the lines apart (default `measure`); one line per value. */
  series?: string;
  /** Lower and upper confidence limit columns (default `ci_lower`, `ci_upper`; a band is drawn when present). */
  lower?: string;
  upper?: string;
  /**
   * Targets to mark: a table with `measure`, `target_year`, `kind`, `target` (the child poverty
   * targets shape); each target's `measure` must match a value of the series column.
   */
  targets?: ChartData;
  /** Axis format (default 'percent'). */
  format?: ValueFormat;
  /** What the rate is, for the axis (default 'Share of people in poverty'). */
  label?: string;
}

/**
 * Poverty rates over time: one line per series (e.g. per measure), a confidence band when the
 * table has limits, and targets as dashed lines ending in a diamond at the target year. Reads the
 * poverty rate series shape (`year`, `measure`, `rate`, optional `ci_lower`/`ci_upper`); filter
 * to one `basis` and `group` first (or pick another `series` column).
 *
 * @example
 * povertyTrendChart(piis.filter(d => d.group === 'Children' && d.basis === 'BHC'), { targets })
 */
export function povertyTrendChart(table: ChartData, options: PovertyTrendChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'povertyTrendChart', { open: true });
  const chart = 'povertyTrendChart';
  const x = options.x ?? 'year';
  const rate = options.rate ?? 'rate';
  const series = options.series ?? 'measure';
  const lower = options.lower ?? 'ci_lower';
  const upper = options.upper ?? 'ci_upper';
  const needed: Record<string, string> = { [x]: 'x', [rate]: 'rate', [series]: 'series' };
  if (options.lower) needed[lower] = 'lower';
  if (options.upper) needed[upper] = 'upper';
  const rows = chartRows(chart, table, needed, [lower, upper, 'period']);
  requireNumbers(chart, rows, x, 'x');
  requireNumbers(chart, rows, rate, 'rate');
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const key = `${r[series]}|${r[x]}`;
    if (seen.has(key)) {
      throw new PovineqError(
        'INVALID_CHART',
        `${chart}: rows ${seen.get(key)} and ${i} both give ${series} "${r[series]}" in ${x} ${r[x]}; filter the table to one basis and group first, or pass { series: '<column>' } naming the column that tells the lines apart`,
        { chart, rows: [seen.get(key), i], option: 'series' },
      );
    }
    seen.set(key, i);
  });
  const withBand = rows.some((r) => typeof r[lower] === 'number' && typeof r[upper] === 'number');
  const names = distinct(rows.map((r) => String(r[series])));
  const format = options.format ?? 'percent';
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const width = options.width ?? 560;
  const height = options.height ?? 320;
  const colour = { field: field(series), type: 'nominal', title: series, sort: names, scale: { domain: names, range: PALETTE.slice(0, Math.max(1, names.length)) } };
  const xEnc = { field: field(x), type: 'quantitative', title: 'Year (end of period)', axis: { format: 'd', tickMinStep: 1 }, scale: { zero: false } };
  const yEnc = { field: field(rate), type: 'quantitative', title: options.label ?? 'Share of people in poverty', axis: axisFormat(format) };

  const layer: Record<string, unknown>[] = [];
  const datasets: Record<string, ChartRow[]> = { series: rows };
  if (withBand) {
    layer.push({
      data: { name: 'series' },
      transform: [{ filter: `isValid(datum[${JSON.stringify(lower)}]) && isValid(datum[${JSON.stringify(upper)}])` }],
      mark: { type: 'area', opacity: 0.18 },
      encoding: { x: xEnc, y: { field: field(lower), type: 'quantitative' }, y2: { field: field(upper) }, color: { ...colour, legend: null } },
    });
  }
  layer.push({
    data: { name: 'series' },
    mark: { type: 'line', point: { filled: true, size: 40 } },
    encoding: {
      x: xEnc,
      y: yEnc,
      color: colour,
      tooltip: [
        { field: field(series), type: 'nominal' },
        { field: field(x), type: 'quantitative', format: 'd' },
        { field: field(rate), type: 'quantitative', format: formatString(format) },
      ],
    },
  });

  let targetText = '';
  if (options.targets) {
    const targets = chartRows(`${chart} (targets)`, options.targets, { measure: 'targets.measure', target_year: 'targets.target_year', target: 'targets.target' }, ['kind', 'period']);
    requireNumbers(chart, targets, 'target_year', 'targets.target_year');
    requireNumbers(chart, targets, 'target', 'targets.target');
    const unmatched = distinct(targets.map((t) => String(t.measure))).filter((m) => !names.includes(m));
    const kept = targets.filter((t) => names.includes(String(t.measure)));
    if (kept.length === 0) {
      throw new PovineqError('INVALID_CHART', `${chart}: no target's measure (${listing(unmatched)}) matches a value of the series column "${series}" (${listing(names)})`, { chart, option: 'targets' });
    }
    const start = Math.min(...rows.map((r) => r[x] as number));
    const tRows: ChartRow[] = kept.map((t) => ({ ...t, [series]: t.measure, start, label: `${t.kind ? `${t.kind} target` : 'target'} ${fmt(t.target as number)}` }));
    datasets.targets = tRows;
    const tColour = { ...colour, legend: null };
    layer.push(
      {
        data: { name: 'targets' },
        mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x: { field: 'start', type: 'quantitative' }, x2: { field: 'target_year' }, y: { field: 'target', type: 'quantitative' }, color: tColour },
      },
      {
        data: { name: 'targets' },
        mark: { type: 'point', shape: 'diamond', filled: true, size: 110, opacity: 1, stroke: COLOURS.target, strokeWidth: 1 },
        encoding: { x: { field: 'target_year', type: 'quantitative' }, y: { field: 'target', type: 'quantitative' }, color: tColour },
      },
      {
        data: { name: 'targets' },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -8, fontSize: 11 },
        encoding: { x: { field: 'target_year', type: 'quantitative' }, y: { field: 'target', type: 'quantitative' }, text: { field: 'label' }, color: tColour },
      },
    );
    targetText = ` Dashed lines end at the targets: ${listing(kept.map((t) => `${t.measure} ${fmt(t.target as number)} by ${t.period ?? t.target_year}`), 10)}.`;
  }

  const latest = names.map((n) => {
    const pts = rows.filter((r) => String(r[series]) === n).sort((a, b) => (a[x] as number) - (b[x] as number));
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    return `${n}: ${fmt(first[rate] as number)} in ${first[x]} to ${fmt(last[rate] as number)} in ${last[x]}`;
  });
  const description =
    `Line chart of ${options.label ?? 'poverty rates'} over time for ${names.length} series${withBand ? ', with shaded confidence intervals' : ''}. ${latest.join('; ')}.` + targetText;

  return frame({
    kind: 'poverty-trend',
    body: { width, height, layer },
    datasets,
    options,
    title: 'Poverty over time',
    description,
    width,
  });
}
