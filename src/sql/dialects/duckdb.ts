import { type SqlDialect, quoteStandard } from './dialect.js';

/** DuckDB (embedded): reads Parquet and CSV files in place with `read_parquet` / `read_csv`. */
export const duckdb: SqlDialect = {
  name: 'duckdb',
  quote: quoteStandard,
  placeholder: (i) => `$${i}`,
  double: 'DOUBLE',
  materialize: true,
  isNaN: (e) => `isnan(${e})`,
  isInfinite: (e) => `isinf(${e})`,
  sameKey: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  toDouble: (e, text) => (text ? `TRY_CAST(${e} AS DOUBLE)` : `CAST(${e} AS DOUBLE)`),
  readFiles: (kind, placeholders) => `${kind === 'parquet' ? 'read_parquet' : 'read_csv'}([${placeholders.join(', ')}])`,
};
