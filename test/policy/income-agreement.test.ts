import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { equivalise, personWeightedMedian, personWeightedRates } from '../../src/income/index.js';
import { compare, flatTransfer, syntheticHouseholds } from '../../src/policy/index.js';

// compare() counts people and equivalises with src/income's conventions; here its baseline and
// reform rates are recomputed with src/income's own table functions (equivalise,
// personWeightedMedian, personWeightedRates) on the same households.
describe('compare() agrees with src/income', () => {
  const h = syntheticHouseholds({ seed: 5, households: 3_000 });
  const reform = flatTransfer({ amount: 15, per: 'child', meansTested: true });
  const impact = compare(h, reform, { relativeLine: 'recomputed' });
  const prepare = (t: aq.ColumnTable) => {
    const withOlder = t.derive({ children_14_plus: (d: any) => d.children - d.children_under_14 });
    const ahc = withOlder.derive({ income_ahc: (d: any) => d.income_bhc - d.housing_costs });
    const bhc = equivalise(ahc, { income: 'income_bhc', scale: 'hbai-bhc', as: 'eq_bhc' });
    return equivalise(bhc, { income: 'income_ahc', scale: 'hbai-ahc', as: 'eq_ahc' });
  };
  const before = prepare(h);
  const after = prepare(reform(h));

  for (const basis of ['BHC', 'AHC'] as const) {
    it(`relative poverty ${basis}, four groups, before and after`, () => {
      const income = basis === 'BHC' ? 'eq_bhc' : 'eq_ahc';
      for (const [t, side] of [
        [before, 'before'],
        [after, 'after'],
      ] as const) {
        const median = personWeightedMedian(t, { income, weight: 'weight' });
        const rates = personWeightedRates(t, { income, weight: 'weight', line: 0.6 * median }).objects() as any[];
        for (const r of rates) {
          const mine = impact.poverty.objects().find((p: any) => p.measure === 'relative' && p.basis === basis && p.group === r.group) as any;
          expect(mine[side === 'before' ? 'line_before' : 'line_after']).toBeCloseTo(0.6 * median, 9);
          expect(mine[side]).toBeCloseTo(r.rate, 12);
        }
      }
    });
  }
});
