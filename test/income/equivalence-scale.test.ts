import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EQUIVALENCE_SCALES, PovineqError, datasetPath, equivalenceFactor, readCSV } from '../../src/index.js';

// Hand-worked factors. HBAI weights: DWP, HBAI Quality and Methodology Information, table of
// equivalence scales (BHC 0.67/0.33/0.33/0.20, AHC 0.58/0.42/0.42/0.20); OECD, "What are
// equivalence scales?" (modified OECD 1/0.5/0.3, old OECD 1/0.7/0.5).
describe('equivalenceFactor: hand-worked households', () => {
  const couple5and15 = { adults: 2, children14Plus: 1, childrenUnder14: 1 };
  const cases: [string, object, string, number][] = [
    ['couple, children 5 and 15', couple5and15, 'hbai-bhc', 0.67 + 0.33 + 0.33 + 0.2], // 1.53
    ['single pensioner', { adults: 1 }, 'hbai-bhc', 0.67],
    ['couple', { adults: 2 }, 'hbai-bhc', 1],
    ['lone parent, children 5 and 14', { adults: 1, children14Plus: 1, childrenUnder14: 1 }, 'hbai-bhc', 0.67 + 0.33 + 0.2], // 1.20
    ['three adults', { adults: 3 }, 'hbai-bhc', 0.67 + 0.33 + 0.33], // 1.33
    ['couple, children 5 and 15', couple5and15, 'hbai-ahc', 0.58 + 0.42 + 0.42 + 0.2], // 1.62
    ['single pensioner', { adults: 1 }, 'hbai-ahc', 0.58],
    ['couple', { adults: 2 }, 'hbai-ahc', 1],
    ['lone parent, children 5 and 14', { adults: 1, children14Plus: 1, childrenUnder14: 1 }, 'hbai-ahc', 0.58 + 0.42 + 0.2], // 1.20
    ['couple, children 5 and 15', couple5and15, 'modified-oecd', 1 + 0.5 + 0.5 + 0.3], // 2.3
    ['single', { adults: 1 }, 'modified-oecd', 1],
    ['couple, two under 14', { adults: 2, childrenUnder14: 2 }, 'modified-oecd', 1 + 0.5 + 0.6], // 2.1
    ['couple, children 5 and 15', couple5and15, 'old-oecd', 1 + 0.7 + 0.7 + 0.5], // 2.9
    ['single', { adults: 1 }, 'old-oecd', 1],
    ['couple, children 5 and 15', couple5and15, 'square-root', 2], // √4
    ['single', { adults: 1 }, 'square-root', 1],
    ['couple and one child', { adults: 2, childrenUnder14: 1 }, 'square-root', Math.sqrt(3)],
  ];
  for (const [label, hh, scale, expected] of cases) {
    it(`${scale}: ${label} = ${expected.toFixed(4)}`, () => {
      expect(equivalenceFactor(hh as never, scale as never)).toBeCloseTo(expected, 12);
    });
  }
  it('defaults to the HBAI BHC scale', () => expect(equivalenceFactor(couple5and15)).toBeCloseTo(1.53, 12));
  it('custom weights', () => {
    const scale = { firstAdult: 1, otherAdult: 0.8, olderChild: 0.6, youngChild: 0.4 };
    expect(equivalenceFactor(couple5and15, scale)).toBeCloseTo(1 + 0.8 + 0.6 + 0.4, 12);
  });
  it('the HBAI scales are rescaled so a couple without children is 1', () => {
    for (const s of ['hbai-bhc', 'hbai-ahc'] as const) {
      expect(EQUIVALENCE_SCALES[s].firstAdult + EQUIVALENCE_SCALES[s].otherAdult).toBeCloseTo(1, 12);
    }
  });
});

