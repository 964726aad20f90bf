export { measuresSQL, probeSQL, type BoundSQL, type CompiledMeasures } from './compile.js';
export { queryMeasures } from './query.js';
export { SQL_MEASURES, type SqlMeasure, type SqlSource, type MeasuresSQLOptions, type MeasuresSQLRequest } from './options.js';
export type { SqlConnection, DuckDBConnectionLike, PgClientLike } from './connection.js';
export { type SqlDialectName, sqlDialect } from './dialects/index.js';
