import type { Distribution } from '../../core/index.js';
import { defineMeasure, embedInfluence, positiveMean, requireNumber } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';

/** Options of the Atkinson index. */
export interface AtkinsonOptions {
  /** Inequality aversion ε ≥ 0 (0.5, 1 and 2 are common). */
  epsilon: number;
}

/** A(ε) on a Distribution whose values suit ε (positive for ε ≥ 1). */
export function atkinsonOf(d: Distribution, epsilon: number): number {
  const mu = positiveMean(d, 'atkinson');
  const x = d.values;
  const w = d.weights;
  let s = 0;
  if (epsilon === 1) {
    for (let i = 0; i < x.length; i++) s += w[i]! * Math.log(x[i]!);
    return 1 - Math.exp(s / d.totalWeight) / mu;
  }
  const e = 1 - epsilon;
  for (let i = 0; i < x.length; i++) s += w[i]! * Math.pow(x[i]! / mu, e);
  return 1 - Math.pow(s / d.totalWeight, 1 / e);
}

/**
 * Atkinson index: the share of mean income a society would give up for perfect equality.
 *
 * A(ε) = 1 − (Σ wᵢ (xᵢ/μ)^(1−ε) / Σ wᵢ)^(1/(1−ε)); for ε = 1, A = 1 − exp(Σ wᵢ ln xᵢ / Σ wᵢ) / μ.
 * Needs positive incomes for ε ≥ 1 (zero or negative values raise an error naming the column
 * unless `nonPositive: 'drop'`); non-negative incomes for 0 < ε < 1 (zeros kept, negatives
 * refused or, with `nonPositive: 'drop'`, dropped alone).
 * Reference: Atkinson (1970), J. Econ. Theory 2(3).
 *
 * @example
 * atkinson([10, 20, 30, 40], { epsilon: 1 }) // 0.11465…
 */
export const atkinson = defineMeasure<AtkinsonOptions>({
  name: 'atkinson',
  params: ['epsilon'],
  compute: (d, o) => {
    const epsilon = checkEpsilon(o);
    if (epsilon === 0) {
      positiveMean(d, 'atkinson');
      return 0;
    }
    return atkinsonOf(atkinsonDomain(d, epsilon, o.nonPositive), epsilon);
  },
  influence: (d, o) => {
    const epsilon = checkEpsilon(o);
    if (epsilon === 0) return new Float64Array(d.n);
    const sub = atkinsonDomain(d, epsilon, o.nonPositive);
    return embedInfluence(d, sub, atkinsonInfluence(sub, epsilon));
  },
});

function checkEpsilon(o: Partial<AtkinsonOptions> | undefined): number {
  const epsilon = requireNumber(o?.epsilon, 'epsilon', 'atkinson');
  if (epsilon < 0) {
    throw new PovineqError('INVALID_OPTION', `atkinson: epsilon must be ≥ 0 (inequality aversion), got ${epsilon}`, { option: 'epsilon' });
  }
  return epsilon;
}

function atkinsonDomain(d: Distribution, epsilon: number, nonPositive?: 'error' | 'drop'): Distribution {
  // ε ≥ 1 needs positive incomes; 0 < ε < 1 keeps zeros and refuses (or drops) only negatives
  return epsilon >= 1 ? d.positive('atkinson', nonPositive) : d.nonNegative('atkinson', nonPositive);
}

/**
 * Influence function of the Atkinson index A = 1 − M/μ, M the equally-distributed-equivalent
 * income (M = (Σ w x^(1−ε)/W)^(1/(1−ε)), or the geometric mean for ε = 1):
 * uᵢ = −(M/(μW)) · [(xᵢ^(1−ε)/r̄ − 1)/(1 − ε) − (xᵢ − μ)/μ], r̄ = Σ w x^(1−ε)/W;
 * ε = 1: uᵢ = −(M/(μW)) · [ln xᵢ − l̄ − (xᵢ − μ)/μ].
 * Reference: Biewen & Jenkins (2006), Oxford Bull. Econ. Stat. 68(3); Osier (2009).
 */
export function atkinsonInfluence(d: Distribution, epsilon: number): Float64Array {
  const mu = positiveMean(d, 'atkinson');
  const x = d.values;
  const w = d.weights;
  const W = d.totalWeight;
  const u = new Float64Array(d.n);
  const A = atkinsonOf(d, epsilon);
  const M = (1 - A) * mu;
  const k = -M / (mu * W);
  if (epsilon === 1) {
    let l = 0;
    for (let i = 0; i < x.length; i++) l += w[i]! * Math.log(x[i]!);
    l /= W;
    for (let i = 0; i < x.length; i++) u[i] = k * (Math.log(x[i]!) - l - (x[i]! - mu) / mu);
    return u;
  }
  const e = 1 - epsilon;
  let r = 0;
  for (let i = 0; i < x.length; i++) r += w[i]! * Math.pow(x[i]!, e);
  r /= W;
  for (let i = 0; i < x.length; i++) u[i] = k * ((Math.pow(x[i]!, e) / r - 1) / e - (x[i]! - mu) / mu);
  return u;
}