// PIIS 2019-22 table 54 (datasets/piis2023_3yr_values.csv) publishes the UK median for four
// household types, weekly and rounded to £1: 54a BHC, 54c AHC. The ratio of each type to the couple
// must be the scale factor, within the rounding of both figures (±0.5 each).
describe('equivalenceFactor reproduces the published PIIS household-type thresholds', () => {
  const t = readCSV(datasetPath('piis2023_3yr_values.csv'), { autoType: false }).objects() as Record<string, string>[];
  const get = (table: string, type: string) =>
    Number(t.find((r) => r.table_id === table && r.row_label === 'UK median income' && r.column_label === type)!.value);
  const types: [string, object][] = [
    ['Single person with no children', { adults: 1 }],
    ['Single person with children aged 5 and 14', { adults: 1, children14Plus: 1, childrenUnder14: 1 }],
    ['Couple with children aged 5 and 14', { adults: 2, children14Plus: 1, childrenUnder14: 1 }],
  ];
  for (const [table, scale] of [['54a', 'hbai-bhc'], ['54c', 'hbai-ahc']] as const) {
    const couple = get(table, 'Couple with no children'); // e = 1
    for (const [type, hh] of types) {
      it(`${table} (${scale}): ${type}`, () => {
        const f = equivalenceFactor(hh as never, scale);
        expect(Math.abs(couple * f - get(table, type))).toBeLessThanOrEqual(0.5 + 0.5 * f);
      });
    }
  }
  it('the BHC and AHC single-person ratios tell the two scales apart', () => {
    // 381/569 = 0.6696 (BHC, 0.67); 290/499 = 0.5812 (AHC, 0.58)
    expect(get('54a', 'Single person with no children') / get('54a', 'Couple with no children')).toBeCloseTo(0.67, 2);
    expect(get('54c', 'Single person with no children') / get('54c', 'Couple with no children')).toBeCloseTo(0.58, 2);
  });
});

describe('equivalenceFactor properties', () => {
  const hh = fc.record({ adults: fc.integer({ min: 1, max: 8 }), children14Plus: fc.integer({ min: 0, max: 6 }), childrenUnder14: fc.integer({ min: 0, max: 6 }) });
  const scales = fc.constantFrom('hbai-bhc', 'hbai-ahc', 'modified-oecd', 'old-oecd', 'square-root' as const);
  it('an extra person never lowers the factor, and the factor never exceeds household size', () => {
    fc.assert(
      fc.property(hh, scales, (h, s) => {
        const f = equivalenceFactor(h, s);
        const size = h.adults + h.children14Plus + h.childrenUnder14;
        expect(equivalenceFactor({ ...h, childrenUnder14: h.childrenUnder14 + 1 }, s)).toBeGreaterThanOrEqual(f);
        expect(equivalenceFactor({ ...h, adults: h.adults + 1 }, s)).toBeGreaterThan(f);
        // built-in scales are relative to a single adult at most 1 per person
        expect(f / equivalenceFactor({ adults: 1 }, s)).toBeLessThanOrEqual(size + 1e-12);
      }),
    );
  });
});

describe('equivalenceFactor errors', () => {
  const code = (f: () => unknown) => {
    try { f(); } catch (e) { return [(e as PovineqError).code, (e as Error).message] as const; }
    return undefined;
  };
  it('a household with no adults', () => {
    const [c, m] = code(() => equivalenceFactor({ adults: 0, childrenUnder14: 2 }))!;
    expect(c).toBe('INVALID_HOUSEHOLD');
    expect(m).toMatch(/adults.*every household has an adult/);
  });
  it('negative and fractional counts', () => {
    expect(code(() => equivalenceFactor({ adults: 1, childrenUnder14: -1 }))![1]).toMatch(/childrenUnder14/);
    expect(code(() => equivalenceFactor({ adults: 1.5 }))![1]).toMatch(/adults/);
  });
  it('an unknown scale names the choices', () => {
    expect(code(() => equivalenceFactor({ adults: 1 }, 'mcclements' as never))![1]).toMatch(/unknown equivalence scale "mcclements".*hbai-bhc/);
  });
  it('a custom scale with a negative weight', () => {
    expect(code(() => equivalenceFactor({ adults: 1 }, { firstAdult: 1, otherAdult: -0.5, olderChild: 0.5, youngChild: 0.3 }))![1]).toMatch(/otherAdult/);
  });
});
