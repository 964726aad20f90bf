import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribution, headcount, median, personDistribution, personWeightedMedian, personWeightedRates, gini } from '../../src/index.js';
import { readFileSync } from 'node:fs';
import { eusilcHouseholds, thrown } from './helpers.js';

const reference = JSON.parse(readFileSync(new URL('../fixtures/income-eusilc.json', import.meta.url), 'utf8'));

// Four households, hand-worked below. Equivalised income y, household weight w.
//   h1: 2 working-age adults + 2 children (one 14+), y 100, w 10  → 40 people-weight
//   h2: 1 pensioner,                                 y 300, w 20  → 20
//   h3: 2 working-age adults + 1 child,              y 250, w 5   → 15
//   h4: 2 pensioners,                                y 150, w 10  → 20
const small = () =>
  aq.table({
    id: ['h1', 'h2', 'h3', 'h4'],
    adults: [2, 1, 2, 2],
    children_14_plus: [1, 0, 1, 0],
    children_under_14: [1, 0, 0, 0],
    pensioners: [0, 1, 0, 2],
    y: [100, 300, 250, 150],
    w: [10, 20, 5, 10],
  });

const byGroup = (t: ColumnTable) => Object.fromEntries(t.objects().map((r) => [(r as { group: string }).group, r as Record<string, number>]));

