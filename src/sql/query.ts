import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { assertCleanCounts, assertDefined } from './checks.js';
import { measuresSQL, probeSQL } from './compile.js';
import { type SqlConnection, type SqlRows, sqlRunner } from './connection.js';
import { type MeasuresSQLOptions, normalize } from './options.js';

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL|int2|int4|int8|oid|float4|float8|numeric)\b/i;

function plain(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

function objects(result: SqlRows): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, j) => [c, plain(row[j])])));
}

/**
 * The core poverty and inequality measures computed inside a database, returned as the usual
 * Arquero table (one row per group: the `by` columns, then the measures).
 *
 * The data stay where they are: an embedded DuckDB (the default, `connection` omitted or
 * `'duckdb'`) reads Parquet or CSV files in place (`{ from: { parquet: 'data/*.parquet' } }`), or a
 * `@duckdb/node-api` connection or a `pg` Client/Pool runs the query on its own tables. The input is
 * checked first with a counting query, and bad rows raise the same errors as in memory (missing
 * columns, NULL/NaN/non-numeric values, zero or negative weights, non-positive incomes for
 * Theil/MLD/Atkinson), never dropped by SQL's NULL semantics unless asked with `missing: 'drop'`…
 * Digits equal the in-memory measures' (see docs/guides/large-data.md).
 *
 * @example
 * // a CSV (or Parquet: { parquet: 'data/*.parquet' }) read in place by an embedded DuckDB
 * const t = await queryMeasures(undefined, { from: { csv: 'households.csv' }, value: 'income', weight: 'w', by: 'council' });
 * t.numRows() // 2
 */
export async function queryMeasures(connection: SqlConnection, options: MeasuresSQLOptions): Promise<ColumnTable> {
  const o = normalize(options);
  const runner = await sqlRunner(connection);
  try {
    // The source's columns and types, from a query that reads no rows.
    const probe = probeSQL(runner.dialect, options.from);
    const head = await runner.run(probe.sql, probe.params);
    for (const [name, column] of [['value', o.value], ['weight', o.weight], ...o.by.map((b) => ['by', b])] as [string, string | undefined][]) {
      if (column !== undefined && !head.columns.includes(column)) {
        throw new PovineqError(
          'MISSING_COLUMN',
          `column "${column}" (option ${name}) is not in the data; its columns are ${head.columns.map((n) => `"${n}"`).join(', ') || 'none'}`,
          { column, option: name, columns: head.columns },
        );
      }
    }
    const textColumns = new Set(head.columns.filter((_, j) => !NUMERIC_TYPE.test(head.types[j]!)));
    const compiled = measuresSQL({ ...options, dialect: runner.dialect }, { textColumns });
    const counts = objects(await runner.run(compiled.checks.sql, compiled.checks.params))[0] as Record<string, number>;
    assertCleanCounts(counts, o);
    const rows = objects(await runner.run(compiled.sql, compiled.params));
    for (const row of rows) {
      const group = o.by.map((b) => `${b} = ${JSON.stringify(row[b])}`).join(', ');
      assertDefined(row, o, group);
    }
    const out: Record<string, unknown[]> = {};
    for (const name of [...o.by, ...compiled.columns]) out[name] = rows.map((r) => r[name]);
    return aq.table(out);
  } finally {
    await runner.close();
  }
}
