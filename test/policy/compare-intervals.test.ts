import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { PIIS_2019_22_THRESHOLDS as P, compare, random, scottishChildPayment, syntheticHouseholds } from '../../src/index.js';

const lines = { referenceMedian: { BHC: P.medianBHC, AHC: P.medianAHC } };
const policy = scottishChildPayment({ change: 25, takeUp: 1 });

/** n households drawn with probability ∝ weight, with replacement; each gets weight N/n. */
function sample(pop: aq.ColumnTable, n: number, seed: number): aq.ColumnTable {
  const w = pop.array('weight') as Float64Array;
  const cum = new Float64Array(w.length);
  let s = 0;
  for (let i = 0; i < w.length; i++) cum[i] = s += w[i]!;
  const rng = random(seed);
  const rows = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const u = rng.uniform() * s;
    let lo = 0;
    let hi = w.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    rows[k] = lo;
  }
  const cols: Record<string, unknown[]> = {};
  for (const c of pop.columnNames()) {
    const x = pop.array(c) as ArrayLike<unknown>;
    cols[c] = Array.from(rows, (i) => x[i]);
  }
  cols.household_id = Array.from(rows, (_, k) => k + 1);
  cols.weight = Array.from(rows, () => s / n);
  return aq.table(cols);
}

describe('compare() intervals: design-based bootstrap', () => {
  // A synthetic population of 20,000 households (SYNTHETIC data); the known effect is compare() on
  // the whole population. 250 samples of 4,000 households; 95% percentile intervals from 150
  // replicates each. Coverage must lie in 93–97% (binomial SE at 95%: 1.4 points).
  it('95% intervals of the change in child relative poverty AHC and of the decile-1 mean change cover the truth 93–97% of the time', () => {
    const pop = syntheticHouseholds({ seed: 5, households: 20_000 });
    const truth = compare(pop, policy, lines);
    const trueChild = (truth.poverty.objects() as any[]).find((r) => r.measure === 'relative' && r.basis === 'AHC' && r.group === 'Children').change;
    const trueDecile1 = (truth.deciles.objects() as any[])[0].mean_change;
    const S = 250;
    let coverChild = 0;
    let coverDecile = 0;
    for (let s = 0; s < S; s++) {
      const h = sample(pop, 4_000, 1000 + s);
      const impact = compare(h, policy, { ...lines, intervals: { replicates: 150, seed: s + 1 } });
      const r = (impact.poverty.objects() as any[]).find((r) => r.measure === 'relative' && r.basis === 'AHC' && r.group === 'Children');
      if (r.change_ci_lower <= trueChild && trueChild <= r.change_ci_upper) coverChild++;
      const d = (impact.deciles.objects() as any[])[0];
      if (d.mean_change_ci_lower <= trueDecile1 && trueDecile1 <= d.mean_change_ci_upper) coverDecile++;
    }
    // measured: child change 0.936, decile-1 mean change 0.956 (seeds as above)
    expect(coverChild / S).toBeGreaterThanOrEqual(0.93);
    expect(coverChild / S).toBeLessThanOrEqual(0.97);
    expect(coverDecile / S).toBeGreaterThanOrEqual(0.93);
    expect(coverDecile / S).toBeLessThanOrEqual(0.97);
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
