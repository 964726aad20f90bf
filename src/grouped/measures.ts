import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { requireLine } from '../core/index.js';
import { BetaLorenz } from './beta.js';
import type { GroupedDistribution } from './grouped-data.js';
import { type LorenzFit, type LorenzForm, type LorenzPoverty, sseUpTo } from './lorenz-fit.js';
import { QuadraticLorenz } from './quadratic.js';
import { selectForDistribution, selectForPoverty } from './select.js';

/** Which fitted curve to use: `'auto'` (default) applies the World Bank's selection rule. */
export type FormOption = 'auto' | LorenzForm;

/** Options of the poverty measures from grouped data. */
export interface GroupedPovertyOptions {
  /** Poverty line, in the units of the grouped distribution's `mean`. */
  line: number;
  /** `'auto'` (default), `'quadratic'` or `'beta'`. */
  form?: FormOption;
  /** With a forced `form`, return its estimate even if the curve fails a validity check. */
  allowInvalid?: boolean;
}

/** Options of the distributional measures from grouped data. */
export interface GroupedDistributionOptions {
  form?: FormOption;
  allowInvalid?: boolean;
}

const cache = new WeakMap<GroupedDistribution, { quadratic: QuadraticLorenz; beta: BetaLorenz }>();

/**
 * Fits the General Quadratic or the Beta Lorenz curve to a grouped distribution (Datt 1998), with
 * its validity checks. See {@link QuadraticLorenz} and {@link BetaLorenz}.
 *
 * @example
 * fitLorenz(g, 'beta').parameters // { theta, gamma, delta }
 */
export function fitLorenz(g: GroupedDistribution, form: LorenzForm): LorenzFit {
  let fits = cache.get(g);
  if (!fits) {
    fits = { quadratic: QuadraticLorenz.fit(g), beta: BetaLorenz.fit(g) };
    cache.set(g, fits);
  }
  if (form !== 'quadratic' && form !== 'beta') {
    throw new PovineqError('INVALID_OPTION', `form must be 'quadratic' or 'beta', got ${JSON.stringify(form)}`, { option: 'form' });
  }
  return fits[form];
}

/** The failed checks of a fit, as text: `"L(1) = 1 (a + c ≥ 1 …; value 0.85)"`. */
export function failedChecks(fit: LorenzFit): string {
  // when the regression itself failed, the other checks only restate it with NaN
  const failed = fit.checks.filter((k) => !k.passed);
  const fitFailed = failed.filter((k) => k.name === 'fit');
  return (fitFailed.length > 0 ? fitFailed : failed)
    .map((k) => `${k.name} (${k.condition}; value ${k.value})`)
    .join('; ');
}

const formName = (f: LorenzForm) => (f === 'quadratic' ? 'General Quadratic' : 'Beta');

/**
 * The two fitted Lorenz curves of a grouped distribution as an Arquero table, one row per form:
 * `form`, the parameters (`a`, `b`, `c` for `quadratic`; `theta`, `gamma`, `delta` for `beta`; null
 * otherwise), `sse`, `r2` (of the fitting regression), `gini`, `valid` and `failed_checks` (the
 * validity conditions the fit fails, empty when valid).
 *
 * @example
 * lorenzFits(groupedData(datt, { cumulativePopulation: 'cum_pop_share', cumulativeIncome: 'cum_welfare_share' }))
 */
export function lorenzFits(g: GroupedDistribution): ColumnTable {
  const q = fitLorenz(g, 'quadratic') as QuadraticLorenz;
  const b = fitLorenz(g, 'beta') as BetaLorenz;
  return aq.table({
    form: ['quadratic', 'beta'],
    a: [q.a, null],
    b: [q.b, null],
    c: [q.c, null],
    theta: [null, b.theta],
    gamma: [null, b.gamma],
    delta: [null, b.delta],
    sse: [q.sse, b.sse],
    r2: [q.r2, b.r2],
    gini: [q.gini(), b.gini()],
    valid: [q.valid, b.valid],
    failed_checks: [failedChecks(q), failedChecks(b)],
  });
}

interface Assessed {
  fit: LorenzFit;
  poverty: LorenzPoverty;
  ssez: number;
}

