import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  absolutePovertyLine,
  lowIncomeAndDeprivation,
  persistentPoverty,
  personWeightedRates,
  relativePovertyLine,
  severePovertyLine,
} from '../../src/index.js';
import { eusilcHouseholds, thrown } from './helpers.js';

const reference = JSON.parse(readFileSync(new URL('../fixtures/income-eusilc.json', import.meta.url), 'utf8'));

describe('relative and severe lines on the EU-SILC example against R laeken', () => {
  // test/reference/income-eusilc.R: laeken::arpr(p = 0.6 / 0.5 / 0.7)$threshold on the person file
  const hh = eusilcHouseholds();
  const o = { income: 'eqIncome', weight: 'db090' };
  it('60%', () => expect(relativePovertyLine(hh, o)).toBeCloseTo(reference.threshold, 8));
  it('50% (severe)', () => expect(severePovertyLine(hh, o)).toBeCloseTo(reference.threshold50, 8));
  it('70%', () => expect(relativePovertyLine(hh, { ...o, fraction: 0.7 })).toBeCloseTo(reference.threshold70, 8));
});

describe('absolutePovertyLine', () => {
  const prices = aq.table({ period: ['2010/11', '2015/16', '2021/22'], index: [100, 108, 125] });
  it('60% of the base median uprated by the index (hand-worked)', () => {
    // 0.6 × 440 × 125/100 = 330
    expect(absolutePovertyLine({ baseMedian: 440, prices, period: '2021/22' })).toBeCloseTo(330, 12);
    // base year itself: 0.6 × 440
    expect(absolutePovertyLine({ baseMedian: 440, prices, period: '2010/11' })).toBeCloseTo(264, 12);
    // other base, other fraction: 0.5 × 400 × 125/108
    expect(absolutePovertyLine({ baseMedian: 400, prices, period: '2021/22', basePeriod: '2015/16', fraction: 0.5 })).toBeCloseTo((200 * 125) / 108, 12);
  });
  it('only the index ratio matters (rebasing the index changes nothing)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (k) => {
        const rebased = prices.derive({ index: aq.escape((d: { index: number }) => d.index * k) });
        expect(absolutePovertyLine({ baseMedian: 440, prices: rebased, period: '2021/22' })).toBeCloseTo(330, 9);
      }),
    );
  });
  it('custom column names and numeric periods', () => {
    const p = aq.table({ year: [2011, 2022], cpi: [90, 117] });
    expect(absolutePovertyLine({ baseMedian: 500, prices: p, period: 2022, basePeriod: 2011, periodColumn: 'year', indexColumn: 'cpi' })).toBeCloseTo(390, 12);
  });
  it('a price index missing the base year', () => {
    const p = aq.table({ period: ['2015/16', '2021/22'], index: [108, 125] });
    const e = thrown(() => absolutePovertyLine({ baseMedian: 440, prices: p, period: '2021/22' }))!;
    expect(e.code).toBe('INVALID_INDEX');
    expect(e.message).toMatch(/column "period" has no row for basePeriod "2010\/11".*"2015\/16", "2021\/22"/);
  });
  it('a missing target period, duplicated periods and bad index values', () => {
    expect(thrown(() => absolutePovertyLine({ baseMedian: 440, prices, period: '2030/31' }))!.message).toMatch(/no row for period "2030\/31"/);
    const dup = aq.table({ period: ['2010/11', '2010/11'], index: [100, 101] });
    expect(thrown(() => absolutePovertyLine({ baseMedian: 440, prices: dup, period: '2010/11' }))!.message).toMatch(/repeats 1 period \(row 1/);
    const bad = aq.table({ period: ['2010/11', '2021/22'], index: [100, null] });
    expect(thrown(() => absolutePovertyLine({ baseMedian: 440, prices: bad, period: '2021/22' }))!.message).toMatch(/"index".*row 1/);
  });
});

