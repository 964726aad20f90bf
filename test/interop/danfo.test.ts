import * as dfd from 'danfojs-node';
import { describe, expect, it } from 'vitest';
import { PovineqError, arpr, byGroup, distribution, eusilc, gini, palma, theil } from '../../src/index.js';

describe('a danfo.js DataFrame as input', () => {
  it('gives the same numbers as the arrays it holds', () => {
    const income = [12000, 7000, 30500, 7000, 55000, 1000];
    const w = [1, 2, 0.5, 3, 1, 4];
    const df = new dfd.DataFrame({ income, w });
    for (const m of [gini, theil, palma, arpr]) {
      expect(m(df, { value: 'income', weight: 'w' })).toBe(m(income, { weights: w }));
    }
    expect(distribution(df, { value: 'income' }).weighted).toBe(false);
  });

  it('EU-SILC in a DataFrame agrees with R laeken', () => {
    const t = eusilc();
    const df = new dfd.DataFrame({ eqIncome: Array.from(t.array('eqIncome') as ArrayLike<number>), rb050: Array.from(t.array('rb050') as ArrayLike<number>) });
    // laeken::gini(eqIncome, rb050) = 26.4896192113229 % (datasets/eusilc_laeken_reference_indicators.csv)
    expect(gini(df, { value: 'eqIncome', weight: 'rb050' })).toBeCloseTo(0.264896192113229, 13);
  });

  it('errors name the DataFrame column', () => {
    const df = new dfd.DataFrame({ income: [1, NaN, 3], w: [1, 1, 1] });
    try {
      gini(df, { value: 'income', weight: 'w' });
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PovineqError);
      expect((e as PovineqError).code).toBe('MISSING_VALUE');
      expect((e as PovineqError).message).toContain('column "income"');
    }
    expect(() => gini(df, { value: 'wages' })).toThrowError(/column "wages"/);
  });

  it('byGroup reads a DataFrame', () => {
    const df = new dfd.DataFrame({ g: ['a', 'b', 'a', 'b'], income: [1, 2, 3, 6] });
    // gini(1, 3) = 2 / (2 · 4) = 0.25; gini(2, 6) = 4 / (2 · 8) = 0.25
    expect(byGroup(gini, df, { by: 'g', value: 'income' }).objects()).toEqual([
      { g: 'a', gini: 0.25, n: 2, population: 2 },
      { g: 'b', gini: 0.25, n: 2, population: 2 },
    ]);
  });
});
