import fs from 'node:fs';
import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deprivationGaps, deprivationGradient, rii, sii, simd } from '../../../src/index.js';
import { thrown } from '../../helpers/thrown.js';

// R reference: test/reference/area.R (lm(rate ~ rank, weights = population) on SIMD 2020v2 groups)
const ref = JSON.parse(fs.readFileSync(new URL('../../fixtures/area-reference.json', import.meta.url), 'utf8'));
const close = (actual: number, expected: number, tol = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));

describe('sii and rii against R lm with weights on SIMD 2020v2 groups', () => {
  const dz = simd();
  const cases: [string, object][] = [
    ['income_count by decile', { group: 'decile', count: 'income_count', population: 'population', proportion: true }],
    ['employment_count / working age by quintile', { group: 'quintile', count: 'employment_count', population: 'working_age_population' }],
    ['smr by decile', { group: 'decile', value: 'smr', population: 'population', missing: 'drop' }],
    ['attainment by quintile (higher is better)', { group: 'quintile', value: 'attainment', population: 'population', missing: 'drop', direction: 'higherIsBetter' }],
    ['emerg by decile, 90% level', { group: 'decile', value: 'emerg', population: 'population', level: 0.9, missing: 'drop' }],
  ];
  for (const [name, options] of cases) {
    const r = ref.cases.find((c: any) => c.name === name);
    it(name, () => {
      expect(r).toBeDefined();
      const s = sii(dz, options as any);
      close(s.sii, r.sii);
      close(s.estimate, r.sii);
      close(s.ci[0], r.sii_ci[0]);
      close(s.ci[1], r.sii_ci[1]);
      close(s.intercept, r.intercept);
      close(s.slope, r.slope);
      close(s.interceptSe, r.intercept_se);
      close(s.slopeSe, r.slope_se);
      close(s.covariance, r.covariance);
      close(s.mean, r.mean);
      expect(s.df).toBe(r.df);
      const t = s.table.objects() as any[];
      expect(t.map((d) => d.group)).toEqual(r.group);
      t.forEach((d, i) => {
        close(d.rate, r.rate[i]);
        close(d.rank, r.rank[i]);
        expect(d.population).toBe(r.population[i]);
        close(d.fitted, r.intercept + r.slope * r.rank[i]);
      });
      const m = rii(dz, options as any);
      close(m.estimate, r.rii_mean);
      close(m.ci[0], r.rii_mean_ci[0]);
      close(m.ci[1], r.rii_mean_ci[1]);
      if (r.rii_ratio === null) {
        // a straight line through a convex gradient crosses zero before the least deprived end
        expect(thrown(() => rii(dz, { ...(options as any), convention: 'ratio' })).code).toBe('UNDEFINED_RESULT');
      } else {
        const q = rii(dz, { ...(options as any), convention: 'ratio' });
        close(q.estimate, r.rii_ratio);
        close(q.ci[0], r.rii_ratio_ci[0]);
        close(q.ci[1], r.rii_ratio_ci[1]);
      }
    });
  }
});

describe('one group per data zone (rank)', () => {
  it('matches R on the 6,973 zones with residents, and names the empty ones otherwise', () => {
    const r = ref.cases.find((c: any) => c.name === 'income_count by data zone rank');
    const dz = simd();
    const people = dz.filter((d: any) => d.population > 0);
    const s = sii(people, { rank: 'rank', count: 'income_count', population: 'population' });
    expect(s.groups).toBe(6973);
    close(s.sii, r.sii);
    close(s.ci[0], r.sii_ci[0]);
    close(s.ci[1], r.sii_ci[1]);
    close(s.slopeSe, r.slope_se);
    close(rii(people, { rank: 'rank', count: 'income_count', population: 'population' }).rii!, r.rii_mean);
    // three SIMD 2020v2 zones have no residents (population 0 in the lookup)
    const e = thrown(() => sii(dz, { rank: 'rank', count: 'income_count', population: 'population' }));
    expect(e.code).toBe('EMPTY_GROUP');
    expect(e.message).toMatch(/^3 deprivation groups of column "rank" have zero population \(rank = \d+, rank = \d+, rank = \d+\)/);
  });
});