describe('personWeightedRates on a hand-built table', () => {
  it('line 200: h1 and h4 are poor', () => {
    const r = byGroup(personWeightedRates(small(), { income: 'y', weight: 'w', line: 200 }));
    // all people: (40 + 20) / 95
    expect(r['All people']!.rate).toBeCloseTo(60 / 95, 14);
    expect(r['All people']!.number).toBe(60);
    expect(r['All people']!.population).toBe(95);
    // children: h1 2×10 poor of 2×10 + 1×5
    expect(r.Children!.rate).toBeCloseTo(20 / 25, 14);
    // working-age: h1 2×10 poor of 2×10 + 2×5
    expect(r['Working-age adults']!.rate).toBeCloseTo(20 / 30, 14);
    // pensioners: h4 2×10 poor of 1×20 + 2×10
    expect(r.Pensioners!.rate).toBeCloseTo(20 / 40, 14);
    // composition: 20 of the 60 poor people-weight in each of the three groups
    expect(r.Children!.composition).toBeCloseTo(1 / 3, 14);
    expect(r['Working-age adults']!.composition).toBeCloseTo(1 / 3, 14);
    expect(r.Pensioners!.composition).toBeCloseTo(1 / 3, 14);
    expect(r['All people']!.composition).toBe(1);
    expect([r['All people']!.sample_size, r.Children!.sample_size, r.Pensioners!.sample_size]).toEqual([4, 2, 2]);
    expect(r.Children!.line).toBe(200);
  });
  it('the median is person-weighted, not household-weighted', () => {
    // people by income: 100 (40), 150 (20), 250 (15), 300 (20); total 95, half 47.5 → 150.
    // Households: 100 (10), 150 (10), 250 (5), 300 (20); total 45, half 22.5 → 250.
    expect(personWeightedMedian(small(), { income: 'y', weight: 'w' })).toBe(150);
    expect(median(small(), { value: 'y', weight: 'w' })).toBe(250);
    // fraction 0.8 → line 120: only h1 is poor, 40 / 95
    const r = byGroup(personWeightedRates(small(), { income: 'y', weight: 'w', fraction: 0.8 }));
    expect(r['All people']!.line).toBe(120);
    expect(r['All people']!.rate).toBeCloseTo(40 / 95, 14);
  });
  it('a reference population sets the line', () => {
    // reference: one single adult at 500 → median 500, line 300: h1, h3, h4 (y < 300) are poor,
    // 40 + 15 + 20 of 95; h2 (y = 300) is not
    const ref = aq.table({ adults: [1], children_14_plus: [0], children_under_14: [0], pensioners: [0], y: [500], w: [1] });
    const r = byGroup(personWeightedRates(small(), { income: 'y', weight: 'w', reference: ref }));
    expect(r['All people']!.line).toBe(300);
    expect(r['All people']!.rate).toBeCloseTo(75 / 95, 14);
  });
  it('income equal to the line is not poor (strictly below)', () => {
    const r = byGroup(personWeightedRates(small(), { income: 'y', weight: 'w', line: 150 }));
    expect(r['All people']!.rate).toBeCloseTo(40 / 95, 14);
  });
  it('negative incomes stay in the ranking and count as poor', () => {
    const t = small().derive({ y: (d: { y: number }) => (d.y === 100 ? -50 : d.y) });
    const r = byGroup(personWeightedRates(t, { income: 'y', weight: 'w', line: 120 }));
    expect(r['All people']!.rate).toBeCloseTo(40 / 95, 14);
    expect(personWeightedMedian(t, { income: 'y', weight: 'w' })).toBe(150);
  });
  it('a poverty flag column instead of income and line', () => {
    const t = small().derive({ flag: (d: { id: string }) => d.id === 'h2' });
    const r = byGroup(personWeightedRates(t, { poor: 'flag', weight: 'w' }));
    expect(r.Pensioners!.rate).toBeCloseTo(20 / 40, 14);
    expect(r.Children!.rate).toBe(0);
    expect(r['All people']!.line).toBeNull();
  });
  it('a group with nobody in it has a null rate', () => {
    const t = small().filter((d: { id: string }) => d.id === 'h2' || d.id === 'h4');
    const r = byGroup(personWeightedRates(t, { income: 'y', weight: 'w', line: 200 }));
    expect(r.Children!.rate).toBeNull();
    expect(r.Children!.population).toBe(0);
  });
  it('groups can be limited, and then the pensioners column is not needed', () => {
    const t = small().select('adults', 'children_14_plus', 'children_under_14', 'y', 'w');
    const out = personWeightedRates(t, { income: 'y', weight: 'w', line: 200, groups: ['all', 'children'] });
    expect(out.array('group')).toEqual(['All people', 'Children']);
  });
  it('by household group, against the whole table\'s line', () => {
    const t = small().derive({ area: (d: { id: string }) => (d.id === 'h1' || d.id === 'h2' ? 'A' : 'B') });
    const out = personWeightedRates(t, { income: 'y', weight: 'w', fraction: 0.8, by: 'area', groups: ['all', 'children'] }).objects() as Record<string, any>[];
    expect(out.map((r) => [r.area, r.group])).toEqual([['A', 'All people'], ['A', 'Children'], ['B', 'All people'], ['B', 'Children']]);
    // line 0.8 × 150 = 120 for both areas (B's own median would be 250 → 200, making h4 poor)
    expect(out.every((r) => r.line === 120)).toBe(true);
    // A: h1 (40 people-weight, poor) and h2 (20) → 40/60; children only in h1 → 1
    expect(out[0]!.rate).toBeCloseTo(40 / 60, 14);
    expect(out[1]!.rate).toBe(1);
    expect(out[1]!.composition).toBeCloseTo(20 / 40, 14);
    // B: h3 (15), h4 (20), nobody poor
    expect(out[2]!.rate).toBe(0);
    expect(out[2]!.composition).toBeNull();
  });
  it('any measure on the person distribution', () => {
    const d = personDistribution(small(), { income: 'y', weight: 'w', group: 'children' });
    // children: 100 (weight 20), 250 (weight 5)
    expect(Array.from(d.values)).toEqual([100, 250]);
    expect(Array.from(d.weights)).toEqual([20, 5]);
    expect(gini(d)).toBeGreaterThan(0);
  });
  it('does not change the input table', () => {
    const t = small();
    const before = t.objects();
    personWeightedRates(t, { income: 'y', weight: 'w' });
    expect(t.objects()).toEqual(before);
  });
});

