import { describe, expect, it } from 'vitest';
import { random } from '../../src/core/index.js';
import { randomFromState } from '../../src/core/random.js';

describe('random', () => {
  it('reproduces the xoshiro128** reference sequence', () => {
    // Reference: Blackman & Vigna's xoshiro128starstar.c from state {1, 2, 3, 4}, worked by hand:
    // rotl(2·5, 7)·9 = 11520; then s1 = 0 gives 0; then rotl(1029·5, 7)·9 = 5927040.
    const g = randomFromState([1, 2, 3, 4]);
    expect([g.next32(), g.next32(), g.next32()]).toEqual([11520, 0, 5927040]);
  });
  it('gives the same digits for the same seed and different ones for another seed', () => {
    const a = random(42);
    const b = random(42);
    const c = random(43);
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
  });
  it('has the right moments (n = 200,000; tolerances about 5 standard errors)', () => {
    const g = random(7);
    const n = 200_000;
    let su = 0, sn = 0, sn2 = 0, sp = 0, sp2 = 0, sg = 0, sb = 0;
    for (let i = 0; i < n; i++) {
      su += g.uniform();
      const z = g.normal();
      sn += z;
      sn2 += z * z;
      const p = g.poisson(3.5);
      sp += p;
      sp2 += p * p;
      sg += g.gamma(2.5);
    }
    for (let i = 0; i < 20_000; i++) sb += g.binomial(200, 0.3);
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(Math.abs(sn / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(sn2 / n).toBeCloseTo(1, 1);
    expect(sp / n).toBeCloseTo(3.5, 1);
    expect(sp2 / n - (sp / n) ** 2).toBeCloseTo(3.5, 0);
    expect(sg / n).toBeCloseTo(2.5, 1);
    expect(sb / 20_000).toBeCloseTo(60, 0);
  });
  it('draws large Poisson means without bias', () => {
    const g = random(11);
    let s = 0;
    for (let i = 0; i < 20_000; i++) s += g.poisson(250);
    expect(Math.abs(s / 20_000 - 250)).toBeLessThan(5 * Math.sqrt(250 / 20_000));
  });
  it('integer draws cover the range uniformly', () => {
    const g = random(3);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[g.integer(7)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
  it('rejects a bad seed', () => {
    expect(() => random(NaN)).toThrow(/seed must be a finite number/);
  });
});
