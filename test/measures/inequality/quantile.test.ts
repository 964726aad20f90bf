import { describe, expect, it } from 'vitest';
import { median, percentileRatio, quantile } from '../../../src/index.js';
import { cases, expectRel, label, sample } from '../reference.js';

describe('quantile type laeken against R laeken', () => {
  for (const c of cases) {
    for (const [p, expected] of Object.entries(c.values.quantileLaeken)) {
      it(`${label(c)}, p = ${p}`, () => {
        // expected: laeken::weightedQuantile(x, w, probs = p)
        expectRel(quantile(sample(c), { p: Number(p), type: 'laeken' }), expected);
      });
    }
    it(`${label(c)}, median and quintiles`, () => {
      // expected: laeken::weightedMedian(x, w) and laeken::incQuintile(x, w)
      expectRel(median(sample(c), { type: 'laeken' }), c.values.weightedMedian);
      expectRel(quantile(sample(c), { p: 0.2, type: 'laeken' }), c.values.incQuintile[0]!);
      expectRel(quantile(sample(c), { p: 0.8, type: 'laeken' }), c.values.incQuintile[1]!);
    });
  }
});

describe('quantile type 7 against R stats::quantile', () => {
  for (const c of cases) {
    for (const [p, expected] of Object.entries(c.values.quantileType7)) {
      it(`${label(c)}, p = ${p}`, () => {
        // expected: c.values.quantileType7Source — stats::quantile(x, p, type = 7) unweighted,
        // stats::quantile(rep(x, w), p, type = 7) for integer weights, else the frequency-weighted formula
        expectRel(quantile(sample(c), { p: Number(p), type: 7 }), expected);
      });
    }
  }
});

describe('quantile type eurostat (the default) against the EU-SILC rule in R', () => {
  for (const c of cases) {
    for (const [p, expected] of Object.entries(c.values.quantileEurostat)) {
      it(`${label(c)}, p = ${p}`, () => {
        // expected: plain R EU-SILC rule — first unit with C/W ≥ p, mean with the next when C/W = p
        expectRel(quantile(sample(c), { p: Number(p) }), expected);
      });
    }
    it(`${label(c)}, median and percentile ratios`, () => {
      expectRel(median(sample(c)), c.values.medianEurostat);
      expectRel(percentileRatio(sample(c), { upper: 0.9, lower: 0.5 }), c.values.p90p50);
      if (c.values.p90p10 !== null) expectRel(percentileRatio(sample(c), { upper: 0.9, lower: 0.1 }), c.values.p90p10);
    });
  }
});

// povineq's default ('eurostat') deliberately differs from laeken on exact ties of cumulative
// weight: the EU-SILC rule averages, laeken takes the first unit strictly above p
// (docs: DESIGN "Conventions that are easy to get wrong"). Hand calculations:
describe('eurostat and laeken rules differ only on exact ties', () => {
  it('1, 2, 3, 4 at p = 0.5', () => {
    // cumulative shares 0.25, 0.5, 0.75, 1: 0.5 is reached exactly at 2 → eurostat (2 + 3)/2,
    // laeken the first share > 0.5 → 3; type 7: h = 3 · 0.5 = 1.5 → 2 + 0.5 · (3 − 2)
    expect(quantile([4, 2, 1, 3], { p: 0.5 })).toBe(2.5);
    expect(quantile([4, 2, 1, 3], { p: 0.5, type: 'laeken' })).toBe(3);
    expect(quantile([4, 2, 1, 3], { p: 0.5, type: 7 })).toBe(2.5);
  });
  it('the tied sample: 120 of 600 units at 6000, 180 at 9000', () => {
    const d = sample({ dataset: 'tied', weighted: false });
    // share 120/600 = 0.2 exactly at the last 6000 → eurostat (6000 + 9000)/2, laeken 9000
    expect(quantile(d, { p: 0.2 })).toBe(7500);
    expect(quantile(d, { p: 0.2, type: 'laeken' })).toBe(9000);
    // share (120 + 180)/600 = 0.5 at the last 9000 → eurostat (9000 + 12000)/2, laeken 12000
    expect(median(d)).toBe(10500);
    expect(median(d, { type: 'laeken' })).toBe(12000);
    // p = 0.25: share 150/600 falls inside the 9000s, no tie → both 9000
    expect(quantile(d, { p: 0.25 })).toBe(9000);
    expect(quantile(d, { p: 0.25, type: 'laeken' })).toBe(9000);
  });
  it('weighted: 1 (w 1), 2 (w 1), 3 (w 2) at p = 0.5', () => {
    // shares 0.25, 0.5, 1: tie at 2 → eurostat 2.5, laeken 3
    expect(quantile([3, 1, 2], { p: 0.5, weights: [2, 1, 1] })).toBe(2.5);
    expect(quantile([3, 1, 2], { p: 0.5, weights: [2, 1, 1], type: 'laeken' })).toBe(3);
  });
  it('p = 0 and p = 1 are the minimum and maximum', () => {
    expect(quantile([5, 1, 9], { p: 0 })).toBe(1);
    expect(quantile([5, 1, 9], { p: 1 })).toBe(9);
    expect(quantile([5, 1, 9], { p: 1, type: 7 })).toBe(9);
  });
});
