// compare()'s and crossCheck()'s intervals on worker threads: the replicates are split across
// threads, and every interval keeps the digits of the single-thread version.
import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PovineqError } from '../../src/data/index.js';
import { startedWorkers } from '../../src/core/threads.js';
import { PIIS_2019_22_THRESHOLDS as T, carbonLevy, compare, crossCheck, scottishChildPayment, syntheticHouseholds } from '../../src/index.js';
import { bootstrapReplicates, multinomialReplicates, surveyDesign } from '../../src/inference/index.js';
import { compareReplicateRange } from '../../src/policy/compare-intervals.js';
import { personDeciles } from '../../src/policy/compare.js';
import { crossCheckReplicateRange } from '../../src/policy/cross-check.js';
import { councilGroups } from '../../src/policy/outcomes.js';
import { OUTCOMES, resolveOutcome } from '../../src/policy/outcomes.js';
import { pair } from '../../src/policy/paired.js';
import { MIN_POLICY_WORK, policyReplicateRanges } from '../../src/policy/parallel-intervals.js';
import { sharedArray, sharedPair } from '../../src/policy/shared-pair.js';

const n = 3_000;
const R = 100;
const h = syntheticHouseholds({ seed: 9, households: n });
// a made-up design: strata = council, PSUs of 4 consecutive households
const d = h.assign(aq.table({ psu: Array.from({ length: n }, (_, i) => Math.floor(i / 4)) }));
const design = { strata: 'council', psu: 'psu', nest: true, singlePsu: 'certainty' } as const;
const lines = { referenceMedian: { BHC: T.medianBHC, AHC: T.medianAHC } };
const policy = scottishChildPayment({ change: 25, takeUp: 1 });
const policies = { scp: policy, levy: carbonLevy({ rate: 0.1, recycling: 'dividend' }) };

type Row = Record<string, any>;
const childAhc = (t: aq.ColumnTable) => (t.objects() as Row[]).find((r) => r.measure === 'relative' && r.basis === 'AHC' && r.group === 'Children')!;
const bounds = (x: { poverty: aq.ColumnTable; deciles: aq.ColumnTable; winnersLosers: aq.ColumnTable }) => {
  const c = childAhc(x.poverty);
  const d1 = (x.deciles.objects() as Row[])[0]!;
  const wl = (x.winnersLosers.objects() as Row[]).find((r) => r.decile === 1 && r.band === 'Gain more than 5%')!;
  return {
    childChange: [c.change_ci_lower, c.change_ci_upper],
    movedOut: [c.moved_out_ci_lower, c.moved_out_ci_upper],
    decile1: [d1.mean_change_ci_lower, d1.mean_change_ci_upper],
    wlDecile1Gain5: [wl.share_ci_lower, wl.share_ci_upper],
  };
};
const cellOf = (rows: Row[], policy: string, outcome: string, council?: string) => {
  const r = rows.find((x) => x.policy === policy && x.outcome === outcome && (council === undefined || x.council === council))!;
  return [r.ci_lower, r.ci_upper];
};

// The single-thread values of the previous version (commit d7a2006, before the replicates of
// compare() and crossCheck() could run on worker threads), printed with full precision from that
// build with the same calls. They are povineq's own earlier output, pinned so that splitting the
// replicates across threads cannot change a digit; the intervals themselves are checked against
// coverage in compare-intervals.test.ts and cross-check.test.ts.
const PREVIOUS = {
  compare: {
    childChange: [-0.05539726731733176, -0.011808560830765832],
    movedOut: [12126.100395704829, 57593.70566841544],
    decile1: [4.3638857913255125, 8.434811959615056],
    wlDecile1Gain5: [0.16429210607621964, 0.32118941804551],
  },
  compareDesign: {
    childChange: [-0.053265678205308, -0.010670042056271915],
    movedOut: [12323.13462441027, 57447.90908382031],
    decile1: [4.08610686295724, 8.634310139225107],
    wlDecile1Gain5: [0.15943916542385622, 0.3216627377340381],
  },
  crossCheck: {
    scpChild: [-0.05421297525364041, -0.014433654759546282],
    levyGini: [-0.0011392531464323118, -0.000860405678895171],
    levyFuel: [0.017123265625110733, 0.02790108360247079],
    scpLoneParent: [-0.044065782851835864, -0.007651614915796336],
    scpChildS12000049: [-0.08088438381554139, -0.001403768180089374],
  },
  crossCheckDesign: {
    scpChild: [-0.05350052264821201, -0.010623770653292387],
    levyGini: [-0.0011502626015757744, -0.0008606300082306395],
    levySimd1: [-0.017938107180759003, 0.004050237387122592],
  },
};

const expectPinned = (got: Record<string, number[]>, want: Record<string, number[]>) => {
  for (const [key, [lo, hi]] of Object.entries(want)) {
    expect(got[key]![0], key).toBe(lo);
    expect(got[key]![1], key).toBe(hi);
  }
};

