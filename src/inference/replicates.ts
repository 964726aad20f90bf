import { random } from '../core/index.js';
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
  const spec: JackknifeSpec = { kind: 'jackknife', reps: Int32Array.from(reps), psuStratum: design.psuStratum, psuPerStratum: design.psuPerStratum, psuOfStratum, rowsOfPsu };
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
  const rng = random(seed);
  const out: Float64Array[] = [];
  for (let r = 0; r < replicates; r++) {
    const m = new Float64Array(n);
    for (let k = 0; k < n; k++) m[rng.integer(n)]!++;
    out.push(m);
  }
  return out;
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
}

export type ReplicateSpec = BootstrapSpec | JackknifeSpec;

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
  const s = spec.states;
  let a = s[4 * r]! | 0;
  let b = s[4 * r + 1]! | 0;
  let c = s[4 * r + 2]! | 0;
  let d = s[4 * r + 3]! | 0;
  if ((a | b | c | d) === 0) a = 1;
  const integer = (n: number): number => {
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const m = Math.imul(b, 5);
      const x = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      if (x < limit) return x % n;
    }
  };
  psuFactor.fill(0);
  if (spec.simple) {
    const n = spec.psuCount;
    for (let k = 0; k < n; k++) psuFactor[integer(n)]!++;
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
      for (let k = 0; k < m; k++) psuFactor[psus[integer(nh)]!]!++;
      const lambda = Math.sqrt(1 - spec.fraction[h]!);
      for (let k = 0; k < nh; k++) {
        const j = psus[k]!;
        psuFactor[j] = 1 - lambda + (lambda * nh * psuFactor[j]!) / m;
      }
    }
  }
  const psu = spec.psu;
  for (let i = 0; i < out.length; i++) out[i] = psuFactor[psu[i]!]!;
}
