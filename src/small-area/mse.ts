import type { FayHerriotFit } from './fit.js';
import { quadraticForm } from './matrix.js';

/** Per-area predictions and MSEs of a fitted Fay–Herriot model. */
export interface Predictions {
  /** x'β̂ for every row. */
  synthetic: Float64Array;
  /** EBLUP for sampled rows, the synthetic prediction out of sample. */
  eblup: Float64Array;
  /** γᵢ = Â / (Â + Dᵢ), the weight on the direct estimate (0 out of sample). */
  shrinkage: Float64Array;
  mse: Float64Array;
  /** The leading term g1 = Â Dᵢ / (Â + Dᵢ) (Â out of sample): the posterior variance given Â and β. */
  g1: Float64Array;
}

/**
 * EBLUPs and their second-order MSE estimates (Rao & Molina 2015, §6.2):
 * mse = g1 + g2 + 2 g3 − b·Bᵢ², g1 = Dᵢ(1 − Bᵢ), g2 = Bᵢ² xᵢᵀQxᵢ, g3 = Bᵢ² V(Â)/(Â + Dᵢ), Bᵢ = Dᵢ/(Â + Dᵢ),
 * where V(Â) = 2/Σ(Â + Dⱼ)⁻² for REML and ML, 2Σ(Â + Dⱼ)²/m² for Prasad–Rao moments, 2m/(Σ(Â + Dⱼ)⁻¹)²
 * for FH moments; the bias b of Â is 0 for REML and Prasad–Rao, −tr(Q Xᵀ V⁻² X)/Σ V⁻² for ML
 * (Datta & Lahiri 2000) and 2(mΣV⁻² − (ΣV⁻¹)²)/(ΣV⁻¹)³ for FH (Datta, Rao & Smith 2005), as R sae's mseFH.
 * Out of sample: x'β̂ with mse Â + xᵢᵀQxᵢ.
 * `x` holds every row (m_all × p), `rows` the sampled rows in fit order, `direct`/`d` every row.
 */
export function predict(fit: FayHerriotFit, x: Float64Array, rows: readonly number[], direct: Float64Array, d: Float64Array): Predictions {
  const { p, variance: a, beta, covariance: q, method } = fit;
  const n = direct.length;
  const synthetic = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) synthetic[i] += x[i * p + j]! * beta[j]!;
  const eblup = Float64Array.from(synthetic);
  const shrinkage = new Float64Array(n);
  const mse = new Float64Array(n);
  const g1 = new Float64Array(n);
  const m = rows.length;
  let sumVi = 0;
  let sumVi2 = 0;
  let sumV2 = 0;
  const x2 = new Float64Array(p * p);
  for (const r of rows) {
    const vi = 1 / (a + d[r]!);
    sumVi += vi;
    sumVi2 += vi * vi;
    sumV2 += (a + d[r]!) ** 2;
    for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) x2[s * p + t] += x[r * p + s]! * x[r * p + t]! * vi * vi;
  }
  let varA: number;
  let bias = 0;
  if (method === 'moments') varA = (2 * sumV2) / (m * m);
  else if (method === 'FH') {
    varA = (2 * m) / (sumVi * sumVi);
    bias = (2 * (m * sumVi2 - sumVi * sumVi)) / sumVi ** 3;
  } else {
    varA = 2 / sumVi2;
    if (method === 'ML') {
      let tr = 0;
      for (let s = 0; s < p; s++) for (let t = 0; t < p; t++) tr += q[s * p + t]! * x2[t * p + s]!;
      bias = -tr / sumVi2;
    }
  }
  const isSampled = new Uint8Array(n);
  for (const r of rows) isSampled[r] = 1;
  for (let i = 0; i < n; i++) {
    const xqx = quadraticForm(x, i, q, p);
    if (!isSampled[i]) {
      g1[i] = a;
      mse[i] = a + xqx;
      continue;
    }
    const di = d[i]!;
    const b = di / (a + di);
    shrinkage[i] = 1 - b;
    eblup[i] = synthetic[i]! + (1 - b) * (direct[i]! - synthetic[i]!);
    g1[i] = di * (1 - b);
    const g2 = b * b * xqx;
    const g3 = (b * b * varA) / (a + di);
    mse[i] = g1[i]! + g2 + 2 * g3 - bias * b * b;
  }
  return { synthetic, eblup, shrinkage, mse, g1 };
}
