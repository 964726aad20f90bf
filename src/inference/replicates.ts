import { random, seedState } from '../core/index.js';
import { PovineqError, plural } from '../data/index.js';
import type { ReplicateSet, SurveyDesign } from './design.js';

/** Rows of each stratum and PSUs of each stratum, for replicate generators. */
function layout(design: SurveyDesign): { psuOfStratum: Int32Array[]; rowsOfPsu: Int32Array[] } {
  const rowsOfPsuList: number[][] = Array.from({ length: design.psuCount }, () => []);
  for (let i = 0; i < design.rows; i++) rowsOfPsuList[design.psu[i]!]!.push(i);
  const psuOfStratumList: number[][] = Array.from({ length: design.strata.length }, () => []);
  design.psuStratum.forEach((h, j) => psuOfStratumList[h]!.push(j));
  return { psuOfStratum: psuOfStratumList.map((a) => Int32Array.from(a)), rowsOfPsu: rowsOfPsuList.map((a) => Int32Array.from(a)) };
}

/**
 * Delete-one-PSU jackknife replicates built from a design, as survey::as.svrepdesign: JKn when
 * the design is stratified (replicate (h, j) drops PSU j of stratum h and multiplies the rest of
 * stratum h by n_h/(n_h − 1); rscale (n_h − 1)/n_h, scale 1), JK1 otherwise (scale (n − 1)/n).
 * Weights are generated on demand, one replicate at a time, so 6,000 replicates of 15,000 rows
 * take no more memory than one. Strata with a single PSU are skipped with `singlePsu: 'certainty'`.
 * Reference: Wolter (2007), Introduction to Variance Estimation, ch. 4; R survey::jknweights.
 */
export function jackknifeReplicates(design: SurveyDesign): ReplicateSet {
  design.checkSinglePsu();
  const { psuOfStratum, rowsOfPsu } = layout(design);
  const stratified = design.strata.length > 1;
  const reps: number[] = []; // PSU dropped by each replicate
  design.psuStratum.forEach((h, j) => {
    if (design.psuPerStratum[h]! > 1) reps.push(j);
  });
  if (reps.length < 2) {
    throw new PovineqError(
      'INVALID_DESIGN',
      `the jackknife needs at least two PSUs in strata that hold two or more; the design has ${plural(design.psuCount, 'PSU')}, ` +
        `${reps.length === 0 ? 'none' : 'only one'} of them in such a stratum; use method 'bootstrap', or name a PSU column with more clusters`,
      { option: 'design.psu', psus: design.psuCount, usable: reps.length },
    );
  }
  const R = reps.length;
  const rscales = new Float64Array(R);
  reps.forEach((j, r) => {
    const nh = design.psuPerStratum[design.psuStratum[j]!]!;
    rscales[r] = stratified ? (nh - 1) / nh : 1;
  });
  const spec: JackknifeSpec = {
    kind: 'jackknife',
    reps: Int32Array.from(reps),
    psuStratum: design.psuStratum,
    psuPerStratum: design.psuPerStratum,
    psuOfStratum,
    rowsOfPsu,
    psu: design.psu,
    psuCount: design.psuCount,
  };
  return {
    type: stratified ? 'JKn' : 'JK1',
    count: R,
    scale: stratified ? 1 : (R - 1) / R,
    rscales,
    mse: false,
    spec,
    fill: (r: number, out: Float64Array) => jackknifeFill(spec, r, out),
  };
}

/**
 * Bootstrap replicates, drawn on demand from a seeded generator (same seed → same replicates).
 *
 * With PSUs or strata: the Rao–Wu rescaling bootstrap. In each stratum h with n_h PSUs, draw
 * m_h = n_h − 1 PSUs with replacement (multiplicity r_hj) and rescale every unit of PSU j by
 * 1 − λ_h + λ_h·(n_h/m_h)·r_hj, λ_h = √(m_h(1 − f_h)/(n_h − 1)) = √(1 − f_h) — which without an fpc
 * is n_h/(n_h − 1)·r_hj. Without a design (an independent sample): the naive bootstrap, n units
 * drawn with replacement, weight × multiplicity. Variance: Σ(θ_b − θ̄)²/(B − 1).
 * Each replicate only reweights the units, so measures reuse the one sorted Distribution.
 * Reference: Rao & Wu (1988), JASA 83(401); Rao, Wu & Yue (1992), Survey Methodology 18(2).
 */
