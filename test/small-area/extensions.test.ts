import fs from 'node:fs';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { benchmark, fayHerriot, fayHerriotArcsine, fayHerriotDiagnostics } from '../../src/small-area/index.js';
import { shapiroWilk, chiSquareUpper } from '../../src/small-area/normality.js';
import { datasetPath, readCSV } from '../../src/data/index.js';
import { thrown } from '../helpers/thrown.js';

// Reference values: test/reference/small-area.R (plain R; shapiro.test, pchisq, integrate from base R)
const ref = JSON.parse(fs.readFileSync(new URL('../fixtures/small-area-reference.json', import.meta.url), 'utf8'));
const milk = readCSV(datasetPath('sae_milk.csv'));
const provinces = readCSV(datasetPath('sae_incomedata_poverty_direct.csv'));
const rel = (a: number, b: number) => Math.abs(a / b - 1);
const maxRel = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(b, (v, i) => rel(a[i]!, v)));

describe('fayHerriotArcsine on sae\'s provincial poverty rates (52 provinces, intercept only, REML)', () => {
  const fit = fayHerriotArcsine(provinces, { area: 'prov', estimate: 'direct', sampleSize: 'n', bootstrap: { replicates: 50, seed: 3 } });
  it('the transformed-scale fit, the naive and the bias-corrected back-transformations match R to 1e-6', () => {
    expect(rel(fit.model.variance, ref.arcsine.variance)).toBeLessThan(1e-6);
    expect(maxRel(fit.areas.array('transformed') as number[], ref.arcsine.eblup)).toBeLessThan(1e-6);
    expect(maxRel(fit.areas.array('naive') as number[], ref.arcsine.naive)).toBeLessThan(1e-6);
    // R: integrate(sin(t)^2 * dnorm(t, eblup, sqrt(g1)), -Inf, Inf) against the closed form here
    expect(maxRel(fit.areas.array('bias_corrected') as number[], ref.arcsine.corrected)).toBeLessThan(1e-6);
    expect(maxRel(fit.areas.array('eblup') as number[], ref.arcsine.corrected)).toBeLessThan(1e-6);
  });

  it('the bootstrap MSE is seeded: same seed, same digits; another seed, other digits', () => {
    const again = fayHerriotArcsine(provinces, { area: 'prov', estimate: 'direct', sampleSize: 'n', bootstrap: { replicates: 50, seed: 3 } });
    expect(again.areas.array('mse')).toEqual(fit.areas.array('mse'));
    const other = fayHerriotArcsine(provinces, { area: 'prov', estimate: 'direct', sampleSize: 'n', bootstrap: { replicates: 50, seed: 4 } });
    expect(other.areas.get('mse', 0)).not.toBe(fit.areas.get('mse', 0));
  });

  it('the bootstrap MSE averages near the delta-method MSE (transformed MSE × (sin 2θ)²)', () => {
    const big = fayHerriotArcsine(provinces, { area: 'prov', estimate: 'direct', sampleSize: 'n', bootstrap: { replicates: 400, seed: 11 } });
    const o = big.areas.objects() as { transformed: number; transformed_mse: number; mse: number }[];
    const ratios = o.map((r) => r.mse / (r.transformed_mse * Math.sin(2 * r.transformed) ** 2));
    const meanRatio = ratios.reduce((s, v) => s + v, 0) / ratios.length;
    expect(meanRatio).toBeGreaterThan(0.8);
    expect(meanRatio).toBeLessThan(1.25);
  });

  it('rejects rates outside [0, 1] and missing sample sizes', () => {
    const pct = provinces.derive({ direct: (d: { direct: number }) => d.direct * 100 });
    expect(thrown(() => fayHerriotArcsine(pct, { area: 'prov', estimate: 'direct', sampleSize: 'n' })).message).toMatch(/52 values outside \[0, 1\].*fractions, not percents/);
    const rows = provinces.objects().map((o, i) => (i === 5 ? { ...o, n: null } : o));
    expect(thrown(() => fayHerriotArcsine(aq.from(rows), { area: 'prov', estimate: 'direct', sampleSize: 'n' })).message).toMatch(/"n" is missing or not positive for 1 area.*row 5/);
  });
});

describe('benchmark', () => {
  const fit = fayHerriotArcsine(provinces, { area: 'prov', estimate: 'direct', sampleSize: 'n', backTransform: 'naive', bootstrap: { replicates: 20 } });
  const table = fit.areas.assign(provinces.select('Nd'));
  const target: number = ref.benchmark.target; // R: sum(Nd / sum(Nd) * direct)
  it('ratio and difference benchmarking match R and add up to the target', () => {
    const ratio = benchmark(table, { target, population: 'Nd', method: 'ratio' });
    const diff = benchmark(table, { target, population: 'Nd', method: 'difference' });
    expect(maxRel(ratio.array('benchmarked') as number[], ref.benchmark.ratio)).toBeLessThan(1e-9);
    expect(maxRel(diff.array('benchmarked') as number[], ref.benchmark.difference)).toBeLessThan(1e-9);
    for (const t of [ratio, diff]) {
      const o = t.objects() as { benchmarked: number; Nd: number; mse: number; benchmarked_mse: number; benchmark_adjustment: number }[];
      const total = o.reduce((s, r) => s + r.Nd, 0);
      expect(o.reduce((s, r) => s + (r.benchmarked * r.Nd) / total, 0)).toBeCloseTo(target, 14);
      o.forEach((r) => expect(r.benchmarked_mse).toBeCloseTo(r.mse + r.benchmark_adjustment ** 2, 15));
    }
  });
  it('does not change its input, and names a bad population column', () => {
    const before = JSON.stringify(table.objects());
    benchmark(table, { target, population: 'Nd' });
    expect(JSON.stringify(table.objects())).toBe(before);
    const bad = table.derive({ Nd: (d: { Nd: number }) => d.Nd * 0 });
    expect(thrown(() => benchmark(bad, { target, population: 'Nd' })).message).toMatch(/population column "Nd" has 52 zero or negative values/);
    expect(thrown(() => benchmark(table, { target: NaN, population: 'Nd' })).code).toBe('INVALID_OPTION');
  });
});

