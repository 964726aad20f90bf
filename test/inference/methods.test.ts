import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { arpr, byGroup, change, estimate, eusilc, gini, headcount, mean, progressReporter, random, surveyDesign } from '../../src/index.js';

const silc = eusilc();
const design = surveyDesign(silc, { strata: 'db040', psu: 'db030', weight: 'rb050' });
const line = 0.6 * 18098.7266666667;

describe('bootstrap', () => {
  it('same seed, same digits; another seed, other digits', () => {
    const a = estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 50, seed: 42 });
    const b = estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 50, seed: 42 });
    const c = estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 50, seed: 43 });
    expect(b.se).toBe(a.se);
    expect(c.se).not.toBe(a.se);
    expect(a.method).toBe('bootstrap');
    expect(a.n).toBe(14827);
  });
  it('percentile intervals come from the replicate distribution and bracket the estimate', () => {
    const r = estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 200, interval: 'percentile', level: 0.9 });
    expect(r.level).toBe(0.9);
    expect(r.ci[0]).toBeLessThan(r.estimate);
    expect(r.ci[1]).toBeGreaterThan(r.estimate);
    // a 90% percentile interval is about ±1.645 se wide
    expect((r.ci[1] - r.ci[0]) / (2 * 1.645 * r.se)).toBeGreaterThan(0.8);
    expect((r.ci[1] - r.ci[0]) / (2 * 1.645 * r.se)).toBeLessThan(1.2);
  });
  it('naive bootstrap of an independent sample: SE of the mean ≈ s/√n', () => {
    const rng = random(7);
    const x = Array.from({ length: 400 }, () => rng.normal() * 10 + 100);
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    const s = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1));
    const boot = estimate(mean, x, { method: 'bootstrap', replicates: 2000, seed: 3 });
    expect(boot.se / (s / Math.sqrt(400))).toBeGreaterThan(0.93);
    expect(boot.se / (s / Math.sqrt(400))).toBeLessThan(1.07);
    // linearization of an iid mean: n/(n−1)·Σ((xᵢ − x̄)/n)² = s²/n, as survey::svymean with ids = ~1
    const lin = estimate(mean, x);
    expect(lin.se / (s / Math.sqrt(400))).toBeCloseTo(1, 12);
  });
  it('reports progress, ending at (total, total)', () => {
    const calls: [number, number][] = [];
    estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 30, onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.at(-1)).toEqual([30, 30]);
    expect(calls.every(([d], i) => i === 0 || d > calls[i - 1]![0])).toBe(true);
    const lines: string[] = [];
    const report = progressReporter('gini', { write: (l) => lines.push(l), every: 0.5 });
    for (let i = 1; i <= 10; i++) report(i, 10);
    expect(lines).toEqual(['gini: 1/10 (10%)', 'gini: 5/10 (50%)', 'gini: 10/10 (100%)']);
  });
});

describe('domains', () => {
  it('estimates by group equal byGroup, with the national line for poverty measures', () => {
    const t = estimate(arpr, silc, { value: 'eqIncome', design, by: 'db040' });
    const g = byGroup(arpr, silc, { value: 'eqIncome', weight: 'rb050', by: 'db040' });
    expect(t.columnNames()).toEqual(['db040', 'estimate', 'se', 'ci_lower', 'ci_upper', 'level', 'method', 'n', 'interval', 'n_effective', 'cv', 'reliability']);
    expect(t.array('estimate')).toEqual(g.array('arpr'));
    expect(t.array('n')).toEqual(g.array('n'));
  });
  it('the line’s sampling error reaches the domain SE: linearized ≈ bootstrap (within 15%)', () => {
    const lin = estimate(arpr, silc, { value: 'eqIncome', design, by: 'rb090' });
    const boot = estimate(arpr, silc, { value: 'eqIncome', design, by: 'rb090', method: 'bootstrap', replicates: 400, seed: 9 });
    const fixed = estimate(arpr, silc, { value: 'eqIncome', design, by: 'rb090', line });
    const l = lin.array('se') as number[];
    const b = boot.array('se') as number[];
    const f = fixed.array('se') as number[];
    l.forEach((v, i) => {
      expect(v / b[i]!).toBeGreaterThan(0.85);
      expect(v / b[i]!).toBeLessThan(1.15);
      expect(v).not.toBe(f[i]); // the estimated line changes the SE
    });
  });
});

describe('change', () => {
  const t = aq.table({
    before: silc.array('eqIncome') as number[],
    after: (silc.array('eqIncome') as number[]).map((x, i) => x * (1 + 0.05 * Math.sin(i))),
    db040: silc.array('db040'),
    db030: silc.array('db030'),
    rb050: silc.array('rb050'),
  });
  const d2 = surveyDesign(t, { strata: 'db040', psu: 'db030', weight: 'rb050' });
  it('paired, fixed line: the SE of the change in headcount is the SE of the mean change of the poor indicator', () => {
    const c = change(headcount, t, { before: 'before', after: 'after', design: d2, line });
    const b = t.array('before') as number[];
    const a = t.array('after') as number[];
    const diff = aq.table({ d: b.map((v, i) => (a[i]! < line ? 1 : 0) - (v < line ? 1 : 0)), db040: t.array('db040'), db030: t.array('db030'), rb050: t.array('rb050') });
    const m = estimate(mean, diff, { value: 'd', design: { strata: 'db040', psu: 'db030', weight: 'rb050' } });
    expect(c.paired).toBe(true);
    expect(c.estimate).toBeCloseTo(m.estimate, 14);
    expect(c.se / m.se).toBeCloseTo(1, 12);
    expect(c.before.estimate).toBeCloseTo(0.1444421816753283, 12);
  });
  it('paired: a proportional change leaves the Gini unchanged with zero SE', () => {
    const t2 = t.derive({ after: (d: { before: number }) => d.before * 1.1 });
    const c = change(gini, t2, { before: 'before', after: 'after', design: { strata: 'db040', psu: 'db030', weight: 'rb050' } });
    expect(Math.abs(c.estimate)).toBeLessThan(1e-12);
    expect(c.se).toBeLessThan(1e-12);
    const boot = change(gini, t2, { before: 'before', after: 'after', design: { strata: 'db040', psu: 'db030', weight: 'rb050' }, method: 'bootstrap', replicates: 20 });
    expect(boot.se).toBeLessThan(1e-12);
  });
  it('independent samples: se = √(se_A² + se_B²)', () => {
    const men = silc.filter((d: { rb090: string }) => d.rb090 === 'male').reify();
    const women = silc.filter((d: { rb090: string }) => d.rb090 === 'female').reify();
    const o = { value: 'eqIncome', design: { strata: 'db040', psu: 'db030', weight: 'rb050' } };
    const c = change(gini, [men, women], o);
    const a = estimate(gini, men, o);
    const b = estimate(gini, women, o);
    expect(c.paired).toBe(false);
    expect(c.estimate).toBeCloseTo(b.estimate - a.estimate, 14);
    expect(c.se).toBeCloseTo(Math.hypot(a.se, b.se), 14);
  });
});