export function bootstrapReplicates(design: SurveyDesign, count: number, seed: number): ReplicateSet {
  if (!design.simple) design.checkSinglePsu();
  const { psuOfStratum } = design.simple ? { psuOfStratum: [] as Int32Array[] } : layout(design);
  // Replicate r draws from the r-th fork of the seeded generator. A fork is four 32-bit draws of
  // its parent (integer(2³²) is one raw draw), so the states are taken here, in order, and any
  // replicate can then be drawn alone, in any thread, with the same digits.
  const base = random(seed);
  const states = new Uint32Array(4 * count);
  for (let i = 0; i < states.length; i++) states[i] = base.integer(0x100000000);
  const spec: BootstrapSpec = {
    kind: 'bootstrap',
    states,
    simple: design.simple,
    psuCount: design.psuCount,
    psu: design.psu,
    psuOfStratum,
    fraction: design.fraction,
  };
  const psuFactor = new Float64Array(design.psuCount);
  return {
    type: 'bootstrap',
    count,
    scale: 1 / (count - 1),
    rscales: new Float64Array(count).fill(1),
    mse: false,
    spec,
    fill: (r: number, out: Float64Array) => bootstrapFill(spec, r, out, psuFactor),
  };
}

/**
 * Multiplicities of a nonparametric bootstrap over n units (Efron & Tibshirani 1993, ch. 6): each of
 * `replicates` draws n units with replacement from the seeded generator, and mᵢ counts how often
 * unit i was drawn (Σ mᵢ = n). A unit's weight in a replicate is wᵢ·mᵢ. The same seed gives the same
 * multiplicities on every platform.
 */
export function multinomialReplicates(n: number, replicates: number, seed: number): Float64Array[] {
  const out: Float64Array[] = [];
  multinomialDraws(n, replicates, seed, () => {
    const m = new Float64Array(n);
    out.push(m);
    return m;
  });
  return out;
}

/**
 * The multiplicities of {@link multinomialReplicates} written into one block: replicate r at
 * [r·n, (r + 1)·n) of `out` (which may live in shared memory). The same digits.
 */
export function multinomialReplicatesInto(n: number, replicates: number, seed: number, out: Float64Array): void {
  multinomialDraws(n, replicates, seed, (r) => out.subarray(r * n, (r + 1) * n));
}

/** n draws of Random.integer(n) per replicate, in order from random(seed), counted in target(r). */
function multinomialDraws(n: number, replicates: number, seed: number, target: (r: number) => Float64Array): void {
  const state = Int32Array.from(seedState(seed));
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  for (let r = 0; r < replicates; r++) countDrawsDirect(state, n, n, target(r));
}

/** What a worker thread needs to draw any bootstrap replicate (plain data, transferable). */
export interface BootstrapSpec {
  kind: 'bootstrap';
  /** xoshiro128** state of each replicate's generator, four words per replicate. */
  states: Uint32Array;
  simple: boolean;
  psuCount: number;
  psu: Int32Array;
  psuOfStratum: Int32Array[];
  fraction: ArrayLike<number>;
}

/** What a worker thread needs to build any delete-one-PSU jackknife replicate. */
export interface JackknifeSpec {
  kind: 'jackknife';
  reps: Int32Array;
  psuStratum: ArrayLike<number>;
  psuPerStratum: ArrayLike<number>;
  psuOfStratum: Int32Array[];
  rowsOfPsu: Int32Array[];
  /** PSU of every design row, and the number of PSUs. */
  psu: Int32Array;
  psuCount: number;
}

export type ReplicateSpec = BootstrapSpec | JackknifeSpec;

/**
 * A replicate's weight factors by PSU: every row of a PSU gets the same factor in bootstrap and
 * jackknife replicates, so a replicate loop can draw the PSU factors and apply them to the units
 * in one pass, without a factor per design row.
 */
export interface PsuFactors {
  /** PSU of every design row. */
  psu: ArrayLike<number>;
  /** Number of PSUs (the length of the factor array). */
  count: number;
  /** Writes replicate r's factor of every PSU. */
  fill(r: number, psuFactor: Float64Array): void;
}

/** The by-PSU form of a replicate spec's factors (the same numbers as {@link fillFromSpec} per row). */
export function psuFactorsOf(spec: ReplicateSpec): PsuFactors {
  if (spec.kind === 'bootstrap') return { psu: spec.psu, count: spec.psuCount, fill: (r, f) => bootstrapPsuFactors(spec, r, f) };
  return { psu: spec.psu, count: spec.psuCount, fill: (r, f) => jackknifePsuFactors(spec, r, f) };
}

