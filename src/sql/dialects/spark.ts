import type { SqlDialect } from './dialect.js';

/**
 * Spark SQL (3.4 or later, for `?` parameter markers in `spark.sql(query, args)`). Emitted as
 * text only: povineq's tests check the text, they do not run a Spark cluster.
 */
export const spark: SqlDialect = {
  name: 'spark',
  quote: (id) => `\`${id.replace(/`/g, '``')}\``,
  placeholder: () => '?',
  double: 'DOUBLE',
  materialize: false,
  isNaN: (e) => `isnan(${e})`,
  isInfinite: (e) => `(${e} IN (double('inf'), double('-inf')))`,
  sameKey: (a, b) => `${a} <=> ${b}`,
  toDouble: (e, text) => (text ? `TRY_CAST(${e} AS DOUBLE)` : `CAST(${e} AS DOUBLE)`),
};
