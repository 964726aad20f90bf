import * as aq from 'arquero';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationWeights } from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';

// Reference: test/reference/calibrate.R (R 4.2.2, survey 4.1.1, survey::calibrate() on data(api)
// apistrat with totals from apipop, epsilon 1e-13) wrote test/fixtures/calibrate-reference.json.
const ref = JSON.parse(readFileSync(new URL('../fixtures/calibrate-reference.json', import.meta.url), 'utf8'));
const data = aq.table(ref.data);
const totalsOf = (margins: string[]) => Object.fromEntries(margins.map((m) => [m, ref.totals[m]]));

describe('calibrate() equals R survey::calibrate() to 1e-8', () => {
  for (const [name, setup] of Object.entries(ref.setups) as Array<[string, { method: 'linear' | 'raking' | 'logit'; bounds: [number, number] | null; margins: string[]; weights: number[] }]>) {
    it(`${name}: ${setup.method}${setup.bounds ? ` bounds [${setup.bounds}]` : ''} on ${setup.margins.join(' + ')}`, () => {
      const totals = totalsOf(setup.margins);
      const out = calibrate(data, { weight: 'pw', totals, method: setup.method, ...(setup.bounds ? { bounds: setup.bounds } : {}), as: 'w' });
      const w = out.array('w') as Float64Array;
      for (let i = 0; i < w.length; i++) expect(Math.abs(w[i]! - setup.weights[i]!) / setup.weights[i]!).toBeLessThan(1e-8);
      // every margin met to 1e-10 (relative)
      for (const m of setup.margins) {
        const t = ref.totals[m];
        const col = data.array(m) as ArrayLike<unknown>;
        if (typeof t === 'number') {
          let s = 0;
          for (let i = 0; i < w.length; i++) s += w[i]! * (col[i] as number);
          expect(Math.abs(s - t) / t).toBeLessThan(1e-10);
        } else {
          for (const [level, tl] of Object.entries(t as Record<string, number>)) {
            let s = 0;
            for (let i = 0; i < w.length; i++) if (col[i] === level) s += w[i]!;
            expect(Math.abs(s - tl) / tl).toBeLessThan(1e-10);
          }
        }
      }
      if (setup.bounds) {
        for (let i = 0; i < w.length; i++) {
          const g = w[i]! / (data.array('pw') as number[])[i]!;
          expect(g).toBeGreaterThanOrEqual(setup.bounds[0] - 1e-12);
          expect(g).toBeLessThanOrEqual(setup.bounds[1] + 1e-12);
        }
      }
    });
  }

  it('does not change the input table and keeps the weight column name by default', () => {
    const before = Array.from(data.array('pw') as number[]);
    const out = calibrate(data, { weight: 'pw', totals: totalsOf(['stype']), method: 'raking' });
    expect(Array.from(data.array('pw') as number[])).toEqual(before);
    expect(out.columnNames()).toEqual(data.columnNames());
  });
});

describe('calibrate() properties', () => {
  it('post-stratification: one categorical margin gives w·T_level/Σw_level under every method', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.double({ min: 0.5, max: 5, noNaN: true })), { minLength: 6, maxLength: 40 }),
        fc.constantFrom('linear' as const, 'raking' as const),
        (rows, method) => {
          const group = rows.map((r) => r[0]);
          const w = rows.map((r) => r[1]);
          const present = [...new Set(group)];
          const totals = Object.fromEntries(present.map((l, k) => [l, 10 + 7 * k]));
          const out = calibrationWeights(aq.table({ group, w }), { weight: 'w', totals: { group: totals }, method });
          const sums = new Map<string, number>();
          group.forEach((g, i) => sums.set(g, (sums.get(g) ?? 0) + w[i]!));
          out.forEach((v, i) => expect(v).toBeCloseTo((w[i]! * totals[group[i]!]!) / sums.get(group[i]!)!, 9));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('totals already met leave the weights unchanged', () => {
    const t = aq.table({ x: [1, 2, 3, 4], s: ['a', 'b', 'a', 'b'], w: [1, 2, 3, 4] });
    for (const method of ['linear', 'raking', 'logit'] as const) {
      const out = calibrationWeights(t, { weight: 'w', totals: { x: 30, s: { a: 4, b: 6 } }, method, ...(method === 'logit' ? { bounds: [0.5, 2] as [number, number] } : {}) });
      expect(Array.from(out)).toEqual([1, 2, 3, 4].map((v) => expect.closeTo(v, 12)));
    }
  });
});

