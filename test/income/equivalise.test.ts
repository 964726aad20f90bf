import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { afterHousingCosts, annualToWeekly, equivalise, hbaiIncomes, weeklyToAnnual } from '../../src/index.js';
import { eusilcHouseholds, thrown } from './helpers.js';

const households = () =>
  aq.table({
    id: [1, 2, 3],
    adults: [2, 1, 1],
    children_14_plus: [1, 0, 1],
    children_under_14: [1, 0, 1],
    income: [612, 335, 480],
    housing: [100, 120, 600],
  });

describe('equivalise', () => {
  it('divides by the HBAI BHC factor by default (hand-worked)', () => {
    const out = equivalise(households(), { income: 'income', factor: 'e' });
    // 612 / 1.53 = 400; 335 / 0.67 = 500; 480 / 1.20 = 400
    expect(Array.from(out.array('e') as number[])).toEqual([0.67 + 0.33 + 0.33 + 0.2, 0.67, 0.67 + 0.33 + 0.2]);
    const y = Array.from(out.array('income_equivalised') as Float64Array);
    expect(y[0]).toBeCloseTo(400, 10);
    expect(y[1]).toBeCloseTo(500, 10);
    expect(y[2]).toBeCloseTo(400, 10);
  });
  it('every scale, named output column', () => {
    const expected: Record<string, number[]> = {
      'hbai-ahc': [612 / 1.62, 335 / 0.58, 480 / 1.2],
      'modified-oecd': [612 / 2.3, 335 / 1, 480 / 1.8],
      'old-oecd': [612 / 2.9, 335 / 1, 480 / 2.2],
      'square-root': [612 / 2, 335 / 1, 480 / Math.sqrt(3)],
    };
    for (const [scale, values] of Object.entries(expected)) {
      const y = equivalise(households(), { income: 'income', scale: scale as never, as: 'y' }).array('y') as Float64Array;
      values.forEach((v, i) => expect(y[i]).toBeCloseTo(v, 10));
    }
  });
  it('reproduces laeken::eqSS (modified OECD) on all 6,000 EU-SILC households', () => {
    // eqSS in the bundled file is laeken's own equivalised household size (1 / 0.5 for 14+ / 0.3).
    const hh = eusilcHouseholds();
    const out = equivalise(hh, { income: 'eqIncome', scale: 'modified-oecd', factor: 'factor' });
    const f = out.array('factor') as Float64Array;
    const ref = out.array('eqSS') as number[];
    let maxDiff = 0;
    for (let i = 0; i < f.length; i++) maxDiff = Math.max(maxDiff, Math.abs(f[i]! - ref[i]!));
    expect(out.numRows()).toBe(6000);
    expect(maxDiff).toBeLessThan(1e-12);
  });
  it('does not change the input and keeps the caller row order', () => {
    const t = households().orderby(aq.desc('id'));
    const before = t.objects();
    const out = equivalise(t, { income: 'income', as: 'y' });
    expect(t.objects()).toEqual(before);
    expect(out.array('id')).toEqual([3, 2, 1]);
    expect((out.array('y') as Float64Array)[2]).toBeCloseTo(400, 10);
  });
  it('keeps negative incomes negative', () => {
    const t = aq.table({ adults: [1], children_14_plus: [0], children_under_14: [0], x: [-67] });
    expect((equivalise(t, { income: 'x', as: 'y' }).array('y') as Float64Array)[0]).toBeCloseTo(-100, 10);
  });
  it('custom column names', () => {
    const t = aq.table({ a: [2], o: [1], u: [1], x: [153] });
    const y = equivalise(t, { income: 'x', adults: 'a', children14Plus: 'o', childrenUnder14: 'u', as: 'y' });
    expect((y.array('y') as Float64Array)[0]).toBeCloseTo(100, 10);
  });
  it('missing incomes: error by default, dropped on request', () => {
    const t = aq.table({ adults: [1, 1, 2], children_14_plus: [0, 0, 0], children_under_14: [0, 0, 0], x: [10, null, 20] });
    const e = thrown(() => equivalise(t, { income: 'x' }))!;
    expect(e.code).toBe('MISSING_VALUE');
    expect(e.message).toMatch(/"x".*1 missing value.*row 1.*missing: 'drop'/);
    const out = equivalise(t, { income: 'x', missing: 'drop', as: 'y' });
    expect(out.numRows()).toBe(2);
    expect(Array.from(out.array('y') as Float64Array)).toEqual([10 / 0.67, 20]);
  });
  it('a household with no adults, negative and non-whole counts', () => {
    const base = { children_14_plus: [0, 0, 0], children_under_14: [0, 2, 0], x: [1, 2, 3] };
    const e1 = thrown(() => equivalise(aq.table({ ...base, adults: [1, 0, 1] }), { income: 'x' }))!;
    expect(e1.code).toBe('INVALID_HOUSEHOLD');
    expect(e1.message).toMatch(/column "adults".*1 household with no adults.*row 1/);
    const e2 = thrown(() => equivalise(aq.table({ ...base, adults: [1, 1, 1], children_under_14: [0, -1, -2] }), { income: 'x' }))!;
    expect(e2.message).toMatch(/column "children_under_14" \(option childrenUnder14\) has 2 negative or non-whole counts \(rows 1, 2\)/);
    const e3 = thrown(() => equivalise(aq.table({ ...base, adults: [1, 1.5, 1] }), { income: 'x' }))!;
    expect(e3.message).toMatch(/row 1/);
  });
  it('a missing count column names the option', () => {
    const e = thrown(() => equivalise(aq.table({ adults: [1], x: [1] }), { income: 'x' }))!;
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.message).toMatch(/"children" \(option children\)/);
  });
});

