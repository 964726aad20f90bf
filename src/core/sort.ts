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
