import type { SqlDialect } from './dialect.js';

/**
 * Google BigQuery (GoogleSQL), with positional `?` parameters. Emitted as text only: povineq's
 * tests check the text, they do not run against BigQuery.
 */
export const bigquery: SqlDialect = {
  name: 'bigquery',
  quote: (id) => `\`${id.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``,
  placeholder: () => '?',
  double: 'FLOAT64',
  materialize: false,
  isNaN: (e) => `IS_NAN(${e})`,
  isInfinite: (e) => `IS_INF(${e})`,
  sameKey: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  toDouble: (e, text) => (text ? `SAFE_CAST(${e} AS FLOAT64)` : `CAST(${e} AS FLOAT64)`),
};
