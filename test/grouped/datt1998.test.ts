import { describe, expect, it } from 'vitest';
import {
  datasetPath,
  fitLorenz,
  groupedData,
  groupedGini,
  groupedPoverty,
  groupedPovertyTable,
  groupedQuantile,
  lorenzFits,
  readCSV,
} from '../../src/index.js';
import { BetaLorenz, QuadraticLorenz } from '../../src/grouped/index.js';
import R from '../fixtures/datt1998.json';

// Datt (1998) "Computational Tools for Poverty Measurement and Analysis", IFPRI FCND DP 50: rural
// India 1983 (NSS), 13 groups; mean 109.9 Rs/person/month, poverty line 89 (datasets/PROVENANCE.md).
// The same table is the World Bank's `pip_gd` example in pipster (PIP-Technical-Team/pipster,
// data-raw/pip_gd.R), whose tests (tests/testthat/test-pipgd_dist.R, test-pipgd_pov.R, commit
// 136e84e / 01f9bf6) normalise the mean to 1. Their expected values are copied below with their source.
const datt = readCSV(datasetPath('datt1998_rural_india_1983_grouped.csv'));
const type1 = groupedData(datt, { cumulativePopulation: 'cum_pop_share', cumulativeIncome: 'cum_welfare_share', mean: 109.9 });
const unit = groupedData(datt, { cumulativePopulation: 'cum_pop_share', cumulativeIncome: 'cum_welfare_share', mean: 1 });
const q = fitLorenz(type1, 'quadratic') as QuadraticLorenz;
const b = fitLorenz(type1, 'beta') as BetaLorenz;

describe('Datt (1998) rural India 1983: fitted parameters', () => {
  it('GQ and Beta parameters equal R lm() on the same regressions', () => {
    // test/fixtures/datt1998.json ← test/reference/datt1998.R (base R lm)
    expect(q.a).toBeCloseTo(R.quadratic.a, 12);
    expect(q.b).toBeCloseTo(R.quadratic.b, 12);
    expect(q.c).toBeCloseTo(R.quadratic.c, 12);
    expect(b.theta).toBeCloseTo(R.beta.theta, 12);
    expect(b.gamma).toBeCloseTo(R.beta.gamma, 12);
    expect(b.delta).toBeCloseTo(R.beta.delta, 12);
    expect(q.sse).toBeCloseTo(R.quadratic.sse, 16);
    expect(b.sse).toBeCloseTo(R.beta.sse, 16);
    expect(q.valid && b.valid).toBe(true);
  });

  it('the fitted curves reproduce the World Bank tooling (pipster) to its printed digits', () => {
    // pipster test-pipgd_dist.R, pipgd_welfare_share_at(popshare = c(0.4, 0.7, 1)):
    // lb 0.222132795469908, 0.499669550515477; lq 0.224128492162046, 0.499035579672699
    expect(b.lorenz(0.4)).toBeCloseTo(0.222132795469908, 14);
    expect(b.lorenz(0.7)).toBeCloseTo(0.499669550515477, 14);
    expect(q.lorenz(0.4)).toBeCloseTo(0.224128492162046, 14);
    expect(q.lorenz(0.7)).toBeCloseTo(0.499035579672699, 14);
    // pipgd_welfare_share_at(n = 8), lorenz = "lb" and "lq"
    const lb8 = [0.0500334254250001, 0.119298465024495, 0.203491486891788, 0.303035894959234, 0.41981870625436, 0.557817404318982, 0.726600317579613];
    const lq8 = [0.0509485786496592, 0.120430587750321, 0.205377235320994, 0.305078427620641, 0.420661080404237, 0.555950473802554, 0.722019187706309];
    lb8.forEach((v, k) => expect(b.lorenz((k + 1) / 8)).toBeCloseTo(v, 14));
    lq8.forEach((v, k) => expect(q.lorenz((k + 1) / 8)).toBeCloseTo(v, 14));
    // pipgd_quantile(popshare = c(0.2, 0.4, 0.6, 0.8, 1), mean = 1): quantile = L'(p)
    const lbq = [0.566807360141038, 0.757982268357493, 0.979182129032173, 1.31135609274135];
    const lqq = [0.569781112621993, 0.761773436866965, 0.965764425951865, 1.28614768170655, 5.82699528574873];
    lbq.forEach((v, k) => expect(b.slope(0.2 * (k + 1))).toBeCloseTo(v, 13));
    lqq.forEach((v, k) => expect(q.slope(0.2 * (k + 1))).toBeCloseTo(v, 13));
    expect(groupedQuantile(unit, { p: 0.2, form: 'beta' })).toBeCloseTo(0.566807360141038, 13);
  });
});

