/**
 * What differs between SQL engines, and nothing else: how identifiers are quoted, how a bound
 * parameter is written, the name of the double type, and the few functions that are spelled
 * differently. The compiler writes one query shape for every dialect through this interface.
 */
export interface SqlDialect {
  /** The dialect's name, as passed to `measuresSQL({ dialect })`. */
  readonly name: SqlDialectName;
  /** Quotes one identifier so that any name (spaces, quotes, keywords) is read as a name. */
  quote(identifier: string): string;
  /** The text of the `index`-th bound parameter (1-based, in order of appearance). */
  placeholder(index: number): string;
  /** The 64-bit floating-point type. */
  readonly double: string;
  /** Whether `WITH name AS MATERIALIZED (...)` is understood (so a shared step is computed once). */
  readonly materialize: boolean;
  /** True when a numeric expression is NaN. */
  isNaN(expression: string): string;
  /** True when a numeric expression is +∞ or −∞. */
  isInfinite(expression: string): string;
  /** A null-safe equality of two expressions (NULL equals NULL), for joining on group keys. */
  sameKey(a: string, b: string): string;
  /**
   * Converts a column to the double type; `text` says the column holds text, in which case values
   * that are not numbers become NULL instead of failing the query.
   */
  toDouble(expression: string, text: boolean): string;
  /** A table function reading files, where the engine has one (DuckDB); the paths are parameters. */
  readFiles?(kind: 'parquet' | 'csv', placeholders: string[]): string;
}

/** The SQL engines povineq writes for. DuckDB and PostgreSQL are executed in its tests. */
export type SqlDialectName = 'duckdb' | 'postgres' | 'spark' | 'bigquery';

/** `"name"` with embedded double quotes doubled: the SQL standard, used by DuckDB and PostgreSQL. */
export function quoteStandard(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
