import { PovineqError } from '../data/index.js';

/**
 * A seeded pseudo-random generator: the only source of randomness in povineq (bootstrap,
 * Monte Carlo intervals, synthetic data). The same seed gives the same sequence on every
 * platform and Node version, because it uses only 32-bit integer arithmetic.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna, 2018) seeded through splitmix32, so that nearby
 * seeds give unrelated streams. Period 2¹²⁸ − 1.
 */
export interface Random {
  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform integer in [0, n), without modulo bias. */
  integer(n: number): number;
  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number;
  /** Exponential deviate with rate 1. */
  exponential(): number;
  /** Poisson deviate with mean λ ≥ 0. */
  poisson(lambda: number): number;
  /** Gamma deviate with shape k > 0 and scale 1 (Marsaglia & Tsang, 2000). */
  gamma(shape: number): number;
  /** Binomial deviate: number of successes in n trials with probability p. */
  binomial(n: number, p: number): number;
  /** An independent generator derived from this one (for parallel streams such as one per replicate). */
  fork(): Random;
}

/**
 * Creates a seeded generator. The seed must be a finite number (integers are typical; it is
 * hashed, so 1 and 2 give unrelated streams).
 *
 * @example
 * const rng = random(20250101);
 * rng.uniform(); rng.normal(); rng.integer(10);
 */
export function random(seed: number): Random {
  return randomFromState(seedState(seed));
}

/** @internal The xoshiro128** state `random(seed)` starts from (four 32-bit words), for loops that inline the generator. */
export function seedState(seed: number): number[] {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new PovineqError('INVALID_OPTION', `seed must be a finite number, got ${JSON.stringify(seed)}`, { option: 'seed' });
  }
  // fold the double's bits into a 32-bit splitmix state
  const f = new Float64Array([seed]);
  const u = new Uint32Array(f.buffer);
  let sm = (u[0]! ^ Math.imul(u[1]!, 0x9e3779b9)) >>> 0;
  const splitmix = () => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [splitmix(), splitmix(), splitmix(), splitmix()];
}

/** @internal A generator from a raw xoshiro128** state (for tests against the reference sequence). */
export function randomFromState(init: number[]): Random & { next32(): number } {
  let [a, b, c, d] = init as [number, number, number, number];
  if ((a | b | c | d) === 0) a = 1;
  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    return result;
  };
  const uniform = (): number => {
    // 53-bit double from two draws
    const hi = next32() >>> 5; // 27 bits
    const lo = next32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  let spare: number | undefined;
  const rng: Random & { next32(): number } = {
    next32,
    uniform,
    integer(n: number): number {
      if (!(n >= 1) || !Number.isInteger(n)) {
        throw new PovineqError('INVALID_OPTION', `random integer range must be a positive whole number, got ${n}`);
      }
      if (n <= 0x100000000) {
        // Lemire-style rejection on 32-bit draws
        const limit = 0x100000000 - (0x100000000 % n);
        for (;;) {
          const x = next32();
          if (x < limit) return x % n;
        }
      }
      return Math.floor(uniform() * n);
    },
    normal(): number {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      for (;;) {
        const u1 = 2 * uniform() - 1;
        const u2 = 2 * uniform() - 1;
        const s = u1 * u1 + u2 * u2;
        if (s > 0 && s < 1) {
          const m = Math.sqrt((-2 * Math.log(s)) / s);
          spare = u2 * m;
          return u1 * m;
        }
      }
    },
    exponential(): number {
      return -Math.log(1 - uniform());
    },
    poisson(lambda: number): number {
      if (!(lambda >= 0) || !Number.isFinite(lambda)) {
        throw new PovineqError('INVALID_OPTION', `poisson mean must be a finite number ≥ 0, got ${lambda}`);
      }
      if (lambda === 0) return 0;
      if (lambda < 30) {
        // Knuth's multiplication method
        const L = Math.exp(-lambda);
        let k = 0;
        let p = 1;
        do {
          k++;
          p *= uniform();
        } while (p > L);
        return k - 1;
      }
      // split into a gamma-distributed waiting time (Ahrens & Dieter's recursive method)
      const m = Math.floor(0.875 * lambda);
      const g = rng.gamma(m);
      return g > lambda ? rng.binomial(m - 1, lambda / g) : m + rng.poisson(lambda - g);
    },
    gamma(shape: number): number {
      if (!(shape > 0) || !Number.isFinite(shape)) {
        throw new PovineqError('INVALID_OPTION', `gamma shape must be a finite number > 0, got ${shape}`);
      }
      if (shape < 1) return rng.gamma(shape + 1) * Math.pow(uniform(), 1 / shape);
      const dd = shape - 1 / 3;
      const cc = 1 / Math.sqrt(9 * dd);
      for (;;) {
        let x: number;
        let v: number;
        do {
          x = rng.normal();
          v = 1 + cc * x;
        } while (v <= 0);
        v = v * v * v;
        const u = uniform();
        if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
        if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
      }
    },
    binomial(n: number, p: number): number {
      if (!(n >= 0) || !Number.isInteger(n) || !(p >= 0 && p <= 1)) {
        throw new PovineqError('INVALID_OPTION', `binomial needs a whole n ≥ 0 and p in [0, 1], got n = ${n}, p = ${p}`);
      }
      if (n < 64) {
        let k = 0;
        for (let i = 0; i < n; i++) if (uniform() < p) k++;
        return k;
      }
      // beta-splitting (Knuth): the median order statistic of n uniforms is Beta(a, b)
      const a = 1 + (n >> 1);
      const b = n + 1 - a;
      const ga = rng.gamma(a);
      const x = ga / (ga + rng.gamma(b));
      return x >= p ? rng.binomial(a - 1, p / x) : a + rng.binomial(b - 1, (p - x) / (1 - x));
    },
    fork(): Random {
      return randomFromState([next32(), next32(), next32(), next32()]);
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
