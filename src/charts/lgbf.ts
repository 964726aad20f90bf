import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { type ChartData, type ChartOptions, chartRows, distinct, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, formatString, axisFormat } from './theme.js';

/** Options of {@link lgbfChart}. */
export interface LgbfChartOptions extends ChartOptions {
  /** Council name column (default `council`). */
  council?: string;
  /** Value column (default `value`). */
  value?: string;
  /** Council(s) to highlight, by name. */
  highlight?: string | readonly string[];
  /** Axis format (default 'decimal'). */
  format?: ValueFormat;
  /** What the indicator is (default: the value column). */
  label?: string;
}

/**
 * LGBF council comparison: councils ranked by the indicator, each as a dot, with the range of its
 * family group as a grey bar (tick at the family mean) and Scotland as a dashed line. Reads the
 * LGBF comparison shape (`council`, `value`, `rank`, `scotland`, `family_group`, `family_mean`,
 * `family_min`, `family_max`).
 *
 * @example
 * lgbfChart(comparison, { highlight: 'Fife', label: 'Cost per primary pupil', format: 'pounds' })
 */
export function lgbfChart(table: ChartData, options: LgbfChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'lgbfChart', { open: true });
  const chart = 'lgbfChart';
  const council = options.council ?? 'council';
  const value = options.value ?? 'value';
  const rows = chartRows(
    chart,
    table,
    { [council]: 'council', [value]: 'value', rank: 'rank', scotland: 'scotland', family_group: 'family_group', family_mean: 'family_mean', family_min: 'family_min', family_max: 'family_max' },
    ['code'],
  );
  for (const c of [value, 'rank', 'scotland', 'family_min', 'family_max', 'family_mean']) requireNumbers(chart, rows, c, c === value ? 'value' : c);
  const scotland = distinct(rows.map((r) => r.scotland as number));
  if (scotland.length !== 1) {
    throw new PovineqError('INVALID_CHART', `${chart}: column "scotland" should hold one value (the Scotland figure for this indicator and year) but has ${scotland.length}; filter to one indicator and period first`, { chart, column: 'scotland' });
  }
  const highlight = new Set(typeof options.highlight === 'string' ? [options.highlight] : (options.highlight ?? []));
  const unknown = [...highlight].filter((h) => !rows.some((r) => r[council] === h));
  if (unknown.length) {
    throw new PovineqError('INVALID_OPTION', `${chart}: highlight names ${unknown.map((u) => JSON.stringify(u)).join(', ')} not found in column "${council}"`, { chart, option: 'highlight' });
  }
  const format = options.format ?? 'decimal';
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const label = options.label ?? value;
  const order = [...rows].sort((a, b) => (a.rank as number) - (b.rank as number)).map((r) => String(r[council]));
  const width = options.width ?? 520;
  const height = options.height ?? Math.max(200, 17 * rows.length);
  const y = { field: field(council), type: 'nominal', title: null, sort: order, axis: { labelFontSize: 11 } };
  const test = `indexof(${JSON.stringify([...highlight])}, datum[${JSON.stringify(council)}]) >= 0`;
  const layer = [
    { data: { name: 'lgbf' }, mark: { type: 'rule', color: COLOURS.range, strokeWidth: 7, strokeCap: 'round' }, encoding: { y, x: { field: 'family_min', type: 'quantitative' }, x2: { field: 'family_max' } } },
    { data: { name: 'lgbf' }, mark: { type: 'tick', color: COLOURS.rangeMark, thickness: 2, size: 12, orient: 'vertical' }, encoding: { y, x: { field: 'family_mean', type: 'quantitative' } } },
    { data: { name: 'lgbf' }, mark: { type: 'rule', color: COLOURS.reference, strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: { x: { aggregate: 'min', field: 'scotland', type: 'quantitative' } } },
    {
      data: { name: 'lgbf' },
      mark: { type: 'point', filled: true, opacity: 1, size: 70 },
      encoding: {
        y,
        x: { field: field(value), type: 'quantitative', title: label, axis: axisFormat(format), scale: { zero: false } },
        color: highlight.size ? { condition: { test, value: COLOURS.harm }, value: COLOURS.primary } : { value: COLOURS.primary },
        size: highlight.size ? { condition: { test, value: 140 }, value: 70 } : { value: 70 },
        tooltip: [
          { field: field(council), type: 'nominal', title: 'council' },
          { field: field(value), type: 'quantitative', title: label, format: formatString(format) },
          { field: 'rank', type: 'quantitative' },
          { field: 'family_group', type: 'nominal', title: 'family group' },
          { field: 'family_mean', type: 'quantitative', title: 'family mean', format: formatString(format) },
        ],
      },
    },
  ];
  const top = rows.find((r) => String(r[council]) === order[0])!;
  const bottom = rows.find((r) => String(r[council]) === order[order.length - 1])!;
  const hl = rows.filter((r) => highlight.has(String(r[council])));
  const description =
    `Dot chart ranking ${rows.length} councils by ${label}, rank 1 at the top. Rank 1: ${top[council]} (${fmt(top[value] as number)}); rank ${bottom.rank}: ${bottom[council]} (${fmt(bottom[value] as number)}). ` +
    `The dashed line is Scotland (${fmt(scotland[0]!)}). Each grey bar spans the council's family group, with a tick at the family mean.` +
    hl.map((r) => ` ${r[council]} is ranked ${r.rank} (${fmt(r[value] as number)}); its family group ${r.family_group} averages ${fmt(r.family_mean as number)}.`).join('');
  return frame({
    kind: 'lgbf',
    body: { width, height, layer },
    datasets: { lgbf: rows },
    options,
    title: `${label}: councils compared`,
    description,
    caveat: 'Grey bars: range of the council\'s LGBF family group; tick: family mean; dashed line: Scotland.',
    width,
  });
}
