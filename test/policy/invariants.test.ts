import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RECYCLING_OPTIONS,
  carbonLevy,
  compare,
  compose,
  defineScenario,
  energyPriceShock,
  flatTransfer,
  identity,
  scottishChildPayment,
  twoChildLimitMitigation,
  withColumns,
} from '../../src/policy/index.js';

/** A random household table (fast-check), valid under the schema. */
const households = fc
  .array(
    fc.record({
      weight: fc.double({ min: 0.5, max: 50, noNaN: true }),
      adults: fc.integer({ min: 1, max: 3 }),
      children: fc.integer({ min: 0, max: 4 }),
      pensionerShare: fc.integer({ min: 0, max: 1 }),
      income: fc.double({ min: 50, max: 3000, noNaN: true }),
      housing: fc.double({ min: 0, max: 300, noNaN: true }),
      energy: fc.double({ min: 0, max: 80, noNaN: true }),
      motor: fc.double({ min: 0, max: 80, noNaN: true }),
      mt: fc.integer({ min: 0, max: 1 }),
      simd: fc.integer({ min: 1, max: 10 }),
      council: fc.constantFrom('S12000005', 'S12000006', 'S12000008'),
    }),
    { minLength: 12, maxLength: 60 },
  )
  .map((rows) =>
    aq.table({
      household_id: rows.map((_, i) => i + 1),
      weight: rows.map((r) => r.weight),
      adults: rows.map((r) => r.adults),
      children: rows.map((r) => r.children),
      children_under_14: rows.map((r) => Math.floor(r.children / 2)),
      pensioners: rows.map((r) => (r.children === 0 ? r.pensionerShare * r.adults : 0)),
      income_bhc: rows.map((r) => r.income),
      housing_costs: rows.map((r) => r.housing),
      energy_spend: rows.map((r) => r.energy),
      motor_fuel_spend: rows.map((r) => r.motor),
      means_tested: rows.map((r) => r.mt),
      two_child_limit_children: rows.map((r) => (r.mt && r.children > 2 ? r.children - 2 : 0)),
      council: rows.map((r) => r.council),
      simd_decile: rows.map((r) => r.simd),
    }),
  );

/** Scales income and housing costs by k: every equivalised income (BHC and AHC) scales by k. */
const scaleIncomes = (k: number) =>
  defineScenario({
    label: `incomes × ${k}`,
    columns: ['income_bhc', 'housing_costs'],
    apply: (h) =>
      withColumns(h, {
        income_bhc: Float64Array.from(h.array('income_bhc') as ArrayLike<number>, (x) => x * k),
        housing_costs: Float64Array.from(h.array('housing_costs') as ArrayLike<number>, (x) => x * k),
      }),
  });

describe('invariants', () => {
  it('the identity scenario changes nothing', () => {
    fc.assert(
      fc.property(households, (h) => {
        const i = compare(h, identity());
        for (const r of i.poverty.objects() as any[]) {
          expect(r.change === 0 || (r.change === null && r.empty_group)).toBe(true);
          expect(r.moved_in + r.moved_out).toBe(0);
        }
        for (const r of i.inequality.objects() as any[]) expect(r.before === null ? r.after === null && r.note !== null : r.change === 0).toBe(true);
        for (const r of i.fuelPoverty.objects() as any[]) expect(r.change === 0 || (r.change === null && r.empty_group)).toBe(true);
        for (const r of i.deciles.objects() as any[]) expect(r.mean_change === 0 || (r.mean_change === null && r.empty_group)).toBe(true);
        const all = (i.winnersLosers.objects() as any[]).filter((r) => r.decile === 'All');
        expect(all.find((r) => r.band === 'No change').share).toBe(1);
        expect((i.cost.objects()[0] as any).net_cost_weekly).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it('a uniform proportional income change leaves relative measures unchanged (line recomputed)', () => {
    // k a power of two so that scaling is exact in floating point and no unit crosses a line by rounding
    fc.assert(
      fc.property(households, fc.constantFrom(0.5, 2, 4), (h, k) => {
        const i = compare(h, scaleIncomes(k), { relativeLine: 'recomputed' });
        for (const r of i.poverty.objects() as any[]) {
          if (r.measure === 'absolute') continue;
          expect(r.line_after).toBeCloseTo(r.line_before * k, 9);
          if (r.before !== null) expect(r.after).toBe(r.before);
        }
        for (const r of i.inequality.objects() as any[]) if (r.before !== null) expect(r.after).toBeCloseTo(r.before, 10);
      }),
      { numRuns: 25 },
    );
  });

  it('a carbon levy with its revenue recycled in full is budget-neutral, for every recycling option', () => {
    fc.assert(
      fc.property(households, fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (h, rate, pass) => {
        const w = h.array('weight') as number[];
        const spend = (h.array('energy_spend') as number[]).map((e, j) => e + (h.array('motor_fuel_spend') as number[])[j]!);
        const revenue = w.reduce((s, x, j) => s + x * rate * spend[j]!, 0);
        for (const recycling of RECYCLING_OPTIONS) {
          if (recycling === 'means-tested' && !(h.array('means_tested') as number[]).some((x) => x > 0)) continue;
          if (recycling === 'child' && !(h.array('children') as number[]).some((x) => x > 0)) continue;
          const cost = (compare(h, carbonLevy({ rate, passThrough: pass, recycling })).cost.objects()[0] as any).net_cost_weekly;
          if (recycling === 'none') expect(cost).toBeCloseTo(-revenue, 6);
          else expect(Math.abs(cost)).toBeLessThan(1e-9 * Math.max(1, revenue));
        }
      }),
      { numRuns: 20 },
    );
  });

  it('a carbon levy fully passed through and fully recycled moves total household income by zero', () => {
    fc.assert(
      fc.property(households, (h) => {
        const c = compare(h, carbonLevy({ rate: 0.2, recycling: 'dividend' })).cost.objects()[0] as any;
        expect(Math.abs(c.income_change_annual)).toBeLessThan(1e-6);
      }),
      { numRuns: 20 },
    );
  });

  it('scenarios compose: A then B equals B applied to A', () => {
    fc.assert(
      fc.property(households, (h) => {
        const a = scottishChildPayment({ change: 5 });
        const b = energyPriceShock({ increase: 0.3, support: 2 });
        const both = compose(a, b)(h);
        const manual = b(a(h));
        expect(Array.from(both.array('income_bhc') as ArrayLike<number>)).toEqual(Array.from(manual.array('income_bhc') as ArrayLike<number>));
        expect(compose(a, b).label).toBe(`${a.label} then ${b.label}`);
      }),
      { numRuns: 20 },
    );
  });

  it('scenarios never mutate their input', () => {
    fc.assert(
      fc.property(households, (h) => {
        const before = JSON.stringify(h.objects());
        for (const s of [
          carbonLevy({ rate: 0.1, recycling: 'child' }),
          energyPriceShock({ increase: 0.5, support: 5, supportTo: 'means-tested' }),
          scottishChildPayment({ change: 25 }),
          twoChildLimitMitigation(),
          flatTransfer({ amount: 3, per: 'person', meansTested: true }),
        ])
          s(h);
        expect(JSON.stringify(h.objects())).toBe(before);
      }),
      { numRuns: 10 },
    );
  });
});
