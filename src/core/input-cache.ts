/**
 * Reuse of Distributions across calls on the same input columns.
 *
 * `arpr(table, o)` then `gini(table, o)` then `s80s20(table, o)` each build a Distribution from the
 * same columns. The first call validates them; later calls find that Distribution here and reuse
 * its validation, its sort (once some measure has needed it) and its cumulative sums.
 *
 * Keys are the column arrays themselves (the value column, then the weight column), held weakly:
 * an entry lives only as long as the columns it was built from, and is released with them. An
 * entry holds the Distribution's arrays: before the sort, nothing for clean Float64Array columns
 * (it reads them in place, see scan.ts) and the validated values and weights (16 bytes a row) for
 * other columns; after, the sorted values, weights, row indices and the cumulative sums once used
 * (up to 36 bytes a row, 360 MB for 10 million rows). {@link clearDistributionCache} drops every
 * entry at once.
 *
 * Arrays can be changed in place, so every hit is checked against a fingerprint of the columns'
 * contents taken when the entry was made (one pass, a fraction of a sort): a changed column is a
 * miss, never a stale number.
 */
import type { Distribution } from './distribution.js';

interface Entry {
  fingerprint: string;
  distribution: Distribution;
}

const UNWEIGHTED = {};
let cache = new WeakMap<object, WeakMap<object, Map<string, Entry>>>();

/** Drops every cached Distribution (they are also released with their columns). */
export function clearDistributionCache(): void {
  cache = new WeakMap();
}

/** The cached Distribution of these columns and build options, if their contents are unchanged. */
export function cachedDistribution(
  raw: ArrayLike<unknown>,
  rawWeights: ArrayLike<unknown> | undefined,
  key: string,
  known?: string,
): Distribution | undefined {
  if (!cacheable(raw, rawWeights)) return undefined;
  const entry = cache.get(raw)?.get(rawWeights ?? UNWEIGHTED)?.get(key);
  if (!entry) return undefined;
  if (entry.fingerprint !== (known ?? fingerprint(raw, rawWeights))) {
    cache.get(raw)!.get(rawWeights ?? UNWEIGHTED)!.delete(key);
    return undefined;
  }
  return entry.distribution;
}

/** Whether these columns have an entry (changed or not): a cheap check, no fingerprint. */
export function hasCachedEntry(raw: ArrayLike<unknown>, rawWeights: ArrayLike<unknown> | undefined, key: string): boolean {
  return cacheable(raw, rawWeights) && cache.get(raw)?.get(rawWeights ?? UNWEIGHTED)?.has(key) === true;
}

/**
 * Remembers a Distribution built from these columns. `known`: their fingerprint when the caller
 * has already taken it (the fused pass of scan.ts takes its own, of the same strength; a column
 * fingerprinted one way never matches the other, which is only a miss).
 */
export function rememberDistribution(
  raw: ArrayLike<unknown>,
  rawWeights: ArrayLike<unknown> | undefined,
  key: string,
  d: Distribution,
  known?: string,
): void {
  if (!cacheable(raw, rawWeights)) return;
  let byWeights = cache.get(raw);
  if (!byWeights) cache.set(raw, (byWeights = new WeakMap()));
  const k = rawWeights ?? UNWEIGHTED;
  let byKey = byWeights.get(k);
  if (!byKey) byWeights.set(k, (byKey = new Map()));
  byKey.set(key, { fingerprint: known ?? fingerprint(raw, rawWeights), distribution: d });
}

/** Small inputs gain nothing worth the memory; only arrays have an identity to key on. */
function cacheable(raw: ArrayLike<unknown>, rawWeights: ArrayLike<unknown> | undefined): boolean {
  return raw.length >= 4096 && typeof raw === 'object' && (rawWeights === undefined || typeof rawWeights === 'object');
}

const scratch = new Float64Array(1);
const scratchWords = new Int32Array(scratch.buffer);

/**
 * A 64-bit hash (two 32-bit lanes) of a column's contents and length. Typed arrays are hashed
 * from their bytes; other arrays element by element (numbers by their bits, other values by type
 * and text).
 */
export function fingerprint(raw: ArrayLike<unknown>, rawWeights?: ArrayLike<unknown>): string {
  const a = hashColumn(raw, 0x2545f491, 0x9e3779b9);
  const b = rawWeights ? hashColumn(rawWeights, a[0], a[1]) : a;
  return `${raw.length}:${b[0]}:${b[1]}`;
}

function hashColumn(raw: ArrayLike<unknown>, seed1: number, seed2: number): [number, number] {
  let h1 = seed1 | 0;
  let h2 = seed2 | 0;
  if (ArrayBuffer.isView(raw) && raw.byteOffset % 4 === 0 && raw.byteLength % 4 === 0) {
    const words = new Int32Array(raw.buffer, raw.byteOffset, raw.byteLength >> 2);
    const n = words.length;
    // four independent lanes, so the multiplications of neighbouring words overlap
    let h3 = h1 ^ 0x27d4eb2f;
    let h4 = h2 ^ 0x165667b1;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      h1 = Math.imul(h1 ^ words[i]!, 0x85ebca6b);
      h2 = Math.imul(h2 ^ words[i + 1]!, 0xc2b2ae35);
      h3 = Math.imul(h3 ^ words[i + 2]!, 0x85ebca6b);
      h4 = Math.imul(h4 ^ words[i + 3]!, 0xc2b2ae35);
      h1 = (h1 << 13) | (h1 >>> 19);
      h2 = (h2 << 17) | (h2 >>> 15);
      h3 = (h3 << 13) | (h3 >>> 19);
      h4 = (h4 << 17) | (h4 >>> 15);
    }
    for (; i < n; i++) h1 = Math.imul(h1 ^ words[i]!, 0x85ebca6b);
    h1 = Math.imul(h1 ^ ((h3 << 7) | (h3 >>> 25)), 0x9e3779b1);
    h2 = Math.imul(h2 ^ ((h4 << 11) | (h4 >>> 21)), 0x9e3779b1);
  } else {
    for (let i = 0; i < raw.length; i++) {
      const v = raw[i];
      let lo: number;
      let hi: number;
      if (typeof v === 'number') {
        scratch[0] = v;
        lo = scratchWords[0]!;
        hi = scratchWords[1]!;
      } else {
        const s = typeof v === 'string' ? v : `${typeof v}:${String(v)}`;
        lo = 0x5bd1e995;
        for (let k = 0; k < s.length; k++) lo = Math.imul(lo ^ s.charCodeAt(k), 0x01000193);
        hi = s.length ^ 0x7fffffff;
      }
      h1 = Math.imul(h1 ^ lo, 0x85ebca6b);
      h1 = (h1 << 13) | (h1 >>> 19);
      h2 = Math.imul(h2 ^ hi ^ h1, 0xc2b2ae35);
      h2 = (h2 << 17) | (h2 >>> 15);
    }
  }
  // final avalanche
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ raw.length;
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35) ^ h1;
  return [h1 >>> 0, h2 >>> 0];
}
