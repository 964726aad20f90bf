import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, type ChartRow, chartRows, distinct, field, frame, listing, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, PALETTE, type ValueFormat, formatString, axisFormat } from './theme.js';

/** The columns {@link povertyTrendChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = {
  x: { default: 'year', numeric: true },
  rate: { default: 'rate', numeric: true },
  series: { default: 'measure' },
  lower: { default: 'ci_lower', need: 'named' },
  upper: { default: 'ci_upper', need: 'named' },
} as const;

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
  /**
   * One panel per series (small multiples, two a row) instead of one layered chart. Each panel
   * carries its own targets with labels beside the diamonds, so targets of different measures
   * that share a value (e.g. combined and persistent, 8% interim) never print over each other or
   * over the lines. Default false.
   */
  panels?: boolean;
  /**
   * Readable names of the series values for headers, legend and description, e.g.
   * `{ relative: 'Relative poverty' }`. Series named here are drawn in this order (panels, legend),
   * whatever the order of the rows; others follow in the order they appear.
   */
  seriesLabels?: Readonly<Record<string, string>>;
}

/**
 * Poverty rates over time: one line per series (e.g. per measure), a confidence band when the
 * table has limits, and targets as dashed lines ending in a diamond at the target year. Reads the
 * poverty rate series shape (`year`, `measure`, `rate`, optional `ci_lower`/`ci_upper`); filter
 * to one `basis` and `group` first (or pick another `series` column).
 *
 * @example
 * povertyTrendChart(piis().filter((d) => d.group === 'Children' && d.basis === 'AHC' && d.rate !== null), { targets: childPovertyTargets() })
 */
export function povertyTrendChart(table: ChartData, options: PovertyTrendChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'povertyTrendChart', { open: true });
  const chart = 'povertyTrendChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS, ['period']);
  const { x, rate, series, lower, upper } = col;
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
  // series named in seriesLabels come first, in its order (e.g. the Act's order of the measures), then the rest as they appear
  const present = distinct(rows.map((r) => String(r[series])));
  const listed = Object.keys(options.seriesLabels ?? {}).filter((n) => present.includes(n));
  const names = [...listed, ...present.filter((n) => !listed.includes(n))];
  if (options.panels) return panelChart(rows, names, options, { x, rate, series, lower, upper, withBand });
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

interface Columns {
  x: string;
  rate: string;
  series: string;
  lower: string;
  upper: string;
  withBand: boolean;
}

