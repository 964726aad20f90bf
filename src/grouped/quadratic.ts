import type { GroupedDistribution } from './grouped-data.js';
import { leastSquares } from './least-squares.js';
import { type LorenzCheck, type LorenzFit, type LorenzPoverty, rSquared, sseOf } from './lorenz-fit.js';

/**
 * The General Quadratic (GQ) Lorenz curve of Villaseñor & Arnold (1989) as used by Datt (1998) and
 * the World Bank (PovcalNet / PIP): L(1 − L) = a(p² − L) + bL(p − 1) + c(p − L), i.e.
 * L(p) = −½[bp + e + √(mp² + np + e²)] with e = −(a + b + c + 1), m = b² − 4a, n = 2be − 4c,
 * r = √(n² − 4me²), s₁ = (r − n)/(2m), s₂ = −(r + n)/(2m).
 *
 * Fitted by least squares (no intercept) of L(1 − L) on (p² − L), L(p − 1), (p − L) over the group
 * points other than the last, (1, 1), which the form passes through (Datt 1998, eq. 2; World Bank
 * `create_functional_form_lq`). Validity (Datt 1998, Table 2): L(0) = 0 ⇔ e < 0; L(1) = 1 ⇔
 * a + c ≥ 1 (taken as ≥ 0.9, the World Bank's tolerance); L′(0+) ≥ 0 ⇔ c ≥ 0; L″ ≥ 0 on (0, 1) ⇔
 * m < 0, or 0 < m < n²/(4e²) with n ≥ 0, or 0 < m < −n/2 with m < n²/(4e²).
 */
export class QuadraticLorenz implements LorenzFit {
  readonly form = 'quadratic' as const;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly e: number;
  readonly m: number;
  readonly n: number;
  readonly r: number;
  readonly s1: number;
  readonly s2: number;
  readonly parameters: Readonly<Record<string, number>>;
  readonly checks: readonly LorenzCheck[];
  readonly valid: boolean;
  sse = NaN;
  r2 = NaN;

  constructor(a: number, b: number, c: number, extra: readonly LorenzCheck[] = []) {
    this.a = a;
    this.b = b;
    this.c = c;
    this.e = -(a + b + c + 1);
    this.m = b * b - 4 * a;
    this.n = 2 * b * this.e - 4 * c;
    this.r = Math.sqrt(this.n * this.n - 4 * this.m * this.e * this.e);
    this.s1 = (this.r - this.n) / (2 * this.m);
    this.s2 = -(this.r + this.n) / (2 * this.m);
    this.parameters = { a, b, c };
    const { e, m, n } = this;
    const bound = (n * n) / (4 * e * e);
    const convex = m < 0 || (m > 0 && m < bound && n >= 0) || (m > 0 && m < -n / 2 && m < bound);
    this.checks = [
      { name: 'L(0) = 0', condition: 'e < 0', passed: e < 0, value: e },
      { name: 'L(1) = 1', condition: 'a + c ≥ 1 (World Bank tolerance: ≥ 0.9)', passed: a + c >= 0.9, value: a + c },
      { name: "L'(0+) ≥ 0", condition: 'c ≥ 0', passed: c >= 0, value: c },
      {
        name: "L''(p) ≥ 0 on (0, 1)",
        condition: 'm < 0; or 0 < m < n²/(4e²), n ≥ 0; or 0 < m < −n/2, m < n²/(4e²)',
        passed: convex,
        value: m,
      },
      ...extra,
    ];
    this.valid = this.checks.every((k) => k.passed);
  }

