import { PovineqError, describeRows, plural } from './errors.js';

/**
 * Something povineq can read columns from: an Arquero table, a danfo.js DataFrame (read
 * structurally, so danfo stays an optional peer), or a plain object of equal-length arrays.
 */
export type ColumnSource = ArqueroLike | DataFrameLike | Record<string, ArrayLike<unknown>>;

/** The part of an Arquero ColumnTable povineq uses. */
export interface ArqueroLike {
  numRows(): number;
  columnNames(): string[];
  column(name: string): unknown;
  array(name: string): ArrayLike<unknown>;
  isFiltered(): boolean;
  isOrdered(): boolean;
}

/** The part of a danfo.js DataFrame povineq uses: column names and column access. */
export interface DataFrameLike {
  columns: string[];
  column(name: string): { values: ArrayLike<unknown> };
}

export function isArqueroLike(x: unknown): x is ArqueroLike {
  const t = x as ArqueroLike;
  return t != null && typeof t === 'object' && typeof t.numRows === 'function'
    && typeof t.columnNames === 'function' && typeof t.array === 'function';
}

export function isDataFrameLike(x: unknown): x is DataFrameLike {
  const t = x as DataFrameLike;
  return t != null && typeof t === 'object' && Array.isArray(t.columns)
    && typeof t.column === 'function';
}

export function isArrayLikeOfValues(x: unknown): x is ArrayLike<unknown> {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) return true;
  return false;
}

/** Column names of a source, in order. */
export function columnNames(source: ColumnSource): string[] {
  if (isArqueroLike(source)) return source.columnNames();
  if (isDataFrameLike(source)) return source.columns.slice();
  return Object.keys(source);
}

/** Number of rows of a source. */
export function rowCount(source: ColumnSource): number {
  if (isArqueroLike(source)) return source.numRows();
  const names = columnNames(source);
  return names.length === 0 ? 0 : readColumn(source, names[0]!).length;
}

/**
 * The raw values of one column, in row order (filters and orderby of an Arquero table applied).
 * The returned array may be the source's own storage: callers must not write to it.
 */
export function readColumn(source: ColumnSource, name: string, option = 'value'): ArrayLike<unknown> {
  const names = columnNames(source);
  if (!names.includes(name)) {
    throw new PovineqError(
      'MISSING_COLUMN',
      `column "${name}" (option ${option}) is not in the data; its columns are ${names.map((n) => `"${n}"`).join(', ') || 'none'}`,
      { column: name, option, columns: names },
    );
  }
  if (isArqueroLike(source)) {
    if (!source.isFiltered() && !source.isOrdered()) {
      // Arquero 8 returns a column's own array (typed or plain); older versions wrap it in { data }
      const column = source.column(name);
      if (isArrayLikeOfValues(column) && column.length === source.numRows()) return column;
      const data = (column as { data?: unknown } | undefined)?.data;
      if (isArrayLikeOfValues(data) && data.length === source.numRows()) return data;
    }
    return source.array(name);
  }
  if (isDataFrameLike(source)) return source.column(name).values;
  return (source as Record<string, ArrayLike<unknown>>)[name]!;
}

/** A numeric column read from raw values, with every problem row recorded. */
export interface NumericColumn {
  values: Float64Array;
  /** Rows holding null, undefined, NaN or an empty string. */
  missing: number[];
  /** Rows holding text that is not a number, booleans, dates or objects. */
  nonNumeric: number[];
  /** Rows holding ±Infinity. */
  nonFinite: number[];
}

/**
 * Converts raw values to a Float64Array. Numbers, bigints and numeric strings are accepted;
 * everything else is recorded by row, never coerced in silence. The input is not modified.
 *
 * With `reuse`, a Float64Array input is checked but not copied: `values` is then the input
 * itself, and the caller must not write to it.
 */
