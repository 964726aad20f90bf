import type { Distribution } from '../../core/index.js';
import { defineMeasure, positiveMean } from '../../core/index.js';

/**
 * Gini coefficient of a Distribution, as a fraction (0.2649, not 26.49).
 *
 * With units sorted ascending, weights wᵢ, cumulative weights Cᵢ = Σ_{j≤i} wⱼ, W = Σ wᵢ and
 * T = Σ wᵢxᵢ:  G = (2 Σ wᵢxᵢCᵢ − Σ wᵢ²xᵢ) / (W·T) − 1.
 * This is the EU-SILC weighted Gini (Eurostat, 2004; R laeken `gini`). Unweighted it is
 * Σ(2i − n − 1)xᵢ / (n Σxᵢ), half the relative mean absolute difference, without the n/(n−1)
 * small-sample factor (as R ineq `Gini(corr = FALSE)`). Ties may be in any order.
 */
export function giniOf(d: Distribution): number {
  positiveMean(d, 'gini');
  const x = d.values;
  const w = d.weights;
  let c = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i]!;
    const wx = wi * x[i]!;
    c += wi;
    s1 += wx * c;
    s2 += wx * wi;
  }
  return (2 * s1 - s2) / (d.totalWeight * d.total) - 1;
}

/**
 * Gini coefficient: the area between the Lorenz curve and the line of equality, doubled.
 *
 * G = (2 Σ wᵢxᵢCᵢ − Σ wᵢ²xᵢ) / (W Σ wᵢxᵢ) − 1 over units sorted ascending (Cᵢ the cumulative
 * weight). Returns a fraction. Zero and negative incomes are accepted (with negative incomes G
 * can exceed 1); the weighted mean must be positive.
 * Reference: Eurostat (2004) EU-SILC common cross-sectional indicators; R laeken::gini.
 *
 * @example
 * gini([1, 2, 3, 4]) // 0.25
 * gini(households, { value: 'income', weight: 'w' })
 */
export const gini = defineMeasure<{}>({ name: 'gini', compute: (d) => giniOf(d), influence: (d) => giniInfluence(d) });

/**
 * Influence function of the Gini coefficient (linearized variable, Σ wᵢuᵢ ≈ Ĝ − G):
 * uᵢ = 2(xᵢCᵢ + T − Tᵢ)/(W·T) − (G + 1)(1/W + xᵢ/T), with Cᵢ and Tᵢ the cumulative weight and
 * income up to unit i in ascending order, W = Σ w, T = Σ wx. It is the exact derivative of the
 * Eurostat formula above with respect to wᵢ, so Σ wᵢuᵢ = 0.
 * Reference: Binder & Kovacevic (1995), Survey Methodology 21(2); Langel & Tillé (2013), JRSS A
 * 176(2); R convey::svygini.
 */
export function giniInfluence(d: Distribution): Float64Array {
  const G = giniOf(d);
  const x = d.values;
  const cw = d.cumulativeWeights;
  const ct = d.cumulativeTotals;
  const W = d.totalWeight;
  const T = d.total;
  const u = new Float64Array(d.n);
  for (let i = 0; i < x.length; i++) {
    u[i] = (2 * (x[i]! * cw[i]! + T - ct[i]!)) / (W * T) - (G + 1) * (1 / W + x[i]! / T);
  }
  return u;
}