describe('Datt (1998) rural India 1983: poverty at z = 89, μ = 109.9', () => {
  it('headcount, gap and severity from each curve', () => {
    // test/fixtures/datt1998.json: R computes the gap from L(H) and the severity by integrate() of
    // (1 − μL′(p)/z)² over [0, H] — the definition, not Datt's closed forms that povineq uses.
    const t = groupedPovertyTable(type1, { line: 89 });
    const row = (form: string) => (t.objects() as Record<string, any>[]).find((r) => r.form === form)!;
    for (const form of ['quadratic', 'beta'] as const) {
      expect(row(form).headcount).toBeCloseTo(R[form].headcount, 12);
      expect(row(form).poverty_gap).toBeCloseTo(R[form].poverty_gap, 12);
      expect(row(form).poverty_severity).toBeCloseTo(R[form].poverty_severity, 11);
      expect(row(form).gini).toBeCloseTo(R[form].gini, 11);
      expect(row(form).valid).toBe(true);
      expect(row(form).normal).toBe(true);
    }
    // both curves valid and normal: World Bank case 15, the smaller SSE up to the headcount decides
    const selected = (t.objects() as Record<string, any>[]).filter((r) => r.selected);
    expect(selected).toHaveLength(1);
    expect(selected[0]!.form).toBe(row('quadratic').ssez <= row('beta').ssez ? 'quadratic' : 'beta');
    expect(selected[0]!.reason).toMatch(/case 15/);
    const p = groupedPoverty(type1, { line: 89 });
    expect(p.form).toBe(selected[0]!.form);
    expect(p.headcount).toBe(selected[0]!.headcount);
  });

  it('the World Bank tooling (pipster) at mean 1: gap at popshare 0.6 and Beta severity at line 1', () => {
    // pipster test-pipgd_pov.R: pipgd_pov_gap_nv(popshare = 0.6, lorenz = "lq") = 0.18981108366762;
    // a popshare sets the line to μ·L′(0.6)
    const lineAt60 = q.slope(0.6);
    expect(groupedPoverty(unit, { line: lineAt60, form: 'quadratic' }).povertyGap).toBeCloseTo(0.18981108366762, 13);
    // pipgd_pov_severity_nv(lorenz = "lb") at the default line 1 = 0.0902182821029137. The World Bank
    // solves for H to 1e-4 (rtsafe) and evaluates the incomplete betas to 3e-7 (Numerical Recipes
    // betacf), so agreement is to about 1e-9.
    expect(groupedPoverty(unit, { line: 1, form: 'beta' }).povertySeverity).toBeCloseTo(0.0902182821029137, 9);
  });

  it('Gini: GQ equals pipster exactly; Beta is exact where the World Bank integrates numerically', () => {
    // pipster test-pipgd_dist.R: gini_wbpip_lq = 0.289017119340459; gini_wbpip_lb = 0.289403872256448.
    expect(groupedGini(unit, { form: 'quadratic' })).toBeCloseTo(0.289017119340459, 14);
    // wbpip's gd_compute_gini_lb is a Simpson rule on 1,000 intervals, whose error here is 6e-7
    // (the Beta curve's slope is infinite at 0); povineq uses 2θB(1 + γ, 1 + δ), checked against R
    // integrate() above. The World Bank's own test accepts 1e-6 (test-gd_compute_pip_stats_lb.R).
    expect(Math.abs(groupedGini(unit, { form: 'beta' }) - 0.289403872256448)).toBeLessThan(1e-6);
    expect(lorenzFits(type1).array('gini')).toEqual([q.gini(), b.gini()]);
  });

  it('the same table read as population shares and group means (type 5) gives the same curves', () => {
    const type5 = groupedData(datt, { populationShare: 'pop_share_pct', groupMean: 'mean_welfare', percent: true, mean: 109.9 });
    const q5 = fitLorenz(type5, 'quadratic') as QuadraticLorenz;
    // L recomputed from W·X differs from the published L by up to 6e-6 (PROVENANCE.md)
    expect(q5.a).toBeCloseTo(q.a, 2);
    expect(groupedPoverty(type5, { line: 89, form: 'quadratic' }).headcount).toBeCloseTo(R.quadratic.headcount, 3);
  });
});
