import { PovineqError, plural } from '../data/index.js';

/**
 * Deterministic, seeded selection of the households that take up a benefit: each eligible
 * household gets a uniform number hashed from the seed and its `household_id` (so the draw does
 * not depend on row order), and households are taken in that order until their weighted eligible
 * units (children, people…) reach `share` of the eligible total. The weighted take-up is then
 * `share` to within one household. Returns 1 for households that take up, 0 otherwise.
 *
 * Take-up is by household: a family claims for all its eligible children or none (as Social
 * Security Scotland pays the Scottish Child Payment to the claimant for each child).
 *
 * @example
 * takeUpSelection(ids, eligibleChildren, weights, { share: 0.89, seed: 1 })
 */
export function takeUpSelection(
  ids: ArrayLike<unknown>,
  units: ArrayLike<number>,
  weight: ArrayLike<number>,
  options: { share: number; seed?: number; by?: string },
): Uint8Array {
  const { share } = options;
  const seed = options.seed ?? 20230323;
  const by = options.by ?? 'takeUp';
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    throw new PovineqError('INVALID_OPTION', `${by}: takeUp must be a share between 0 and 1 (0.89 = 89%), got ${JSON.stringify(share)}`, { option: 'takeUp' });
  }
  if (!Number.isInteger(seed)) throw new PovineqError('INVALID_OPTION', `${by}: seed must be a whole number, got ${seed}`, { option: 'seed' });
  const n = units.length;
  const out = new Uint8Array(n);
  const eligible: number[] = [];
  let total = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i]! * weight[i]!;
    if (u > 0) {
      eligible.push(i);
      total += u;
    }
  }
  if (share === 1) {
    for (const i of eligible) out[i] = 1;
    return out;
  }
  const key = new Float64Array(n);
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const i of eligible) {
    const id = String(ids[i]);
    if (seen.has(id)) duplicates.push(i);
    seen.add(id);
    key[i] = hashUniform(seed, id);
  }
  if (duplicates.length > 0) {
    throw new PovineqError('INVALID_HOUSEHOLD', `${by}: household_id is not unique (${plural(duplicates.length, 'repeat')}, e.g. "${String(ids[duplicates[0]!])}"); take-up is drawn per household_id`, {
      column: 'household_id',
      count: duplicates.length,
    });
  }
  eligible.sort((a, b) => key[a]! - key[b]! || a - b);
  const target = share * total;
  let taken = 0;
  for (const i of eligible) {
    const u = units[i]! * weight[i]!;
    // take the household if that brings the running total nearer the target
    if (taken + u / 2 > target) break;
    out[i] = 1;
    taken += u;
  }
  return out;
}

/** A uniform number in [0, 1) from a seed and a text key (FNV-1a, then a 32-bit finaliser). */
export function hashUniform(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0) ^ Math.floor(seed / 4294967296)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h / 4294967296;
}
