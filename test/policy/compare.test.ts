import { describe, expect, it } from 'vitest';
import { compare, flatTransfer } from '../../src/policy/index.js';
import { fourHouseholds } from './fixtures.js';

// Lines fixed by hand: reference medians BHC 500 and AHC 500 → relative lines 300, deep 250;
// absolute lines 350 (BHC) and 290 (AHC).
const options = { referenceMedian: { BHC: 500, AHC: 500 }, absoluteLine: { BHC: 350, AHC: 290 } };
// Reform: £10/week per child → h2 +20, h4 +10.
const reform = flatTransfer({ amount: 10, per: 'child' });

// Equivalised incomes (see fixtures.ts):
//   BHC before: h1 200/0.67 = 298.51, h2 500/1.4 = 357.14, h3 600, h4 400
//   BHC after:  h2 520/1.4 = 371.43, h4 410
//   AHC before: h1 150/0.58 = 258.62, h2 400/1.4 = 285.71, h3 600, h4 320
//   AHC after:  h2 420/1.4 = 300 (exactly the line: not poor), h4 330
// Person weights (weight × people): h1 2, h2 4, h3 2, h4 6 → 14 people; children h2 2, h4 3 → 5;
// working-age h1 2, h2 2, h4 3 → 7; pensioners h3 2.
describe('compare() on four hand-built households', () => {
  const impact = compare(fourHouseholds(), reform, options);
  const row = (measure: string, basis: string, group: string) =>
    impact.poverty.objects().find((r: any) => r.measure === measure && r.basis === basis && r.group === group) as any;

  it('relative poverty BHC: only h1 (2 of 14 people) poor, before and after', () => {
    const r = row('relative', 'BHC', 'All people');
    expect(r.line_before).toBe(300);
    expect(r.before).toBeCloseTo(2 / 14, 12);
    expect(r.after).toBeCloseTo(2 / 14, 12);
    expect(r.moved_in).toBe(0);
    expect(r.moved_out).toBe(0);
    expect(row('relative', 'BHC', 'Children').before).toBe(0);
  });

  it('relative poverty AHC: h1 and h2 poor before (6 of 14); h2 reaches the line exactly and leaves', () => {
    const all = row('relative', 'AHC', 'All people');
    expect(all.before).toBeCloseTo(6 / 14, 12);
    expect(all.after).toBeCloseTo(2 / 14, 12);
    expect(all.change).toBeCloseTo(-4 / 14, 12);
    expect(all.moved_out).toBe(4);
    expect(all.moved_in).toBe(0);
    expect(all.population).toBe(14);
    const kids = row('relative', 'AHC', 'Children');
    expect(kids.before).toBeCloseTo(2 / 5, 12);
    expect(kids.after).toBe(0);
    expect(kids.moved_out).toBe(2);
    const wa = row('relative', 'AHC', 'Working-age adults');
    expect(wa.before).toBeCloseTo(4 / 7, 12);
    expect(wa.after).toBeCloseTo(2 / 7, 12);
    expect(row('relative', 'AHC', 'Pensioners').before).toBe(0);
  });

  it('absolute and deep poverty use their own lines', () => {
    expect(row('absolute', 'BHC', 'All people').before).toBeCloseTo(2 / 14, 12); // h1 only (298.51 < 350; h2 357.14 is not)
    expect(row('absolute', 'AHC', 'All people').before).toBeCloseTo(6 / 14, 12); // h1 258.62, h2 285.71 < 290
    expect(row('absolute', 'AHC', 'All people').after).toBeCloseTo(2 / 14, 12); // h2 300 ≥ 290
    expect(row('deep', 'AHC', 'All people').line_before).toBe(250);
    expect(row('deep', 'AHC', 'All people').before).toBe(0); // 258.62 ≥ 250
  });

  it('fuel poverty: energy > 10% of income after housing costs', () => {
    // h1 30 > 15 yes; h2 40 > 40 no (not strictly); h3 50 > 60 no; h4 20 > 32 no; household weights 2,1,1,3
    const f = impact.fuelPoverty.objects() as any[];
    expect(f[0].group).toBe('All households');
    expect(f[0].before).toBeCloseTo(2 / 7, 12);
    expect(f[0].after).toBeCloseTo(2 / 7, 12);
    expect(f[1].before).toBe(0); // households with children: h2, h4
    expect(f[1].households).toBe(4);
  });

  it('deciles are person-weighted and households are not split', () => {
    // sorted BHC: h1 (2 people), h2 (4), h4 (6), h3 (2); midpoints 1/14, 4/14, 9/14, 13/14 → deciles 1, 3, 7, 10
    const d = impact.deciles.objects() as any[];
    expect(d[2]).toMatchObject({ decile: 3, mean_change: 20, households: 1, people: 4 });
    expect(d[2].pct_change).toBeCloseTo(20 / 500, 12);
    expect(d[6]).toMatchObject({ decile: 7, mean_change: 10, households: 3, people: 6 });
    expect(d[6].pct_change).toBeCloseTo(10 / 400, 12);
    expect(d[0]).toMatchObject({ decile: 1, mean_change: 0 });
    expect(d[9]).toMatchObject({ decile: 10, mean_change: 0 });
    expect(d[1].mean_change).toBe(null); // decile 2 is empty in a four-household file: null, flagged
    expect(d[1].empty_group).toBe(true);
  });

  it('winners and losers: h2 +4% and h4 +2.5% gain 0.1–5%; h1 and h3 unchanged', () => {
    const all = (impact.winnersLosers.objects() as any[]).filter((r) => r.decile === 'All');
    const share = Object.fromEntries(all.map((r) => [r.band, r.share]));
    expect(share['Gain 0.1-5%']).toBeCloseTo(10 / 14, 12);
    expect(share['No change']).toBeCloseTo(4 / 14, 12);
    expect(share['Gain more than 5%']).toBe(0);
    const d3 = (impact.winnersLosers.objects() as any[]).filter((r) => r.decile === 3);
    expect(d3.find((r) => r.band === 'Gain 0.1-5%').share).toBe(1);
  });

  it('by council and SIMD quintile', () => {
    const c = impact.councils.objects() as any[];
    expect(c[0].council).toBe('S12000005'); // h1 (weight 2, +0), h2 (weight 1, +20)
    expect(c[0].mean_change).toBeCloseTo(20 / 3, 12);
    expect(c[0].pct_change).toBeCloseTo(20 / 900, 12);
    expect(c[0].child_poverty_before).toBe(1); // h2's 2 children, AHC poor
    expect(c[0].child_poverty_after).toBe(0);
    const q = impact.simdQuintiles.objects() as any[];
    expect(q.map((r) => r.simd_quintile)).toEqual([1, 2, 3, 5]); // quintile 4 has no households
    const bands = impact.winnersLosersByCouncil.objects() as any[];
    expect(bands.find((r) => r.council === 'S12000006' && r.band === 'Gain 0.1-5%').share).toBeCloseTo(6 / 8, 12);
  });

  it('net cost: Σ weight × Δnet_transfer = 1×20 + 3×10 = £50/week, £2,600/year', () => {
    const cost = impact.cost.objects()[0] as any;
    expect(cost.net_cost_weekly).toBe(50);
    expect(cost.net_cost_annual).toBe(2600);
    expect(cost.income_change_annual).toBe(2600);
  });

  it('Gini matches the mean-absolute-difference formula computed here', () => {
    // G = Σᵢ Σⱼ wᵢ wⱼ |xᵢ − xⱼ| / (2 W² μ), person weights, BHC equivalised incomes
    const x = [200 / 0.67, 500 / 1.4, 600, 400];
    const w = [2, 4, 2, 6];
    const W = 14;
    const mu = x.reduce((s, v, i) => s + v * w[i]!, 0) / W;
    let s = 0;
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) s += w[i]! * w[j]! * Math.abs(x[i]! - x[j]!);
    const g = impact.inequality.objects().find((r: any) => r.measure === 'gini' && r.basis === 'BHC') as any;
    expect(g.before).toBeCloseTo(s / (2 * W * W * mu), 12);
  });

  it('the default relative line is 60% of the baseline person-weighted median and is held', () => {
    // BHC person-weighted median: cumulative 2, 6, 12, 14 of 14 → the unit at 400 (h4)
    const i = compare(fourHouseholds(), reform);
    const r = i.poverty.objects().find((r: any) => r.measure === 'relative' && r.basis === 'BHC') as any;
    expect(r.line_before).toBeCloseTo(240, 12);
    expect(r.line_after).toBeCloseTo(240, 12);
    const rc = compare(fourHouseholds(), reform, { relativeLine: 'recomputed' });
    const r2 = rc.poverty.objects().find((r: any) => r.measure === 'relative' && r.basis === 'BHC') as any;
    expect(r2.line_after).toBeCloseTo(0.6 * 410, 12); // h4 moves to 410 and stays the median unit
  });
});
