import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  carbonLevy,
  compare,
  defineScenario,
  energyPriceShock,
  flatTransfer,
  scottishChildPayment,
  twoChildLimitMitigation,
  validateHouseholds,
} from '../../src/policy/index.js';
import { fourHouseholds } from './fixtures.js';

const col = (t: aq.ColumnTable, c: string) => Array.from(t.array(c) as ArrayLike<number>);

describe('built-in scenarios, by hand on four households', () => {
  // energy [30, 40, 50, 20], motor [0, 20, 10, 30], weights [2, 1, 1, 3]; taxed spend [30, 60, 60, 50]
  it('carbon levy 10%, fully passed on, no recycling: income falls by 10% of taxed spend', () => {
    const t = carbonLevy({ rate: 0.1 })(fourHouseholds());
    expect(col(t, 'income_bhc')).toEqual([197, 494, 594, 395]);
    expect(col(t, 'net_transfer')).toEqual([-3, -6, -6, -5]);
    expect(col(t, 'energy_spend').map((x) => +x.toFixed(10))).toEqual([33, 44, 55, 22]);
  });

  it('carbon levy 10% with half pass-through and a per-person dividend', () => {
    // revenue = Σ w × 0.1 × spend = 2×3 + 6 + 6 + 3×5 = 33 £/week; people w×(a+c) = 2 + 4 + 2 + 6 = 14
    // dividend 33/14 per person; household bears 0.5 × levy
    const t = carbonLevy({ rate: 0.1, passThrough: 0.5, recycling: 'dividend' })(fourHouseholds());
    const d = 33 / 14;
    const expected = [200 - 1.5 + d, 500 - 3 + 4 * d, 600 - 3 + 2 * d, 400 - 2.5 + 2 * d];
    col(t, 'income_bhc').forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
    const cost = (compare(fourHouseholds(), t).cost.objects()[0] as any).net_cost_weekly;
    expect(cost).toBeCloseTo(0, 12);
  });

  it('carbon levy recycling: rebate per household, child top-up, means-tested rebate', () => {
    // revenue 33; households Σw = 7; children Σw×c = 2 + 3 = 5; means-tested Σw = 2 + 1 = 3
    const r = col(carbonLevy({ rate: 0.1, recycling: 'rebate' })(fourHouseholds()), 'income_bhc');
    [197, 494, 594, 395].forEach((x, i) => expect(r[i]).toBeCloseTo(x + 33 / 7, 12));
    const c = col(carbonLevy({ rate: 0.1, recycling: 'child' })(fourHouseholds()), 'income_bhc');
    [197, 494 + (2 * 33) / 5, 594, 395 + 33 / 5].forEach((x, i) => expect(c[i]).toBeCloseTo(x, 12));
    const m = col(carbonLevy({ rate: 0.1, recycling: 'means-tested' })(fourHouseholds()), 'income_bhc');
    [197 + 11, 494 + 11, 594, 395].forEach((x, i) => expect(m[i]).toBeCloseTo(x, 12));
  });

  it('energy price shock +50% with £5 support to means-tested households', () => {
    const t = energyPriceShock({ increase: 0.5, support: 5, supportTo: 'means-tested' })(fourHouseholds());
    expect(col(t, 'income_bhc')).toEqual([200 - 15 + 5, 500 - 20 + 5, 600 - 25, 400 - 10]);
    expect(col(t, 'energy_spend')).toEqual([45, 60, 75, 30]);
    expect((compare(fourHouseholds(), t).cost.objects()[0] as any).net_cost_weekly).toBe(2 * 5 + 5);
  });

  it('Scottish Child Payment +£25: children in means-tested households only (h2: 2 children)', () => {
    const t = scottishChildPayment({ change: 25 })(fourHouseholds());
    expect(col(t, 'income_bhc')).toEqual([200, 550, 600, 400]);
  });

  it('two-child limit mitigation pays the child element per affected child', () => {
    const h = fourHouseholds().assign(aq.table({ two_child_limit_children: [0, 1, 0, 0] }));
    const t = twoChildLimitMitigation()(h);
    expect(col(t, 'income_bhc')[1]).toBeCloseTo(500 + (237.08 * 12) / 52, 12); // £54.71/week
  });

  it('flat transfer per person, per pensioner, per household', () => {
    expect(col(flatTransfer({ amount: 1, per: 'person' })(fourHouseholds()), 'income_bhc')).toEqual([201, 504, 602, 402]);
    expect(col(flatTransfer({ amount: 3, per: 'pensioner' })(fourHouseholds()), 'income_bhc')).toEqual([200, 500, 606, 400]);
    expect(col(flatTransfer({ amount: 2 })(fourHouseholds()), 'income_bhc')).toEqual([202, 502, 602, 402]);
  });
});

