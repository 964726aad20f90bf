import type { Distribution } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { giniOf } from '../measures/index.js';
import { type Paired, fuelPoor } from './paired.js';
import { type Basis, type PersonGroupKey, linesFromMedian, personMedian, shareBelow } from '../income/index.js';

/** Before or after the reform. */
export type Side = 'before' | 'after';

/**
 * Evaluates outcomes of a baseline–reform pair, optionally with bootstrap multiplicities mᵢ
 * (household i counted mᵢ times: weights wᵢmᵢ). Medians (hence relative lines) and Gini are
 * recomputed under the multiplicities by reweighting the already-sorted distributions (no re-sort).
 */
export class OutcomeEvaluator {
  readonly p: Paired;
  readonly m: Float64Array | undefined;
  #dist = new Map<string, Distribution>();
  #lines = new Map<string, number>();

  constructor(p: Paired, m?: Float64Array) {
    this.p = p;
    this.m = m;
  }

  /** Household weight of row i under the multiplicities. */
  weight(i: number): number {
    return this.m ? this.p.base.weight[i]! * this.m[i]! : this.p.base.weight[i]!;
  }

  /** Person-weighted distribution of equivalised income, reweighted by the multiplicities. */
  dist(side: Side, basis: Basis): Distribution {
    const key = side + basis;
    let d = this.#dist.get(key);
    if (!d) {
      const base = side === 'before' ? this.p.distBefore(basis) : this.p.distAfter(basis);
      if (this.m) {
        const w = new Float64Array(base.n);
        for (let k = 0; k < base.n; k++) w[k] = base.weights[k]! * this.m[base.rows[k]!]!;
        d = base.reweight(w);
      } else d = base;
      this.#dist.set(key, d);
    }
    return d;
  }

  /** The poverty line of a measure on a side (relative and deep lines follow the pair's options). */
  line(measure: 'relative' | 'absolute' | 'deep', side: Side, basis: Basis): number {
    if (!this.m || measure === 'absolute') return this.p.lines[measure][basis][side === 'before' ? 0 : 1];
    const key = measure + side + basis;
    let v = this.#lines.get(key);
    if (v === undefined) {
      const o = this.p.options;
      const m0 = personMedian(this.dist('before', basis));
      const ref = o.referenceMedian ? o.referenceMedian[basis] : m0;
      const median = side === 'before' || o.relativeLine === 'baseline' ? ref : (ref * personMedian(this.dist('after', basis))) / m0;
      v = linesFromMedian(median, o.fraction, o.deepFraction)[measure];
      this.#lines.set(key, v);
    }
    return v;
  }

  /**
   * Person-weighted poverty rate of a person group, per area group: out[g] for g = 0 … groups − 1
   * where `groupOf[i]` gives household i's area group (or all households in group 0 without it).
   */
  rates(measure: 'relative' | 'absolute' | 'deep', basis: Basis, people: PersonGroupKey, side: Side, groupOf?: ArrayLike<number>, groups = 1): Float64Array {
    const eq = side === 'before' ? this.p.eqBefore[basis] : this.p.eqAfter[basis];
    const options = { groups, ...(groupOf ? { group: groupOf } : {}), ...(this.m ? { multiplicity: this.m } : {}) };
    return shareBelow(eq, this.p.pw[people], this.line(measure, side, basis), options);
  }

  /** Share of households (weighted) that are fuel poor. */
  fuelPoverty(side: Side): number {
    const h = side === 'before' ? this.p.base : this.p.reform;
    let poor = 0;
    let total = 0;
    for (let i = 0; i < this.p.n; i++) {
      const w = this.weight(i);
      total += w;
      if (fuelPoor(h, i, this.p.fuelThreshold)) poor += w;
    }
    return poor / total;
  }

  gini(side: Side, basis: Basis): number {
    return giniOf(this.dist(side, basis));
  }
}

/** An outcome a cross-check tracks. */
export interface Outcome {
  /** Identifier, e.g. `child_relative_ahc`. */
  name: string;
  /** Readable label for tables and charts. */
  label: string;
  /** Which direction is harm: `'increase'` (poverty, Gini) or `'decrease'`. */
  harm: 'increase' | 'decrease';
  /** Value on one side (a fraction or index). */
  value(e: OutcomeEvaluator, side: Side): number;
  /**
   * The outcome as one povineq measure of the person-weighted equivalised income distribution, so
   * that crossCheck({ intervals: 'inference' }) can take its interval from src/inference's change().
   */
  inference?: { measure: 'headcount' | 'gini'; poverty?: 'relative' | 'absolute' | 'deep'; basis: Basis; people: PersonGroupKey };
  /** Value per council (council codes sorted), when the outcome has an area breakdown. */
  byCouncil?(e: OutcomeEvaluator, side: Side, council: { index: Int32Array; codes: string[] }): Float64Array;
}

function povertyOutcome(name: string, label: string, measure: 'relative' | 'absolute' | 'deep', basis: Basis, people: PersonGroupKey): Outcome {
  return {
    name,
    label,
    harm: 'increase',
    value: (e, side) => e.rates(measure, basis, people, side)[0]!,
    inference: { measure: 'headcount', poverty: measure, basis, people },
    byCouncil: (e, side, c) => e.rates(measure, basis, people, side, c.index, c.codes.length),
  };
}

