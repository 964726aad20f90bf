// The SQL text: Spark SQL and BigQuery are emitted and checked as text here (no cluster runs in the
// tests); every dialect quotes identifiers and binds user values as parameters.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { PovineqError, gini, measuresSQL, queryMeasures } from '../../src/index.js';
import { optionalImport } from '../../src/sql/connection.js';

const base = { from: 'households', value: 'income', weight: 'w', by: ['council'] };

function markers(sql: string, dialect: string): number {
  return dialect === 'duckdb' || dialect === 'postgres' ? new Set(sql.match(/\$\d+/g) ?? []).size : (sql.match(/\?/g) ?? []).length;
}

function balanced(sql: string): boolean {
  let depth = 0;
  for (const ch of sql.replace(/'[^']*'/g, '')) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

describe.each(['duckdb', 'postgres', 'spark', 'bigquery'] as const)('%s text', (dialect) => {
  const q = measuresSQL({ ...base, dialect, quantiles: [0.37], epsilon: [0.73, 1], fraction: 0.6123, line: 12345.678 });

  test('one query, window functions over the sorted order, no user-defined function', () => {
    expect(q.sql.startsWith('WITH ')).toBe(true);
    expect(q.sql).toMatch(/SUM\(w\) OVER \(PARTITION BY g0 ORDER BY x, w ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\)/);
    expect(q.sql).not.toMatch(/CREATE|FUNCTION|;/i);
    expect(balanced(q.sql)).toBe(true);
    expect(balanced(q.checks.sql)).toBe(true);
  });

  test('user values are parameters, never in the text; one value per marker', () => {
    const f = measuresSQL({ ...base, dialect, quantiles: [0.37], epsilon: [0.73], fraction: 0.6123 });
    for (const [query, values] of [
      [q, [0.37, 0.73, 12345.678]],
      [f, [0.37, 0.73, 0.6123]],
    ] as const) {
      for (const v of values) expect(query.sql).not.toContain(String(v));
      expect(query.params).toEqual(expect.arrayContaining([...values]));
      expect(markers(query.sql, dialect)).toBe(query.params.length);
    }
  });

  test('identifiers are quoted, whatever they contain', () => {
    const odd = measuresSQL({ dialect, from: ['my schema', 'house"holds`'], value: 'in"come`', weight: 'w`"', by: 'council; DROP TABLE x' });
    const quoted = {
      duckdb: ['"in""come`"', '"my schema"."house""holds`"', '"council; DROP TABLE x"'],
      postgres: ['"in""come`"', '"my schema"."house""holds`"', '"council; DROP TABLE x"'],
      spark: ['`in"come```', '`my schema`.`house"holds```', '`council; DROP TABLE x`'],
      bigquery: ['`in"come\\``', '`my schema`.`house"holds\\``', '`council; DROP TABLE x`'],
    }[dialect];
    for (const text of quoted) expect(odd.sql).toContain(text);
  });
});

describe('dialect specifics', () => {
  test('Spark SQL: backticks, <=> to join on group keys, no MATERIALIZED', () => {
    const q = measuresSQL({ ...base, dialect: 'spark' });
    expect(q.sql).toContain('r.g0 <=> l.g0');
    expect(q.sql).not.toContain('MATERIALIZED');
    expect(q.sql).toContain('CAST(`income` AS DOUBLE)');
    expect(q.checks.sql).toContain('isnan(x)');
  });

  test('BigQuery: FLOAT64, IS_NAN, IS NOT DISTINCT FROM', () => {
    const q = measuresSQL({ ...base, dialect: 'bigquery' });
    expect(q.sql).toContain('CAST(`income` AS FLOAT64)');
    expect(q.sql).toContain('r.g0 IS NOT DISTINCT FROM l.g0');
    expect(q.checks.sql).toContain('IS_NAN(x)');
    expect(q.sql).not.toContain('MATERIALIZED');
  });

  test('files are read in place by DuckDB only, their paths bound as parameters', () => {
    const path = "/data/it's; DROP TABLE x; --.parquet";
    const q = measuresSQL({ ...base, dialect: 'duckdb', from: { parquet: [path, 'b.parquet'] } });
    expect(q.sql).toContain('read_parquet([$1, $2])');
    expect(q.sql).not.toContain('DROP');
    expect(q.params.slice(0, 2)).toEqual([path, 'b.parquet']);
    for (const dialect of ['postgres', 'spark', 'bigquery'] as const) {
      expect(() => measuresSQL({ ...base, dialect, from: { parquet: 'a.parquet' } })).toThrow(PovineqError);
    }
  });

  test('bad options name the option', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as PovineqError).code, (e as PovineqError).details.option];
      }
      return undefined;
    };
    expect(code(() => measuresSQL({ ...base, dialect: 'oracle' as never }))).toEqual(['INVALID_OPTION', 'dialect']);
    expect(code(() => measuresSQL({ ...base, dialect: 'duckdb', quantiles: [90] }))).toEqual(['INVALID_OPTION', 'quantiles']);
    expect(code(() => measuresSQL({ ...base, dialect: 'duckdb', measures: ['gni' as never] }))).toEqual(['INVALID_OPTION', 'measures']);
    expect(code(() => measuresSQL({ ...base, dialect: 'duckdb', fraction: 60 as never, line: -1 }))).toEqual(['INVALID_OPTION', 'line']);
    expect(code(() => measuresSQL({ ...base, dialect: 'duckdb', wieght: 'w' } as never))).toEqual(['INVALID_OPTION', 'wieght']);
    expect(code(() => measuresSQL({ ...base, dialect: 'duckdb', by: 'gini' }))).toEqual(['INVALID_OPTION', 'by']);
  });

  test('an absent optional engine package is named, with the install command', async () => {
    const e = await optionalImport('povineq-no-such-engine', 'the test engine').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(PovineqError);
    expect((e as PovineqError).code).toBe('MISSING_DEPENDENCY');
    expect((e as PovineqError).message).toContain('npm install povineq-no-such-engine');
  });

  test('odd identifiers run on DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(`CREATE TABLE "house""holds" ("in""come; --" DOUBLE, "w t" DOUBLE, "select" VARCHAR)`);
      await connection.run(`INSERT INTO "house""holds" VALUES (10, 1, 'a'), (20, 2, 'a'), (35, 1, 'b'), (50, 3, 'b')`);
      const t = await queryMeasures(connection, { from: 'house"holds', value: 'in"come; --', weight: 'w t', measures: ['gini'] });
      expect(Math.abs((t.get('gini', 0) as number) - gini([10, 20, 35, 50], { weights: [1, 2, 1, 3] }))).toBeLessThan(1e-12);
      const g = await queryMeasures(connection, { from: 'house"holds', value: 'in"come; --', by: 'select', measures: ['n'] });
      expect(g.array('select')).toEqual(['a', 'b']);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
