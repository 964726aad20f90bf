import { describe, expect, it } from 'vitest';
import { eusilc, fgtDecomposition, giniDecomposition, mldDecomposition, theilDecomposition } from '../../src/index.js';
import R from '../fixtures/subgroup-decompositions.json';
import { valueOf } from './helpers.js';

// test/fixtures/subgroup-decompositions.json ← test/reference/subgroup-decompositions.R:
// laeken::gini and laeken::arpr(breakdown = "db040") on the laeken EU-SILC example, and weighted
// Theil/MLD sums written out in R, by region (db040), weights rb050.
const people = eusilc();
const o = { by: 'db040', value: 'eqIncome', weight: 'rb050' } as const;

describe('subgroup decompositions on the EU-SILC example, by region', () => {
  it('Gini: total and region Ginis from laeken, between from the region means', () => {
    const t = giniDecomposition(people, o);
    expect(valueOf(t, 'total')).toBeCloseTo(R.gini.total, 12);
    expect(valueOf(t, 'within')).toBeCloseTo(R.gini.within, 12);
    expect(valueOf(t, 'between')).toBeCloseTo(R.gini.between, 12);
    expect(valueOf(t, 'overlap')).toBeCloseTo(R.gini.total - R.gini.within - R.gini.between, 12);
    R.gini.regions.forEach((r, i) => expect(valueOf(t, r, 'index')).toBeCloseTo(R.gini.group_gini[i]!, 12));
  });

  it('Theil and MLD (positive incomes)', () => {
    const theil = theilDecomposition(people, { ...o, nonPositive: 'drop' });
    const mld = mldDecomposition(people, { ...o, nonPositive: 'drop' });
    for (const [t, r] of [
      [theil, R.theil],
      [mld, R.mld],
    ] as const) {
      expect(valueOf(t, 'total')).toBeCloseTo(r.total, 12);
      expect(valueOf(t, 'within')).toBeCloseTo(r.within, 12);
      expect(valueOf(t, 'between')).toBeCloseTo(r.between, 12);
      R.gini.regions.forEach((name, i) => expect(valueOf(t, name, 'index')).toBeCloseTo(r.group[i]!, 12));
    }
  });

  it('headcount contributions at the national line: region rates equal laeken::arpr by breakdown', () => {
    const t = fgtDecomposition(people, { ...o, alpha: 0, line: R.headcount.threshold });
    expect(valueOf(t, 'total')).toBeCloseTo(R.headcount.total, 12);
    R.headcount.regions.forEach((r, i) => expect(valueOf(t, r, 'index')).toBeCloseTo(R.headcount.group[i]!, 12));
  });
});