describe('sii, rii and gaps on hand-computed groups', () => {
  // three groups, populations 100, 200, 100, rates 0.3, 0.2, 0.1:
  // shares 1/4, 1/2, 1/4; ridits 1/8, 1/2, 7/8; the rates lie on a line of slope −0.1/0.375 = −4/15,
  // so SII = 4/15, SE = 0; mean = 0.2, RII = (4/15)/0.2 = 4/3; fitted ends a = 0.3 + (1/8)(4/15) = 1/3 and
  // a + b = 1/3 − 4/15 = 1/15, ratio RII = 5.
  const t = aq.table({ q: [3, 1, 2], rate: [0.1, 0.3, 0.2], pop: [100, 100, 200] });
  const o = { group: 'q', value: 'rate', population: 'pop' };
  it('exact line', () => {
    const s = sii(t, o);
    close(s.sii, 4 / 15, 1e-14);
    close(s.slopeSe, 0, 1e-14);
    close(rii(t, o).rii!, 4 / 3, 1e-14);
    close(rii(t, { ...o, convention: 'ratio' }).rii!, 5, 1e-13);
    close(s.fittedMostDeprived, 1 / 3, 1e-14);
    expect((s.table.array('rank') as number[])).toEqual([0.125, 0.5, 0.875]);
    // higher is better flips the sign; mostDeprived: 'highest' reverses the order
    close(sii(t, { ...o, direction: 'higherIsBetter' }).sii, -4 / 15, 1e-14);
    close(sii(t, { ...o, mostDeprived: 'highest' }).sii, -4 / 15, 1e-14);
  });
  it('gaps and population attributable risk', () => {
    const g = deprivationGaps(t, o);
    close(g.absoluteGap, 0.2, 1e-15);
    close(g.relativeGap!, 3, 1e-14);
    close(g.mean, 0.2, 1e-15);
    // PAR = Σ p (r / r_least − 1) / (1 + Σ p (r / r_least − 1)) = (0.5 + 0.5 + 0) / 2 = 0.5
    close(g.attributableFraction!, 0.5, 1e-14);
    close(g.attributableRate, 0.1, 1e-14);
    // higher is better: differences and ratios the other way round
    const b = deprivationGaps(t, { ...o, direction: 'higherIsBetter' });
    close(b.absoluteGap, -0.2, 1e-15);
    close(b.relativeGap!, 1 / 3, 1e-14);
    close(b.attributableFraction!, -0.5, 1e-14);
  });
  it('regression standard error when the rates bend', () => {
    // equal thirds, rates 0.3, 0.1, 0.1: ridits 1/6, 1/2, 5/6, Sxx = (1/3)(2/9) = 2/27, slope = −0.3,
    // intercept = 1/6 + 0.15; residuals 1/30, −1/15, 1/30; σ² = (1/3)(1/900 + 4/900 + 1/900) / 1 = 1/450;
    // Var b = σ² / Sxx = 0.03; 95% CI 0.3 ± qt(0.975, 1) √0.03, qt(0.975, 1) = 12.706204736174698
    const u = aq.table({ q: [1, 2, 3], rate: [0.3, 0.1, 0.1], pop: [100, 100, 100] });
    const s = sii(u, { group: 'q', value: 'rate', population: 'pop' });
    close(s.sii, 0.3, 1e-14);
    close(s.slopeSe, Math.sqrt(0.03), 1e-13);
    close(s.ci[0], 0.3 - 12.706204736174698 * Math.sqrt(0.03), 1e-12);
    close(s.intercept, 1 / 6 + 0.15, 1e-14);
  });
  it('counts and values give the same groups', () => {
    const z = aq.table({ g: [1, 1, 2, 2, 3], n: [10, 30, 20, 20, 50], c: [5, 6, 2, 4, 5] });
    const byCount = deprivationGradient(z, { group: 'g', count: 'c', population: 'n' }).array('rate') as number[];
    // (5 + 6) / 40, (2 + 4) / 40, 5 / 50
    expect(byCount).toEqual([11 / 40, 6 / 40, 5 / 50]);
    const v = z.derive({ r: (d: any) => d.c / d.n });
    const byValue = deprivationGradient(v, { group: 'g', value: 'r', population: 'n' }).array('rate') as number[];
    byValue.forEach((x, i) => close(x, byCount[i]!, 1e-15));
  });
});

