import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { type ChartData, type ChartOptions, type ChartRow, chartRows, distinct, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, axisFormat, formatString } from './theme.js';

/** Options of {@link rankedDotsChart}. */
export interface RankedDotsChartOptions extends ChartOptions {
  /** Column naming each row (default `name`). */
  name?: string;
  /** Value column (default `value`). */
  value?: string;
  /** Lower and upper interval columns; drawn as a horizontal bar through the dot when given. */
  lower?: string;
  upper?: string;
  /** Column grouping the rows (e.g. an LGBF family group); shown by the dot's shape, with a legend. */
  group?: string;
  /** Legend title for `group`. */
  groupLabel?: string;
  /** Row(s) to highlight by name: larger, darker dot and a bold label. */
  highlight?: string | readonly string[];
  /** A reference value (e.g. Scotland) drawn as a dashed line. */
  reference?: number;
  /** Label of the reference line (default 'Scotland'). */
  referenceLabel?: string;
  /** Axis format (default 'percent'). */
  format?: ValueFormat;
  /** What the value is, for the axis (default: the value column). */
  label?: string;
  /** Start the value axis at zero (default true). */
  zero?: boolean;
  /** Highest value at the top (default true). */
  descending?: boolean;
}

const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'cross'];

/**
 * Areas ranked by a value, one dot per area with its interval when the table has one, a dashed
 * reference line (Scotland) and an optional grouping shown by shape (the family groups councils
 * benchmark against). Highlighted areas are drawn larger and labelled in bold.
 *
 * @example
 * // children in low income families after housing costs (DWP, FYE 2025) by council, shaped by LGBF family group
 * const ahc = dwpChildPoverty().filter((d) => d.release === '2026' && d.basis === 'AHC' && d.year === 2025);
 * const scotland = ahc.filter((d) => d.council === 'S92000003').get('rate', 0); // 0.148
 * const rows = ahc
 *   .filter((d) => d.council !== 'S92000003')
 *   .join(lgbfFamilies().derive({ family_group: (d) => 'Family group ' + d.family_group_people }).select('council', 'family_group'), 'council');
 * rankedDotsChart(rows, { name: 'council_name', value: 'rate', group: 'family_group', highlight: 'Fife', reference: scotland })
 */
