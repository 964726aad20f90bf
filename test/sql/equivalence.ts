// The identical-digits proof, shared by the DuckDB and PostgreSQL test files: every measure
// computed by the SQL equals the in-memory measure to 1e-9 relative, grouped and ungrouped.
import { describe, expect, test } from 'vitest';
import type { SqlConnection } from '../../src/index.js';
import { PovineqError, queryMeasures } from '../../src/index.js';
import { EPSILON, QUANTILES, type Sample, expectClose, expected, measureOf, samples } from './samples.js';

export interface Engine {
  connection(): SqlConnection;
  /** Loads a sample into a table with columns g, h (text), x, w (double); returns its name. */
  load(s: Sample): Promise<string>;
}

const cases: { by: ('g' | 'h')[]; groupLine?: boolean }[] = [{ by: [] }, { by: ['g'] }, { by: ['g', 'h'] }, { by: ['g'], groupLine: true }];

export function equivalenceTests(engine: Engine): void {
  const all = samples();
  describe.each(all.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    test.each(cases.map((c) => [c.by.join('+') || 'ungrouped', c] as const))('%s: every measure equals the in-memory one', async (_label, c) => {
      const table = await engine.load(s);
      const nonPositive = s.x.some((v) => v <= 0) ? ('drop' as const) : undefined;
      const want = expected(s, c.by, { groupLine: c.groupLine, nonPositive });
      // Measures povineq refuses for some group (e.g. RMPG with nobody poor) are checked for the same error.
      const refused = new Set(Object.entries(want.values).filter(([, v]) => v.some((x) => typeof x === 'string')).map(([k]) => measureOf(k)));
      const measures = [...new Set(Object.keys(want.values).map(measureOf))].filter((m) => !refused.has(m));
      const options = {
        from: table,
        value: 'x',
        ...(s.w ? { weight: 'w' } : {}),
        by: c.by,
        measures: measures as never,
        quantiles: QUANTILES,
        epsilon: EPSILON,
        ...(c.groupLine ? { groupLine: true } : {}),
        ...(nonPositive ? { nonPositive } : {}),
      };
      const got = await queryMeasures(engine.connection(), options);
      expect(got.numRows()).toBe(want.keys.length);
      c.by.forEach((b, j) => expect(got.array(b), `group column ${b}`).toEqual(want.keys.map((k) => k[j])));
      let compared = 0;
      for (const [name, values] of Object.entries(want.values)) {
        if (refused.has(measureOf(name))) continue;
        const column = got.array(name) as unknown[];
        values.forEach((v, i) => expectClose(column[i], v as number, `${s.name} ${name} group ${want.keys[i]}`));
        compared += values.length;
      }
      expect(compared).toBeGreaterThanOrEqual(want.keys.length * 10);
      for (const m of refused) {
        const code = Object.entries(want.values).find(([k, v]) => measureOf(k) === m && v.some((x) => typeof x === 'string'))![1].find((x) => typeof x === 'string');
        const error = await queryMeasures(engine.connection(), { ...options, measures: [m as never] }).catch((e: unknown) => e);
        expect(error, `${m} should be refused as in memory`).toBeInstanceOf(PovineqError);
        expect((error as PovineqError).code).toBe(code);
      }
    });
  });
}
