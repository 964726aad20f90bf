import type { Distribution } from '../../core/index.js';
import { defineMeasure, requireLine } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';
import { giniInfluence, giniOf } from '../inequality/index.js';
import { type LineOptions, fgtInfluence, fgtOf, populationLine } from './fgt.js';

/** Sen index on a Distribution: P₀·Gₚ + P₁·(1 − Gₚ). */
export function senOf(d: Distribution, line: number): number {
  const k = d.countBelow(line);
  if (k === 0 || d.cumulativeWeights[k - 1] === 0) return 0; // nobody (or only zero-weight units, as in a resample) below the line
  const p0 = fgtOf(d, 0, line);
  const p1 = fgtOf(d, 1, line);
  const poor = d.slice(0, k);
  const poorMean = poor.mean;
  if (poorMean === 0) return p0; // every poor unit has nothing: I = 1, S = H
  if (poorMean < 0) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `sen: the mean income of the poor in column "${d.column}" is negative (${poorMean}); the Gini among the poor is undefined`,
      { column: d.column },
    );
  }
  const gp = giniOf(poor);
  return p0 * gp + p1 * (1 - gp);
}

/**
 * Sen poverty index S = H·[I + (1 − I)·Gₚ] = P₀·Gₚ + P₁·(1 − Gₚ), with H the headcount ratio,
 * I the mean income gap ratio of the poor and Gₚ the Gini coefficient among the poor.
 *
 * This is the large-population form of Sen's index (without the q/(q+1) rank factors of the 1976
 * paper), as in Foster (1984) and most software; Gₚ is the weighted Gini of {@link gini}.
 * Poor means strictly below the line. Returns a fraction.
 * Reference: Sen (1976), Econometrica 44(2); Shorrocks (1995), Econometrica 63(5).
 *
 * @example
 * sen(d, { line: povertyLine(d) })
 */
export const sen = defineMeasure<LineOptions>({
  name: 'sen',
  params: ['line'],
  defaultLine: populationLine,
  compute: (d, o) => senOf(d, requireLine(o, 'sen')),
  influence: (d, o) => senInfluence(d, requireLine(o, 'sen')),
});

/**
 * Influence function of the Sen index with the line fixed (the set of poor units is then fixed):
 * uᵢ = Gₚ·u_P₀,ᵢ + (1 − Gₚ)·u_P₁,ᵢ + (P₀ − P₁)·u_Gₚ,ᵢ, with u_Gₚ the Gini influence function of the
 * poor (zero for the non-poor) and u_P₀, u_P₁ those of FGT(0), FGT(1). Product rule on S = P₀Gₚ + P₁(1 − Gₚ).
 */
export function senInfluence(d: Distribution, line: number): Float64Array {
  const k = d.countBelow(line);
  if (k === 0 || d.cumulativeWeights[k - 1] === 0) return new Float64Array(d.n);
  const p0 = fgtOf(d, 0, line);
  const p1 = fgtOf(d, 1, line);
  const u0 = fgtInfluence(d, 0, line);
  const u1 = fgtInfluence(d, 1, line);
  const poor = d.slice(0, k);
  if (poor.mean === 0) return u0;
  const gp = giniOf(poor);
  const ug = giniInfluence(poor);
  const u = new Float64Array(d.n);
  for (let i = 0; i < d.n; i++) u[i] = gp * u0[i]! + (1 - gp) * u1[i]! + (i < k ? (p0 - p1) * ug[i]! : 0);
  return u;
}
