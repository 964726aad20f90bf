import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { type DecompositionRow, decompositionTable } from './decomposition-table.js';

/** The most factors {@link shapley} enumerates (2^16 = 65,536 evaluations of the value function). */
export const SHAPLEY_MAX_FACTORS = 16;

/**
 * The Shapley values of the factors behind a change, by exact enumeration of every subset.
 *
 * `value(present)` gives the outcome when only the factors in `present` have changed (the others
 * at their initial state): `value([])` is the starting point and `value(factors)` the end point.
 * Factor k's contribution is its marginal effect averaged over every order in which the factors
 * could change: φ_k = Σ_{S ⊆ N∖{k}} |S|!(K − |S| − 1)!/K! · [v(S ∪ {k}) − v(S)]. The contributions add
 * up to v(N) − v(∅) exactly, with no residual, whatever the interactions (Shorrocks 2013).
 * Each subset is evaluated once (2^K calls); `present` lists factors in the order given.
 *
 * Returns an Arquero table: one row per factor (kind `factor`, `value` = φ_k, `share` its fraction
 * of the total change), then `total` (v(N) − v(∅)), with `initial` = v(∅) and `final` = v(N).
 * Reference: Shorrocks (2013) J. Economic Inequality 11(1); Shapley (1953).
 *
 * @example
 * shapley(['prices', 'incomes'], (present) => povertyRate(scenario(present)))
 */
export function shapley(factors: readonly string[], value: (present: string[]) => number): ColumnTable {
  if (!Array.isArray(factors) || factors.length === 0) {
    throw new PovineqError('MISSING_OPTION', 'shapley needs a non-empty array of factor names', { option: 'factors' });
  }
  const K = factors.length;
  if (K > SHAPLEY_MAX_FACTORS) {
    throw new PovineqError(
      'INVALID_OPTION',
      `shapley enumerates all 2^K subsets and takes at most ${SHAPLEY_MAX_FACTORS} factors; got ${K}. Group factors together`,
      { option: 'factors' },
    );
  }
  if (new Set(factors).size !== K) {
    throw new PovineqError('INVALID_OPTION', `shapley: factor names must be distinct, got ${factors.join(', ')}`, { option: 'factors' });
  }
  if (typeof value !== 'function') {
    throw new PovineqError('MISSING_OPTION', 'shapley needs a value function (present factors) => number', { option: 'value' });
  }
  const size = 1 << K;
  const v = new Float64Array(size);
  for (let mask = 0; mask < size; mask++) {
    const present = factors.filter((_, k) => mask & (1 << k));
    const x = value(present);
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new PovineqError('UNDEFINED_RESULT', `shapley: the value function returned ${x} for factors [${present.join(', ')}]; it must return a finite number`, {
        present,
      });
    }
    v[mask] = x;
  }
  // weight of a subset of size s not containing k: s!(K − s − 1)!/K!
  const weight = new Float64Array(K);
  for (let s = 0; s < K; s++) weight[s] = Math.exp(logFactorial(s) + logFactorial(K - s - 1) - logFactorial(K));
  const phi = new Float64Array(K);
  for (let mask = 0; mask < size; mask++) {
    const s = popcount(mask);
    for (let k = 0; k < K; k++) {
      const bit = 1 << k;
      if (mask & bit) continue;
      phi[k] += weight[s]! * (v[mask | bit]! - v[mask]!);
    }
  }
  const total = v[size - 1]! - v[0]!;
  const rows: DecompositionRow[] = factors.map((f, k) => ({ component: f, kind: 'factor', value: phi[k]! }));
  rows.push({ component: 'total', kind: 'total', value: total });
  return decompositionTable(
    rows.map((r) => ({ ...r, initial: v[0], final: v[size - 1] })),
    total,
  );
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