export function rankedDotsChart(table: ChartData, options: RankedDotsChartOptions = {}): TopLevelSpec {
  const chart = 'rankedDotsChart';
  const name = options.name ?? 'name';
  const value = options.value ?? 'value';
  const needed: Record<string, string> = { [name]: 'name', [value]: 'value' };
  if (options.lower) needed[options.lower] = 'lower';
  if (options.upper) needed[options.upper] = 'upper';
  if (options.group) needed[options.group] = 'group';
  const rows = chartRows(chart, table, needed, ['code']);
  requireNumbers(chart, rows, value, 'value');
  const names = rows.map((r) => String(r[name]));
  if (distinct(names).length !== names.length) {
    throw new PovineqError('INVALID_CHART', `${chart}: column "${name}" (option name) names a row twice; a ranking needs one row per name`, { chart, option: 'name' });
  }
  const highlight = new Set(options.highlight === undefined ? [] : typeof options.highlight === 'string' ? [options.highlight] : options.highlight);
  const format = options.format ?? 'percent';
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const label = options.label ?? value;
  const descending = options.descending ?? true;
  const sorted = [...rows].sort((a, b) => (descending ? (b[value] as number) - (a[value] as number) : (a[value] as number) - (b[value] as number)));
  const order = sorted.map((r) => String(r[name]));
  const width = options.width ?? 460;
  const height = options.height ?? Math.max(120, 16 * rows.length);
  const data = rows.map((r) => ({ ...r, highlighted: highlight.has(String(r[name])) }));
  const highs = [...rows.map((r) => r[value] as number), ...(options.upper ? rows.map((r) => (typeof r[options.upper!] === 'number' ? (r[options.upper!] as number) : -Infinity)) : []), options.reference ?? -Infinity];
  const lows = [...rows.map((r) => r[value] as number), ...(options.lower ? rows.map((r) => (typeof r[options.lower!] === 'number' ? (r[options.lower!] as number) : Infinity)) : [])];
  const zero = options.zero ?? true;
  const domain = [zero ? Math.min(0, ...lows) : Math.min(...lows), Math.max(...highs)];
  const xScale = { domain, nice: true, zero };
  const yEnc = {
    field: field(name),
    type: 'nominal',
    sort: order,
    title: null,
    axis: { labelFontWeight: { condition: { test: `indexof(${JSON.stringify([...highlight])}, datum.value) >= 0`, value: 'bold' }, value: 'normal' }, labelFontSize: 11 },
  };
  const layer: Record<string, unknown>[] = [];
  if (options.lower && options.upper) {
    layer.push({
      data: { name: 'ranked' },
      transform: [{ filter: `isValid(datum[${JSON.stringify(options.lower)}]) && isValid(datum[${JSON.stringify(options.upper)}])` }],
      mark: { type: 'rule', strokeWidth: 2, color: COLOURS.neutral },
      encoding: { y: yEnc, x: { field: field(options.lower), type: 'quantitative', scale: xScale }, x2: { field: field(options.upper) } },
    });
  }
  if (options.reference !== undefined) {
    layer.push(
      {
        data: { values: [{ reference: options.reference }] },
        mark: { type: 'rule', strokeDash: [5, 4], color: COLOURS.reference, strokeWidth: 1.5 },
        encoding: { x: { field: 'reference', type: 'quantitative', scale: xScale } },
      },
      {
        data: { values: [{ reference: options.reference, text: `${options.referenceLabel ?? 'Scotland'} ${fmt(options.reference)}` }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: -4, fontSize: 11, fontWeight: 'bold', color: COLOURS.reference },
        encoding: { x: { field: 'reference', type: 'quantitative', scale: xScale }, text: { field: 'text' } },
      },
    );
  }
  const groups = options.group ? distinct(rows.map((r) => String(r[options.group!]))).sort() : [];
  layer.push({
    data: { name: 'ranked' },
    mark: { type: 'point', filled: true, opacity: 1 },
    encoding: {
      y: yEnc,
      x: { field: field(value), type: 'quantitative', title: label, axis: { ...axisFormat(format), orient: 'bottom' }, scale: xScale },
      color: { condition: { test: 'datum.highlighted', value: COLOURS.harm }, value: COLOURS.primary },
      size: { condition: { test: 'datum.highlighted', value: 150 }, value: 60 },
      ...(options.group
        ? { shape: { field: field(options.group), type: 'nominal', title: options.groupLabel ?? options.group, scale: { domain: groups, range: SHAPES.slice(0, Math.max(1, groups.length)) }, legend: { orient: 'bottom', direction: 'horizontal', titleOrient: 'left' } } }
        : {}),
      tooltip: [
        { field: field(name), type: 'nominal' },
        { field: field(value), type: 'quantitative', format: formatString(format), title: label },
        ...(options.lower && options.upper
          ? [
              { field: field(options.lower), type: 'quantitative', format: formatString(format), title: 'lower' },
              { field: field(options.upper), type: 'quantitative', format: formatString(format), title: 'upper' },
            ]
          : []),
      ],
    },
  });
  const top = sorted.slice(0, 3).map((r) => `${r[name]} (${fmt(r[value] as number)})`);
  const bottom = sorted.slice(-3).reverse().map((r) => `${r[name]} (${fmt(r[value] as number)})`);
  const marked = sorted.flatMap((r, i) => (highlight.has(String(r[name])) ? [`${r[name]} is ${ordinal(i + 1)} of ${rows.length} at ${fmt(r[value] as number)}${options.lower && typeof r[options.lower] === 'number' && typeof r[options.upper!] === 'number' ? ` (interval ${fmt(r[options.lower] as number)} to ${fmt(r[options.upper!] as number)})` : ''}`] : []));
  const description =
    `Dot chart of ${rows.length} areas ranked by ${label}, ${descending ? 'highest' : 'lowest'} at the top` +
    `${options.lower && options.upper ? ', each with its interval' : ''}${options.group ? `, shapes showing ${options.groupLabel ?? options.group}` : ''}. ` +
    `Highest: ${top.join(', ')}. Lowest: ${bottom.join(', ')}.` +
    (options.reference !== undefined ? ` ${options.referenceLabel ?? 'Scotland'}: ${fmt(options.reference)}.` : '') +
    (marked.length ? ` ${marked.join('; ')}.` : '');
  return frame({ kind: 'ranked-dots', body: { width, height, layer }, datasets: { ranked: data as ChartRow[] }, options, title: `${label}, ranked`, description, width });
}

/** 1 → "1st", 22 → "22nd". */
export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}
