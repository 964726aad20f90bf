import type { Distribution } from '../core/index.js';
import type { SurveyDesign } from './design.js';

/**
 * Places a measure's influence function on the design's rows as scores sᵢ = wᵢuᵢ (zero for rows
 * the measure did not use: other domains, rows dropped on request).
 */
export function scoresOnRows(d: Distribution, u: Float64Array, rows: number, into?: Float64Array): Float64Array {
  const s = into ?? new Float64Array(rows);
  const w = d.weights;
  const r = d.rows;
  for (let i = 0; i < u.length; i++) s[r[i]!]! += w[i]! * u[i]!;
  return s;
}

/**
 * Variance of a linearized statistic Σ sᵢ under a stratified multistage design, by the
 * with-replacement (ultimate cluster) approximation with finite population correction at the
 * first stage: v = Σ_h (1 − f_h)·n_h/(n_h − 1)·Σ_j (y_hj − ȳ_h)², y_hj the total of the scores
 * in PSU j of stratum h. Strata with a single PSU contribute nothing (after
 * checkSinglePsu() allowed them). This is R survey's svyrecvar for one-stage designs.
 * Reference: Wolter (2007), §1.4; Lumley (2010), Complex Surveys, §2.
 */
export function designVariance(design: SurveyDesign, scores: Float64Array): number {
  const totals = new Float64Array(design.psuCount);
  const psu = design.psu;
  for (let i = 0; i < scores.length; i++) totals[psu[i]!]! += scores[i]!;
  const H = design.strata.length;
  const sum = new Float64Array(H);
  for (let j = 0; j < totals.length; j++) sum[design.psuStratum[j]!]! += totals[j]!;
  const ss = new Float64Array(H);
  for (let j = 0; j < totals.length; j++) {
    const h = design.psuStratum[j]!;
    const e = totals[j]! - sum[h]! / design.psuPerStratum[h]!;
    ss[h]! += e * e;
  }
  let v = 0;
  for (let h = 0; h < H; h++) {
    const nh = design.psuPerStratum[h]!;
    if (nh < 2) continue;
    v += ((1 - design.fraction[h]!) * nh * ss[h]!) / (nh - 1);
  }
  return v;
}
