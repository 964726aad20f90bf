// The identical-digits proof, shared by the DuckDB and PostgreSQL test files: every measure
// computed by the SQL equals the in-memory measure to 1e-9 relative, grouped and ungrouped.
import { describe, expect, test } from 'vitest';
import type { SqlConnection } from '../../src/index.js';
import { PovineqError, queryMeasures } from '../../src/index.js';
import { fixture } from '../measures/reference.js';
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

/**
 * The SQL against R directly, ungrouped: each value next to the R function that produced it in
 * test/fixtures/core-reference.json (test/reference/core.R, R 4.2, laeken 0.5.2; see its `sources`).
 */
export function referenceTests(engine: Engine): void {
  const byName = new Map(samples().map((s) => [s.name, s]));
  describe.each(fixture.cases.map((c) => [`${c.dataset}${c.weighted ? '' : '_unweighted'}`, c] as const))('%s against R', (name, c) => {
    test('SQL equals laeken and the plain-R formulas to 1e-9', async () => {
      const s = byName.get(name)!;
      const table = await engine.load(s);
      const v = c.values;
      const want: Record<string, number | null> = {
        mean: v.mean, // stats::weighted.mean(x, w)
        median: v.medianEurostat, // plain R EU-SILC rule at p = 0.5
        p10: v.quantileEurostat['0.1']!, // plain R EU-SILC rule
        p25: v.quantileEurostat['0.25']!,
        p75: v.quantileEurostat['0.75']!,
        p90: v.quantileEurostat['0.9']!,
        povertyLine: v.povertyLine, // 0.6 * medianEurostat
        headcount: v.poverty.line60.fgt0, // FGT(0) at the 60% line, poor x < line
        povertyGap: v.poverty.line60.fgt1, // FGT(1)
        povertySeverity: v.poverty.line60.fgt2, // FGT(2)
        arpr: v.arpr, // laeken::arpr(x, w)$value / 100
        rmpg: v.rmpg, // laeken::rmpg(x, w)$value / 100 (null: nobody below the threshold)
        gini: v.gini, // laeken::gini(x, w)$value / 100
        s80s20: v.s80s20, // laeken::qsr(x, w)$value
        palma: v.palma, // plain R (1 - L(0.9)) / L(0.4)
        theil: v.theil, // plain R GE(1) on x > 0
        mld: v.mld, // plain R GE(0) on x > 0
        atkinson_0_5: v.atkinson['0.5']!, // plain R Atkinson (1970), on x >= 0
        atkinson_1: v.atkinson['1']!, // on x > 0
        atkinson_2: v.atkinson['2']!,
      };
      const defined = Object.entries(want).filter(([, x]) => x !== null) as [string, number][];
      const measures = [...new Set(defined.map(([k]) => measureOf(k)))];
      const got = await queryMeasures(engine.connection(), {
        from: table,
        value: 'x',
        ...(s.w ? { weight: 'w' } : {}),
        measures: measures as never,
        quantiles: [0.1, 0.25, 0.75, 0.9],
        epsilon: [0.5, 1, 2],
        ...(c.hasNonPositive ? { nonPositive: 'drop' as const } : {}),
      });
      for (const [k, x] of defined) expectClose(got.get(k, 0), x, `${name} ${k} vs R`);
    });
  });
}