describe('calibrate() errors name the margin and the fix', () => {
  const t = aq.table({ region: ['n', 'n', 's', 's', 'e'], x: [1, 2, 3, 4, 5], w: [1, 1, 1, 1, 1] });

  it('an empty cell (a level with a total but no rows)', () => {
    const e = thrown(() => calibrate(t, { weight: 'w', totals: { region: { n: 2, s: 2, e: 1, w: 3 } } }));
    expect(e.code).toBe('EMPTY_GROUP');
    expect(e.message).toContain('region = "w"');
    expect(e.message).toContain('merge');
  });

  it('a level of the data without a total', () => {
    const e = thrown(() => calibrate(t, { weight: 'w', totals: { region: { n: 2, s: 2 } } }));
    expect(e.message).toContain('"e"');
    expect(e.message).toContain('totals.region');
  });

  it('unreachable totals: a negative total under raking, a total beyond the bounds', () => {
    const e = thrown(() => calibrate(t, { weight: 'w', totals: { x: -3 }, method: 'raking' }));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('"x"');
    const b = thrown(() => calibrate(t, { weight: 'w', totals: { region: { n: 6, s: 2, e: 1 } }, method: 'logit', bounds: [0.5, 2] }));
    expect(b.code).toBe('OUT_OF_RANGE');
    expect(b.message).toContain('region = "n"');
    expect(b.message).toContain('widen bounds');
  });

  it('bounds that cannot be met jointly', () => {
    // each margin is reachable alone within [0.8, 1.25], both together are not
    const u = aq.table({ a: ['p', 'p', 'q', 'q'], b: ['r', 's', 'r', 's'], w: [1, 1, 1, 1] });
    const e = thrown(() => calibrate(u, { weight: 'w', totals: { a: { p: 2.4, q: 1.6 }, b: { r: 1.6, s: 2.4 }, }, method: 'logit', bounds: [0.75, 1.25], maxIterations: 50 }));
    expect(['NOT_CONVERGED', 'OUT_OF_RANGE']).toContain(e.code);
    expect(e.message).toContain('bounds');
  });

  it('inconsistent categorical margins, missing columns, logit without bounds, bad weights', () => {
    const u = t.derive({ r2: (d: { region: string }) => d.region });
    expect(thrown(() => calibrate(u, { weight: 'w', totals: { region: { n: 2, s: 2, e: 1 }, r2: { n: 2, s: 2, e: 2 } } })).message).toContain('sum to');
    expect(thrown(() => calibrate(t, { weight: 'w', totals: { age: 3 } })).message).toContain('"age"');
    expect(thrown(() => calibrate(t, { weight: 'w', totals: { x: 15 }, method: 'logit' })).message).toContain('bounds');
    const bad = aq.table({ x: [1, 2], w: [1, -1] });
    const e = thrown(() => calibrate(bad, { weight: 'w', totals: { x: 3 } }));
    expect(e.code).toBe('NON_POSITIVE_WEIGHT');
    expect(e.message).toContain('"w"');
  });
});

describe('calibrate() with totals of a numeric column within levels ({ by, totals })', () => {
  it('equals R survey::calibrate(~stype:api99 + stype) raking (reference in the fixture)', () => {
    const setup = ref.within;
    const out = calibrationWeights(data, { weight: 'pw', totals: { stype: ref.totals.stype, api99: { by: 'stype', totals: setup.totals } }, method: 'raking' });
    for (let i = 0; i < out.length; i++) expect(Math.abs(out[i]! - setup.weights[i]!) / setup.weights[i]!).toBeLessThan(1e-8);
  });
});