describe('compare() and crossCheck() intervals: the thread count does not change any digit', () => {
  it('the runs below are big enough to go to worker threads', () => {
    expect(n * R).toBeGreaterThanOrEqual(MIN_POLICY_WORK);
  });

  it('compare() intervals (households, and PSUs within strata with a recomputed line): 1, 2 and 3 threads give the previous version’s digits', () => {
    const tables: string[] = [];
    for (const threads of [1, 2, 3]) {
      const a = compare(h, policy, { ...lines, intervals: { replicates: R, seed: 2, threads } });
      const b = compare(d, policy, { relativeLine: 'recomputed', intervals: { replicates: R, seed: 4, design, threads } });
      expectPinned(bounds(a), PREVIOUS.compare);
      expectPinned(bounds(b), PREVIOUS.compareDesign);
      tables.push(JSON.stringify([a.poverty.objects(), a.deciles.objects(), a.winnersLosers.objects(), b.poverty.objects(), b.winnersLosers.objects()]));
    }
    // every interval of every table, not only the pinned ones
    expect(tables[1]).toBe(tables[0]);
    expect(tables[2]).toBe(tables[0]);
    expect(startedWorkers()).toBeGreaterThanOrEqual(2); // the runs did go to worker threads
  }, 120_000);

  it('crossCheck() (family types, by council; Rao–Wu with a design): 1, 2 and 3 threads give the previous version’s digits', () => {
    const tables: string[] = [];
    for (const threads of [1, 2, 3]) {
      const c1 = crossCheck(h, policies, { replicates: R, seed: 3, familyTypes: true, byCouncil: true, outcomes: ['child_relative_ahc', 'gini_bhc', 'fuel_poverty', 'simd1_relative_ahc'], threads }).objects() as Row[];
      const c2 = crossCheck(d, policies, { replicates: R, seed: 5, relativeLine: 'recomputed', design, threads }).objects() as Row[];
      expectPinned(
        {
          scpChild: cellOf(c1, 'scp', 'child_relative_ahc', 'All'),
          levyGini: cellOf(c1, 'levy', 'gini_bhc', 'All'),
          levyFuel: cellOf(c1, 'levy', 'fuel_poverty'),
          scpLoneParent: cellOf(c1, 'scp', 'child_relative_ahc_lone_parent'),
          scpChildS12000049: cellOf(c1, 'scp', 'child_relative_ahc', 'S12000049'),
        },
        PREVIOUS.crossCheck,
      );
      expectPinned({ scpChild: cellOf(c2, 'scp', 'child_relative_ahc'), levyGini: cellOf(c2, 'levy', 'gini_bhc'), levySimd1: cellOf(c2, 'levy', 'simd1_relative_ahc') }, PREVIOUS.crossCheckDesign);
      tables.push(JSON.stringify([c1, c2]));
    }
    expect(tables[1]).toBe(tables[0]);
    expect(tables[2]).toBe(tables[0]);
  }, 120_000);

  it('a user-defined outcome stays in the calling thread, with the same digits as one thread', () => {
    const own = { name: 'mean_bhc', label: 'Mean equivalised income BHC', harm: 'decrease' as const, value: (e: any, side: 'before' | 'after') => e.dist(side, 'BHC').total / e.dist(side, 'BHC').totalWeight };
    const run = (threads: number) => JSON.stringify(crossCheck(h, [policy], { replicates: R, seed: 8, outcomes: [own, 'child_relative_ahc'], threads }).objects());
    expect(run(2)).toBe(run(1));
  }, 60_000);

  it("a user's outcome whose interval comes from src/inference does not keep the others from the workers", () => {
    const own = {
      name: 'own_child_relative_ahc',
      label: 'Child relative poverty AHC (own definition)',
      harm: 'increase' as const,
      value: (e: any, side: 'before' | 'after') => e.rates('relative', 'AHC', 'children', side)[0],
      inference: { measure: 'headcount' as const, poverty: 'relative' as const, basis: 'AHC' as const, people: 'children' as const },
    };
    const run = (threads: number) => JSON.stringify(crossCheck(h, [policy], { replicates: R, seed: 8, intervals: 'inference', outcomes: [own, 'fuel_poverty'], threads }).objects());
    expect(run(2)).toBe(run(1));
  }, 60_000);

  it('progress is monotone and ends at the total, with 2 threads', () => {
    const calls: Array<[number, number]> = [];
    compare(h, policy, { intervals: { replicates: R, seed: 2, threads: 2, onProgress: (done, total) => calls.push([done, total]) } });
    expect(calls.length).toBeGreaterThan(1);
    for (let k = 1; k < calls.length; k++) expect(calls[k]![0]).toBeGreaterThan(calls[k - 1]![0]);
    expect(calls.every(([, total]) => total === R)).toBe(true);
    expect(calls.at(-1)).toEqual([R, R]);
  }, 60_000);

  it('an error thrown in a worker reaches the caller as the same PovineqError', () => {
    // a range whose outcome a worker cannot resolve: the worker throws resolveOutcome's error
    const p = pair(h, policy(h));
    let local: unknown;
    try {
      resolveOutcome('happiness');
    } catch (e) {
      local = e;
    }
    const factors = new Float64Array(new SharedArrayBuffer(8 * n * 4)).fill(1);
    const run = () =>
      policyReplicateRanges(
        4,
        2,
        MIN_POLICY_WORK,
        (from, to) => ({ kind: 'crossCheck', pair: sharedPair(p), outcomes: [{ builtin: 'happiness' }], needs: [{ scotland: true, council: false }], councils: undefined, factors: sharedArray(factors), from, to }),
        (from, to) => crossCheckReplicateRange(p, [OUTCOMES.child_relative_ahc!], [{ scotland: true, council: false }], undefined, (r) => factors.subarray(r * n, (r + 1) * n), from, to),
      );
    let thrown: unknown;
    try {
      run();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PovineqError);
    expect((thrown as PovineqError).code).toBe((local as PovineqError).code);
    expect((thrown as PovineqError).message).toBe((local as PovineqError).message);
    expect((thrown as PovineqError).details).toEqual((local as PovineqError).details);
  }, 60_000);

  it('threads must be a whole number ≥ 1', () => {
    expect(() => compare(h, policy, { intervals: { replicates: 10, threads: 0 } })).toThrow(/threads must be a whole number ≥ 1/);
    expect(() => crossCheck(h, [policy], { replicates: 10, threads: 1.5 })).toThrow(/threads must be a whole number ≥ 1/);
  });
});

