// Generated samples (fast-check, seeded): small weighted samples with many ties in value and in
// cumulative weight — where the EU-SILC and laeken quantile rules part — give the in-memory digits
// through DuckDB, grouped and ungrouped, for every measure (or the same error where one is undefined).
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PovineqError, queryMeasures } from '../../src/index.js';
import { EPSILON, QUANTILES, type Sample, expectClose, expected, measureOf } from './samples.js';

let instance: DuckDBInstance;
let connection: Awaited<ReturnType<DuckDBInstance['connect']>>;
let counter = 0;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

async function load(s: Sample): Promise<string> {
  const name = `generated ${counter++}`;
  await connection.run(`CREATE TABLE "${name}" (g VARCHAR, h VARCHAR, x DOUBLE, w DOUBLE)`);
  const appender = await connection.createAppender(name);
  s.x.forEach((x, i) => {
    appender.appendVarchar(s.g[i]!);
    appender.appendVarchar(s.h[i]!);
    appender.appendDouble(x);
    appender.appendDouble(s.w![i]!);
    appender.endRow();
  });
  appender.closeSync();
  return name;
}

const row = fc.record({
  x: fc.oneof(fc.integer({ min: 1, max: 12 }).map((v) => v * 1000), fc.double({ min: 100, max: 90000, noNaN: true })),
  w: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.5, max: 20, noNaN: true })),
  g: fc.constantFrom('a', 'b'),
});

test('SQL equals the in-memory engine on generated samples', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), fc.boolean(), async (rows, grouped) => {
      const s: Sample = { name: 'generated', x: rows.map((r) => r.x), w: rows.map((r) => r.w), g: rows.map((r) => r.g), h: rows.map(() => 'h') };
      const by = grouped ? (['g'] as ('g' | 'h')[]) : [];
      const want = expected(s, by);
      const refused = new Set(Object.entries(want.values).filter(([, v]) => v.some((x) => typeof x === 'string')).map(([k]) => measureOf(k)));
      const measures = [...new Set(Object.keys(want.values).map(measureOf))].filter((m) => !refused.has(m));
      const options = { from: await load(s), value: 'x', weight: 'w', by, quantiles: QUANTILES, epsilon: EPSILON };
      const got = await queryMeasures(connection, { ...options, measures: measures as never });
      for (const [name, values] of Object.entries(want.values)) {
        if (refused.has(measureOf(name))) continue;
        values.forEach((v, i) => expectClose(got.array(name)[i], v as number, `${name} group ${want.keys[i]}`));
      }
      for (const m of refused) {
        const error = await queryMeasures(connection, { ...options, measures: [m as never] }).catch((e: unknown) => e);
        expect(error, m).toBeInstanceOf(PovineqError);
      }
    }),
    { numRuns: 40, seed: 20261205 },
  );
});
