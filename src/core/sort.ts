/**
 * Stable ascending argsort of finite doubles: returns the permutation `order` such that
 * `values[order[0]] <= values[order[1]] <= …`, with ties kept in input order.
 *
 * Large inputs use a least-significant-digit radix sort on the IEEE-754 bit patterns
 * (11-bit digits, passes with a single bucket skipped), which is linear in n and several
 * times faster than a comparison sort of indices. The input is not modified.
 */
export function argsort(values: Float64Array): Uint32Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2 || isSorted(values)) return order;
  if (n <= 2048) {
    order.sort((a, b) => values[a]! - values[b]! || a - b);
    return order;
  }
  return radixArgsort(values);
}

/** True when the values are already in ascending order. */
export function isSorted(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i]! < values[i - 1]!) return false;
  return true;
}

const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const MASK = BUCKETS - 1;

function radixArgsort(values: Float64Array): Uint32Array {
  const n = values.length;
  // Map each double to an unsigned 64-bit key (as hi/lo 32-bit halves) that sorts like the number:
  // flip every bit of negatives, flip only the sign bit of non-negatives. -0 is treated as +0.
  const bits = new Uint32Array(2);
  const f = new Float64Array(bits.buffer);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    f[0] = values[i] === 0 ? 0 : values[i]!;
    const h = bits[1]!;
    const l = bits[0]!;
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
    idx[i] = i;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let idx2 = new Uint32Array(n);
  const counts = new Uint32Array(BUCKETS);
  // 64 bits in 11-bit digits: 6 passes (bit offsets 0, 11, 22 of lo/hi combined key).
  for (let pass = 0; pass < 6; pass++) {
    const shift = pass * DIGIT_BITS;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[digit(lo[i]!, hi[i]!, shift)]!++;
    // skip passes where every key has the same digit
    let single = false;
    for (let b = 0; b < BUCKETS; b++) {
      if (counts[b] === n) { single = true; break; }
      if (counts[b] !== 0) break;
    }
    if (single) continue;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const l = lo[i]!;
      const h = hi[i]!;
      const pos = counts[digit(l, h, shift)]!++;
      lo2[pos] = l;
      hi2[pos] = h;
      idx2[pos] = idx[i]!;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/** The 11-bit digit of the 64-bit key (hi:lo) starting at bit `shift`. */
function digit(lo: number, hi: number, shift: number): number {
  if (shift + DIGIT_BITS <= 32) return (lo >>> shift) & MASK;
  if (shift >= 32) return (hi >>> (shift - 32)) & MASK;
  // digit straddles the two halves (shift 22: bits 22..32)
  return ((lo >>> shift) | (hi << (32 - shift))) & MASK;
}

/** Values, weights and input positions in ascending order of value (ties in input order). */
export interface SortedWeighted {
  values: Float64Array;
  weights: Float64Array;
  /** Input position of each sorted unit. */
  order: Int32Array;
  /**
   * Scratch buffers of the sort (length n, contents meaningless) that the caller may reuse instead
   * of allocating: at millions of rows, first-touch page faults of fresh arrays cost as much as a pass.
   */
  spare?: Float64Array[];
}

/** Below this size a comparison sort of indices is as fast and simpler. */
const SMALL = 2048;

/**
 * Stable ascending sort of finite doubles carrying their weights and input positions: the same
 * order as {@link argsort} (ties kept in input order, -0 read as 0 and returned as 0), returned as
 * new arrays. The inputs are not modified; without `weights` every weight is 1.
 *
 * Large inputs avoid random-access gathers, which dominate at millions of rows (each costs a cache
 * and TLB miss): values, weights and positions travel together through a least-significant-digit
 * radix sort on the upper 32 bits of the IEEE-754 key (sign, exponent and 20 mantissa bits; at most
 * three passes of 8, 8 and 16 bits, single-bucket passes skipped). Units that share those bits — values within
 * a relative 2⁻²⁰ of each other — are then put in order by an insertion pass, which is linear
 * unless many distinct values share a key; past a budget of moves it falls back to a comparison sort.
 */
export function sortWeighted(values: Float64Array, weights?: Float64Array): SortedWeighted {
  const n = values.length;
  if (n <= SMALL || isSorted(values)) return gather(values, weights, argsort(values));
  return radixSortWeighted(values, weights);
}

function gather(values: Float64Array, weights: Float64Array | undefined, order: ArrayLike<number>): SortedWeighted {
  const n = values.length;
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const o = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i]!;
    const x = values[k]!;
    v[i] = x === 0 ? 0 : x;
    w[i] = weights ? weights[k]! : 1;
    o[i] = k;
  }
  return { values: v, weights: w, order: o };
}

