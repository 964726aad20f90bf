import type { Distribution } from '../../core/index.js';
import { defineMeasure, positiveMean } from '../../core/index.js';
import { lorenzAt, lorenzInfluence } from './lorenz-influence.js';
import { PovineqError } from '../../data/index.js';

/** Palma ratio on a Distribution: (1 − L(0.9)) / L(0.4). */
export function palmaOf(d: Distribution): number {
  positiveMean(d, 'palma');
  const bottom = lorenzAt(d, 0.4);
  if (!(bottom > 0)) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `palma: the bottom 40% of column "${d.column}" hold a share of ${bottom} of total income; the ratio needs a positive share`,
      { column: d.column },
    );
  }
  return (1 - lorenzAt(d, 0.9)) / bottom;
}

/**
 * Palma ratio: the income share of the richest 10% divided by that of the poorest 40%.
 *
 * Palma = (1 − L(0.9)) / L(0.4), with L the weighted Lorenz curve interpolated so that a unit
 * straddling the 40th or 90th percentile is split between the groups (no quantile rule needed).
 * This is the shares definition used by PIIS (Scottish Government) and Cobham & Sumner (2013).
 * Zero and negative incomes are accepted; the bottom 40% must hold a positive share.
 * Reference: Palma (2011), Development and Change 42(1); Cobham & Sumner (2013).
 *
 * @example
 * palma([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) // 10 / 10 = 1
 */
export const palma = defineMeasure<{}>({ name: 'palma', compute: (d) => palmaOf(d), influence: (d) => palmaInfluence(d) });

/**
 * Influence function of the Palma ratio P = (1 − L(0.9)) / L(0.4):
 * uᵢ = −(u_L(0.9),ᵢ + P·u_L(0.4),ᵢ) / L(0.4), with the Lorenz ordinate's influence from
 * lorenzInfluence. Reference: Osier (2009) for the income share; ratio rule (Deville 1999).
 */
export function palmaInfluence(d: Distribution): Float64Array {
  const P = palmaOf(d);
  const l4 = lorenzAt(d, 0.4);
  const u9 = lorenzInfluence(d, 0.9);
  const u4 = lorenzInfluence(d, 0.4);
  return u9.map((v, i) => -(v + P * u4[i]!) / l4);
}