describe('properties', () => {
  const groups = fc.array(fc.record({ rate: fc.double({ min: 0.01, max: 1, noNaN: true }), pop: fc.integer({ min: 1, max: 100000 }) }), { minLength: 3, maxLength: 12 });
  it('scaling all populations leaves SII and RII unchanged', () => {
    fc.assert(
      fc.property(groups, fc.integer({ min: 2, max: 1000 }), (g, k) => {
        const t = aq.table({ q: g.map((_, i) => i + 1), rate: g.map((d) => d.rate), pop: g.map((d) => d.pop) });
        const u = aq.table({ q: g.map((_, i) => i + 1), rate: g.map((d) => d.rate), pop: g.map((d) => d.pop * k) });
        const o = { group: 'q', value: 'rate', population: 'pop' };
        const a = sii(t, o);
        const b = sii(u, o);
        return Math.abs(a.sii - b.sii) < 1e-9 && Math.abs(a.slopeSe - b.slopeSe) < 1e-9 * Math.max(1, a.slopeSe);
      }),
    );
  });
  it('splitting a group into two rows with the same rate changes nothing', () => {
    fc.assert(
      fc.property(groups, (g) => {
        const o = { group: 'q', value: 'rate', population: 'pop' };
        const t = aq.table({ q: g.map((_, i) => i + 1), rate: g.map((d) => d.rate), pop: g.map((d) => d.pop * 2) });
        const u = aq.table({
          q: g.flatMap((_, i) => [i + 1, i + 1]),
          rate: g.flatMap((d) => [d.rate, d.rate]),
          pop: g.flatMap((d) => [d.pop, d.pop]),
        });
        return Math.abs(sii(t, o).sii - sii(u, o).sii) < 1e-12;
      }),
    );
  });
  it('the SII of a rate linear in rank is minus its slope, whatever the populations', () => {
    fc.assert(
      fc.property(groups, fc.double({ min: -1, max: 1, noNaN: true }), (g, b) => {
        // ridits from the populations, then rates a + b R
        const N = g.reduce((s, d) => s + d.pop, 0);
        let cum = 0;
        const rate = g.map((d) => {
          const r = (cum + d.pop / 2) / N;
          cum += d.pop;
          return 2 + b * r;
        });
        const t = aq.table({ q: g.map((_, i) => i + 1), rate, pop: g.map((d) => d.pop) });
        return Math.abs(sii(t, { group: 'q', value: 'rate', population: 'pop' }).sii + b) < 1e-9;
      }),
    );
  });
});

describe('Monte Carlo intervals', () => {
  const dz = simd();
  const o = { group: 'quintile', count: 'income_count', population: 'population', proportion: true, interval: 'monte-carlo' as const, simulations: 2000 };
  it('are reproducible with a seed and change with it', () => {
    const a = sii(dz, { ...o, seed: 42 });
    const b = sii(dz, { ...o, seed: 42 });
    const c = sii(dz, { ...o, seed: 43 });
    expect(a.ci).toEqual(b.ci);
    expect(a.se).toBe(b.se);
    expect(a.ci).not.toEqual(c.ci);
    expect(a.method).toBe('monte-carlo');
    expect(a.simulations).toBe(2000);
    expect(a.ci[0]).toBeLessThan(a.sii);
    expect(a.ci[1]).toBeGreaterThan(a.sii);
  });
  it('match the analytic spread when rates have known standard errors', () => {
    // SII is linear in the group rates: SII = Σ cᵢ rᵢ with c = −Sxx⁻¹ pᵢ (Rᵢ − R̄); with independent normal
    // errors of SD sᵢ its SD is √(Σ cᵢ² sᵢ²). Ridits here: shares 0.2, 0.3, 0.5 → 0.1, 0.35, 0.75.
    const p = [0.2, 0.3, 0.5];
    const R = [0.1, 0.35, 0.75];
    const s = [0.02, 0.05, 0.01];
    const mR = p.reduce((a, pi, i) => a + pi * R[i]!, 0);
    const Sxx = p.reduce((a, pi, i) => a + pi * (R[i]! - mR) ** 2, 0);
    const sd = Math.sqrt(p.reduce((a, pi, i) => a + (pi * (R[i]! - mR) / Sxx) ** 2 * s[i]! ** 2, 0));
    const t = aq.table({ q: [1, 2, 3], rate: [0.5, 0.4, 0.1], pop: [20, 30, 50], se: s });
    const m = sii(t, { group: 'q', value: 'rate', population: 'pop', se: 'se', interval: 'monte-carlo', seed: 7, simulations: 40000 });
    expect(Math.abs(m.se / sd - 1)).toBeLessThan(0.02);
    // normal: the 95% interval half-width is 1.96 SD
    expect(Math.abs((m.ci[1] - m.ci[0]) / 2 / (1.959964 * sd) - 1)).toBeLessThan(0.03);
  });
  it('need a seed and a source of sampling error', () => {
    expect(thrown(() => sii(dz, { ...o })).message).toMatch(/seed/);
    const e = thrown(() => sii(dz, { group: 'decile', value: 'smr', population: 'population', interval: 'monte-carlo', seed: 1, missing: 'drop' }));
    expect(e.message).toMatch(/\{ count \}.*\{ proportion: true \}.*\{ se: "column" \}/);
  });
});