describe('bad input', () => {
  it('a scenario names itself and the missing column', () => {
    const h = fourHouseholds().select(aq.not('energy_spend'));
    expect(() => carbonLevy({ rate: 0.1 })(h)).toThrow(/scenario "carbon levy 10%" needs column "energy_spend"/);
    try {
      scottishChildPayment({ change: 5 })(fourHouseholds().select(aq.not('means_tested')));
    } catch (e: any) {
      expect(e.code).toBe('MISSING_COLUMN');
      expect(e.details.column).toBe('means_tested');
    }
  });

  it('negative spends are rejected with the column and rows', () => {
    const h = fourHouseholds().assign(aq.table({ energy_spend: [30, -1, 50, -2] }));
    expect(() => carbonLevy({ rate: 0.1 })(h)).toThrow(/column "energy_spend" has 2 negative values \(rows 1, 3\)/);
    expect(() => compare(h, flatTransfer({ amount: 1 }))).toThrow(/energy_spend/);
  });

  it('a scenario that changes the row count or order is an error', () => {
    const drop = defineScenario({ label: 'drop one', columns: [], apply: (h) => h.slice(1) });
    expect(() => drop(fourHouseholds())).toThrow(/scenario "drop one" changed the number of households from 4 to 3/);
    const reorder = defineScenario({ label: 'reorder', columns: [], apply: (h) => h.orderby(aq.desc('household_id')).reify() });
    expect(() => reorder(fourHouseholds())).toThrow(/scenario "reorder" reordered or replaced households: column "household_id" differs in rows 0, 1, 2, 3/);
  });

  it('mismatched baseline and reform tables are an error', () => {
    const h = fourHouseholds();
    expect(() => compare(h, h.slice(0, 3))).toThrow(/the baseline has 4 households and the reform 3/);
    const reweighted = h.assign(aq.table({ weight: [2, 1, 5, 3] }));
    expect(() => compare(h, reweighted)).toThrow(/column "weight" differs between baseline and reform in 1 household \(row 2\)/);
  });

  it('schema checks: weights, adults, pensioners, SIMD decile', () => {
    expect(() => validateHouseholds(fourHouseholds().assign(aq.table({ weight: [1, 0, 1, 1] })))).toThrow(/zero or negative weight \(row 1\)/);
    expect(() => validateHouseholds(fourHouseholds().assign(aq.table({ adults: [1, 0, 2, 1] })))).toThrow(/have no adult/);
    expect(() => validateHouseholds(fourHouseholds().assign(aq.table({ simd_decile: [1, 3, 11, 6] })))).toThrow(/simd_decile/);
    expect(() => validateHouseholds(fourHouseholds().assign(aq.table({ income_bhc: [1, null, 3, 4] })))).toThrow(/column "income_bhc" has 1 missing or non-numeric value \(row 1\)/);
  });

  it('bad scenario options name the option', () => {
    expect(() => carbonLevy({ rate: -1 })).toThrow(/option rate must be a finite number ≥ 0/);
    expect(() => carbonLevy({ rate: 0.1, recycling: 'lottery' as any })).toThrow(/recycling must be one of 'none', 'dividend', 'rebate', 'child', 'means-tested'/);
    expect(() => flatTransfer({ amount: 1, per: 'dog' as any })).toThrow(/per must be one of/);
  });
});
