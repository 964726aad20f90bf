import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eusilc, gini, giniBySource } from '../../src/index.js';
import reference from '../fixtures/gini-by-source.json';
import { close, sumKind, valueOf } from './helpers.js';

describe('Gini by income source (Lerman–Yitzhaki)', () => {
  it('hand-computed three-person example', () => {
    // persons (a, b): (1, 2), (4, 0), (2, 6); totals 3, 4, 8, μ = 5, mid-ranks F = 1/6, 3/6, 5/6.
    // cov(a, F) = (1·1/6 + 4·3/6 + 2·5/6)/3 − (7/3)/2 = 23/18 − 21/18 = 1/9 → contribution 2(1/9)/5 = 2/45
    // cov(b, F) = (2·1/6 + 0 + 6·5/6)/3 − (8/3)/2 = 32/18 − 24/18 = 4/9 → contribution 8/45; G = 10/45 = 2/9
    // Gini of a = {1, 4, 2}: ΣΣ|diff|/(2n²μ_a) = 12/42 = 2/7; F_a = 1/6, 5/6, 3/6 → cov(a, F_a) = 27/18 − 21/18 = 1/3
    // R_a = (1/9)/(1/3) = 1/3; S_a = 7/15; marginal effect = (2/45)/(2/9) − 7/15 = 1/5 − 7/15 = −4/15
    const t = giniBySource(aq.table({ a: [1, 4, 2], b: [2, 0, 6] }), { sources: ['a', 'b'] });
    expect(valueOf(t, 'total')).toBeCloseTo(2 / 9, 15);
    expect(valueOf(t, 'a')).toBeCloseTo(2 / 45, 15);
    expect(valueOf(t, 'b')).toBeCloseTo(8 / 45, 15);
    expect(valueOf(t, 'a', 'gini')).toBeCloseTo(2 / 7, 15);
    expect(valueOf(t, 'a', 'gini_correlation')).toBeCloseTo(1 / 3, 15);
    expect(valueOf(t, 'a', 'income_share')).toBeCloseTo(7 / 15, 15);
    expect(valueOf(t, 'a', 'marginal_effect')).toBeCloseTo(-4 / 15, 15);
    expect(valueOf(t, 'a', 'share')).toBeCloseTo(1 / 5, 15);
  });

  it('EU-SILC income components against laeken::gini and an R implementation', () => {
    const t = giniBySource(eusilc(), { sources: ['py010n', 'py050n', 'py090n', 'py100n'], weight: 'rb050', missing: 'drop' });
    // test/fixtures/gini-by-source.json from test/reference/gini-by-source.R (laeken::gini; R covariances)
    expect(valueOf(t, 'total')).toBeCloseTo(reference.total_gini_laeken, 12);
    for (const s of reference.sources) {
      expect(valueOf(t, s.source, 'gini')).toBeCloseTo(s.gini_laeken, 11);
      expect(valueOf(t, s.source, 'income_share')).toBeCloseTo(s.income_share, 12);
      expect(valueOf(t, s.source, 'gini_correlation')).toBeCloseTo(s.gini_correlation, 11);
      expect(valueOf(t, s.source)).toBeCloseTo(s.contribution, 12);
    }
  });

  it('property: contributions add up to the Gini of total income; marginal effects to zero; source Ginis = gini()', () => {
    const row = fc.record({ a: fc.integer({ min: 0, max: 50 }), b: fc.double({ min: -5, max: 80, noNaN: true }), w: fc.double({ min: 0.1, max: 5, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 40 }), (rows) => {
        const a = rows.map((r) => r.a);
        const b = rows.map((r) => r.b + 10); // keep the total mean positive
        const w = rows.map((r) => r.w);
        const total = a.map((x, i) => x + b[i]!);
        const t = giniBySource(aq.table({ a, b, w }), { sources: ['a', 'b'], weight: 'w' });
        const G = gini(total, { weights: w });
        const me = (t.array('marginal_effect') as number[]).slice(0, 2);
        const ga = valueOf(t, 'a', 'gini');
        return (
          close(sumKind(t, 'source'), G, 1e-9) &&
          close(valueOf(t, 'total'), G, 1e-9) &&
          Math.abs(me[0]! + me[1]!) <= 1e-9 &&
          (ga === null || a.every((x) => x === 0) || close(ga, gini(a, { weights: w }), 1e-9))
        );
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('errors name the column, the rows and the option', () => {
    const t = aq.table({ a: [1, null, 2], b: [1, 2, 3] });
    expect(() => giniBySource(t, { sources: ['a', 'b'] })).toThrow(/source column "a" has 1 missing value \(row 1\).*missing: 'drop'/);
    expect(() => giniBySource(t, { sources: ['a', 'c'] })).toThrow(/column "c"/);
    expect(() => giniBySource(t, { sources: [] })).toThrow(/sources/);
    expect(valueOf(giniBySource(t, { sources: ['a', 'b'], missing: 'drop' }), 'total')).toBeCloseTo(gini([2, 5]), 15);
  });
});
