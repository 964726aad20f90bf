import type { Config, TopLevelSpec } from 'vega-lite';
import { type ColumnSource, PovineqError, columnNames, isArqueroLike, isDataFrameLike, readColumn, rowCount } from '../data/index.js';
import { textWidth } from './text-metrics.js';
import { COLOURS, checkFormat, houseTheme, mergeConfig } from './theme.js';
import { type OptionSpec, checkOptions, checkValue } from '../data/index.js';

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Chart title (each builder has a default; `''` or `null` for none). */
  title?: string | null;
  /** A second line under the title. */
  subtitle?: string;
  /**
   * Text for screen readers, set as the spec's `description` (and so the SVG's aria-label).
   * Each builder writes one from the data when it is not given.
   */
  description?: string;
  /** Where the numbers come from; printed under the chart as "Source: …". */
  source?: string;
  /** A caveat printed under the chart after the source. */
  note?: string;
  /** Width of the plotting area in pixels. */
  width?: number;
  /** Height of the plotting area in pixels. */
  height?: number;
  /** Vega-Lite config merged over the house theme (see {@link houseTheme}). */
  theme?: Config;
}

/** What a builder reads: an Arquero table, a danfo DataFrame, an object of columns or an array of row objects. */
export type ChartData = ColumnSource | readonly Record<string, unknown>[];

/** A plain row object with JSON-friendly values. */
export type ChartRow = Record<string, string | number | boolean | null>;

/** The spec's `$schema`: the Vega-Lite major version povineq compiles with. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The source printed when a chart is given none. */
export const DEFAULT_SOURCE = 'povineq calculations';

/**
 * Reads the rows of a result table as plain objects, keeping only `columns` (plus `keep`, when
 * present). Throws INVALID_CHART naming the builder, the missing columns and the option that
 * renames them, or EMPTY for a table with no rows.
 *
 * `columns` maps each needed column name to the builder option that sets it.
 */
export function chartRows(
  chart: string,
  data: ChartData,
  columns: Record<string, string>,
  keep: readonly string[] = [],
): ChartRow[] {
  const isRows = Array.isArray(data) && (data.length === 0 || isPlainRow(data[0]));
  const names = isRows ? unionKeys(data as readonly Record<string, unknown>[]) : columnNamesOf(chart, data as ColumnSource);
  const missing = Object.keys(columns).filter((c) => !names.includes(c));
  if (missing.length > 0) {
    const fixes = missing.map((c) => `{ ${columns[c]}: '<column>' }`).join(', ');
    throw new PovineqError(
      'MISSING_COLUMN',
      `${chart}: the table has no column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} ` +
        `(it has: ${names.join(', ') || 'none'}); pass ${fixes} to name the column${missing.length > 1 ? 's' : ''} to use`,
      { chart, columns: missing, available: names, option: missing.map((c) => columns[c]) },
    );
  }
  const wanted = [...Object.keys(columns), ...keep.filter((k) => names.includes(k) && !(k in columns))];
  const n = isRows ? (data as unknown[]).length : rowCount(data as ColumnSource);
  if (n === 0) {
    throw new PovineqError('EMPTY', `${chart}: the table is empty (0 rows); there is nothing to chart`, { chart });
  }
  const rows: ChartRow[] = Array.from({ length: n }, () => ({}));
  for (const name of wanted) {
    const values = isRows
      ? (data as readonly Record<string, unknown>[]).map((r) => r[name])
      : readColumn(data as ColumnSource, name);
    for (let i = 0; i < n; i++) rows[i]![name] = jsonValue(values[i]);
  }
  return rows;
}

function columnNamesOf(chart: string, data: ColumnSource): string[] {
  if (!isArqueroLike(data) && !isDataFrameLike(data) && (data == null || typeof data !== 'object')) {
    throw new PovineqError('INVALID_INPUT', `${chart}: expected an Arquero table, a DataFrame, an object of columns or an array of rows, got ${data === null ? 'null' : typeof data}`, { chart });
  }
  return columnNames(data);
}