/** Upper 32 bits of the order-preserving 64-bit key of a double given as (hi, lo) words; -0 as +0. */
function upperKey(h: number, l: number): number {
  if (h & 0x80000000) return h === 0x80000000 && l === 0 ? 0x80000000 : ~h >>> 0;
  return (h | 0x80000000) >>> 0;
}

/**
 * Digits of the 32-bit upper key, least significant first: two 8-bit digits, then the top 16 bits
 * (sign, exponent and 4 mantissa bits). The low digits change on every unit, and 256 buckets per
 * pass keep the scattered writes within the caches and TLB; the top digit takes few distinct
 * values on real incomes (a few per power of two), so its 65,536 buckets are mostly empty and the
 * pass is cheap.
 */
const PASS_SHIFT = [0, 8, 16] as const;
const PASS_BITS = [8, 8, 16] as const;
const PASS_OFFSET = [0, 256, 512] as const;

function radixSortWeighted(values: Float64Array, weights: Float64Array | undefined): SortedWeighted {
  const n = values.length;
  const input = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const counts = new Uint32Array(512 + 65536);
  for (let i = 0; i < n; i++) {
    const k = upperKey(input[2 * i + 1]!, input[2 * i]!);
    counts[k & 0xff]!++;
    counts[256 + ((k >>> 8) & 0xff)]!++;
    counts[512 + (k >>> 16)]!++;
  }
  let vA = new Float64Array(n);
  let wA = new Float64Array(n);
  let oA = new Int32Array(n);
  let vB = new Float64Array(n);
  let wB = new Float64Array(n);
  let oB = new Int32Array(n);
  let first = true;
  for (let pass = 0; pass < 3; pass++) {
    const off = PASS_OFFSET[pass]!;
    const shift = PASS_SHIFT[pass]!;
    const buckets = 1 << PASS_BITS[pass]!;
    const mask = buckets - 1;
    let single = false;
    for (let b = 0; b < buckets; b++) {
      const c = counts[off + b]!;
      if (c === n) { single = true; break; }
      if (c !== 0) break;
    }
    if (single) continue;
    let sum = 0;
    for (let b = 0; b < buckets; b++) {
      const c = counts[off + b]!;
      counts[off + b] = sum;
      sum += c;
    }
    if (first) {
      // read the caller's arrays, write the first buffers
      for (let i = 0; i < n; i++) {
        const k = upperKey(input[2 * i + 1]!, input[2 * i]!);
        const at = counts[off + ((k >>> shift) & mask)]!++;
        const x = values[i]!;
        vA[at] = x === 0 ? 0 : x;
        wA[at] = weights ? weights[i]! : 1;
        oA[at] = i;
      }
      first = false;
    } else {
      const u = new Uint32Array(vA.buffer);
      for (let i = 0; i < n; i++) {
        const k = upperKey(u[2 * i + 1]!, u[2 * i]!);
        const at = counts[off + ((k >>> shift) & mask)]!++;
        vB[at] = vA[i]!;
        wB[at] = wA[i]!;
        oB[at] = oA[i]!;
      }
      [vA, vB] = [vB, vA];
      [wA, wB] = [wB, wA];
      [oA, oB] = [oB, oA];
    }
  }
  // every unit shares its upper key when no pass ran
  const out = settle(first ? gather(values, weights, identity(n)) : { values: vA, weights: wA, order: oA });
  out.spare = [vB, wB];
  return out;
}

function identity(n: number): Int32Array {
  const o = new Int32Array(n);
  for (let i = 0; i < n; i++) o[i] = i;
  return o;
}

/**
 * Insertion pass that finishes a sort whose units are already in order up to values sharing an
 * upper key. Moves only past strictly greater values, so ties keep their order. Falls back to a
 * stable comparison sort when the moves exceed a linear budget.
 */
function settle(s: SortedWeighted): SortedWeighted {
  const { values: v, weights: w, order: o } = s;
  const n = v.length;
  const budget = 8 * n + 1024;
  let moves = 0;
  for (let i = 1; i < n; i++) {
    const x = v[i]!;
    if (x >= v[i - 1]!) continue;
    const wi = w[i]!;
    const oi = o[i]!;
    let j = i;
    while (j > 0 && v[j - 1]! > x) {
      v[j] = v[j - 1]!;
      w[j] = w[j - 1]!;
      o[j] = o[j - 1]!;
      j--;
    }
    v[j] = x;
    w[j] = wi;
    o[j] = oi;
    moves += i - j;
    if (moves > budget) {
      const perm = Array.from(identity(n)).sort((a, b) => v[a]! - v[b]! || o[a]! - o[b]!);
      const out = gather(v, w, perm);
      for (let k = 0; k < n; k++) out.order[k] = o[perm[k]!]!;
      return out;
    }
  }
  return s;
}