  /** Fits the curve to a grouped distribution. */
  static fit(g: GroupedDistribution): QuadraticLorenz {
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < g.n - 1; i++) {
      const p = g.p[i]!;
      const L = g.L[i]!;
      y.push(L * (1 - L));
      X.push([p * p - L, L * (p - 1), p - L]);
    }
    const { beta, rss } = leastSquares(X, y);
    const singular = !beta.every(Number.isFinite);
    const fit = new QuadraticLorenz(
      beta[0]!,
      beta[1]!,
      beta[2]!,
      singular ? [{ name: 'fit', condition: 'the regression has a unique solution (groups not all at the same mean)', passed: false, value: NaN }] : [],
    );
    fit.sse = sseOf((p) => fit.lorenz(p), g.p, g.L);
    fit.r2 = rSquared(y, rss);
    return fit;
  }

  lorenz(p: number): number {
    const t = Math.max(0, this.m * p * p + this.n * p + this.e * this.e);
    return -0.5 * (this.b * p + this.e + Math.sqrt(t));
  }

  slope(p: number): number {
    const t = Math.max(0, this.m * p * p + this.n * p + this.e * this.e);
    return -this.b / 2 - (2 * this.m * p + this.n) / (4 * Math.sqrt(t));
  }

  /**
   * Gini of the fitted curve, 1 − 2∫₀¹L(p)dp in closed form: with Q(p) = mp² + np + e² (so √Q(0) = |e|
   * and √Q(1) = |a + c − 1|),
   * G = 1 + b/2 + e + [(2m + n)|a + c − 1| − n|e|]/(4m) − (r²/8m)·∫₀¹ dp/√Q, where the integral is
   * [sin⁻¹(n/r) − sin⁻¹((2m + n)/r)]/√−m for m < 0 and ln[(2m + n + 2√m|a + c − 1|)/(n + 2√m|e|)]/√m
   * for m > 0. This is the World Bank's `gd_compute_gini_lq`; when a + c ≥ 1 it equals Datt (1998,
   * Table 1), e/2 − n(b + 2)/(4m) + r²/(8m√−m)[sin⁻¹((2m + n)/r) − sin⁻¹(n/r)] for m < 0.
   */
  gini(): number {
    const { a, b, c, e, m, n, r } = this;
    const top = Math.abs(a + c - 1);
    const head = 1 + b / 2 + e + ((2 * m + n) * top - n * Math.abs(e)) / (4 * m);
    if (m < 0) {
      const clamp = (x: number) => Math.min(1, Math.max(-1, x));
      return head + ((r * r) / (8 * m * Math.sqrt(-m))) * (Math.asin(clamp((2 * m + n) / r)) - Math.asin(clamp(n / r)));
    }
    const sm = Math.sqrt(m);
    return head - ((r * r) / (8 * m * sm)) * Math.log(Math.abs((2 * m + n + 2 * sm * top) / (n + 2 * sm * Math.abs(e))));
  }

  /**
   * Poverty at line z = ratio·μ (Datt 1998, Table 1): H = −[n + r(b + 2z/μ){(b + 2z/μ)² − m}^(−½)]/(2m);
   * PG = H − (μ/z)L(H); P₂ = 2PG − H − (μ/z)²[aH + bL(H) − (r/16) ln((1 − H/s₁)/(1 − H/s₂))].
   */
  poverty(ratio: number): LorenzPoverty {
    const { a, b, m, n, r, s1, s2 } = this;
    const bz = b + 2 * ratio;
    const H = -(n + (r * bz) / Math.sqrt(bz * bz - m)) / (2 * m);
    if (!(H >= 0 && H <= 1)) {
      return { headcount: H, povertyGap: NaN, povertySeverity: NaN, normal: false, problem: `the headcount from the General Quadratic curve is ${H}, outside [0, 1]` };
    }
    const u = 1 / ratio;
    const LH = this.lorenz(H);
    const pg = H - u * LH;
    const p2 = 2 * pg - H - u * u * (a * H + b * LH - (r / 16) * Math.log((1 - H / s1) / (1 - H / s2)));
    return checkNormal(H, pg, p2, 'General Quadratic');
  }
}

/** The World Bank's "normal" poverty estimate: finite, with 0 ≤ P₂ ≤ PG ≤ H ≤ 1 (to rounding). */
export function checkNormal(H: number, pg: number, p2: number, form: string): LorenzPoverty {
  const eps = 1e-12;
  const ok = [H, pg, p2].every(Number.isFinite) && p2 >= -eps && pg >= p2 - eps && H >= pg - eps && H <= 1 + eps;
  return ok
    ? { headcount: H, povertyGap: pg, povertySeverity: p2, normal: true }
    : {
        headcount: H,
        povertyGap: pg,
        povertySeverity: p2,
        normal: false,
        problem: `the ${form} curve gives headcount ${H}, gap ${pg}, severity ${p2}, which are not ordered 0 ≤ severity ≤ gap ≤ headcount ≤ 1`,
      };
}
