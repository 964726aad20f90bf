import { logGamma, normalCdf, normalQuantile } from '../core/index.js';

/**
 * Shapiro–Wilk W and its p-value by Royston's (1995) algorithm AS R94, as R's shapiro.test
 * (3 ≤ n ≤ 5000). Reference: Royston (1995), Applied Statistics 44(4), 547–551.
 */
export function shapiroWilk(values: ArrayLike<number>): { statistic: number; p: number } {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  if (n < 3 || n > 5000 || x[n - 1]! - x[0]! === 0) return { statistic: NaN, p: NaN };
  const half = Math.floor(n / 2);
  const a = new Float64Array(half + 1); // a[1..half], the coefficients of the upper half
  if (n === 3) a[1] = Math.SQRT1_2;
  else {
    const m = new Float64Array(half + 1);
    let summ2 = 0;
    for (let i = 1; i <= half; i++) {
      m[i] = normalQuantile((i - 0.375) / (n + 0.25));
      summ2 += m[i]! ** 2;
    }
    summ2 *= 2;
    const ssumm2 = Math.sqrt(summ2);
    const rsn = 1 / Math.sqrt(n);
    const a1 = poly([0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056], rsn) - m[1]! / ssumm2;
    let first: number;
    let fac: number;
    if (n > 5) {
      first = 3;
      const a2 = -m[2]! / ssumm2 + poly([0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633], rsn);
      fac = Math.sqrt((summ2 - 2 * m[1]! ** 2 - 2 * m[2]! ** 2) / (1 - 2 * a1 ** 2 - 2 * a2 ** 2));
      a[2] = a2;
    } else {
      first = 2;
      fac = Math.sqrt((summ2 - 2 * m[1]! ** 2) / (1 - 2 * a1 ** 2));
    }
    a[1] = a1;
    for (let i = first; i <= half; i++) a[i] = -m[i]! / fac;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let ss = 0;
  let ax = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  for (let i = 1; i <= half; i++) ax += a[i]! * (x[n - i]! - x[i - 1]!);
  const w = Math.min((ax * ax) / ss, 1);
  return { statistic: w, p: shapiroP(w, n) };
}

function shapiroP(w: number, n: number): number {
  if (n === 3) return Math.max(0, Math.min(1, (6 / Math.PI) * (Math.asin(Math.sqrt(w)) - Math.PI / 3)));
  let y = Math.log(1 - w);
  let mu: number;
  let sigma: number;
  if (n <= 11) {
    const gamma = poly([-2.273, 0.459], n);
    if (y >= gamma) return 1e-99;
    y = -Math.log(gamma - y);
    mu = poly([0.544, -0.39978, 0.025054, -6.714e-4], n);
    sigma = Math.exp(poly([1.3822, -0.77857, 0.062767, -0.0020322], n));
  } else {
    const ln = Math.log(n);
    mu = poly([-1.5861, -0.31082, -0.083751, 0.0038915], ln);
    sigma = Math.exp(poly([-0.4803, -0.082676, 0.0030302], ln));
  }
  return 1 - normalCdf((y - mu) / sigma);
}

/** c₀ + c₁x + c₂x² + … */
function poly(c: number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i]!;
  return s;
}

/** Moment skewness m₃/m₂^{3/2} and kurtosis m₄/m₂² (3 for a normal distribution). */
export function moments(values: ArrayLike<number>): { skewness: number; kurtosis: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const z = values[i]! - mean;
    m2 += z * z;
    m3 += z ** 3;
    m4 += z ** 4;
  }
  m2 /= n;
  return { skewness: m3 / n / m2 ** 1.5, kurtosis: m4 / n / (m2 * m2) };
}

/** Upper tail of the χ² distribution, P(X > x) for X ~ χ²(df): the regularized gamma Q(df/2, x/2). */
export function chiSquareUpper(x: number, df: number): number {
  if (!(x > 0)) return 1;
  const a = df / 2;
  const z = x / 2;
  const lead = Math.exp(-z + a * Math.log(z) - logGamma(a));
  if (z < a + 1) {
    // series for P(a, z)
    let term = 1 / a;
    let sum = term;
    for (let k = 1; k < 10000; k++) {
      term *= z / (a + k);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return 1 - sum * lead;
  }
  // Lentz continued fraction for Q(a, z)
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return lead * h;
}
