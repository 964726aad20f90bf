import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as aq from 'arquero';
import { estimate, eusilc, headcount, arpr, gini, change } from '../../src/index.js';
import { betaQuantile, kornGraubardInterval, logitInterval } from '../../src/inference/proportion.js';
import { thrown } from '../helpers/thrown.js';

// R survey 4.1.1 svyciprop, written by test/reference/proportion-intervals.R
const ref = JSON.parse(fs.readFileSync(new URL('../fixtures/proportion-intervals.json', import.meta.url), 'utf8'));
const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };

describe('proportion intervals against R survey::svyciprop', () => {
  for (const name of ['all', 'Burgenland', 'Vorarlberg', 'fifteen']) {
    const r = ref[name];
    it(`${name}: logit = svyciprop(method = "logit", df = Inf), from R's p and se`, () => {
      const [lo, hi] = logitInterval(r.p, r.se, 0.95);
      expect(lo).toBeCloseTo(r.logit[0], 7); // R survey svyciprop logit
      expect(hi).toBeCloseTo(r.logit[1], 7);
    });
    it(`${name}: korn-graubard = svyciprop(method = "beta"), effective n with the df factor`, () => {
      const [lo, hi] = kornGraubardInterval(r.p, r.se, r.n, 0.95, r.degf);
      expect(lo).toBeCloseTo(r.beta[0], 7); // R survey svyciprop beta
      expect(hi).toBeCloseTo(r.beta[1], 7);
    });
  }

  it('estimate(headcount) on the design: R’s p and se, the logit interval by default, KG on request', () => {
    const o = { value: 'eqIncome', design, line: ref.line };
    const e = estimate(headcount, eusilc(), o);
    expect(e.estimate).toBeCloseTo(ref.all.p, 10); // svymean(~poor)
    expect(e.se).toBeCloseTo(ref.all.se, 8); // SE(svymean(~poor))
    expect(e.interval).toBe('logit');
    expect(e.ci[0]).toBeCloseTo(ref.all.logit[0], 7); // svyciprop logit
    expect(e.ci[1]).toBeCloseTo(ref.all.logit[1], 7);
    const k = estimate(headcount, eusilc(), { ...o, interval: 'korn-graubard' });
    expect(k.interval).toBe('korn-graubard');
    expect(k.ci[0]).toBeCloseTo(ref.all.beta[0], 7); // svyciprop beta, degf = 5991
    expect(k.ci[1]).toBeCloseTo(ref.all.beta[1], 7);
    const w = estimate(headcount, eusilc(), { ...o, interval: 'normal' });
    expect(w.interval).toBe('normal');
    expect(w.ci[0]).toBeCloseTo(ref.all.p - 1.959963984540054 * ref.all.se, 8);
  });

  it('estimate by region: domain intervals as svyciprop on subset(design)', () => {
    const t = estimate(headcount, eusilc(), { value: 'eqIncome', design, line: ref.line, by: 'db040', interval: 'korn-graubard' });
    const rows = t.objects() as any[];
    for (const region of ['Burgenland', 'Vorarlberg']) {
      const row = rows.find((x) => x.db040 === region);
      expect(row.estimate).toBeCloseTo(ref[region].p, 10);
      expect(row.se).toBeCloseTo(ref[region].se, 8);
      expect(row.n).toBe(ref[region].n);
      expect(row.ci_lower).toBeCloseTo(ref[region].beta[0], 7); // svyciprop(beta) on subset(des, db040 == region)
      expect(row.ci_upper).toBeCloseTo(ref[region].beta[1], 7);
      expect(row.interval).toBe('korn-graubard');
    }
    const l = estimate(headcount, eusilc(), { value: 'eqIncome', design, line: ref.line, by: 'db040' }).objects() as any[];
    const b = l.find((x) => x.db040 === 'Burgenland');
    expect(b.ci_lower).toBeCloseTo(ref.Burgenland.logit[0], 7); // svyciprop(logit) on the subset
    expect(b.interval).toBe('logit');
  });

  it('the issue’s example: n = 15 with one poor person no longer gives an interval below 0', () => {
    const x = [5, ...Array.from({ length: 14 }, (_, i) => 20 + i)];
    const wald = estimate(headcount, x, { line: 10, interval: 'normal' });
    expect(wald.ci[0]).toBeLessThan(0); // the Wald interval runs below 0 (about −6%)
    for (const interval of ['logit', 'korn-graubard'] as const) {
      const e = estimate(headcount, x, { line: 10, interval });
      expect(e.estimate).toBeCloseTo(1 / 15, 12);
      expect(e.ci[0]).toBeGreaterThan(0);
      expect(e.ci[1]).toBeLessThan(1);
      expect(e.reliability).toBe('suppressed'); // 15 units < 100, and CV ≈ 0.97
    }
  });

  it('a domain of one household: SE 0 is not a certainty; Korn–Graubard with n = 1 gives [0.025, 1], suppressed', () => {
    const t = aq.table({ income: [5, 50, 60, 70, 80, 90], area: ['a', 'b', 'b', 'b', 'b', 'b'] });
    const rows = estimate(headcount, t, { value: 'income', line: 10, by: 'area' }).objects() as any[];
    const a = rows.find((r) => r.area === 'a');
    expect(a.estimate).toBe(1);
    expect(a.interval).toBe('korn-graubard'); // the logit is undefined at p = 1: falls back, and says so
    expect(a.ci_lower).toBeCloseTo(0.025, 12); // Clopper–Pearson n = 1, x = 1: qbeta(0.025, 1, 1)
    expect(a.ci_upper).toBe(1);
    expect(a.reliability).toBe('suppressed');
    const b = rows.find((r) => r.area === 'b');
    expect(b.estimate).toBe(0);
    expect(b.ci_lower).toBe(0);
    expect(b.ci_upper).toBeCloseTo(1 - 0.025 ** (1 / 5), 12); // Clopper–Pearson x = 0, n = 5: 1 − (α/2)^(1/n)
    expect(b.cv).toBe(null); // CV of an estimate of 0 is undefined: null, not Infinity
  });

  it('betaQuantile inverts R qbeta', () => {
    expect(betaQuantile(0.025, 2, 5)).toBeCloseTo(0.04327187, 7); // R: qbeta(0.025, 2, 5)
    expect(betaQuantile(0.975, 0.5, 30)).toBeCloseTo(0.08096134, 7); // R: qbeta(0.975, 0.5, 30)
  });

  it('property: logit and Korn–Graubard intervals of any proportion lie in [0, 1] and hold p̂', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.2, max: 5, noNaN: true }), (x, extra, deff) => {
        const n = x + extra;
        const p = x / n;
        const se = Math.sqrt((deff * p * (1 - p)) / n);
        for (const [lo, hi] of [kornGraubardInterval(p, se, n, 0.95), ...(p > 0 && p < 1 ? [logitInterval(p, se, 0.95)] : [])]) {
          expect(lo).toBeGreaterThanOrEqual(0);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(p + 1e-12);
          expect(hi).toBeGreaterThanOrEqual(p - 1e-12);
        }
      }),
      { seed: 22, numRuns: 300 },
    );
  });

  it('every estimate carries n, Kish’s effective n, CV and reliability with settable thresholds', () => {
    const e = estimate(gini, eusilc(), { value: 'eqIncome', design });
    expect(e.n).toBe(14827);
    const w = eusilc().array('rb050') as number[];
    const s = w.reduce((a, b) => a + b, 0);
    const s2 = w.reduce((a, b) => a + b * b, 0);
    expect(e.nEffective).toBeCloseTo((s * s) / s2, 6); // Kish (1965): (Σw)²/Σw²
    expect(e.cv).toBeCloseTo(e.se / e.estimate, 14);
    expect(e.reliability).toBe('reliable');
    const strict = estimate(gini, eusilc(), { value: 'eqIncome', design, reliability: { caution: 0.01, suppress: 0.5 } });
    expect(strict.reliability).toBe('use with caution'); // CV ≈ 2% > 1%
    const err = thrown(() => estimate(gini, eusilc(), { value: 'eqIncome', design, reliability: { cation: 0.1 } as any }));
    expect(err.message).toMatch(/unknown option "cation"; did you mean 'caution'\?/);
  });

  it('logit and korn-graubard are refused for a measure that is not a proportion, and for change()', () => {
    expect(thrown(() => estimate(gini, [1, 2, 3], { interval: 'logit' })).message).toMatch(/is for proportions.*did you mean 'normal'\?/);
    const t = aq.table({ a: [1, 2, 3, 4], b: [2, 2, 3, 5] });
    expect(thrown(() => change(headcount, t, { before: 'a', after: 'b', line: 2.5, interval: 'logit' })).message).toMatch(/did you mean 'normal'\?/);
    expect(estimate(arpr, eusilc(), { value: 'eqIncome', weight: 'rb050' }).interval).toBe('logit');
  });
});