describe('personWeightedRates on the EU-SILC example against R laeken', () => {
  // test/reference/income-eusilc.R: laeken 0.5.2 arpr on the person file (rb050), by age group.
  const hh = eusilcHouseholds();
  const o = { income: 'eqIncome', weight: 'db090' };
  const r = byGroup(personWeightedRates(hh, o));
  it('median and line', () => {
    expect(personWeightedMedian(hh, o)).toBeCloseTo(reference.median, 8);
    expect(r['All people']!.line).toBeCloseTo(reference.threshold, 8);
  });
  it('rates by group', () => {
    expect(r['All people']!.rate).toBeCloseTo(reference.rate_all, 12);
    expect(r.Children!.rate).toBeCloseTo(reference.rate_by_group.Children, 12);
    expect(r['Working-age adults']!.rate).toBeCloseTo(reference.rate_by_group['Working-age adults'], 12);
    expect(r.Pensioners!.rate).toBeCloseTo(reference.rate_by_group.Pensioners, 12);
  });
  it('numbers and populations', () => {
    for (const g of ['Children', 'Working-age adults', 'Pensioners'] as const) {
      expect(r[g]!.number / reference.number_by_group[g]).toBeCloseTo(1, 12);
      expect(r[g]!.population / reference.population_by_group[g]).toBeCloseTo(1, 12);
    }
    expect(r['All people']!.number / reference.number_all).toBeCloseTo(1, 12);
  });
  it('50% and 70% lines', () => {
    const r50 = byGroup(personWeightedRates(hh, { ...o, fraction: 0.5, groups: ['all'] }));
    expect(r50['All people']!.line).toBeCloseTo(reference.threshold50, 8);
    expect(r50['All people']!.rate).toBeCloseTo(reference.rate50, 12);
    const r70 = byGroup(personWeightedRates(hh, { ...o, fraction: 0.7, groups: ['all'] }));
    expect(r70['All people']!.rate).toBeCloseTo(reference.rate70, 12);
  });
});

// Random household tables for property tests.
const householdRow = fc.record({
  adults: fc.integer({ min: 1, max: 4 }),
  children_14_plus: fc.integer({ min: 0, max: 2 }),
  children_under_14: fc.integer({ min: 0, max: 3 }),
  pensionerShare: fc.integer({ min: 0, max: 4 }),
  y: fc.integer({ min: -50, max: 1000 }),
  w: fc.integer({ min: 1, max: 50 }),
});
const householdTable = fc.array(householdRow, { minLength: 1, maxLength: 30 }).map((rows) =>
  rows.map(({ pensionerShare, ...r }) => ({ ...r, pensioners: Math.min(pensionerShare, r.adults) })),
);
type Row = { adults: number; children_14_plus: number; children_under_14: number; pensioners: number; y: number; w: number };
const o = { income: 'y', weight: 'w' };
const rates = (rows: Row[], extra: object = {}) => personWeightedRates(aq.from(rows), { ...o, ...extra }).objects() as Record<string, number>[];
const close = (a: Record<string, number>[], b: Record<string, number>[], keys: string[]) => {
  expect(a.length).toBe(b.length);
  a.forEach((r, i) => {
    for (const k of keys) {
      if (r[k] === null) expect(b[i]![k]).toBeNull();
      else expect(b[i]![k]).toBeCloseTo(r[k]!, 9);
    }
  });
};