function isPlainRow(x: unknown): boolean {
  return x != null && typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

function unionKeys(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

function jsonValue(v: unknown): string | number | boolean | null {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * Checks that a numeric column holds finite numbers; names the column, the bad rows and the option.
 */
export function requireNumbers(chart: string, rows: readonly ChartRow[], column: string, option: string): void {
  const bad: number[] = [];
  rows.forEach((r, i) => {
    if (typeof r[column] !== 'number') bad.push(i);
  });
  if (bad.length > 0) {
    const shown = bad.slice(0, 5).join(', ') + (bad.length > 5 ? `, … (${bad.length} in all)` : '');
    throw new PovineqError(
      'INVALID_CHART',
      `${chart}: column "${column}" (option ${option}) needs numbers but has ${bad.length} missing or non-numeric value${bad.length > 1 ? 's' : ''} (row${bad.length > 1 ? 's' : ''} ${shown}); filter those rows out first`,
      { chart, column, rows: bad, option },
    );
  }
}

/** A field reference safe for Vega-Lite: dots and brackets in a column name are escaped. */
export function field(name: string): string {
  return name.replace(/([.[\]\\])/g, '\\$1');
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** "a, b and c". */
export function listing(items: readonly unknown[], limit = 6): string {
  const s = items.slice(0, limit).map(String);
  const more = items.length > limit ? ` and ${items.length - limit} more` : '';
  if (more) return `${s.join(', ')}${more}`;
  return s.length <= 1 ? s.join('') : `${s.slice(0, -1).join(', ')} and ${s[s.length - 1]}`;
}

/** Percent text for descriptions: 0.2431 → "24.3%". */
export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

/** Number text for descriptions in UK style: 12345.6 → "12,346". */
export function num(x: number, digits = 0): string {
  return x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const text = { kind: 'check', check: (v: unknown, option: string, context: string) => {
  if (typeof v !== 'string') checkValue(v, { kind: 'string' }, option, context);
} } as const;

/** The options every chart builder shares, as rules for {@link checkOptions}. */
export const CHART_OPTIONS: OptionSpec = {
  title: { kind: 'check', check: (v, option, context) => v === null || checkValue(v, { kind: 'string' }, option, context) },
  subtitle: text,
  description: text,
  source: text,
  note: text,
  width: { kind: 'number', min: 0, above: true, means: 'pixels', fallback: 420 },
  height: { kind: 'number', min: 0, above: true, means: 'pixels', fallback: 240 },
  theme: { kind: 'object' },
  format: { kind: 'check', check: (v, option, context) => checkFormat(v, option, context) },
};

/** What a builder hands to {@link frame}. */
export interface FrameParts {
  /** The chart kind, recorded in `usermeta.povineq.chart`. */
  kind: string;
  /** The view(s): a unit, layer, facet or concat spec without top-level properties. */
  body: Record<string, unknown>;
  /** The numbers behind the chart, by dataset name; the body refers to them as `{ name }`. */
  datasets: Record<string, ChartRow[]>;
  /** The user's options. */
  options: ChartOptions;
  /** Builder defaults for title and description. */
  title: string;
  description: string;
  /** Extra caveat written by the builder (e.g. how the tails were grouped), before the user's note. */
  caveat?: string;
  /** Width of the chart body (for wrapping the note). */
  width: number;
}

/**
 * Wraps a builder's view in the house frame: `$schema`, title, `description`, the datasets, the
 * source/caveat note as a text row under the chart, the house theme as `config`, and
 * `usermeta.povineq` ({ chart, source, note }) for the renderers.
 */
export function frame(parts: FrameParts): TopLevelSpec {
  const o = checkOptions(parts.options, CHART_OPTIONS, parts.kind === 'measures' ? 'measureChart' : `${parts.kind} chart`, { open: true });
  const source = o.source ?? DEFAULT_SOURCE;
  const noteText = [parts.caveat, o.note].filter((s) => s && s.trim()).join(' ');
  const lines = wrapToWidth(`Source: ${trimStop(source)}.${noteText ? ` ${noteText}` : ''}`, Math.max(200, parts.width), 11);
  const title = o.title === undefined ? parts.title : o.title;
  const spec: Record<string, unknown> = {
    $schema: VEGA_LITE_SCHEMA,
    description: o.description ?? parts.description,
  };
  if (title) {
    // a long subtitle wraps to the chart's width instead of widening the picture
    const subtitle = o.subtitle ? wrapToWidth(o.subtitle, Math.max(200, parts.width), 13) : [];
    spec.title = subtitle.length > 1 ? { text: title, subtitle } : subtitle.length === 1 ? { text: title, subtitle: subtitle[0] } : { text: title };
  }
  spec.datasets = parts.datasets;
  spec.vconcat = [
    parts.body,
    {
      data: { values: [{}] },
      mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 11, color: COLOURS.muted, lineHeight: 14 },
      encoding: { text: { value: lines }, x: { value: 0 }, y: { value: 0 } },
      width: parts.width,
      height: 14 * lines.length,
    },
  ];
  spec.config = mergeConfig(houseTheme(), o.theme);
  spec.usermeta = { povineq: { chart: parts.kind, source, note: noteText || null } };
  return spec as unknown as TopLevelSpec;
}

function trimStop(s: string): string {
  return s.replace(/[.\s]+$/, '');
}

/** Greedy word wrap to lines at most `width` pixels wide in the house font at `size` px. */
export function wrapToWidth(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && textWidth(`${line} ${word}`, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