describe('a replicate depends only on its index (the ground of the same-digits guarantee)', () => {
  // Any cut of the replicates into ranges, each computed on its own (as threads do), gives the
  // values of one range over all replicates: property-tested over seeds, sizes and cut points.
  const small = syntheticHouseholds({ seed: 21, households: 400 });
  const p = pair(small, carbonLevy({ rate: 0.1, recycling: 'dividend' })(small));
  const cuts = (R: number) => fc.uniqueArray(fc.integer({ min: 1, max: R - 1 }), { maxLength: 4 }).map((c) => [0, ...c.sort((a, b) => a - b), R]);
  const inRanges = <T>(bounds: number[], run: (from: number, to: number) => T) => bounds.slice(1).map((to, k) => run(bounds[k]!, to));
  const join = (parts: Float64Array[]) => Float64Array.from(parts.flatMap((x) => Array.from(x)));

  it('compare(): replicate values in ranges equal one range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }).chain((R) => fc.tuple(fc.constant(R), fc.integer({ min: 0, max: 1000 }), cuts(R))), ([R, seed, bounds]) => {
        const reps = bootstrapReplicates(surveyDesign(aq.table({ weight: p.base.weight }), { weight: 'weight' }), R, seed);
        const start = personDeciles(p);
        const whole = compareReplicateRange(p, (r, m) => reps.fill(r, m), start, 0, R);
        const parts = inRanges(bounds, (from, to) => compareReplicateRange(p, (r, m) => reps.fill(r, m), start, from, to));
        for (const key of ['poverty', 'deciles', 'bands'] as const) {
          whole[key].forEach((series, s) => expect(join(parts.map((x) => x[key][s]!))).toEqual(series));
        }
      }),
      { numRuns: 15 },
    );
  });

  it('crossCheck(): replicate effects in ranges equal one range (overall and by council)', () => {
    const outcomes = ['child_relative_ahc', 'gini_bhc', 'fuel_poverty', 'simd1_relative_ahc'].map((o) => resolveOutcome(o));
    const councils = councilGroups(p);
    const needs = outcomes.map((o) => ({ scotland: true, council: o.byCouncil !== undefined }));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }).chain((R) => fc.tuple(fc.constant(R), fc.integer({ min: 0, max: 1000 }), cuts(R))), ([R, seed, bounds]) => {
        const m = multinomialReplicates(p.n, R, seed);
        const whole = crossCheckReplicateRange(p, outcomes, needs, councils, (r) => m[r]!, 0, R);
        const parts = inRanges(bounds, (from, to) => crossCheckReplicateRange(p, outcomes, needs, councils, (r) => m[r]!, from, to));
        outcomes.forEach((_, i) => {
          expect(join(parts.map((x) => x.scotland[i]!))).toEqual(whole.scotland[i]);
          expect(join(parts.map((x) => x.council[i]!))).toEqual(whole.council[i]);
        });
      }),
      { numRuns: 15 },
    );
  });
});
