import { type MeasureInfo, incompleteBeta, normalQuantile, studentTQuantile } from '../core/index.js';

/**
 * How the confidence interval of an estimate is formed:
 * - `'normal'`: θ ± z·se (Wald);
 * - `'percentile'`: quantiles of the bootstrap replicates;
 * - `'logit'`: for proportions, the Wald interval on the logit scale mapped back,
 *   expit(logit p ± z·se / (p(1 − p))): always inside (0, 1). R survey::svyciprop(method = "logit");
 * - `'korn-graubard'`: for proportions, the Clopper–Pearson interval with the effective sample size
 *   n* = p(1 − p)/se² (times a degrees-of-freedom factor): inside [0, 1], and defined at p = 0 or 1.
 *   R survey::svyciprop(method = "beta"); Korn & Graubard (1998), Survey Methodology 24(2).
 */
export type IntervalMethod = 'normal' | 'percentile' | 'logit' | 'korn-graubard';

/**
 * Whether a measure with these options estimates a proportion (a share of people, in [0, 1]):
 * the headcount ratio (povertyRate), the at-risk-of-poverty rate, and FGT with α = 0.
 */
export function isProportion(info: MeasureInfo, options: Record<string, unknown>): boolean {
  return info.name === 'headcount' || info.name === 'arpr' || (info.name === 'fgt' && options.alpha === 0);
}

const expit = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Logit interval of a proportion: expit(logit p̂ ± z·se/(p̂(1 − p̂))), the delta-method interval on
 * the logit scale (as R survey::svyciprop's default, which fits the intercept-only quasibinomial
 * svyglm; its coefficient's standard error is se/(p̂(1 − p̂))). Undefined at p̂ = 0 or 1 and for
 * se = 0: the caller falls back to {@link kornGraubardInterval} there.
 */
export function logitInterval(p: number, se: number, level: number): [number, number] {
  const z = normalQuantile(1 - (1 - level) / 2);
  const l = Math.log(p / (1 - p));
  const s = se / (p * (1 - p));
  return [expit(l - z * s), expit(l + z * s)];
}

/**
 * Korn–Graubard interval: the Clopper–Pearson (exact binomial) interval at the effective sample
 * size n* = p̂(1 − p̂)/se² · (t_{α/2, n−1} / t_{α/2, df})², as R survey::svyciprop(method = "beta"):
 * [Beta⁻¹(α/2; n*p̂, n*(1 − p̂) + 1), Beta⁻¹(1 − α/2; n*p̂ + 1, n*(1 − p̂))], with Beta⁻¹(·; 0, b) = 0 and
 * Beta⁻¹(·; a, 0) = 1. Where p̂(1 − p̂)/se² is undefined (p̂ = 0 or 1, or se = 0) n* is the
 * number of units n, as Korn & Graubard (1998) advise: one household with p̂ = 1 gives [0.025, 1].
 *
 * @param n units measured (the unweighted sample size of the domain)
 * @param df design degrees of freedom (PSUs − strata), or Infinity to skip the factor
 */
export function kornGraubardInterval(p: number, se: number, n: number, level: number, df = Infinity): [number, number] {
  const alpha = 1 - level;
  let nEff = p > 0 && p < 1 && se > 0 ? (p * (1 - p)) / (se * se) : n;
  if (p > 0 && p < 1 && se > 0 && Number.isFinite(df) && df >= 1 && n > 1) {
    nEff *= (studentTQuantile(alpha / 2, n - 1) / studentTQuantile(alpha / 2, df)) ** 2;
  }
  const x = nEff * p;
  const lower = x <= 0 ? 0 : betaQuantile(alpha / 2, x, nEff - x + 1);
  const upper = nEff - x <= 0 ? 1 : betaQuantile(1 - alpha / 2, x + 1, nEff - x);
  return [lower, upper];
}

/** Quantile of the Beta(a, b) distribution: the x in [0, 1] with I_x(a, b) = q, by bisection. */
export function betaQuantile(q: number, a: number, b: number): number {
  if (q <= 0) return 0;
  if (q >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The interval of a proportion by the chosen method. `'logit'` falls back to Korn–Graubard
 * where the logit is undefined (p̂ = 0 or 1, or se = 0), and says so in `method`.
 */
export function proportionInterval(
  method: 'logit' | 'korn-graubard',
  p: number,
  se: number,
  n: number,
  level: number,
  df = Infinity,
): { ci: [number, number]; method: 'logit' | 'korn-graubard' } {
  if (method === 'logit' && p > 0 && p < 1 && se > 0) return { ci: logitInterval(p, se, level), method };
  return { ci: kornGraubardInterval(p, se, n, level, df), method: 'korn-graubard' };
}