function jackknifePsuFactors(spec: JackknifeSpec, r: number, psuFactor: Float64Array): void {
  psuFactor.fill(1);
  const drop = spec.reps[r]!;
  const h = spec.psuStratum[drop]!;
  const nh = spec.psuPerStratum[h]!;
  const up = nh / (nh - 1);
  for (const j of spec.psuOfStratum[h]!) psuFactor[j] = j === drop ? 0 : up;
}

/** Replicate r's weight factor for every row, from a spec (the same code in every thread). */
export function fillFromSpec(spec: ReplicateSpec, r: number, out: Float64Array, scratch?: Float64Array): void {
  if (spec.kind === 'bootstrap') bootstrapFill(spec, r, out, scratch ?? new Float64Array(spec.psuCount));
  else jackknifeFill(spec, r, out);
}

function jackknifeFill(spec: JackknifeSpec, r: number, out: Float64Array): void {
  out.fill(1);
  const drop = spec.reps[r]!;
  const h = spec.psuStratum[drop]!;
  const nh = spec.psuPerStratum[h]!;
  const up = nh / (nh - 1);
  for (const j of spec.psuOfStratum[h]!) {
    const f = j === drop ? 0 : up;
    for (const i of spec.rowsOfPsu[j]!) out[i] = f;
  }
}

/**
 * The Rao–Wu (or, without a design, naive) bootstrap factors of replicate r. The draws are those
 * of Random.integer on the replicate's xoshiro128** generator (core/random.ts), inlined with the
 * state in local variables: a 32-bit draw, rejected at or above the largest multiple of n. This
 * loop is most of a bootstrap's time.
 */
function bootstrapFill(spec: BootstrapSpec, r: number, out: Float64Array, psuFactor: Float64Array): void {
  bootstrapPsuFactors(spec, r, psuFactor);
  const psu = spec.psu;
  for (let i = 0; i < out.length; i++) out[i] = psuFactor[psu[i]!]!;
}

/** The factor of every PSU in bootstrap replicate r (see {@link bootstrapFill}). */
function bootstrapPsuFactors(spec: BootstrapSpec, r: number, psuFactor: Float64Array): void {
  const state = stateScratch;
  state.set(spec.states.subarray(4 * r, 4 * r + 4));
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  psuFactor.fill(0);
  if (spec.simple) {
    const n = spec.psuCount;
    countDraws(state, n, n, undefined, psuFactor);
  } else {
    const strata = spec.psuOfStratum;
    for (let h = 0; h < strata.length; h++) {
      const psus = strata[h]!;
      const nh = psus.length;
      if (nh === 1) {
        psuFactor[psus[0]!] = 1; // certainty: never resampled
        continue;
      }
      const m = nh - 1;
      countDraws(state, nh, m, psus, psuFactor);
      const lambda = Math.sqrt(1 - spec.fraction[h]!);
      for (let k = 0; k < nh; k++) {
        const j = psus[k]!;
        psuFactor[j] = 1 - lambda + (lambda * nh * psuFactor[j]!) / m;
      }
    }
  }
}

/** The generator state of the replicate being drawn (xoshiro128**, four words). */
const stateScratch = new Int32Array(4);

/**
 * `count` draws of Random.integer(n) (core/random.ts) from the xoshiro128** state, inlined with the
 * state in local variables (written back at the end): a 32-bit draw, rejected at or above the
 * largest multiple of n, reduced mod n. Each draw k adds 1 to counts[map ? map[k] : k].
 */
function countDraws(state: Int32Array, n: number, count: number, map: Int32Array | undefined, counts: Float64Array): void {
  if (!map) {
    countDrawsDirect(state, n, count, counts);
    return;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  const limit = 0x100000000 - (0x100000000 % n);
  for (let k = 0; k < count; k++) {
    let x: number;
    do {
      const m = Math.imul(b, 5);
      x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
    } while (x >= limit);
    // x < 2³², n < 2³¹: the quotient of doubles is within one of the integer quotient, corrected
    let rest = x - Math.floor(x / n) * n;
    if (rest < 0) rest += n;
    else if (rest >= n) rest -= n;
    counts[map[rest]!]!++;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}

/** The same draws counted by the drawn index itself (the naive bootstrap: no map to read). */
function countDrawsDirect(state: Int32Array, n: number, count: number, counts: Float64Array): void {
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  const limit = 0x100000000 - (0x100000000 % n);
  for (let k = 0; k < count; k++) {
    let x: number;
    do {
      const m = Math.imul(b, 5);
      x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
    } while (x >= limit);
    let rest = x - Math.floor(x / n) * n;
    if (rest < 0) rest += n;
    else if (rest >= n) rest -= n;
    counts[rest]!++;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
