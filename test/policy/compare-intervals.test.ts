import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import * as povineq from '../../src/index.js';
import { PIIS_2019_22_THRESHOLDS as P, compare, scottishChildPayment, syntheticHouseholds } from '../../src/index.js';
import { coverageOfCompare } from '../../bench/compare-coverage-sim.mjs';

const lines = { referenceMedian: { BHC: P.medianBHC, AHC: P.medianAHC } };
const policy = scottishChildPayment({ change: 25, takeUp: 1 });

describe('compare() intervals: design-based bootstrap', () => {
  // Repeated sampling from a synthetic population of 20,000 households (SYNTHETIC data) whose known
  // effect is compare() on the whole population (bench/compare-coverage-sim.mjs). The full
  // simulation — 250 or 500 samples of 4,000 or 8,000 households, 150 replicates each — is
  // bench/compare-coverage.mjs (results in docs/methods/policy-intervals.md: the child poverty change
  // covers 0.924 ± 0.012 at 4,000 households, 0.940 ± 0.015 at 8,000). Here a smaller run guards it:
  // 120 samples of 2,000 households, 100 replicates; the Monte Carlo SE of a coverage near 0.95 is
  // √(0.95·0.05/120) = 0.020, so the band 0.90–0.99 is about ±2 SE: a real loss of coverage (say
  // intervals from the wrong variance, or ignoring the weights) fails it.
  it('95% intervals of the change in child relative poverty AHC and of the decile-1 mean change cover the truth (guard run)', () => {
    const r = coverageOfCompare(povineq, { samples: 120, n: 2_000, replicates: 100 });
    // measured (seeds as in the simulation): child change 0.917, decile-1 mean change 0.950
    for (const c of [r.child, r.decile1]) {
      expect(c).toBeGreaterThanOrEqual(0.9);
      expect(c).toBeLessThanOrEqual(0.99);
    }
  }, 600_000);
});

describe('compare() intervals: options', () => {
  const h = syntheticHouseholds({ seed: 9, households: 2_000 });
  // a made-up design: strata = council, PSUs = data-zone-sized clusters of 4 consecutive households
  const d = h.assign(aq.table({ psu: Array.from({ length: 2_000 }, (_, i) => Math.floor(i / 4)) }));

  it('with a design, PSUs are resampled within strata (Rao–Wu) and progress is reported', () => {
    let calls = 0;
    const a = compare(d, policy, { ...lines, intervals: { replicates: 20, seed: 2, design: { strata: 'council', psu: 'psu', nest: true, singlePsu: 'certainty' }, onProgress: () => calls++ } });
    expect(a.intervals!.method).toContain('PSUs within strata');
    expect(calls).toBe(20);
    const b = compare(d, policy, { ...lines, intervals: { replicates: 20, seed: 2 } });
    expect(b.intervals!.method).toContain('households');
    const ci = (t: aq.ColumnTable) => (t.objects() as any[]).find((r) => r.measure === 'relative' && r.basis === 'AHC' && r.group === 'Children');
    expect(ci(a.poverty).change_ci_lower).not.toBe(ci(b.poverty).change_ci_lower);
    // the point estimates do not depend on the intervals
    expect(ci(a.poverty).change).toBe(ci(b.poverty).change);
    // same seed, same digits
    const again = compare(d, policy, { ...lines, intervals: { replicates: 20, seed: 2, design: { strata: 'council', psu: 'psu', nest: true, singlePsu: 'certainty' } } });
    expect(ci(again.poverty).change_ci_upper).toBe(ci(a.poverty).change_ci_upper);
  });

  it('a design column the table lacks, and a bad replicate count, are named', () => {
    expect(() => compare(h, policy, { intervals: { design: { strata: 'region' } } })).toThrow(/design.strata names column "region"/);
    expect(() => compare(h, policy, { intervals: { replicates: 1 } })).toThrow(/intervals.replicates/);
  });
});
