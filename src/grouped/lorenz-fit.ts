/** One of the conditions a fitted Lorenz curve must meet to be a valid Lorenz curve. */
export interface LorenzCheck {
  /** What the condition secures, e.g. `L(0) = 0`. */
  name: string;
  /** The condition on the parameters, e.g. `e < 0`. */
  condition: string;
  passed: boolean;
  /** The quantity tested, for messages. */
  value: number;
}

/** Poverty measures from a fitted Lorenz curve at one line, with whether they are usable. */
export interface LorenzPoverty {
  headcount: number;
  povertyGap: number;
  povertySeverity: number;
  /** True when 0 ≤ severity ≤ gap ≤ headcount ≤ 1 were computed (the World Bank's "normal"). */
  normal: boolean;
  /** Why the estimate is not normal, if it is not. */
  problem?: string;
}

/** The two parametric Lorenz curves of Datt (1998) and the World Bank's grouped-data tools. */
export type LorenzForm = 'quadratic' | 'beta';

/** A parametric Lorenz curve fitted to grouped data. */
export interface LorenzFit {
  form: LorenzForm;
  /** `{ a, b, c }` (General Quadratic) or `{ theta, gamma, delta }` (Beta). */
  parameters: Readonly<Record<string, number>>;
  /** Datt's validity conditions, each with its outcome. */
  checks: readonly LorenzCheck[];
  /** All checks passed. */
  valid: boolean;
  /** Σ (Lᵢ − L̂(pᵢ))² over the group points. */
  sse: number;
  /** R² of the fitting regression. */
  r2: number;
  /** Fitted Lorenz curve L(p). */
  lorenz(p: number): number;
  /** Its slope L′(p) = quantile at p divided by the mean. */
  slope(p: number): number;
  /** Gini coefficient of the fitted curve, 1 − 2∫L. */
  gini(): number;
  /** Headcount, poverty gap and severity for a line expressed as a multiple of the mean, z/μ. */
  poverty(lineOverMean: number): LorenzPoverty;
}

/** Sum of squared Lorenz residuals for the points with p < H, plus the next point (World Bank SSEz). */
export function sseUpTo(fit: LorenzFit, p: Float64Array, L: Float64Array, headcount: number): number {
  let s = 0;
  let i = 0;
  for (; i < p.length && p[i]! < headcount; i++) s += (L[i]! - fit.lorenz(p[i]!)) ** 2;
  if (i < p.length) s += (L[i]! - fit.lorenz(p[i]!)) ** 2;
  return s;
}

/** Σ (Lᵢ − L̂(pᵢ))² over all points. */
export function sseOf(lorenz: (p: number) => number, p: Float64Array, L: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (L[i]! - lorenz(p[i]!)) ** 2;
  return s;
}

/** R² of a regression of y with residual sum of squares rss (centred total sum of squares). */
export function rSquared(y: number[], rss: number): number {
  const m = y.reduce((a, b) => a + b, 0) / y.length;
  const tss = y.reduce((s, v) => s + (v - m) ** 2, 0);
  return 1 - rss / tss;
}
