import { describe, expect, it } from 'vitest';
import { fitLorenz, groupedData } from '../../src/index.js';
import { BetaLorenz, QuadraticLorenz, selectForPoverty, selectForDistribution } from '../../src/grouped/index.js';

// PIP-Technical-Team/wbpip tests (tests/testthat/test-gd_compute_pip_stats_lq.R, commit 00c523f;
// test-gd_estimate_lb.R, commit c418eef; test-gd_select_lorenz.R, commit 3b7dff7): a 10-group example
// from the PovcalNet calculator, mean 51.5660557757944, line 1.9·365/12 = 57.791666666666664.
const population = [0.0005, 0.0032, 0.014799999999999999, 0.0443, 0.0991, 0.257, 0.4385, 0.5938, 0.7089, 1];
const welfare = [
  5.824760527229386e-5, 0.000604029410841011, 0.0037949334793616948, 0.013988878652244477, 0.036992164583098786,
  0.12140708906131342, 0.24531391873082081, 0.37446670169288321, 0.48753116241194566, 1,
];
const mean = 51.5660557757944;
const line = 57.791666666666664;
const g = groupedData({ p: population, L: welfare }, { cumulativePopulation: 'p', cumulativeIncome: 'L', mean });

describe('World Bank wbpip test values', () => {
  it('General Quadratic: parameters, key values, poverty, Gini, median and deciles', () => {
    const q = fitLorenz(g, 'quadratic') as QuadraticLorenz;
    // A, B, C the tests pass in as the fit of these data; e, m, n, r, s1, s2 their key values
    expect(q.a).toBeCloseTo(0.795981535745657, 12);
    expect(q.b).toBeCloseTo(-1.4445933880119242, 12);
    expect(q.c).toBeCloseTo(0.14728191995919815, 12);
    const k = new QuadraticLorenz(0.795981535745657, -1.4445933880119242, 0.14728191995919815);
    expect(k.e).toBeCloseTo(-0.498670067692931, 15);
    expect(k.m).toBeCloseTo(-1.0970760862948583, 15);
    expect(k.n).toBeCloseTo(0.851623285340541, 15);
    expect(k.r).toBeCloseTo(1.3477796260474386, 15);
    expect(k.s1).toBeCloseTo(-0.22612667749534146, 15);
    expect(k.s2).toBeCloseTo(1.002393060455814, 15);
    const pov = k.poverty(line / mean);
    // headcount compared to 7 places in wbpip ("(double)(float)" in the .NET original)
    expect(pov.headcount).toBeCloseTo(0.76005810499191284, 7);
    expect(pov.povertyGap).toBeCloseTo(0.27617606019159308, 13);
    expect(pov.povertySeverity).toBeCloseTo(0.12832887439632906, 13);
    expect(k.gini()).toBeCloseTo(0.32126464221602591, 13); // a + c < 1: Gini is 1 − 2∫L, not Datt's a + c ≥ 1 form
    expect(mean * k.slope(0.5)).toBeCloseTo(42.247782467994874, 11); // median
    const deciles = [0.037459351271787455, 0.050102491249992831, 0.060098424008397155, 0.0689612882777707, 0.077549299610190137, 0.086590868400210574, 0.097034440897180829, 0.11071235633968635, 0.13305852826044706, 0.2784329516843369];
    deciles.forEach((d, i) => expect((i === 9 ? 1 : k.lorenz((i + 1) / 10)) - (i === 0 ? 0 : k.lorenz(i / 10))).toBeCloseTo(d, 13));
    expect(q.valid).toBe(true);
  });

  it('Beta: parameters, poverty, curvature (DDLK), median and deciles', () => {
    const b = fitLorenz(g, 'beta') as BetaLorenz;
    expect(b.theta).toBeCloseTo(0.57803721740313529, 12);
    expect(b.gamma).toBeCloseTo(0.94205090386544987, 12);
    expect(b.delta).toBeCloseTo(0.52578600019473676, 12);
    const k = new BetaLorenz(0.57803721740313529, 0.94205090386544987, 0.52578600019473676);
    const pov = k.poverty(line / mean);
    expect(pov.headcount).toBeCloseTo(0.71833938360214233, 6); // wbpip: tolerance 1e-6 (rtsafe to 1e-4)
    expect(pov.povertyGap).toBeCloseTo(0.27137498479545558, 8);
    expect(pov.povertySeverity).toBeCloseTo(0.12933674851941607, 9);
    expect(k.curvature(0.001)).toBeCloseTo(47.919869915279428, 11); // DDLK(0.001)
    expect(mean * k.slope(0.5)).toBeCloseTo(42.594731176686537, 11);
    const deciles = [0.0375048593336125, 0.0496360493447891, 0.058713139008492066, 0.067752312054008029, 0.077419347133837746, 0.0883101840173634, 0.10132910544405782, 0.11835493348127901, 0.14500186589082675, 0.25597820429173357];
    deciles.forEach((d, i) => expect((i === 9 ? 1 : k.lorenz((i + 1) / 10)) - (i === 0 ? 0 : k.lorenz(i / 10))).toBeCloseTo(d, 13));
    // wbpip's Beta Gini 0.31236656171451094 is a Simpson rule; povineq's is 2θB(1+γ, 1+δ)
    let s = 0;
    const N = 400_000;
    for (let i = 0; i < N; i++) s += k.lorenz((i + 0.5) / N);
    expect(k.gini()).toBeCloseTo(1 - (2 * s) / N, 8);
    expect(Math.abs(k.gini() - 0.31236656171451094)).toBeLessThan(3e-6);
  });

  it('validity checks flag the fits wbpip calls invalid', () => {
    // check_curve_validity_lb: both invalid
    expect(new BetaLorenz(1.5059569306828811, 1.2068983362374488, 0.60013901263412039).valid).toBe(false);
    const b = new BetaLorenz(1, 0.3, 0.2);
    expect(b.valid).toBe(false);
    expect(b.checks.find((c) => !c.passed)!.name).toBe("L'(0+) ≥ 0");
    // gd_estimate_lq "invalid fit": c < 0
    const q = new QuadraticLorenz(0.78554131924835879, -1.9856022109519547, -0.30597079435662672);
    expect(q.valid).toBe(false);
    expect(q.checks.filter((c) => !c.passed).map((c) => c.condition)).toContain('c ≥ 0');
  });

  it('the selection rule: every case of wbpip use_lq_for_poverty', () => {
    // [Qv, Bv, Qc, Bc] → uses GQ? (test-gd_select_lorenz.R; ties and SSEz cases with ssez 2 vs 1)
    const cases: [boolean, boolean, boolean, boolean, boolean][] = [
      [true, true, true, true, false], // 15: LB has the smaller SSEz
      [true, false, true, true, true], [true, true, true, false, true], [true, false, true, false, true],
      [false, true, true, true, false], [true, true, false, true, false], [false, false, true, true, false],
      [false, true, false, true, false], [false, false, true, true, false], [false, false, true, false, true],
      [false, false, false, true, false], [false, false, false, false, true], [true, true, false, false, true],
      [true, false, false, true, false], [true, false, false, false, true], [false, true, true, false, true],
      [false, true, false, false, false],
    ];
    for (const [qv, bv, qc, bc, lq] of cases) {
      const s = selectForPoverty({ valid: qv, normal: qc, sse: 0, ssez: 2 }, { valid: bv, normal: bc, sse: 0, ssez: 1 });
      expect(s.form, `Qv ${qv} Bv ${bv} Qc ${qc} Bc ${bc}`).toBe(lq ? 'quadratic' : 'beta');
    }
    // flag 15 and 3 with the GQ fitting better up to the headcount
    expect(selectForPoverty({ valid: true, normal: true, sse: 0, ssez: 1 }, { valid: true, normal: true, sse: 0, ssez: 2 }).form).toBe('quadratic');
    expect(selectForPoverty({ valid: false, normal: true, sse: 0, ssez: 1 }, { valid: false, normal: true, sse: 0, ssez: 2 }).form).toBe('quadratic');
    // use_lq_for_distributional
    const d = (qv: boolean, bv: boolean, qs = 1, bs = 2) => selectForDistribution({ valid: qv, normal: true, sse: qs, ssez: 0 }, { valid: bv, normal: true, sse: bs, ssez: 0 }).form;
    expect(d(true, true)).toBe('quadratic');
    expect(d(true, true, 3, 2)).toBe('beta');
    expect(d(true, false)).toBe('quadratic');
    expect(d(false, true)).toBe('beta');
    expect(d(false, false)).toBeNull();
  });
});