describe('bad input', () => {
  it('fewer than 3 groups', () => {
    const t = aq.table({ g: [1, 2, 2], r: [0.1, 0.2, 0.3], n: [1, 2, 3] });
    const e = thrown(() => sii(t, { group: 'g', value: 'r', population: 'n' }));
    expect(e.code).toBe('TOO_FEW_GROUPS');
    expect(e.message).toContain('column "g" has 2');
  });
  it('a group with zero population', () => {
    const t = aq.table({ g: [1, 2, 3, 3], r: [0.1, 0.2, 0.3, 0.4], n: [10, 0, 0, 0] });
    const e = thrown(() => sii(t, { group: 'g', value: 'r', population: 'n' }));
    expect(e.code).toBe('EMPTY_GROUP');
    expect(e.message).toContain('2 deprivation groups of column "g" have zero population (g = 2, g = 3)');
  });
  it('proportions outside [0, 1]', () => {
    const t = aq.table({ g: [1, 2, 3], r: [10, 20, 0.3], n: [1, 2, 3] });
    const e = thrown(() => sii(t, { group: 'g', value: 'r', population: 'n', proportion: true }));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('column "r" was declared a proportion but 2 rows (rows 0, 1) lie outside [0, 1]');
    const c = aq.table({ g: [1, 2, 3], c: [5, 30, 1], n: [10, 20, 3] });
    expect(thrown(() => sii(c, { group: 'g', count: 'c', population: 'n', proportion: true })).message).toContain('above the population "n"');
  });
  it('missing values name the column and the option; drop excludes them', () => {
    const t = aq.table({ g: [1, 2, 3, 3], r: [0.1, null, 0.3, 0.2], n: [1, 2, 3, 3] });
    const e = thrown(() => sii(t, { group: 'g', value: 'r', population: 'n' }));
    expect(e.message).toContain('column "r" (option value) has 1 missing or non-numeric value (row 1)');
    expect(e.message).toContain("{ missing: 'drop' }");
    const u = aq.table({ g: [1, 2, 2, 3, 3], r: [0.1, null, 0.2, 0.3, 0.2], n: [1, 2, 2, 3, 3] });
    expect(sii(u, { group: 'g', value: 'r', population: 'n', missing: 'drop' }).groups).toBe(3);
  });
  it('SIMD attainment has suppressed cells: error, then drop', () => {
    const e = thrown(() => sii(simd(), { group: 'decile', value: 'attainment', population: 'population' }));
    expect(e.message).toMatch(/column "attainment" \(option value\) has 189 missing/);
  });
  it('options', () => {
    const t = aq.table({ g: [1, 2, 3], r: [0.1, 0.2, 0.3], n: [1, 2, 3] });
    expect(thrown(() => sii(t, { value: 'r', population: 'n' } as any)).message).toMatch(/group: "decile"/);
    expect(thrown(() => sii(t, { group: 'g', population: 'n' } as any)).message).toMatch(/exactly one outcome/);
    expect(thrown(() => sii(t, { group: 'g', value: 'r', population: 'n', level: 95 })).message).toMatch(/level must be/);
    expect(thrown(() => rii(t, { group: 'g', value: 'r', population: 'n', convention: 'english' as any })).message).toMatch(/convention must be/);
    expect(thrown(() => sii(t, { group: 'x', value: 'r', population: 'n' })).code).toBe('MISSING_COLUMN');
  });
  it('does not mutate its input', () => {
    const r = [0.3, 0.1, 0.2];
    const t = aq.table({ g: [1, 3, 2], r, n: [1, 2, 3] });
    sii(t, { group: 'g', value: 'r', population: 'n' });
    expect(r).toEqual([0.3, 0.1, 0.2]);
    expect(t.array('g')).toEqual([1, 3, 2]);
  });
});
