import { describe, expect, it } from 'vitest';
import { estimate, headcount, random } from '../../src/index.js';

/**
 * Coverage of 95% intervals for a proportion, by simulation: simple random samples of n people,
 * each poor with probability p, the headcount below a line estimated with estimate() and each
 * interval. Seeded; 2,000 samples a cell (Monte Carlo standard error about 0.5 points at 95%).
 * The table is printed and reproduced in docs/methods/proportion-intervals.md.
 */
const SAMPLES = 2000;
const intervals = ['normal', 'logit', 'korn-graubard'] as const;

describe('coverage of proportion intervals (simulation)', () => {
  it('logit and Korn–Graubard stay in [0, 1] and cover near 95%; Wald does not', () => {
    const rng = random(2017);
    const rows: string[] = ['| n | p | Wald (normal) | logit | Korn–Graubard | Wald outside [0, 1] |', '|---|---|---|---|---|---|'];
    const coverage: Record<string, Record<string, number>> = {};
    for (const n of [30, 100, 1000]) {
      for (const p of [0.02, 0.1, 0.25]) {
        const covered = { normal: 0, logit: 0, 'korn-graubard': 0 };
        let outside = 0;
        const x = new Float64Array(n);
        for (let s = 0; s < SAMPLES; s++) {
          for (let i = 0; i < n; i++) x[i] = rng.uniform() < p ? 0 : 1;
          for (const interval of intervals) {
            const e = estimate(headcount, x, { line: 0.5, interval });
            if (interval !== 'normal') {
              expect(e.ci[0]).toBeGreaterThanOrEqual(0);
              expect(e.ci[1]).toBeLessThanOrEqual(1);
            } else if (e.ci[0] < 0 || e.ci[1] > 1) outside++;
            if (e.ci[0] <= p && p <= e.ci[1]) covered[interval]++;
          }
        }
        const c = Object.fromEntries(intervals.map((k) => [k, covered[k] / SAMPLES]));
        coverage[`${n},${p}`] = c;
        rows.push(`| ${n} | ${p} | ${(100 * c.normal!).toFixed(1)}% | ${(100 * c.logit!).toFixed(1)}% | ${(100 * c['korn-graubard']!).toFixed(1)}% | ${(100 * outside / SAMPLES).toFixed(1)}% |`);
      }
    }
    console.log(rows.join('\n'));
    for (const [cell, c] of Object.entries(coverage)) {
      expect(c['korn-graubard'], cell).toBeGreaterThanOrEqual(0.93); // conservative by construction
      expect(c.logit, cell).toBeGreaterThanOrEqual(0.85);
    }
    // the case that motivated them: Wald badly under-covers a rare outcome in a small sample
    expect(coverage['30,0.02']!.normal).toBeLessThan(0.6);
  }, 120_000);
});
