import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, familyTypeOutcomes, crossCheck, scottishChildPayment, takeUpSelection, uprate } from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';
import { fourHouseholds } from './fixtures.js';

describe('takeUpSelection(): seeded, by household_id, weighted share met to within one household', () => {
  it('weighted take-up is within half the largest household of the target (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.double({ min: 0.5, max: 3, noNaN: true })), { minLength: 5, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1e6 }),
        (rows, share, seed) => {
          const ids = rows.map((_, i) => `h${i}`);
          const units = rows.map((r) => r[0]);
          const w = rows.map((r) => r[1]);
          const s = takeUpSelection(ids, units, w, { share, seed });
          let total = 0;
          let taken = 0;
          let largest = 0;
          rows.forEach((_, i) => {
            total += units[i]! * w[i]!;
            largest = Math.max(largest, units[i]! * w[i]!);
            if (s[i]) taken += units[i]! * w[i]!;
            if (s[i]) expect(units[i]!).toBeGreaterThan(0); // only eligible households take up
          });
          expect(Math.abs(taken - share * total)).toBeLessThanOrEqual(largest / 2 + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not depend on row order, and another seed picks other households', () => {
    const ids = Array.from({ length: 400 }, (_, i) => i + 1);
    const units = ids.map(() => 1);
    const w = ids.map(() => 1);
    const a = takeUpSelection(ids, units, w, { share: 0.5, seed: 3 });
    const rev = takeUpSelection([...ids].reverse(), units, w, { share: 0.5, seed: 3 });
    expect(Array.from(a)).toEqual(Array.from(rev).reverse());
    const b = takeUpSelection(ids, units, w, { share: 0.5, seed: 4 });
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(a.reduce((s, v) => s + v, 0)).toBe(200);
  });

  it('errors name the option and the duplicate id', () => {
    expect(thrown(() => takeUpSelection([1, 2], [1, 1], [1, 1], { share: 1.5 })).message).toContain('takeUp');
    const e = thrown(() => takeUpSelection([1, 1], [1, 1], [1, 1], { share: 0.5 }));
    expect(e.message).toContain('household_id');
  });
});

describe('Scottish Child Payment with take-up and the under-16 rule', () => {
  it('pays under-16s only when children_under_16 is present; takeUp 1 pays every eligible household', () => {
    // h2: 2 children, both under 16; h4 is not means-tested. A 17-year-old in h2 would not be paid.
    const h = fourHouseholds().assign(aq.table({ children_under_16: [0, 1, 0, 1] }));
    const t = scottishChildPayment({ change: 25, takeUp: 1 })(h);
    expect(Array.from(t.array('income_bhc') as ArrayLike<number>)).toEqual([200, 525, 600, 400]);
  });

  it('take-up 0 pays nobody; the default (89%) pays 89% of eligible children to within one household', () => {
    const h = fourHouseholds();
    expect(Array.from(scottishChildPayment({ change: 25, takeUp: 0 })(h).array('income_bhc') as ArrayLike<number>)).toEqual([200, 500, 600, 400]);
    const many = aq.table({ household_id: Array.from({ length: 1000 }, (_, i) => i), weight: Array(1000).fill(1), children: Array(1000).fill(1), means_tested: Array(1000).fill(1), income_bhc: Array(1000).fill(300) });
    const paid = (scottishChildPayment({ change: 10 })(many).array('income_bhc') as ArrayLike<number>) as number[];
    expect(Array.from(paid).filter((x) => x === 310).length).toBe(890);
  });

  it('uprates the amount with the index table', () => {
    const h = fourHouseholds();
    const t = scottishChildPayment({ change: 25, takeUp: 1, uprate: { index: { '2021/22': 100, '2023/24': 125 }, from: '2023/24', to: '2021/22' } })(h);
    expect((t.array('income_bhc') as ArrayLike<number>)[1]).toBeCloseTo(500 + 2 * 20, 12); // 25 × 100/125 = 20 per child
  });
});

describe('uprate()', () => {
  it('amount × index[to] / index[from]; round trip is the identity', () => {
    const index = { 2019: 100, 2021: 104.1, 2023: 121.3 };
    expect(uprate(10, { index, from: 2019, to: 2023 })).toBeCloseTo(12.13, 12);
    expect(uprate(uprate(7, { index, from: 2021, to: 2023 }), { index, from: 2023, to: 2021 })).toBeCloseTo(7, 12);
  });
  it('a year missing from the index is named', () => {
    const e = thrown(() => uprate(10, { index: { 2019: 100 }, from: 2019, to: 2024 }));
    expect(e.message).toContain('2024');
    expect(e.details.option).toBe('to');
  });
});

describe('priority family types in compare() and crossCheck()', () => {
  // fourHouseholds plus family columns: h2 (couple, 2 children under 14) is minority ethnic with a
  // baby; h4 (lone adult, one child 14+) is a lone parent with a disabled member.
  const h = fourHouseholds().assign(
    aq.table({ lone_parent: [0, 0, 0, 1], disabled: [0, 0, 1, 1], minority_ethnic: [0, 1, 0, 0], youngest_child_age: [null, 0, null, 15], mother_under_25: [0, 0, 0, 0] }),
  );

  it('compare(): child poverty per family type, worked by hand', () => {
    // SCP +£25 to h2 (2 children): AHC eq before (500−100)/1.4 = 285.71 < 300 → poor; after
    // (550−100)/1.4 = 321.43 → not poor. h4: (400−80)/1.0 = 320 → not poor. Lines fixed at PIIS AHC 0.6×499 = 299.4.
    const impact = compare(h, scottishChildPayment({ change: 25, takeUp: 1 }), { referenceMedian: { BHC: 569, AHC: 499 } });
    const rows = impact.familyTypes!.objects() as any[];
    const get = (t: string) => rows.find((r) => r.family_type === t && r.measure === 'relative' && r.basis === 'AHC');
    expect(get('Minority ethnic families')).toMatchObject({ children: 2, before: 1, after: 0, change: -1 });
    expect(get('Families with a child under one')).toMatchObject({ children: 2, before: 1, after: 0 });
    expect(get('Lone parent families')).toMatchObject({ children: 3, before: 0, after: 0 }); // weight 3 × 1 child
    expect(get('Families with a disabled adult or child')).toMatchObject({ children: 3, before: 0 });
    expect(get('Larger families (3+ children)').children).toBe(0);
    expect(Number.isNaN(get('Larger families (3+ children)').before)).toBe(true);
    expect(new Set(rows.map((r) => r.family_type)).size).toBe(6);
  });

  it('a table without the columns reports only the types it can (larger families from children)', () => {
    const impact = compare(fourHouseholds(), scottishChildPayment({ change: 25, takeUp: 1 }));
    expect(new Set(impact.familyTypes!.array('family_type') as string[])).toEqual(new Set(['Larger families (3+ children)']));
  });

  it('crossCheck({ familyTypes: true }) adds one outcome per type', () => {
    const m = crossCheck(h, { scp: scottishChildPayment({ change: 25, takeUp: 1 }) }, { replicates: 0, outcomes: ['child_relative_ahc'], familyTypes: true, referenceMedian: { BHC: 569, AHC: 499 } });
    const names = m.array('outcome') as string[];
    expect(names).toContain('child_relative_ahc_minority_ethnic');
    expect(names.length).toBe(1 + familyTypeOutcomes(h).length);
    const row = m.objects().find((r: any) => r.outcome === 'child_relative_ahc_minority_ethnic') as any;
    expect(row.effect).toBe(-1);
  });
});
