import { describe, expect, it } from 'vitest';
import { syntheticCalibration, syntheticHouseholds, validateHouseholds } from '../../src/policy/index.js';

describe('synthetic Scottish households (SYNTHETIC data)', () => {
  const h = syntheticHouseholds({ seed: 11, households: 20_000 });
  const cal = syntheticCalibration(h).objects() as any[];
  const find = (item: string) => cal.find((r) => r.item === item)!;

  it('is deterministic: same seed and size → same file; another seed → another file', () => {
    const a = syntheticHouseholds({ seed: 11, households: 2_000 });
    const b = syntheticHouseholds({ seed: 11, households: 2_000 });
    const c = syntheticHouseholds({ seed: 12, households: 2_000 });
    expect(a.objects()).toEqual(b.objects());
    expect(a.array('income_bhc')).not.toEqual(c.array('income_bhc'));
  });

  it('follows the household schema', () => {
    const v = validateHouseholds(h);
    expect(v.n).toBe(20_000);
    expect(new Set(h.array('council') as string[]).size).toBe(32);
  });

  it('weights reproduce NRS mid-2018 council populations (raking: exact to rounding)', () => {
    // NRS mid-2018 Scotland total 5,438,100 (datasets/nrs_mid_year_population_estimates_council_1998_2018.csv)
    expect(find('Scotland, people').target).toBe(5_438_100);
    for (const r of cal.filter((r) => r.topic === 'council population')) expect(Math.abs(r.difference / r.target)).toBeLessThan(1e-8);
  });

  it('fitted poverty rates land on PIIS 2019-22 to within 0.002', () => {
    // PIIS 2019-22: relative BHC children 0.2248, pensioners 0.1564, working-age 0.1827; AHC 0.2447, 0.1489, 0.2103
    for (const r of cal.filter((r) => r.topic === 'poverty' && r.fitted)) expect(Math.abs(r.difference)).toBeLessThan(0.002);
    expect(Math.abs(find('relative BHC, All people').difference)).toBeLessThan(0.005);
    expect(Math.abs(find('relative AHC, All people').difference)).toBeLessThan(0.005);
  });

  it('SIMD income deprivation by council within 0.01 (0.05 on the islands) and LCF spends by decile within 1p', () => {
    // the three island councils have about 100 households each at this size: the share moves in steps
    const dep = cal.filter((r) => r.topic === 'council income deprivation');
    const islands = ['S12000013', 'S12000023', 'S12000027'];
    for (const r of dep) expect(Math.abs(r.difference)).toBeLessThan(islands.includes(r.item) ? 0.05 : 0.01);
    for (const r of cal.filter((r) => r.topic === 'spending')) expect(Math.abs(r.difference)).toBeLessThan(0.01);
  });

  it('unfitted figures stay near their targets (Gini BHC within 0.01, absolute poverty within 0.03)', () => {
    expect(Math.abs(find('Gini BHC').difference)).toBeLessThan(0.01);
    for (const r of cal.filter((r) => r.topic === 'poverty' && r.item.startsWith('absolute'))) expect(Math.abs(r.difference)).toBeLessThan(0.03);
  });

  it('rejects a bad size naming the option', () => {
    expect(() => syntheticHouseholds({ households: 10 })).toThrow(/households must be a whole number ≥ 100/);
  });
});