function assess(g: GroupedDistribution, form: LorenzForm, ratio: number): Assessed {
  const fit = fitLorenz(g, form);
  const poverty = fit.poverty(ratio);
  const ssez = Number.isFinite(poverty.headcount) ? sseUpTo(fit, g.p, g.L, Math.min(1, poverty.headcount)) : NaN;
  return { fit, poverty, ssez };
}

/**
 * Poverty from grouped data at a line, from both fitted Lorenz curves, as an Arquero table with one
 * row per form: `form`, `headcount`, `poverty_gap`, `poverty_severity` (fractions), `gini`, `valid`,
 * `normal` (a usable poverty estimate), `sse`, `ssez` (squared residuals up to the headcount),
 * `selected` (the curve the World Bank rule, or a forced `form`, picks), `reason`, `failed_checks`,
 * `problem`, `line` and `mean`.
 *
 * The measures are Datt's (1998) closed forms for each curve at z/μ: see {@link QuadraticLorenz}
 * and {@link BetaLorenz}.
 *
 * @example
 * groupedPovertyTable(g, { line: 89 }).filter((d) => d.selected)
 */
export function groupedPovertyTable(g: GroupedDistribution, options: GroupedPovertyOptions): ColumnTable {
  const line = requireLine(options, 'groupedPoverty');
  const mean = g.requireMean('groupedPoverty');
  const forms: LorenzForm[] = ['quadratic', 'beta'];
  const rows = forms.map((f) => assess(g, f, line / mean));
  const chosen = choose(rows[0]!, rows[1]!, options);
  return aq.table({
    form: forms,
    headcount: rows.map((r) => r.poverty.headcount),
    poverty_gap: rows.map((r) => r.poverty.povertyGap),
    poverty_severity: rows.map((r) => r.poverty.povertySeverity),
    gini: rows.map((r) => r.fit.gini()),
    valid: rows.map((r) => r.fit.valid),
    normal: rows.map((r) => r.poverty.normal),
    sse: rows.map((r) => r.fit.sse),
    ssez: rows.map((r) => r.ssez),
    selected: forms.map((f) => f === chosen.form),
    reason: forms.map((f) => (f === chosen.form ? chosen.reason : '')),
    failed_checks: rows.map((r) => failedChecks(r.fit)),
    problem: rows.map((r) => r.poverty.problem ?? ''),
    line: forms.map(() => line),
    mean: forms.map(() => mean),
  });
}

function choose(q: Assessed, b: Assessed, options: { form?: FormOption; allowInvalid?: boolean }): { form: LorenzForm; reason: string } {
  const form = options.form ?? 'auto';
  if (form === 'auto') {
    const s = selectForPoverty(
      { valid: q.fit.valid, normal: q.poverty.normal, sse: q.fit.sse, ssez: q.ssez },
      { valid: b.fit.valid, normal: b.poverty.normal, sse: b.fit.sse, ssez: b.ssez },
    );
    return s;
  }
  if (form !== 'quadratic' && form !== 'beta') {
    throw new PovineqError('INVALID_OPTION', `form must be 'auto', 'quadratic' or 'beta', got ${JSON.stringify(form)}`, { option: 'form' });
  }
  return { form, reason: `the ${formName(form)} curve, as requested` };
}

/** Headcount, gap and severity from the selected curve, as numbers, with the curve used. */
export interface GroupedPoverty {
  headcount: number;
  povertyGap: number;
  povertySeverity: number;
  form: LorenzForm;
  reason: string;
}

/**
 * Poverty measures from grouped data at a line, from the curve the World Bank rule selects (or a
 * forced `form`). Errors — naming the failed validity checks of each curve — when no curve gives a
 * usable estimate, or when a forced curve fails its checks (pass `allowInvalid: true` to accept it,
 * or leave `form: 'auto'` to fall back to the other curve).
 *
 * @example
 * groupedPoverty(g, { line: 89 }) // { headcount, povertyGap, povertySeverity, form, reason }
 */
