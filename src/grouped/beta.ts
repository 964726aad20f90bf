import { incompleteBeta, logGamma } from '../core/index.js';
import type { GroupedDistribution } from './grouped-data.js';
import { leastSquares } from './least-squares.js';
import { type LorenzCheck, type LorenzFit, type LorenzPoverty, rSquared, sseOf } from './lorenz-fit.js';
import { checkNormal } from './quadratic.js';

/**
 * B(x; a, b) = ∫₀ˣ t^(a−1)(1 − t)^(b−1) dt, the unnormalized incomplete beta function, for a > 0 and
 * 0 ≤ x < 1 (b may be ≤ 0: the integrand is finite on [0, x]). Uses the regularized function
 * when b > 0, else the series Σₖ (1 − b)ₖ/k! · x^(a+k)/(a + k).
 */
export function incompleteBetaIntegral(x: number, a: number, b: number): number {
  if (!(a > 0) || !(x >= 0) || !(x < 1)) return NaN;
  if (x === 0) return 0;
  if (b > 0) return incompleteBeta(x, a, b) * Math.exp(logGamma(a) + logGamma(b) - logGamma(a + b));
  let term = 1; // (1 − b)_k / k!
  let s = 0;
  let xk = Math.pow(x, a);
  for (let k = 0; k < 100000; k++) {
    const add = (term * xk) / (a + k);
    s += add;
    if (Math.abs(add) < 1e-17 * Math.abs(s)) break;
    term *= (k + 1 - b) / (k + 1);
    xk *= x;
  }
  return s;
}

/**
 * The Beta Lorenz curve of Kakwani (1980) as used by Datt (1998) and the World Bank:
 * L(p) = p − θ p^γ (1 − p)^δ.
 *
 * Fitted by least squares of ln(p − L) on a constant, ln p and ln(1 − p) over the group points other
 * than the last (θ = exp of the constant; Datt 1998, eq. 4; World Bank `create_functional_form_lb`).
 * L(0) = 0 and L(1) = 1 hold by construction (γ, δ > 0). Validity as the World Bank checks it
 * (`check_curve_validity_lb`): L′(p) ≥ 0 at p = 0.001 and 0.051 (the bottom of the curve rises) and
 * L″(p) = θp^γ(1 − p)^δ[γ(1 − γ)/p² + 2γδ/(p(1 − p)) + δ(1 − δ)/(1 − p)²] ≥ 0 at p = 0.001, 0.051, …,
 * 0.951 (convexity; Datt 1998, Table 2).
 */
export class BetaLorenz implements LorenzFit {
  readonly form = 'beta' as const;
  readonly theta: number;
  readonly gamma: number;
  readonly delta: number;
  readonly parameters: Readonly<Record<string, number>>;
  readonly checks: readonly LorenzCheck[];
  readonly valid: boolean;
  sse = NaN;
  r2 = NaN;

  constructor(theta: number, gamma: number, delta: number, extra: readonly LorenzCheck[] = []) {
    this.theta = theta;
    this.gamma = gamma;
    this.delta = delta;
    this.parameters = { theta, gamma, delta };
    let minSlope = Infinity;
    for (const p of [0.001, 0.051]) minSlope = Math.min(minSlope, this.slope(p));
    let minCurvature = Infinity;
    for (let k = 0; k < 20; k++) minCurvature = Math.min(minCurvature, this.curvature(0.001 + 0.05 * k));
    this.checks = [
      { name: 'L(0) = 0, L(1) = 1', condition: 'γ > 0, δ > 0', passed: gamma > 0 && delta > 0, value: Math.min(gamma, delta) },
      { name: "L'(0+) ≥ 0", condition: "L'(p) ≥ 0 at p = 0.001, 0.051", passed: minSlope >= 0, value: minSlope },
      { name: "L''(p) ≥ 0 on (0, 1)", condition: "L''(p) ≥ 0 at p = 0.001, 0.051, …, 0.951", passed: minCurvature >= 0, value: minCurvature },
      ...extra,
    ];
    this.valid = this.checks.every((k) => k.passed);
  }

