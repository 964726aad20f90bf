import { describe, expect, it } from 'vitest';
import { compare, energyPriceShock, priceRiseViews } from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';
import { fourHouseholds } from './fixtures.js';

describe('energy price rise: real-income and official-statistics views', () => {
  // fourHouseholds (test/policy/fixtures.ts): BHC eq incomes 200/0.67 = 298.5, 500/1.4 = 357.1, 600, 400;
  // energy 30, 40, 50, 20. Lines held by referenceMedian; absolute lines given.
  const lines = { referenceMedian: { BHC: 600, AHC: 500 }, absoluteLine: { BHC: 300, AHC: 250 } };
  const v = priceRiseViews(fourHouseholds(), { increase: 1, cpiWeight: 0.2, ...lines }).objects() as any[];
  const get = (view: string, measure: string, basis: string, group = 'All people') => v.find((r) => r.view === view && r.measure === measure && r.basis === basis && r.group === group);

  it('official view: relative poverty does not move; absolute moves through the deflator only', () => {
    expect(get('official statistics', 'relative', 'BHC').change).toBe(0);
    expect(get('official statistics', 'relative', 'AHC').change).toBe(0);
    // absolute BHC line 300 → 300 × (1 + 0.2 × 1) = 360: h2 (357.1, 3 people of 10 person-weights… ) falls below
    // person weights: h1 2×1 = 2, h2 1×4 = 4, h3 1×2 = 2, h4 3×2 = 6 (total 14). Before: h1 (298.5 < 300) → 2/14.
    // After: h1 and h2 (357.1 < 360) → 6/14.
    expect(get('official statistics', 'absolute', 'BHC').before).toBeCloseTo(2 / 14, 12);
    expect(get('official statistics', 'absolute', 'BHC').after).toBeCloseTo(6 / 14, 12);
  });

  it('real-income view equals compare() with energyPriceShock', () => {
    const c = (compare(fourHouseholds(), energyPriceShock({ increase: 1 }), lines).poverty.objects() as any[]).find((r) => r.measure === 'relative' && r.basis === 'BHC' && r.group === 'All people');
    expect(get('real income', 'relative', 'BHC').change).toBe(c.change);
  });

  it('demand elasticity: the loss is E((1+π)^(1+ε) − 1)/(1+ε), E ln(1+π) at ε = −1, πE at 0', () => {
    const h = fourHouseholds();
    const inc = (t: any) => Array.from(t.array('income_bhc') as ArrayLike<number>);
    expect(inc(energyPriceShock({ increase: 1, elasticity: 0 })(h))).toEqual([170, 460, 550, 380]);
    const e1 = inc(energyPriceShock({ increase: 1, elasticity: -1 })(h));
    expect(e1[0]).toBeCloseTo(200 - 30 * Math.log(2), 12);
    const e3 = inc(energyPriceShock({ increase: 1, elasticity: -0.3 })(h));
    expect(e3[1]).toBeCloseTo(500 - (40 * (Math.pow(2, 0.7) - 1)) / 0.7, 12);
    const spend = Array.from(energyPriceShock({ increase: 1, elasticity: -0.3 })(h).array('energy_spend') as ArrayLike<number>);
    expect(spend[0]).toBeCloseTo(30 * Math.pow(2, 0.7), 12);
    expect(thrown(() => energyPriceShock({ increase: 1, elasticity: 0.5 })).message).toContain('elasticity');
  });
});

describe('carbon levy with a demand elasticity', () => {
  it('ε = 0 is the fixed-quantity levy; ε < 0 shrinks revenue to t·S·g^ε and the loss to S(g^(1+ε) − 1)/(1+ε)', async () => {
    const { carbonLevy } = await import('../../src/index.js');
    const h = fourHouseholds(); // h1 energy 30, motor 0
    const inc = (t: any) => Array.from(t.array('income_bhc') as ArrayLike<number>);
    const tr = (t: any) => Array.from(t.array('net_transfer') as ArrayLike<number>);
    expect(inc(carbonLevy({ rate: 0.1, elasticity: 0 })(h))).toEqual(inc(carbonLevy({ rate: 0.1 })(h)));
    const t = carbonLevy({ rate: 0.5, base: 'energy', elasticity: -0.5 })(h);
    const g = 1.5;
    expect(inc(t)[0]).toBeCloseTo(200 - (30 * (Math.sqrt(g) - 1)) / 0.5, 12);
    expect(tr(t)[0]).toBeCloseTo(-0.5 * 30 * Math.pow(g, -0.5), 12);
    expect((t.array('energy_spend') as ArrayLike<number>)[0]).toBeCloseTo(30 * Math.sqrt(g), 12);
  });
});