describe('afterHousingCosts', () => {
  it('AHC = BHC − housing costs, negative results kept', () => {
    const out = afterHousingCosts(households(), { income: 'income', housingCosts: 'housing' });
    expect(Array.from(out.array('income_ahc') as Float64Array)).toEqual([512, 215, -120]);
  });
  it('then equivalised with the AHC scale (hand-worked)', () => {
    const ahc = afterHousingCosts(households(), { income: 'income', housingCosts: 'housing', as: 'ahc' });
    const y = equivalise(ahc, { income: 'ahc', scale: 'hbai-ahc', as: 'y' }).array('y') as Float64Array;
    expect(y[0]).toBeCloseTo(512 / 1.62, 10);
    expect(y[1]).toBeCloseTo(215 / 0.58, 10);
    expect(y[2]).toBeCloseTo(-120 / 1.2, 10);
  });
  it('missing housing costs name the column', () => {
    const t = aq.table({ income: [1, 2], housing: [null, 1] });
    expect(thrown(() => afterHousingCosts(t, { income: 'income', housingCosts: 'housing' }))!.message).toMatch(/"housing".*row 0/);
    expect(afterHousingCosts(t, { income: 'income', housingCosts: 'housing', missing: 'drop' }).numRows()).toBe(1);
  });
});

describe('weekly and annual incomes', () => {
  // PIIS 2019-22 table 54a/54b: relative poverty line for a couple £341/week, £17,800/year
  // (weekly rounded to £1, annual to £100).
  it('uses 365/7 weeks a year, as the published thresholds do', () => {
    expect(Math.round(weeklyToAnnual(341) / 100) * 100).toBe(17800);
    expect(weeklyToAnnual(7)).toBe(365);
    expect(annualToWeekly(365)).toBe(7);
  });
});

describe('hbaiIncomes', () => {
  it('AHC income and both equivalised incomes, hand-worked', () => {
    const out = hbaiIncomes(households(), { income: 'income', housingCosts: 'housing' });
    expect(Array.from(out.array('income_ahc') as number[])).toEqual([512, 215, -120]);
    const bhc = out.array('equivalised_bhc') as number[];
    const ahc = out.array('equivalised_ahc') as number[];
    // BHC: 612/1.53, 335/0.67, 480/1.2; AHC: 512/1.62, 215/0.58, −120/1.2
    [400, 500, 400].forEach((v, i) => expect(bhc[i]).toBeCloseTo(v, 10));
    [512 / 1.62, 215 / 0.58, -100].forEach((v, i) => expect(ahc[i]).toBeCloseTo(v, 10));
    expect(households().columnNames()).not.toContain('income_ahc');
  });
});