describe('fayHerriotDiagnostics on milk (REML)', () => {
  const fit = fayHerriot(milk, { area: 'SmallArea', estimate: 'yi', se: 'SD', factors: ['MajorArea'] });
  const d = fayHerriotDiagnostics(fit);
  it('Brown test and correlation match R (pchisq, cor) to 1e-6', () => {
    expect(rel(d.brown.statistic, ref.brown.statistic)).toBeLessThan(1e-6);
    expect(d.brown.df).toBe(43);
    expect(rel(d.brown.p, ref.brown.p)).toBeLessThan(1e-6);
    expect(rel(d.correlation, ref.brown.correlation)).toBeLessThan(1e-6);
  });
  it('R² = 1 − Â/Â₀ matches R to 1e-6', () => {
    expect(rel(d.variance0, ref.rsq.variance0)).toBeLessThan(1e-6);
    expect(rel(d.rsq, ref.rsq.rsq)).toBeLessThan(1e-6);
  });
  it('normality summaries match R (moments, shapiro.test) to 1e-6', () => {
    const [res, ran] = d.normality.objects() as { skewness: number; kurtosis: number; shapiro_w: number; shapiro_p: number }[];
    for (const [mine, r] of [[res!, ref.normality.residuals], [ran!, ref.normality.randomEffects]] as const) {
      expect(rel(mine.skewness, r.skewness)).toBeLessThan(1e-6);
      expect(rel(mine.kurtosis, r.kurtosis)).toBeLessThan(1e-6);
      expect(rel(mine.shapiro_w, r.shapiroW)).toBeLessThan(1e-6);
      expect(rel(mine.shapiro_p, r.shapiroP)).toBeLessThan(1e-6);
    }
  });
  it('Shapiro–Wilk (n = 5, the small-sample branch; n = 13) and the χ² tail', () => {
    // R 4.2.2: shapiro.test(c(1, 2, 4, 8, 16)): W = 0.876108811809292, p = 0.292048447535053
    const s5 = shapiroWilk([1, 2, 4, 8, 16]);
    expect(rel(s5.statistic, 0.876108811809292)).toBeLessThan(1e-9);
    expect(rel(s5.p, 0.292048447535053)).toBeLessThan(1e-9);
    // R 4.2.2: shapiro.test(c(3.1, 1, 2.2, 7, 5, 4.4, 9, 12, 0.5, 6, 2, 8, 15)): W = 0.937415285613909, p = 0.424316035297853
    const s13 = shapiroWilk([3.1, 1, 2.2, 7, 5, 4.4, 9, 12, 0.5, 6, 2, 8, 15]);
    expect(rel(s13.statistic, 0.937415285613909)).toBeLessThan(1e-9);
    expect(rel(s13.p, 0.424316035297853)).toBeLessThan(1e-9);
    // R 4.2.2: pchisq(10, 4, lower.tail = FALSE) = 0.0404276819945128; pchisq(80, 43, lower.tail = FALSE) = 0.000522926477524697
    expect(rel(chiSquareUpper(10, 4), 0.0404276819945128)).toBeLessThan(1e-10);
    expect(rel(chiSquareUpper(80, 43), 0.000522926477524697)).toBeLessThan(1e-10);
  });
});

describe('fayHerriotArcsine out of sample', () => {
  it('a province without a direct rate gets sin²-corrected synthetic estimate with g1 = Â, and does not change the fit', () => {
    const rows = provinces.objects() as Record<string, unknown>[];
    const extra = { ...rows[0], prov: 99, direct: null, n: null, SD: null };
    const o = { area: 'prov', estimate: 'direct', sampleSize: 'n', bootstrap: { replicates: 20, seed: 2 } } as const;
    const a = fayHerriotArcsine(provinces, o);
    const b = fayHerriotArcsine(aq.from([...rows, extra]), o);
    expect(b.model.variance).toBe(a.model.variance);
    const last = b.areas.object(52) as Record<string, number | boolean>;
    expect(last.in_sample).toBe(false);
    const mu = a.model.coefficients.get('estimate', 0) as number; // intercept-only: the synthetic estimate is β̂
    expect(last.transformed as number).toBeCloseTo(mu, 14);
    expect(last.eblup as number).toBeCloseTo((1 - Math.cos(2 * mu) * Math.exp(-2 * a.model.variance)) / 2, 14);
    expect(last.mse as number).toBeGreaterThan(0);
  });
});
