import { PovineqError } from '../data/index.js';

/**
 * The read-time overflow guard: Σ wᵢ and Σ wᵢ|xᵢ| must be finite doubles, or every mean, share,
 * Gini and median built on them turns into Infinity or NaN (1e308 + 1e308 = Infinity). Throws
 * NON_FINITE naming the column, the largest value and the fix (rescale the column).
 */
export function checkFiniteTotals(values: ArrayLike<number>, weights: ArrayLike<number> | undefined, column: string, weightColumn: string | undefined): void {
  let W = 0;
  let T = 0;
  let largest = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights ? weights[i]! : 1;
    const a = Math.abs(values[i]!);
    W += w;
    T += w * a;
    if (a > largest) largest = a;
  }
  if (!Number.isFinite(W)) {
    throw new PovineqError(
      'NON_FINITE',
      `weight column "${weightColumn ?? 'weights'}" sums to more than the largest double (${Number.MAX_VALUE.toExponential(3)}); ` +
        'rescale the weights (e.g. divide them all by 1000): measures depend only on relative weights',
      { column: weightColumn ?? 'weights', option: 'weight' },
    );
  }
  if (!Number.isFinite(T) || Math.abs(largest) * 2 > Number.MAX_VALUE) {
    throw new PovineqError(
      'NON_FINITE',
      `column "${column}" has values too large to total (largest ${largest.toExponential(3)}; the weighted total ` +
        `overflows a double); rescale the column (e.g. to thousands) before measuring: relative measures do not change`,
      { column, largest, option: 'value' },
    );
  }
}
