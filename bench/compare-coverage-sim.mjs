// The repeated-sampling simulation of bench/compare-coverage.mjs, shared with
// test/policy/compare-intervals.test.ts. `povineq` is the package (built, or the sources in tests).
import * as aq from 'arquero';

/** n households drawn with probability ∝ weight, with replacement; each gets weight N/n. */
export function sampleHouseholds(povineq, pop, n, seed) {
  const w = pop.array('weight');
  const cum = new Float64Array(w.length);
  let s = 0;
  for (let i = 0; i < w.length; i++) cum[i] = s += w[i];
  const rng = povineq.random(seed);
  const rows = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const u = rng.uniform() * s;
    let lo = 0;
    let hi = w.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    rows[k] = lo;
  }
  const cols = {};
  for (const c of pop.columnNames()) {
    const x = pop.array(c);
    cols[c] = Array.from(rows, (i) => x[i]);
  }
  cols.household_id = Array.from(rows, (_, k) => k + 1);
  cols.weight = Array.from(rows, () => s / n);
  return aq.table(cols);
}

/**
 * Coverage of compare()'s 95% intervals (child relative poverty AHC change, decile-1 mean change)
 * over `samples` samples of `n` households, `replicates` bootstrap replicates each. Seeds: sample s
 * is drawn with seed 1000 + s and bootstrapped with seed s + 1.
 */
export function coverageOfCompare(povineq, { samples, n, replicates }) {
  const { PIIS_2019_22_THRESHOLDS: P, compare, scottishChildPayment, syntheticHouseholds } = povineq;
  const lines = { referenceMedian: { BHC: P.medianBHC, AHC: P.medianAHC } };
  const policy = scottishChildPayment({ change: 25, takeUp: 1 });
  const pop = syntheticHouseholds({ seed: 5, households: 20_000 });
  const childRow = (t) => t.objects().find((r) => r.measure === 'relative' && r.basis === 'AHC' && r.group === 'Children');
  const truth = compare(pop, policy, lines);
  const trueChild = childRow(truth.poverty).change;
  const trueDecile1 = truth.deciles.objects()[0].mean_change;
  let child = 0;
  let decile1 = 0;
  for (let s = 0; s < samples; s++) {
    const h = sampleHouseholds(povineq, pop, n, 1000 + s);
    const impact = compare(h, policy, { ...lines, intervals: { replicates, seed: s + 1 } });
    const r = childRow(impact.poverty);
    if (r.change_ci_lower <= trueChild && trueChild <= r.change_ci_upper) child++;
    const d = impact.deciles.objects()[0];
    if (d.mean_change_ci_lower <= trueDecile1 && trueDecile1 <= d.mean_change_ci_upper) decile1++;
  }
  return { trueChild, trueDecile1, child: child / samples, decile1: decile1 / samples };
}
