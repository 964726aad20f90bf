// DuckDB (embedded, @duckdb/node-api): the SQL measures equal the in-memory ones, read from a
// table, a CSV file and a Parquet file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { datasetPath, eusilc, gini, queryMeasures, arpr, quantile } from '../../src/index.js';
import { equivalenceTests, referenceTests } from './equivalence.js';
import { errorTests } from './errors.js';
import type { Sample } from './samples.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const loaded = new Map<string, string>();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-duckdb-'));

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function load(s: Sample): Promise<string> {
  if (loaded.has(s.name)) return loaded.get(s.name)!;
  const name = `sample ${s.name}`;
  await connection.run(`CREATE TABLE "${name}" (g VARCHAR, h VARCHAR, x DOUBLE, w DOUBLE)`);
  const appender = await connection.createAppender(name);
  s.x.forEach((x, i) => {
    appender.appendVarchar(s.g[i]!);
    appender.appendVarchar(s.h[i]!);
    appender.appendDouble(x);
    appender.appendDouble(s.w ? s.w[i]! : 1);
    appender.endRow();
  });
  appender.closeSync();
  loaded.set(s.name, name);
  return name;
}

describe('DuckDB', () => {
  equivalenceTests({ connection: () => connection, load });
  referenceTests({ connection: () => connection, load });
  describe('bad input', () => errorTests({ connection: () => connection, exec: async (sql) => void (await connection.run(sql)) }));

  test('reads the EU-SILC CSV and a Parquet copy in place, with the same digits as in memory', async () => {
    const csv = datasetPath('eusilc_laeken_synthetic.csv');
    const parquet = path.join(dir, 'eusilc.parquet');
    await connection.run(`COPY (SELECT * FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`);
    const t = eusilc();
    const o = { value: 'eqIncome', weight: 'rb050' };
    // laeken::gini(eqIncome, rb050) = 26.48962 (test/fixtures/core-reference.json); in memory:
    const g = gini(t, o);
    const a = arpr(t, o);
    const med = quantile(t, { ...o, p: 0.5 });
    for (const from of [{ csv }, { parquet }, { parquet: [parquet, parquet] }]) {
      const r = await queryMeasures(undefined, { from, ...o, measures: ['gini', 'arpr', 'median', 'population'] });
      expect(Math.abs((r.get('gini', 0) as number) - g) / g).toBeLessThan(1e-9);
      expect(Math.abs((r.get('arpr', 0) as number) - a) / a).toBeLessThan(1e-9);
      expect(Math.abs((r.get('median', 0) as number) - med) / med).toBeLessThan(1e-9);
    }
  });
});