describe('personWeightedRates properties', () => {
  it('adding a household with zero weight changes nothing', () => {
    fc.assert(
      fc.property(householdTable, householdRow, (rows, extra) => {
        const { pensionerShare: _p, ...e } = extra;
        const zero = { ...e, pensioners: 0, w: 0 };
        close(rates(rows), rates([...rows, zero]), ['rate', 'number', 'population', 'composition', 'line', 'sample_size']);
      }),
      { numRuns: 200 },
    );
  });
  it('splitting a household weight over two identical rows changes nothing but the row count', () => {
    fc.assert(
      fc.property(householdTable, fc.nat(), (rows, k) => {
        const i = k % rows.length;
        const r = rows[i]!;
        const split = [...rows.slice(0, i), { ...r, w: r.w / 4 }, { ...r, w: (3 * r.w) / 4 }, ...rows.slice(i + 1)];
        close(rates(rows), rates(split), ['rate', 'number', 'population', 'composition', 'line']);
      }),
      { numRuns: 200 },
    );
  });
  it('each group rate equals the rate on the exploded one-row-per-person table', () => {
    fc.assert(
      fc.property(householdTable, (rows) => {
        // explode: one row per person with the household's income and weight
        const people: { y: number; w: number; kind: string }[] = [];
        for (const r of rows) {
          for (let k = 0; k < r.children_14_plus + r.children_under_14; k++) people.push({ y: r.y, w: r.w, kind: 'Children' });
          for (let k = 0; k < r.adults - r.pensioners; k++) people.push({ y: r.y, w: r.w, kind: 'Working-age adults' });
          for (let k = 0; k < r.pensioners; k++) people.push({ y: r.y, w: r.w, kind: 'Pensioners' });
        }
        const all = distribution(aq.from(people), { value: 'y', weight: 'w' });
        const line = 0.6 * median(all);
        const got = Object.fromEntries(rates(rows).map((r) => [r.group, r]));
        expect(got['All people']!.line).toBeCloseTo(line, 9);
        if (!(line > 0)) return; // headcount needs a positive line
        expect(got['All people']!.rate).toBeCloseTo(headcount(all, { line }), 12);
        for (const kind of ['Children', 'Working-age adults', 'Pensioners']) {
          const sub = people.filter((p) => p.kind === kind);
          if (sub.length === 0) continue;
          expect(got[kind]!.rate).toBeCloseTo(headcount(aq.from(sub), { value: 'y', weight: 'w', line }), 12);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('numbers and populations by household group add up to the whole', () => {
    fc.assert(
      fc.property(householdTable, fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: 30, maxLength: 30 }), (rows, areas) => {
        const t = aq.from(rows.map((r, i) => ({ ...r, area: areas[i] })));
        const whole = personWeightedRates(t, o).objects() as Record<string, any>[];
        const parts = personWeightedRates(t, { ...o, by: 'area' }).objects() as Record<string, any>[];
        for (const w of whole) {
          const same = parts.filter((p) => p.group === w.group);
          expect(same.every((p) => p.line === w.line)).toBe(true);
          expect(same.reduce((a, p) => a + p.number, 0)).toBeCloseTo(w.number, 9);
          expect(same.reduce((a, p) => a + p.population, 0)).toBeCloseTo(w.population, 9);
        }
      }),
      { numRuns: 100 },
    );
  });
  it('rates are fractions and compositions of the three groups sum to 1', () => {
    fc.assert(
      fc.property(householdTable, fc.integer({ min: 1, max: 1000 }), (rows, line) => {
        const r = rates(rows, { line });
        let s = 0;
        for (const g of r) {
          if (g.rate !== null) expect(g.rate).toBeGreaterThanOrEqual(0), expect(g.rate).toBeLessThanOrEqual(1);
          if (g.group !== ('All people' as never) && g.composition !== null) s += g.composition;
        }
        if (r[0]!.number > 0) expect(s).toBeCloseTo(1, 12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('personWeightedRates errors', () => {
  it('no income and no poor column', () => {
    expect(thrown(() => personWeightedRates(small(), { weight: 'w' }))!.message).toMatch(/\{ income \}.*\{ poor \}/);
  });
  it('negative weight names the column and rows', () => {
    const t = small().derive({ w: (d: { w: number; id: string }) => (d.id === 'h3' ? -1 : d.w) });
    const e = thrown(() => personWeightedRates(t, o))!;
    expect(e.code).toBe('NON_POSITIVE_WEIGHT');
    expect(e.message).toMatch(/"w".*1 negative weight.*row 2/);
  });
  it('more pensioners than adults', () => {
    const t = small().derive({ pensioners: (d: { pensioners: number; id: string }) => (d.id === 'h2' ? 3 : d.pensioners) });
    const e = thrown(() => personWeightedRates(t, o))!;
    expect(e.code).toBe('INVALID_HOUSEHOLD');
    expect(e.message).toMatch(/"pensioners".*more pensioners than adults.*row 1/);
  });
  it('no pensioners column: names the option and the alternative', () => {
    const t = small().select('adults', 'children_14_plus', 'children_under_14', 'y', 'w');
    expect(thrown(() => personWeightedRates(t, o))!.message).toMatch(/\{ pensioners \}.*groups: \['all', 'children'\]/);
  });
  it('missing incomes: error, or dropped on request', () => {
    const t = small().derive({ y: (d: { y: number; id: string }) => (d.id === 'h2' ? null : d.y) });
    expect(thrown(() => personWeightedRates(t, o))!.message).toMatch(/"y".*1 missing value.*row 1.*missing: 'drop'/);
    const r = byGroup(personWeightedRates(t, { ...o, line: 200, missing: 'drop' }));
    expect(r['All people']!.rate).toBeCloseTo(60 / 75, 14);
    expect(r['All people']!.sample_size).toBe(3);
  });
  it('a bad poverty flag', () => {
    const t = small().derive({ flag: (d: { id: string }) => (d.id === 'h2' ? 'yes' : false) });
    expect(thrown(() => personWeightedRates(t, { poor: 'flag', weight: 'w' }))!.message).toMatch(/"flag".*row 1/);
  });
  it('an unknown group', () => {
    expect(thrown(() => personWeightedRates(small(), { ...o, groups: ['kids' as never] }))!.message).toMatch(/"kids".*'children'/);
  });
});
