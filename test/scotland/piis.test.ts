import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { childPovertyTargets, datasetPath, piis, piisPersistent, readCSV, piisCatalog, piisTable, targetsProgress, threeYearAverages } from '../../src/index.js';

const thrown = (f: () => unknown) => {
  try { f(); } catch (e) { return e as Error & { code: string }; }
  return undefined;
};
type Row = Record<string, any>;
const find = (t: aq.ColumnTable, where: Row) =>
  (t.objects() as Row[]).filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));

describe('piis loader', () => {
  const three = piis();
  const one = piis({ averaging: 'single-year' });
  it('has the documented columns', () => {
    expect(three.columnNames()).toEqual([
      'averaging', 'period', 'year', 'measure', 'basis', 'group', 'rate', 'rate_flag', 'composition', 'number', 'number_flag', 'sample_size',
    ]);
  });
  it('published headlines (PIIS 2019-22, March 2023)', () => {
    // "21% of people (1.11 million) were in relative poverty after housing costs" (table 1a/1c 2019-22)
    const all = find(three, { period: '2019-22', measure: 'relative', basis: 'AHC', group: 'All people' })[0]!;
    expect(all.rate).toBe(0.2054327);
    expect(all.number).toBe(1110000);
    expect(all.year).toBe(2022);
    // "24% of children (250,000) were in relative poverty after housing costs"
    const ch = find(three, { period: '2019-22', measure: 'relative', basis: 'AHC', group: 'Children' })[0]!;
    expect(ch.rate).toBe(0.2447318);
    expect(ch.number).toBe(250000);
    expect(ch.sample_size).toBe(1000);
  });
  it('agrees with the headline extract for every rate and number', () => {
    // datasets/piis2023_headline_poverty_and_inequality.csv was derived separately from the same workbooks
    const h = (readCSV(datasetPath('piis2023_headline_poverty_and_inequality.csv'), { autoType: false }).objects() as Row[])
      .filter((r) => ['relative', 'absolute', 'severe'].includes(r.measure));
    const idx = new Map([...(three.objects() as Row[]), ...(one.objects() as Row[])].map((r) => [`${r.averaging}|${r.period}|${r.measure}|${r.basis}|${r.group}`, r]));
    let checked = 0;
    for (const r of h) {
      const got = idx.get(`${r.averaging === '3-year average' ? '3-year' : 'single-year'}|${r.period}|${r.measure}|${r.housing_costs}|${r.group}`)!;
      expect(got).toBeDefined();
      const num = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
      expect(got.rate).toBe(num(r.rate));
      expect(got.number).toBe(num(r.number));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
  it('keeps 2020/21 as a flagged gap, never drops it', () => {
    const gap = find(one, { period: '2020/21', measure: 'relative', basis: 'BHC' });
    expect(gap).toHaveLength(4);
    for (const r of gap) {
      expect(r.rate).toBeNull();
      expect(r.rate_flag).toBe('[x]');
    }
  });
  it('the combined measure (children, new measure): AHC is the statutory one (the Act, s. 7(1)), BHC also loaded', () => {
    // PIIS 2019-22 table 7a, "New measure, after housing costs" 2019-22: 0.105203; "before": 0.1016574
    const ahc = find(three, { period: '2019-22', measure: 'combined', basis: 'AHC' })[0]!;
    expect(ahc.group).toBe('Children');
    expect(ahc.rate).toBe(0.105203);
    const c = find(three, { period: '2019-22', measure: 'combined', basis: 'BHC' })[0]!;
    expect(c.rate).toBe(0.1016574);
    expect(c.sample_size).toBe(1000);
  });
  it('pensioner material deprivation', () => {
    expect(find(one, { period: '2021/22', measure: 'material-deprivation' })[0]!.rate).toBe(0.0433107);
  });
  it('tables and catalog', () => {
    expect(piisTable('54a').numRows()).toBeGreaterThan(10);
    expect(piisCatalog().numRows()).toBe(341);
    expect(thrown(() => piisTable('99z'))!.message).toMatch(/no PIIS table "99z".*piisCatalog/);
    expect(thrown(() => piis({ averaging: '5-year' as never }))!.message).toMatch(/'3-year' or 'single-year'/);
  });
  it('normalises the one typo flag', () => {
    const t = piisTable('13e').objects() as Row[];
    expect(t.some((r) => r.flag === '[low]')).toBe(true);
    expect(t.every((r) => r.flag === null || /^\[(x|u|b|low)\]$/.test(r.flag))).toBe(true);
  });
});

describe('threeYearAverages reproduces the published PIIS three-year series', () => {
  const one = piis({ averaging: 'single-year' }).filter((d: Row) => d.measure === 'relative' || d.measure === 'absolute' || d.measure === 'severe');
  const mine = threeYearAverages(one);
  const published = new Map((piis().objects() as Row[]).map((r) => [`${r.period}|${r.measure}|${r.basis}|${r.group}`, r]));
  it('every rate of sheets 1-6, 1994-97 to 2019-22 (to the 7 significant digits stored)', () => {
    let n = 0;
    for (const r of mine.objects() as Row[]) {
      const p = published.get(`${r.period}|${r.measure}|${r.basis}|${r.group}`);
      if (!p || p.rate === null) continue;
      expect(Math.abs(r.rate - p.rate)).toBeLessThan(2e-7);
      n++;
    }
    expect(n).toBe(6 * 4 * 26); // 6 series × 4 groups × 26 periods
  });
  it('2018-21 and 2019-22 average two years (2020/21 left out), by hand', () => {
    const get = (period: string) => find(mine, { period, measure: 'relative', basis: 'AHC', group: 'Children' })[0]!;
    // single years (table 1a, Children): 2018/19 0.2290552, 2019/20 0.2637305, 2021/22 0.2257331
    expect(get('2019-22').rate).toBeCloseTo((0.2637305 + 0.2257331) / 2, 12);
    expect(get('2019-22').years).toBe(2);
    expect(get('2018-21').rate).toBeCloseTo((0.2290552 + 0.2637305) / 2, 12);
    // sample sizes are pooled: 2019-22 children in 1d = 1000 published
    expect(get('2019-22').sample_size).toBe(1000);
  });
  it('sample sizes are the pooled sums PIIS publishes', () => {
    for (const r of mine.objects() as Row[]) {
      const p = published.get(`${r.period}|${r.measure}|${r.basis}|${r.group}`);
      if (p && p.sample_size !== null) expect(r.sample_size).toBe(p.sample_size);
    }
  });
  it('options and errors', () => {
    const t = aq.table({ year: [2001, 2002, 2003, 2004], x: [1, 2, null, 7] });
    const out = threeYearAverages(t, { mean: ['x'], by: [] }).objects() as Row[];
    // 2000-03: 2001 1, 2002 2, 2003 missing → 1.5 over 2 years; 2001-04: 2, missing, 7 → 4.5
    expect(out.map((r) => [r.period, r.x, r.years])).toEqual([['2000-03', 1.5, 2], ['2001-04', 4.5, 2]]);
    const strict = threeYearAverages(t, { mean: ['x'], by: [], minYears: 3 }).objects() as Row[];
    expect(strict.map((r) => r.x)).toEqual([null, null]);
    expect(thrown(() => threeYearAverages(aq.table({ year: [2001, 2001], rate: [1, 2] }), { by: [] }))!.message).toMatch(/two rows for year 2001.*\{ by \}/);
    expect(thrown(() => threeYearAverages(aq.table({ year: ['2021/22'], rate: [1] })))!.message).toMatch(/"year".*row 0/);
  });
});

describe('childPovertyTargets', () => {
  it('the Act’s interim and final targets', () => {
    const t = childPovertyTargets().objects() as Row[];
    expect(t).toHaveLength(8);
    const get = (measure: string, kind: string) => t.find((r) => r.measure === measure && r.kind === kind)!.target;
    // Child Poverty (Scotland) Act 2017 s. 2(2) (interim, 2023/24) and s. 1(2) (final, 2030/31);
    // the measures are ss. 3–6 (relative, absolute, combined, persistent)
    expect([get('relative', 'interim'), get('absolute', 'interim'), get('combined', 'interim'), get('persistent', 'interim')]).toEqual([0.18, 0.14, 0.08, 0.08]);
    expect([get('relative', 'final'), get('absolute', 'final'), get('combined', 'final'), get('persistent', 'final')]).toEqual([0.1, 0.05, 0.05, 0.05]);
    expect(t[0]).toEqual({ measure: 'relative', target_year: 2024, period: '2023/24', kind: 'interim', target: 0.18 });
  });
});

describe('piisPersistent: PIIS 2019-22 persistent poverty workbook', () => {
  const rows = piisPersistent().objects() as Row[];
  it('children AHC and BHC, as published (tables 2a, 2b)', () => {
    // PIIS 2019-22 persistent poverty workbook, table 2a (Children): 2017-2021 AHC 0.18, BHC 0.09;
    // 2015-2019 AHC 0.19; table 2b sample 382 children in 2017-2021
    const get = (period: string, basis: string) => rows.find((r) => r.group === 'Children' && r.period === period && r.basis === basis)!;
    expect(get('2017-2021', 'AHC')).toMatchObject({ year: 2021, measure: 'persistent', rate: 0.18, sample_size: 382 });
    expect(get('2017-2021', 'BHC').rate).toBe(0.09);
    expect(get('2015-2019', 'AHC').rate).toBe(0.19);
    // four groups × eight periods × two bases
    expect(rows).toHaveLength(64);
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['All people', 'Children', 'Working-age adults', 'Pensioners']));
  });
});

// The Act's targets are after housing costs: Child Poverty (Scotland) Act 2017, s. 7(1) ("the
// deductions to be made in calculating net household income include housing costs"; Explanatory
// Notes para 19). targetsProgress therefore reads AHC rates by default.
describe('targetsProgress reads the statutory AHC basis (Child Poverty (Scotland) Act 2017, s. 7(1))', () => {
  const progress = targetsProgress(piis()).objects() as Row[];
  const get = (measure: string, kind: string) => progress.find((r) => r.measure === measure && r.kind === kind)!;
  it('s. 7(1): latest figures are the 2019-22 AHC child rates (relative 24.5%, absolute 20.8%, combined 10.5%)', () => {
    // PIIS 2019-22 three-year averages, Children, 2019-22: table 1a (relative AHC) 0.2447318,
    // table 2a (absolute AHC) 0.2081898, table 7a ("New measure, after housing costs") 0.105203
    expect(get('relative', 'interim')).toMatchObject({ period: '2019-22', year: 2022, rate: 0.2447318, basis: 'AHC', statutory: true, target: 0.18 });
    expect(get('relative', 'final')).toMatchObject({ rate: 0.2447318, target: 0.1 });
    expect(get('absolute', 'interim')).toMatchObject({ rate: 0.2081898, target: 0.14 });
    expect(get('absolute', 'final')).toMatchObject({ rate: 0.2081898, target: 0.05 });
    expect(get('combined', 'interim')).toMatchObject({ rate: 0.105203, target: 0.08 });
    expect(get('combined', 'final')).toMatchObject({ rate: 0.105203, target: 0.05 });
    expect(progress.some((r) => r.measure === 'persistent')).toBe(false); // persistent poverty is a separate workbook
  });
  it('s. 7(1): all four targets with the persistent poverty series', () => {
    const four = targetsProgress(piis().concat(piisPersistent())).objects() as Row[];
    // persistent, children, AHC, 2017-2021: 0.18 (persistent poverty workbook, table 2a)
    const p = four.find((r) => r.measure === 'persistent' && r.kind === 'interim')!;
    expect(p).toMatchObject({ period: '2017-2021', year: 2021, rate: 0.18, target: 0.08, basis: 'AHC', statutory: true, met: false });
    expect(new Set(four.map((r) => r.measure))).toEqual(new Set(['relative', 'absolute', 'combined', 'persistent']));
  });
  it('distances and change needed, by hand', () => {
    // relative: 0.2447318 − 0.18 = 0.0647318 above the interim target; 2 years left → −0.0323659 a year
    expect(get('relative', 'interim').distance).toBeCloseTo(0.0647318, 12);
    expect(get('relative', 'interim').years_left).toBe(2);
    expect(get('relative', 'interim').change_needed).toBeCloseTo(-0.0323659, 12);
    // relative final: 0.2447318 − 0.10 = 0.1447318; 9 years → −0.1447318 / 9 a year
    expect(get('relative', 'final').distance).toBeCloseTo(0.1447318, 12);
    expect(get('relative', 'final').change_needed).toBeCloseTo(-0.1447318 / 9, 12);
    // absolute: 0.2081898 − 0.14 = 0.0681898; − 0.05 = 0.1581898
    expect(get('absolute', 'interim').distance).toBeCloseTo(0.0681898, 12);
    expect(get('absolute', 'final').distance).toBeCloseTo(0.1581898, 12);
    // combined: 0.105203 − 0.08 = 0.025203; − 0.05 = 0.055203
    expect(get('combined', 'interim').distance).toBeCloseTo(0.025203, 12);
    expect(get('combined', 'final').distance).toBeCloseTo(0.055203, 12);
    for (const r of progress) expect(r.met).toBe(false);
  });
  it('recent trend: least-squares slope over the last 5 years, by hand', () => {
    // relative AHC children, 3-year averages (PIIS table 1a), periods ending 2018..2022:
    // 0.2419675, 0.2322733, 0.2428384, 0.2463928, 0.2447318 (datasets/piis2023_3yr_values.csv)
    const y = [0.2419675, 0.2322733, 0.2428384, 0.2463928, 0.2447318];
    // x centred: −2, −1, 0, 1, 2; Σx² = 10
    const b = (-2 * y[0]! - y[1]! + y[3]! + 2 * y[4]!) / 10;
    const p = get('relative', 'final');
    expect(p.recent_change).toBeCloseTo(b, 12);
    expect(p.projected).toBeCloseTo(0.2447318 + 9 * b, 12);
    expect(p.on_track).toBe(0.2447318 + 9 * b < 0.1);
  });
  it('a hand-made series with CIs, met and on track', () => {
    const t = aq.table({ year: [2019, 2020, 2021, 2022], measure: ['absolute', 'absolute', 'absolute', 'absolute'], rate: [0.2, 0.17, 0.14, 0.11], ci_lower: [0, 0, 0, 0.09], ci_upper: [1, 1, 1, 0.13] });
    const r = targetsProgress(t).objects() as Row[];
    const interim = r.find((x) => x.kind === 'interim')!;
    // no basis column: basis and statutory are unknown (null)
    expect(interim).toMatchObject({ rate: 0.11, ci_lower: 0.09, ci_upper: 0.13, met: true, period: null, basis: null, statutory: null });
    expect(interim.recent_change).toBeCloseTo(-0.03, 12);
    const final = r.find((x) => x.kind === 'final')!;
    // 0.11 − 0.03 × 9 < 0.05 → on track; needed (0.05 − 0.11) / 9
    expect(final.on_track).toBe(true);
    expect(final.change_needed).toBeCloseTo(-0.06 / 9, 12);
  });
  it('BHC only on request, and labelled as not the statutory measure; errors', () => {
    const bhc = targetsProgress(piis(), { basis: 'BHC' }).objects() as Row[];
    // PIIS 2019-22 table 4a (relative BHC, Children, 2019-22): 0.2248279
    expect(bhc.find((r) => r.measure === 'relative')).toMatchObject({ rate: 0.2248279, basis: 'BHC', statutory: false });
    expect(thrown(() => targetsProgress(aq.table({ year: [2020], measure: ['gini'], rate: [0.3] })))!.message).toMatch(/no rates for relative/);
    expect(thrown(() => targetsProgress(aq.table({ year: [2020, 2020], measure: ['relative', 'relative'], rate: [0.3, 0.2] })))!.message).toMatch(/more than one rate for year 2020/);
  });
});