export function groupedPoverty(g: GroupedDistribution, options: GroupedPovertyOptions): GroupedPoverty {
  const line = requireLine(options, 'groupedPoverty');
  const mean = g.requireMean('groupedPoverty');
  const q = assess(g, 'quadratic', line / mean);
  const b = assess(g, 'beta', line / mean);
  const chosen = choose(q, b, options);
  const use = chosen.form === 'quadratic' ? q : b;
  const forced = (options.form ?? 'auto') !== 'auto';
  if (forced && !use.fit.valid && !options.allowInvalid) {
    throw new PovineqError(
      'INVALID_FIT',
      `the ${formName(use.fit.form)} Lorenz curve fitted to these groups fails ${failedChecks(use.fit)}; ` +
        `leave { form: 'auto' } to fall back to the other curve by the World Bank rule, or pass { allowInvalid: true } to use it anyway`,
      { form: use.fit.form, option: 'form' },
    );
  }
  if (!use.poverty.normal) {
    throw new PovineqError(
      'INVALID_FIT',
      `no usable poverty estimate at line ${line}: General Quadratic — ${q.poverty.problem ?? 'normal'}${q.fit.valid ? '' : `; fails ${failedChecks(q.fit)}`}; ` +
        `Beta — ${b.poverty.problem ?? 'normal'}${b.fit.valid ? '' : `; fails ${failedChecks(b.fit)}`}`,
      { line },
    );
  }
  return { headcount: use.poverty.headcount, povertyGap: use.poverty.povertyGap, povertySeverity: use.poverty.povertySeverity, form: chosen.form, reason: chosen.reason };
}

/**
 * The fitted curve for distributional measures (Gini, shares, quantiles): by the World Bank rule
 * (`'auto'`: the valid curve, or the one with smaller SSE if both are), or a forced `form`. Errors
 * naming the failed checks when the curve to use is invalid (unless `allowInvalid: true`, which then
 * takes the smaller-SSE curve).
 */
export function distributionFit(g: GroupedDistribution, options: GroupedDistributionOptions = {}): LorenzFit {
  const q = fitLorenz(g, 'quadratic');
  const b = fitLorenz(g, 'beta');
  const form = options.form ?? 'auto';
  if (form === 'auto') {
    const s = selectForDistribution({ valid: q.valid, normal: true, sse: q.sse, ssez: NaN }, { valid: b.valid, normal: true, sse: b.sse, ssez: NaN });
    if (s.form) return s.form === 'quadratic' ? q : b;
    if (options.allowInvalid) return q.sse <= b.sse ? q : b;
    throw new PovineqError(
      'INVALID_FIT',
      `neither Lorenz curve fitted to these groups is valid: General Quadratic fails ${failedChecks(q)}; Beta fails ${failedChecks(b)}; ` +
        `pass { allowInvalid: true } to use the better-fitting one anyway, or { method: 'linear' } where interpolation is offered`,
      { option: 'allowInvalid' },
    );
  }
  const fit = fitLorenz(g, form);
  if (!fit.valid && !options.allowInvalid) {
    throw new PovineqError(
      'INVALID_FIT',
      `the ${formName(form)} Lorenz curve fitted to these groups fails ${failedChecks(fit)}; leave { form: 'auto' } to fall back to the other curve, ` +
        `or pass { allowInvalid: true }`,
      { form, option: 'form' },
    );
  }
  return fit;
}

/**
 * Gini coefficient from grouped data: 1 − 2∫L of the fitted curve chosen by the World Bank rule
 * (or a forced `form`). A fraction.
 *
 * @example
 * groupedGini(g) // 0.2890 for Datt's rural India 1983 (General Quadratic)
 */
export function groupedGini(g: GroupedDistribution, options: GroupedDistributionOptions = {}): number {
  return distributionFit(g, options).gini();
}

/**
 * Quantile of income at p from grouped data: μ·L′(p) on the fitted curve (World Bank rule, or a
 * forced `form`). Needs the grouped distribution's `mean`.
 *
 * @example
 * groupedQuantile(g, { p: 0.5 }) // the median
 */
export function groupedQuantile(g: GroupedDistribution, options: GroupedDistributionOptions & { p: number }): number {
  const p = options?.p;
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    throw new PovineqError('INVALID_OPTION', `groupedQuantile: p must be in (0, 1), got ${JSON.stringify(p)}`, { option: 'p' });
  }
  return g.requireMean('groupedQuantile') * distributionFit(g, options).slope(p);
}
