import { PovineqError } from '../../data/index.js';
import { bigquery } from './bigquery.js';
import type { SqlDialect, SqlDialectName } from './dialect.js';
import { duckdb } from './duckdb.js';
import { postgres } from './postgres.js';
import { spark } from './spark.js';

export type { SqlDialect, SqlDialectName } from './dialect.js';

const dialects: Record<SqlDialectName, SqlDialect> = { duckdb, postgres, spark, bigquery };

/** The dialect of a name, or an error listing the known ones. */
export function sqlDialect(name: unknown): SqlDialect {
  if (typeof name === 'string' && Object.hasOwn(dialects, name)) return dialects[name as SqlDialectName];
  throw new PovineqError(
    'INVALID_OPTION',
    `dialect must be one of ${Object.keys(dialects).map((d) => `'${d}'`).join(', ')}, got ${JSON.stringify(name)}`,
    { option: 'dialect' },
  );
}
