import { type SqlDialect, quoteStandard } from './dialect.js';

// A number as PostgreSQL's float8 input accepts it (plus NaN and Infinity spelled as it prints them).
const NUMBER_TEXT = String.raw`'^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$|^\s*[-+]?(NaN|Infinity|inf)\s*$'`;

/** PostgreSQL (server, through `pg`). No file reading: the data are a table or a view. */
export const postgres: SqlDialect = {
  name: 'postgres',
  quote: quoteStandard,
  placeholder: (i) => `$${i}`,
  double: 'DOUBLE PRECISION',
  materialize: true,
  isNaN: (e) => `(${e} = CAST('NaN' AS DOUBLE PRECISION))`,
  isInfinite: (e) => `(${e} IN (CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION)))`,
  sameKey: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  toDouble: (e, text) =>
    text
      ? `CASE WHEN CAST(${e} AS TEXT) ~* ${NUMBER_TEXT} THEN CAST(CAST(${e} AS TEXT) AS DOUBLE PRECISION) END`
      : `CAST(${e} AS DOUBLE PRECISION)`,
};