export function toNumeric(raw: ArrayLike<unknown>, reuse = false): NumericColumn {
  const n = raw.length;
  const missing: number[] = [];
  const nonNumeric: number[] = [];
  const nonFinite: number[] = [];
  if (reuse && raw instanceof Float64Array) {
    for (let i = 0; i < n; i++) {
      const v = raw[i]!;
      if (v - v !== 0) {
        // NaN or ±Infinity (v − v is 0 for every finite v)
        if (v !== v) missing.push(i);
        else nonFinite.push(i);
      }
    }
    return { values: raw, missing, nonNumeric, nonFinite };
  }
  const values = new Float64Array(n);
  if (raw instanceof Float64Array || raw instanceof Float32Array) {
    for (let i = 0; i < n; i++) {
      const v = raw[i]!;
      if (v !== v) missing.push(i);
      else if (v === Infinity || v === -Infinity) nonFinite.push(i);
      values[i] = v;
    }
    return { values, missing, nonNumeric, nonFinite };
  }
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
    // integer typed arrays: always finite numbers (BigInt arrays converted)
    for (let i = 0; i < n; i++) values[i] = Number((raw as unknown as ArrayLike<number | bigint>)[i]);
    return { values, missing, nonNumeric, nonFinite };
  }
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    let x: number;
    if (typeof v === 'number') x = v;
    else if (v === null || v === undefined) { missing.push(i); values[i] = NaN; continue; }
    else if (typeof v === 'bigint') x = Number(v);
    else if (typeof v === 'string') {
      const s = v.trim();
      if (s === '' || s.toLowerCase() === 'nan' || s.toUpperCase() === 'NA') { missing.push(i); values[i] = NaN; continue; }
      x = Number(s);
      if (x !== x) { nonNumeric.push(i); values[i] = NaN; continue; }
    } else { nonNumeric.push(i); values[i] = NaN; continue; }
    if (x !== x) missing.push(i);
    else if (x === Infinity || x === -Infinity) nonFinite.push(i);
    values[i] = x;
  }
  return { values, missing, nonNumeric, nonFinite };
}

/** Examples of the offending raw values, for a message: `"n/a", "abc"`. */
export function showValues(raw: ArrayLike<unknown>, rows: number[], limit = 3): string {
  return rows.slice(0, limit).map((r) => JSON.stringify(raw[r]) ?? String(raw[r])).join(', ');
}

/**
 * Throws the error for the first kind of bad value in a numeric column, naming the column,
 * the count and rows, and the option that handles it. Returns silently when the column is clean.
 */
export function assertClean(
  column: NumericColumn,
  raw: ArrayLike<unknown>,
  name: string,
  role: 'value' | 'weight' | string,
): void {
  const { missing, nonNumeric, nonFinite } = column;
  if (missing.length > 0) {
    throw new PovineqError(
      'MISSING_VALUE',
      `${role} column "${name}" has ${plural(missing.length, 'missing value')} (${describeRows(missing)}); ` +
        `pass { missing: 'drop' } to exclude those rows`,
      { column: name, count: missing.length, rows: missing.slice(0, 100), option: "missing: 'drop'" },
    );
  }
  if (nonNumeric.length > 0) {
    throw new PovineqError(
      'NON_NUMERIC',
      `${role} column "${name}" has ${plural(nonNumeric.length, 'non-numeric value')} (${describeRows(nonNumeric)}: ` +
        `${showValues(raw, nonNumeric)}); convert the column to numbers, or pass { missing: 'drop' } to exclude those rows`,
      { column: name, count: nonNumeric.length, rows: nonNumeric.slice(0, 100), option: "missing: 'drop'" },
    );
  }
  if (nonFinite.length > 0) {
    throw new PovineqError(
      'NON_FINITE',
      `${role} column "${name}" has ${plural(nonFinite.length, 'infinite value')} (${describeRows(nonFinite)}); ` +
        `pass { missing: 'drop' } to exclude those rows`,
      { column: name, count: nonFinite.length, rows: nonFinite.slice(0, 100), option: "missing: 'drop'" },
    );
  }
}