describe('lowIncomeAndDeprivation', () => {
  // y: equivalised BHC income; md: deprivation score. Reference median 500 → 70% line 350.
  const hh = () =>
    aq.table({
      adults: [2, 1, 2, 1],
      children_14_plus: [0, 1, 1, 0],
      children_under_14: [2, 1, 0, 0],
      pensioners: [0, 0, 0, 1],
      y: [300, 340, 349, 200],
      md: [30, 20, 25, 40],
      w: [10, 10, 10, 10],
    });
  const ref = aq.table({ adults: [1], children_14_plus: [0], children_under_14: [0], pensioners: [0], y: [500], w: [1] });
  it('both conditions, score at the threshold counts (hand-worked)', () => {
    const t = lowIncomeAndDeprivation(hh(), { income: 'y', weight: 'w', deprivation: 'md', reference: ref });
    // row 0: 300 < 350 and 30 ≥ 25 → yes; row 1: 20 < 25 → no; row 2: 349 < 350 and 25 ≥ 25 → yes; row 3 → yes
    expect(t.array('low_income_deprived')).toEqual([true, false, true, true]);
    const r = personWeightedRates(t, { poor: 'low_income_deprived', weight: 'w', groups: ['children'] }).objects()[0] as Record<string, number>;
    // children: row 0: 2×10 (yes), row 1: 2×10 (no), row 2: 1×10 (yes) → 30 / 50
    expect(r.rate).toBeCloseTo(30 / 50, 14);
  });
  it('a fixed line and threshold', () => {
    const t = lowIncomeAndDeprivation(hh(), { income: 'y', deprivation: 'md', line: 345, threshold: 30, as: 'f' });
    expect(t.array('f')).toEqual([true, false, false, true]);
  });
  it('missing scores name the column', () => {
    const t = hh().derive({ md: (d: { md: number; y: number }) => (d.y === 340 ? null : d.md) });
    expect(thrown(() => lowIncomeAndDeprivation(t, { income: 'y', deprivation: 'md', line: 350 }))!.message).toMatch(/"md".*row 1.*missing: 'drop'/);
    expect(lowIncomeAndDeprivation(t, { income: 'y', deprivation: 'md', line: 350, missing: 'drop' }).numRows()).toBe(3);
  });
});

describe('persistentPoverty', () => {
  // Three people over waves 1-5. poor pattern:
  //   A: 1 1 0 1 0  → window 1-4: 3 poor ✓; window 2-5: 2 ✗
  //   B: 1 1 1 1 1  → ✓ ✓
  //   C: 0 0 0 1 1 (absent in wave 1) → window 1-4: not in panel; window 2-5: 2 ✗
  const rows: { id: string; wave: number; poor: number; w: number }[] = [];
  const pattern: Record<string, (number | null)[]> = { A: [1, 1, 0, 1, 0], B: [1, 1, 1, 1, 1], C: [null, 0, 0, 1, 1] };
  const weight: Record<string, number> = { A: 2, B: 1, C: 3 };
  for (const [id, p] of Object.entries(pattern)) p.forEach((v, k) => v !== null && rows.push({ id, wave: k + 1, poor: v, w: weight[id]! + k }));
  const panel = () => aq.from(rows);
  it('3 of 4 consecutive waves, balanced panel, last-wave weight (hand-worked)', () => {
    const out = persistentPoverty(panel(), { id: 'id', wave: 'wave', poor: 'poor', weight: 'w' }).objects() as Record<string, number>[];
    expect(out.map((r) => [r.first_wave, r.wave])).toEqual([[1, 4], [2, 5]]);
    // window 1-4: A (w at wave 4 = 5) and B (w 4): both persistent → 9 / 9
    expect(out[0]!.rate).toBe(1);
    expect(out[0]!.sample_size).toBe(2);
    // window 2-5: A (w 6) no, B (w 5) yes, C (w 7) no → 5 / 18
    expect(out[1]!.rate).toBeCloseTo(5 / 18, 14);
    expect(out[1]!.population).toBe(18);
  });
  it('from income and a per-wave line column', () => {
    const t = panel().derive({ y: (d: { poor: number }) => (d.poor ? 90 : 200), line: () => 100 });
    const out = persistentPoverty(t, { id: 'id', wave: 'wave', income: 'y', line: 'line', weight: 'w' }).objects() as Record<string, number>[];
    expect(out[1]!.rate).toBeCloseTo(5 / 18, 14);
  });
  it('window and minimum options', () => {
    const out = persistentPoverty(panel(), { id: 'id', wave: 'wave', poor: 'poor', window: 2, minimum: 2 }).objects() as Record<string, number>[];
    // waves 1-2: A, B poor both → 2/2; 2-3: B only of A, B, C → 1/3; 3-4: B → 1/3; 4-5: B, C → 2/3
    expect(out.map((r) => r.rate)).toEqual([1, 1 / 3, 1 / 3, 2 / 3]);
  });
  it('a duplicated person-wave', () => {
    const e = thrown(() => persistentPoverty(aq.from([...rows, { id: 'B', wave: 3, poor: 0, w: 1 }]), { id: 'id', wave: 'wave', poor: 'poor' }))!;
    expect(e.code).toBe('INVALID_PANEL');
    expect(e.message).toMatch(/1 duplicated person-wave \(columns "id" and "wave": row 14, e\.g\. person "B" in wave 3\)/);
  });
  it('too few waves, and no poverty definition', () => {
    expect(thrown(() => persistentPoverty(panel(), { id: 'id', wave: 'wave', poor: 'poor', window: 6, minimum: 3 }))!.message).toMatch(/5 waves.*\{ window \}/);
    expect(thrown(() => persistentPoverty(panel(), { id: 'id', wave: 'wave' }))!.message).toMatch(/\{ poor \}/);
  });
});
