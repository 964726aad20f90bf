/**
 * A baseline–reform pair in shared memory, for the worker threads that compute the replicates of
 * compare()'s and crossCheck()'s intervals: the household arrays, person weights, equivalised
 * incomes and sorted person-weighted distributions are copied once into SharedArrayBuffers (cached
 * per array, so the baseline of several policies is copied once) and read in place by every worker.
 */
import { Distribution } from '../core/index.js';
import { type SharedDistribution, shared, sharedCopy } from '../core/index.js';
import type { Basis, HouseholdArrays, PersonWeights } from '../income/index.js';
import type { Lines, Paired } from './paired.js';

type Numeric = Float64Array | Int32Array | Int8Array | Uint8Array;

/** The numeric household columns a replicate reads (the id and council columns stay behind). */
type SharedHouseholds = Omit<HouseholdArrays, 'id' | 'council'>;

/** What a worker needs to rebuild a {@link Paired}. */
export interface SharedPair {
  n: number;
  base: SharedHouseholds;
  /** Undefined when the reform is the baseline itself. */
  reform: SharedHouseholds | undefined;
  pw: PersonWeights;
  eqBefore: Record<Basis, Float64Array>;
  eqAfter: Record<Basis, Float64Array>;
  distBefore: Record<Basis, SharedDistribution>;
  distAfter: Record<Basis, SharedDistribution>;
  lines: Lines;
  fuelThreshold: number;
  options: Paired['options'];
}

const copies = new WeakMap<Numeric, Numeric>();

/** A typed array copied once into shared memory (the copy is kept while the original lives). */
export function sharedArray<T extends Numeric>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  let s = copies.get(a) as T | undefined;
  if (!s) {
    s = sharedCopy(a);
    copies.set(a, s);
  }
  return s;
}

function sharedHouseholds(h: HouseholdArrays): SharedHouseholds {
  const { id: _id, council: _council, ...rest } = h;
  const out = { ...rest } as Record<string, unknown>;
  for (const [k, v] of Object.entries(rest)) if (ArrayBuffer.isView(v)) out[k] = sharedArray(v as Float64Array);
  return out as unknown as SharedHouseholds;
}

const byBasis = <U>(f: (basis: Basis) => U): Record<Basis, U> => ({ BHC: f('BHC'), AHC: f('AHC') });

/** The pair's arrays in shared memory (sorts the reform's distributions if not yet sorted). */
export function sharedPair(p: Paired): SharedPair {
  const o = p.options;
  const options: Paired['options'] = {
    relativeLine: o.relativeLine,
    fraction: o.fraction,
    deepFraction: o.deepFraction,
    fuelThreshold: o.fuelThreshold,
    absoluteLine: { ...o.absoluteLine },
    ...(o.referenceMedian ? { referenceMedian: { ...o.referenceMedian } } : {}),
  };
  return {
    n: p.n,
    base: sharedHouseholds(p.base),
    reform: p.reform === p.base ? undefined : sharedHouseholds(p.reform),
    pw: Object.fromEntries(Object.entries(p.pw).map(([k, v]) => [k, sharedArray(v)])) as unknown as PersonWeights,
    eqBefore: byBasis((b) => sharedArray(p.eqBefore[b])),
    eqAfter: byBasis((b) => sharedArray(p.eqAfter[b])),
    distBefore: byBasis((b) => shared(p.distBefore(b))),
    distAfter: byBasis((b) => shared(p.distAfter(b))),
    lines: p.lines,
    fuelThreshold: p.fuelThreshold,
    options,
  };
}

/** The pair rebuilt in a worker from its shared arrays (nothing copied). */
export function pairFromShared(s: SharedPair): Paired {
  const base = { ...s.base, id: [], council: [] } as HouseholdArrays;
  const reform = s.reform ? ({ ...s.reform, id: [], council: [] } as HouseholdArrays) : base;
  const before = byBasis((b) => new Distribution(s.distBefore[b]));
  const after = byBasis((b) => new Distribution(s.distAfter[b]));
  return {
    n: s.n,
    base,
    reform,
    pw: s.pw,
    eqBefore: s.eqBefore,
    eqAfter: s.eqAfter,
    distBefore: (b) => before[b],
    distAfter: (b) => after[b],
    lines: s.lines,
    fuelThreshold: s.fuelThreshold,
    options: s.options,
  };
}