/**
 * Built-in outcomes, by name: child relative and absolute poverty after housing costs (AHC, the
 * statutory basis of the Child Poverty (Scotland) Act 2017, s. 7(1)) and before housing costs (BHC,
 * the UK HBAI headline basis, not the Act's measure), child deep poverty AHC, relative poverty of
 * all people, fuel poverty, Gini (BHC and AHC), and relative poverty AHC of people in SIMD
 * quintile 1 (the 20% most deprived areas).
 */
export const OUTCOMES: Readonly<Record<string, Outcome>> = Object.freeze({
  child_relative_ahc: povertyOutcome('child_relative_ahc', 'Child relative poverty (AHC, statutory)', 'relative', 'AHC', 'children'),
  child_absolute_ahc: povertyOutcome('child_absolute_ahc', 'Child absolute poverty (AHC, statutory)', 'absolute', 'AHC', 'children'),
  child_deep_ahc: povertyOutcome('child_deep_ahc', 'Child deep poverty (AHC, below 50% of median)', 'deep', 'AHC', 'children'),
  child_relative_bhc: povertyOutcome('child_relative_bhc', 'Child relative poverty (BHC, not the statutory basis)', 'relative', 'BHC', 'children'),
  child_absolute_bhc: povertyOutcome('child_absolute_bhc', 'Child absolute poverty (BHC, not the statutory basis)', 'absolute', 'BHC', 'children'),
  relative_ahc: povertyOutcome('relative_ahc', 'Relative poverty, all people (AHC)', 'relative', 'AHC', 'all'),
  relative_bhc: povertyOutcome('relative_bhc', 'Relative poverty, all people (BHC)', 'relative', 'BHC', 'all'),
  pensioner_relative_ahc: povertyOutcome('pensioner_relative_ahc', 'Pensioner relative poverty (AHC)', 'relative', 'AHC', 'pensioners'),
  fuel_poverty: {
    name: 'fuel_poverty',
    label: 'Fuel poverty (energy > 10% of income AHC)',
    harm: 'increase',
    value: (e, side) => e.fuelPoverty(side),
  },
  gini_bhc: { name: 'gini_bhc', label: 'Gini (BHC)', harm: 'increase', value: (e, side) => e.gini(side, 'BHC'), inference: { measure: 'gini', basis: 'BHC', people: 'all' } },
  gini_ahc: { name: 'gini_ahc', label: 'Gini (AHC)', harm: 'increase', value: (e, side) => e.gini(side, 'AHC'), inference: { measure: 'gini', basis: 'AHC', people: 'all' } },
  simd1_relative_ahc: {
    name: 'simd1_relative_ahc',
    label: 'Relative poverty (AHC) in SIMD quintile 1',
    harm: 'increase',
    value: (e, side) => e.rates('relative', 'AHC', 'all', side, simdQuintileOne(e.p), 1)[0]!,
  },
});

const quintileOne = new WeakMap<object, Int8Array>();

/** 0 for households in SIMD quintile 1 (deciles 1–2), −1 otherwise; cached per household set. */
function simdQuintileOne(p: Paired): Int8Array {
  let q = quintileOne.get(p.base.simdDecile);
  if (!q) {
    q = new Int8Array(p.n);
    for (let i = 0; i < p.n; i++) q[i] = p.base.simdDecile[i]! <= 2 ? 0 : -1;
    quintileOne.set(p.base.simdDecile, q);
  }
  return q;
}

/**
 * The outcomes crossCheck() reports by default: the Act's two income-based child poverty measures
 * on its statutory basis (AHC, s. 7(1)), fuel poverty, the Gini and poverty in the most deprived areas.
 */
export const DEFAULT_OUTCOMES = ['child_relative_ahc', 'child_absolute_ahc', 'fuel_poverty', 'gini_bhc', 'simd1_relative_ahc'] as const;

/** Resolves outcome names (or Outcome objects) with an error listing the known names. */
export function resolveOutcome(o: string | Outcome, option = 'outcomes'): Outcome {
  if (typeof o === 'string') {
    const found = OUTCOMES[o];
    if (!found) {
      throw new PovineqError('INVALID_OPTION', `unknown outcome "${o}" in option ${option}; known outcomes: ${Object.keys(OUTCOMES).join(', ')} (or pass an Outcome object)`, {
        option,
      });
    }
    return found;
  }
  if (!o || typeof o.value !== 'function' || typeof o.name !== 'string' || (o.harm !== 'increase' && o.harm !== 'decrease')) {
    throw new PovineqError('INVALID_OPTION', `option ${option}: an outcome needs name, label, harm ('increase' | 'decrease') and value(evaluator, side)`, { option });
  }
  return o;
}

/** Sorted council codes and each household's index into them. */
export function councilGroups(p: Paired): { index: Int32Array; codes: string[] } {
  const codes = [...new Set(Array.from(p.base.council as ArrayLike<string>))].sort();
  const at = new Map(codes.map((c, k) => [c, k]));
  const index = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) index[i] = at.get(p.base.council[i] as string)!;
  return { index, codes };
}
