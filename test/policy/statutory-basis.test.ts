// The Child Poverty (Scotland) Act 2017 measures its targets after housing costs: s. 7(1), "the
// deductions to be made in calculating net household income include housing costs" (Explanatory
// Notes, para 19). Policy outcomes call AHC the statutory basis, list it first and report it by default.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOMES, OUTCOMES, compare, crossCheck, flatTransfer } from '../../src/index.js';
import { fourHouseholds } from './fixtures.js';

describe('child poverty outcomes on the statutory AHC basis (Child Poverty (Scotland) Act 2017, s. 7(1))', () => {
  it('s. 7(1): the child poverty outcomes list AHC first and call only AHC statutory', () => {
    const child = Object.keys(OUTCOMES).filter((k) => k.startsWith('child_'));
    expect(child.slice(0, 2)).toEqual(['child_relative_ahc', 'child_absolute_ahc']);
    for (const k of child) {
      const label = OUTCOMES[k]!.label;
      if (k.endsWith('_ahc')) expect(label).not.toMatch(/not the statutory/);
      else expect(label).toMatch(/BHC, not the statutory basis/);
    }
    expect(OUTCOMES.child_relative_ahc!.label).toBe('Child relative poverty (AHC, statutory)');
    expect(OUTCOMES.child_absolute_ahc!.label).toBe('Child absolute poverty (AHC, statutory)');
  });
  it('s. 7(1): crossCheck reports child relative and absolute poverty AHC by default', () => {
    expect(DEFAULT_OUTCOMES).toContain('child_relative_ahc');
    expect(DEFAULT_OUTCOMES).toContain('child_absolute_ahc');
    expect(DEFAULT_OUTCOMES).not.toContain('child_absolute_bhc');
    const m = crossCheck(fourHouseholds(), { transfer: flatTransfer({ amount: 5, per: 'child' }) }).objects() as { outcome: string }[];
    expect(m.map((r) => r.outcome)).toEqual(expect.arrayContaining(['child_relative_ahc', 'child_absolute_ahc']));
  });
  it('s. 7(1): compare() lists the AHC poverty rows before the BHC ones', () => {
    const p = compare(fourHouseholds(), flatTransfer({ amount: 5, per: 'child' })).poverty.objects() as { measure: string; basis: string }[];
    for (const measure of ['relative', 'absolute', 'deep']) {
      const bases = p.filter((r) => r.measure === measure).map((r) => r.basis);
      expect(bases.indexOf('AHC')).toBeLessThan(bases.indexOf('BHC'));
    }
  });
});