  /** Fits the curve to a grouped distribution. */
  static fit(g: GroupedDistribution): BetaLorenz {
    const X: number[][] = [];
    const y: number[] = [];
    let equal = 0;
    for (let i = 0; i < g.n - 1; i++) if (!(g.p[i]! > g.L[i]!)) equal++;
    if (equal > 0) {
      // ln(p − L) is undefined where a group point lies on the line of equality
      const fit = new BetaLorenz(NaN, NaN, NaN, [
        { name: 'fit', condition: 'p > L at every group point below the top (ln(p − L) is regressed)', passed: false, value: equal },
      ]);
      fit.sse = NaN;
      return fit;
    }
    for (let i = 0; i < g.n - 1; i++) {
      const p = g.p[i]!;
      const L = g.L[i]!;
      y.push(Math.log(p - L));
      X.push([1, Math.log(p), Math.log(1 - p)]);
    }
    const { beta, rss } = leastSquares(X, y);
    const fit = new BetaLorenz(Math.exp(beta[0]!), beta[1]!, beta[2]!);
    fit.sse = sseOf((p) => fit.lorenz(p), g.p, g.L);
    fit.r2 = rSquared(y, rss);
    return fit;
  }

  lorenz(p: number): number {
    if (p <= 0) return 0;
    if (p >= 1) return 1;
    return p - this.theta * Math.pow(p, this.gamma) * Math.pow(1 - p, this.delta);
  }

  slope(p: number): number {
    const { theta, gamma, delta } = this;
    return 1 - theta * Math.pow(p, gamma) * Math.pow(1 - p, delta) * (gamma / p - delta / (1 - p));
  }

  /** L″(p). */
  curvature(p: number): number {
    const { theta, gamma, delta } = this;
    return (
      theta *
      Math.pow(p, gamma) *
      Math.pow(1 - p, delta) *
      ((gamma * (1 - gamma)) / (p * p) + (2 * gamma * delta) / (p * (1 - p)) + (delta * (1 - delta)) / ((1 - p) * (1 - p)))
    );
  }

  /** Gini of the fitted curve: G = 2θ B(1 + γ, 1 + δ), B the beta function (Datt 1998, Table 1). */
  gini(): number {
    const { theta, gamma, delta } = this;
    return 2 * theta * Math.exp(logGamma(1 + gamma) + logGamma(1 + delta) - logGamma(2 + gamma + delta));
  }

  /**
   * The headcount H solves L′(H) = z/μ, i.e. θH^γ(1 − H)^δ[γ/H − δ/(1 − H)] = 1 − z/μ, found by
   * bracketing on a grid and bisection–Newton to machine precision; PG = H − (μ/z)L(H);
   * P₂ = (1 − μ/z)[2PG − (1 − μ/z)H] + θ²(μ/z)²[γ²B(H; 2γ−1, 2δ+1) − 2γδB(H; 2γ, 2δ) + δ²B(H; 2γ+1, 2δ−1)]
   * with B(x; a, b) the incomplete beta integral (Datt 1998, Table 1). The severity needs γ > ½.
   */
  poverty(ratio: number): LorenzPoverty {
    const H = this.headcount(ratio);
    if (!(H >= 0 && H <= 1)) {
      return { headcount: NaN, povertyGap: NaN, povertySeverity: NaN, normal: false, problem: `no p in (0, 1) has slope L'(p) = z/μ = ${ratio} on the Beta curve` };
    }
    if (H === 0) return { headcount: 0, povertyGap: 0, povertySeverity: 0, normal: true };
    const { theta, gamma, delta } = this;
    const u = 1 / ratio;
    const pg = H - u * this.lorenz(H);
    const b1 = incompleteBetaIntegral(H, 2 * gamma - 1, 2 * delta + 1);
    const b2 = incompleteBetaIntegral(H, 2 * gamma, 2 * delta);
    const b3 = incompleteBetaIntegral(H, 2 * gamma + 1, 2 * delta - 1);
    const p2 = (1 - u) * (2 * pg - (1 - u) * H) + theta * theta * u * u * (gamma * gamma * b1 - 2 * gamma * delta * b2 + delta * delta * b3);
    if (!(gamma > 0.5)) {
      return { headcount: H, povertyGap: pg, povertySeverity: NaN, normal: false, problem: `the Beta curve's γ = ${gamma} ≤ ½, for which the severity integral diverges` };
    }
    return checkNormal(H, pg, p2, 'Beta');
  }

  /** H with L′(H) = ratio; 0 when the curve's slope is above the ratio everywhere it is defined. */
  headcount(ratio: number): number {
    const f = (p: number) => this.slope(p) - ratio;
    // the slope rises along a convex curve: find the first grid cell where f changes sign
    const N = 2000;
    let lo = NaN;
    let hi = NaN;
    let prev = f(1e-9);
    if (prev >= 0) return 0;
    for (let k = 1; k <= N; k++) {
      const p = k === N ? 1 - 1e-12 : k / N;
      const v = f(p);
      if (v >= 0) {
        lo = k === 1 ? 1e-9 : (k - 1) / N;
        hi = p;
        break;
      }
      prev = v;
    }
    if (Number.isNaN(lo)) return NaN;
    for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) < 0) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }
}
