import type { Distribution } from '../../core/index.js';
import { defineMeasure, embedInfluence, positiveMean, requireNumber } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';

/** Options of the generalized entropy family. */
export interface EntropyOptions {
  /** Sensitivity parameter α: 0 (MLD), 1 (Theil), 2 (half the squared CV), any real. */
  alpha: number;
}

/**
 * The units the GE(α) sum runs over: all of them, or only positive incomes when α ≤ 0 or α = 1
 * (logarithms and negative powers), where zero and negative incomes raise an error naming the
 * column unless `nonPositive: 'drop'`. For other α, negative incomes are refused the same way
 * (a real power of a negative number is undefined) and dropped alone under `nonPositive: 'drop'`:
 * zeros are always kept.
 */
export function entropyDomain(d: Distribution, alpha: number, measure: string, nonPositive?: 'error' | 'drop'): Distribution {
  if (alpha <= 0 || alpha === 1) return d.positive(measure, nonPositive);
  return d.nonNegative(measure, nonPositive);
}

/**
 * GE(α) on a Distribution: 1/(α(α−1)) · [Σ wᵢ (xᵢ/μ)^α / W − 1];
 * α = 0: MLD = Σ wᵢ ln(μ/xᵢ) / W;  α = 1: Theil = Σ wᵢ (xᵢ/μ) ln(xᵢ/μ) / W.
 */
export function generalizedEntropyOf(d: Distribution, alpha: number): number {
  const mu = positiveMean(d, alpha === 0 ? 'mld' : alpha === 1 ? 'theil' : 'generalizedEntropy');
  const x = d.values;
  const w = d.weights;
  let s = 0;
  if (alpha === 0) {
    for (let i = 0; i < x.length; i++) s += w[i]! * Math.log(mu / x[i]!);
    return s / d.totalWeight;
  }
  if (alpha === 1) {
    for (let i = 0; i < x.length; i++) {
      const r = x[i]! / mu;
      if (r > 0) s += w[i]! * r * Math.log(r);
    }
    return s / d.totalWeight;
  }
  if (alpha === 2) {
    for (let i = 0; i < x.length; i++) {
      const r = x[i]! / mu;
      s += w[i]! * r * r;
    }
  } else {
    for (let i = 0; i < x.length; i++) s += w[i]! * Math.pow(x[i]! / mu, alpha);
  }
  return (s / d.totalWeight - 1) / (alpha * (alpha - 1));
}

function checkAlpha(options: Partial<EntropyOptions> | undefined): number {
  const alpha = requireNumber(options?.alpha, 'alpha', 'generalizedEntropy');
  if (Math.abs(alpha) > 1e6) {
    throw new PovineqError('INVALID_OPTION', `generalizedEntropy: alpha ${alpha} is out of range`, { option: 'alpha' });
  }
  return alpha;
}

/**
 * Generalized entropy index GE(α), the family containing the mean log deviation (α = 0), the
 * Theil index (α = 1) and half the squared coefficient of variation (α = 2).
 *
 * GE(α) = 1/(α(α−1)) · [Σ wᵢ (xᵢ/μ)^α / Σ wᵢ − 1], with the limits at α = 0 and 1.
 * Needs positive incomes for α ≤ 0 and α = 1 (non-negative otherwise): bad rows raise an error
 * naming the column unless `nonPositive: 'drop'`. Additively decomposable by subgroup.
 * Reference: Shorrocks (1980), Econometrica 48(3); Cowell (2011) Measuring Inequality, ch. 3.
 *
 * @example
 * generalizedEntropy([1, 2, 3, 4], { alpha: 2 }) // 0.1
 */
export const generalizedEntropy = defineMeasure<EntropyOptions>({
  name: 'generalizedEntropy',
  params: ['alpha'],
  compute: (d, o) => {
    const alpha = checkAlpha(o);
    return generalizedEntropyOf(entropyDomain(d, alpha, 'generalizedEntropy', o.nonPositive), alpha);
  },
  influence: (d, o) => {
    const alpha = checkAlpha(o);
    const sub = entropyDomain(d, alpha, 'generalizedEntropy', o.nonPositive);
    return embedInfluence(d, sub, generalizedEntropyInfluence(sub, alpha));
  },
});

/**
 * Influence function of GE(α) (Σ wᵢuᵢ ≈ GE^ − GE), with W = Σ w, μ the mean, T = Σ wx:
 * - α ∉ {0, 1}: uᵢ = [(xᵢ/μ)^α − m − α·m·(xᵢ − μ)/μ] / (α(α − 1)W), m = Σ w (x/μ)^α / W;
 * - α = 1 (Theil): uᵢ = [xᵢ(ln xᵢ − L) − xᵢ + μ] / T, L = Σ wx ln x / T;
 * - α = 0 (MLD): uᵢ = [(xᵢ − μ)/μ − ln xᵢ + l̄] / W, l̄ = Σ w ln x / W.
 * Reference: Cowell (1989), in Osier (2009) Survey Research Methods 3(3), §3; Biewen & Jenkins
 * (2006), Oxford Bull. Econ. Stat. 68(3).
 */
export function generalizedEntropyInfluence(d: Distribution, alpha: number): Float64Array {
  const mu = positiveMean(d, 'generalizedEntropy');
  const x = d.values;
  const w = d.weights;
  const W = d.totalWeight;
  const u = new Float64Array(d.n);
  if (alpha === 0) {
    let l = 0;
    for (let i = 0; i < x.length; i++) l += w[i]! * Math.log(x[i]!);
    l /= W;
    for (let i = 0; i < x.length; i++) u[i] = ((x[i]! - mu) / mu - Math.log(x[i]!) + l) / W;
    return u;
  }
  if (alpha === 1) {
    const T = d.total;
    let L = 0;
    for (let i = 0; i < x.length; i++) if (x[i]! > 0) L += w[i]! * x[i]! * Math.log(x[i]!);
    L /= T;
    for (let i = 0; i < x.length; i++) {
      const xl = x[i]! > 0 ? x[i]! * Math.log(x[i]!) : 0;
      u[i] = (xl - L * x[i]! - x[i]! + mu) / T;
    }
    return u;
  }
  let m = 0;
  for (let i = 0; i < x.length; i++) m += w[i]! * Math.pow(x[i]! / mu, alpha);
  m /= W;
  const k = 1 / (alpha * (alpha - 1) * W);
  for (let i = 0; i < x.length; i++) u[i] = k * (Math.pow(x[i]! / mu, alpha) - m - (alpha * m * (x[i]! - mu)) / mu);
  return u;
}