/** Small multiples: one panel per series with its own targets, labelled beside the diamonds. */
function panelChart(rows: ChartRow[], names: string[], options: PovertyTrendChartOptions, c: Columns): TopLevelSpec {
  const chart = 'povertyTrendChart';
  const { x, rate, series, lower, upper, withBand } = c;
  const format = options.format ?? 'percent';
  const fmt = (v: number) => formatValue(v, format);
  const fmtRate = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const labelOf = (n: string) => options.seriesLabels?.[n] ?? n;
  const panelWidth = options.width ?? 260;
  const panelHeight = options.height ?? 180;
  const columns = Math.min(2, names.length);
  let targets: ChartRow[] = [];
  if (options.targets) {
    const t = chartRows(`${chart} (targets)`, options.targets, { measure: 'targets.measure', target_year: 'targets.target_year', target: 'targets.target' }, ['kind', 'period']);
    requireNumbers(chart, t, 'target_year', 'targets.target_year');
    requireNumbers(chart, t, 'target', 'targets.target');
    targets = t.filter((r) => names.includes(String(r.measure)));
    if (targets.length === 0) {
      const unmatched = distinct(t.map((r) => String(r.measure)));
      throw new PovineqError('INVALID_CHART', `${chart}: no target's measure (${listing(unmatched)}) matches a value of the series column "${series}" (${listing(names)})`, { chart, option: 'targets' });
    }
  }
  const years = rows.map((r) => r[x] as number);
  const start = Math.min(...years);
  const lastTarget = targets.length ? Math.max(...targets.map((t) => t.target_year as number)) : Math.max(...years);
  // room on the right of the last target for its label ("final 10%")
  const end = lastTarget + Math.max(3, Math.round((lastTarget - start) * 0.25));
  const all: ChartRow[] = [
    ...rows.map((r) => ({ ...r, _kind: 'rate', _panel: labelOf(String(r[series])) })),
    ...targets.map((t) => ({
      _kind: 'target',
      _panel: labelOf(String(t.measure)),
      [series]: t.measure,
      start,
      target_year: t.target_year,
      target: t.target,
      kind: t.kind ?? null,
      period: t.period ?? null,
      label: `${t.kind ?? 'target'} ${fmt(t.target as number)}`,
    })),
  ];
  const panelNames = names.map(labelOf);
  const colour = { field: field(series), type: 'nominal', title: null, sort: names, scale: { domain: names, range: PALETTE.slice(0, Math.max(1, names.length)) } };
  // each panel is headed by its measure: a colour legend would only repeat the headings
  const legendColour = { ...colour, legend: null };
  const xEnc = { field: field(x), type: 'quantitative', title: 'Year (end of period)', axis: { format: 'd', tickMinStep: 1, labelOverlap: true }, scale: { domain: [start, end], nice: false } };
  const yMax = Math.max(...rows.map((r) => Math.max(r[rate] as number, typeof r[upper] === 'number' ? (r[upper] as number) : 0)), ...targets.map((t) => t.target as number));
  const yEnc = { field: field(rate), type: 'quantitative', title: options.label ?? 'Share of people in poverty', axis: axisFormat(format), scale: { domain: [0, yMax * 1.1], nice: false } };
  const isRate = "datum._kind === 'rate'";
  const isTarget = "datum._kind === 'target'";
  const layer: Record<string, unknown>[] = [];
  if (withBand) {
    layer.push({
      transform: [{ filter: `${isRate} && isValid(datum[${JSON.stringify(lower)}]) && isValid(datum[${JSON.stringify(upper)}])` }],
      mark: { type: 'area', opacity: 0.18 },
      encoding: { x: xEnc, y: { field: field(lower), type: 'quantitative', scale: yEnc.scale }, y2: { field: field(upper) }, color: legendColour },
    });
  }
  layer.push({
    transform: [{ filter: isRate }],
    mark: { type: 'line', point: { filled: true, size: 30 } },
    encoding: {
      x: xEnc,
      y: yEnc,
      color: legendColour,
      tooltip: [
        { field: '_panel', type: 'nominal', title: 'measure' },
        { field: field(x), type: 'quantitative', format: 'd', title: 'year' },
        { field: field(rate), type: 'quantitative', format: formatString(format), title: 'rate' },
      ],
    },
  });
  if (targets.length) {
    const tx = { field: 'target_year', type: 'quantitative' };
    const ty = { field: 'target', type: 'quantitative' };
    layer.push(
      {
        transform: [{ filter: isTarget }],
        mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.2 },
        encoding: { x: { field: 'start', type: 'quantitative' }, x2: { field: 'target_year' }, y: ty, color: legendColour },
      },
      {
        transform: [{ filter: isTarget }],
        mark: { type: 'point', shape: 'diamond', filled: true, size: 90, opacity: 1, stroke: COLOURS.target, strokeWidth: 1 },
        encoding: { x: tx, y: ty, color: legendColour, tooltip: [{ field: '_panel', type: 'nominal', title: 'measure' }, { field: 'label', type: 'nominal', title: 'target' }, { field: 'period', type: 'nominal', title: 'year' }] },
      },
      {
        // beside the diamond, never on a line: the series end before the interim target year and the
        // dashed rules stop at the diamond
        transform: [{ filter: isTarget }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 8, fontSize: 11, color: COLOURS.muted },
        encoding: { x: tx, y: ty, text: { field: 'label' } },
      },
    );
  }
  const latest = names.map((n) => {
    const pts = rows.filter((r) => String(r[series]) === n).sort((a, b) => (a[x] as number) - (b[x] as number));
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    const own = targets.filter((t) => String(t.measure) === n).map((t) => `${t.kind ?? 'target'} target ${fmt(t.target as number)} by ${t.period ?? t.target_year}`);
    return `${labelOf(n)}: ${fmtRate(first[rate] as number)} in ${first[x]} to ${fmtRate(last[rate] as number)} in ${last[x]}${own.length ? ` (${own.join(', ')})` : ''}`;
  });
  const description =
    `Small-multiple line charts of ${options.label ?? 'poverty rates'} over time, one panel per measure${withBand ? ', with shaded confidence intervals' : ''}` +
    `${targets.length ? '; dashed lines end in diamonds at the targets' : ''}. ${latest.join('; ')}.`;
  const width = columns * panelWidth + (columns - 1) * 20;
  return frame({
    kind: 'poverty-trend',
    body: {
      data: { name: 'all' },
      facet: { field: '_panel', type: 'nominal', sort: panelNames, title: null, header: { labelAnchor: 'start', labelFontSize: 12, labelFontWeight: 'bold', labelLimit: panelWidth } },
      columns,
      spacing: { row: 24, column: 20 },
      spec: { width: panelWidth, height: panelHeight, layer },
      resolve: { axis: { x: 'independent', y: 'independent' } },
    },
    datasets: { all },
    options,
    title: 'Poverty over time',
    description,
    width,
  });
}
