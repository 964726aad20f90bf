// Bad input never yields a silent number: each kind raises a PovineqError whose code is stable and
// whose message names the column, the number of offending rows (and which) and the option that
// handles them. Inputs are never mutated, and the rows a 'drop' option removes are counted.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  PovineqError,
  atkinson,
  byGroup,
  distribution,
  generalizedEntropy,
  gini,
  headcount,
  mld,
  op,
  palma,
  povertyLine,
  quantile,
  theil,
  watts,
} from '../../src/index.js';

/** The PovineqError thrown by f (fails the test if f does not throw one). */
function caught(f: () => unknown): PovineqError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PovineqError);
    return e as PovineqError;
  }
  return expect.fail('expected a PovineqError, but nothing was thrown');
}

/** Asserts the code and that the message names every given fragment. */
function expectError(f: () => unknown, code: string, ...fragments: string[]): PovineqError {
  const e = caught(f);
  expect(e.code).toBe(code);
  for (const fragment of fragments) expect(e.message).toContain(fragment);
  return e;
}

describe('missing values', () => {
  it('null, undefined and NaN in a table column', () => {
    const t = aq.table({ income: [10, null, 30, NaN, 50, undefined], w: [1, 1, 1, 1, 1, 1] });
    const e = expectError(() => gini(t, { value: 'income', weight: 'w' }), 'MISSING_VALUE',
      'column "income"', '3 missing values', 'rows 1, 3, 5', "missing: 'drop'");
    expect(e.details).toMatchObject({ column: 'income', count: 3, rows: [1, 3, 5] });
  });
  it('NaN in an array', () => {
    expectError(() => theil([1, NaN, 3]), 'MISSING_VALUE', 'column "value"', '1 missing value', 'row 1', "missing: 'drop'");
  });
  it('missing weights name the weight column', () => {
    const t = aq.table({ income: [10, 20, 30], w: [1, null, NaN] });
    expectError(() => gini(t, { value: 'income', weight: 'w' }), 'MISSING_VALUE', 'column "w"', '2 missing values', "missing: 'drop'");
    expectError(() => gini([1, 2, 3], { weights: [1, NaN, 1] }), 'MISSING_VALUE', 'column "weights"', '1 missing value', "missing: 'drop'");
  });
  it('empty and NA strings count as missing', () => {
    const t = { income: ['10', '', 'NA', '40'] };
    expectError(() => gini(t, { value: 'income' }), 'MISSING_VALUE', 'column "income"', '2 missing values', 'rows 1, 2', "missing: 'drop'");
  });
  it("missing: 'drop' excludes them, records how many, and equals filtering by hand", () => {
    const t = aq.table({ income: [10, null, 30, NaN, 50, 70], w: [1, 2, 3, 4, 5, null] });
    const d = distribution(t, { value: 'income', weight: 'w', missing: 'drop' });
    expect(d.n).toBe(3);
    expect(d.inputRows).toBe(6);
    expect(d.dropped).toEqual({ missing: 3, nonPositiveWeights: 0, nonPositive: 0 });
    expect(gini(d)).toBe(gini([10, 30, 50], { weights: [1, 3, 5] }));
  });
});

describe('infinite values', () => {
  it('±Infinity in values', () => {
    expectError(() => gini([1, Infinity, -Infinity, 4]), 'NON_FINITE', 'column "value"', '2 infinite values', 'rows 1, 2', "missing: 'drop'");
  });
  it('Infinity in a weight column', () => {
    const t = aq.table({ x: [1, 2, 3], wt: [1, Infinity, 1] });
    expectError(() => gini(t, { value: 'x', weight: 'wt' }), 'NON_FINITE', 'column "wt"', '1 infinite value', 'row 1', "missing: 'drop'");
  });
  it("missing: 'drop' drops them and counts them", () => {
    const d = distribution(new Float64Array([1, Infinity, 3]), { missing: 'drop' });
    expect(d.dropped.missing).toBe(1);
    expect(Array.from(d.values)).toEqual([1, 3]);
  });
});

describe('non-numeric strings', () => {
  it('text that is not a number', () => {
    const t = { income: ['10', 'abc', '30', 'n/a'] };
    const e = expectError(() => gini(t, { value: 'income' }), 'NON_NUMERIC', 'column "income"', '2 non-numeric values',
      'rows 1, 3', '"abc"', "missing: 'drop'");
    expect(e.details).toMatchObject({ count: 2, rows: [1, 3] });
  });
  it('booleans and objects are not coerced', () => {
    expectError(() => gini([1, true, {}] as unknown as number[]), 'NON_NUMERIC', 'column "value"', '2 non-numeric values', "missing: 'drop'");
  });
  it('numeric strings are read as numbers', () => {
    expect(gini({ income: ['1', '2', '3', '4'] }, { value: 'income' })).toBeCloseTo(0.25, 15);
  });
});

describe('zero and negative weights', () => {
  it('name the weight column, the count and the option', () => {
    const t = aq.table({ income: [10, 20, 30, 40], w: [1, 0, -2, 1] });
    const e = expectError(() => gini(t, { value: 'income', weight: 'w' }), 'NON_POSITIVE_WEIGHT',
      'column "w"', '2 zero or negative weights', 'rows 1, 2', "nonPositiveWeights: 'drop'");
    expect(e.details).toMatchObject({ column: 'w', count: 2 });
  });
  it("nonPositiveWeights: 'drop' drops them and counts them", () => {
    const d = distribution([10, 20, 30, 40], { weights: [1, 0, -2, 1], nonPositiveWeights: 'drop' });
    expect(d.dropped).toEqual({ missing: 0, nonPositiveWeights: 2, nonPositive: 0 });
    expect(gini(d)).toBe(gini([10, 40]));
  });
});

describe('missing columns and options', () => {
  it('a value column that is not in the table', () => {
    const t = aq.table({ income: [1, 2], w: [1, 1] });
    expectError(() => gini(t, { value: 'incme', weight: 'w' }), 'MISSING_COLUMN', 'column "incme"', 'option value', '"income"');
  });
  it('a weight column that is not in the table', () => {
    const t = aq.table({ income: [1, 2] });
    expectError(() => gini(t, { value: 'income', weight: 'weight' }), 'MISSING_COLUMN', 'column "weight"', 'option weight');
  });
  it('a table without { value }', () => {
    expectError(() => gini(aq.table({ income: [1, 2] })), 'MISSING_OPTION', '{ value: "income" }');
  });
  it('weights of the wrong length', () => {
    expectError(() => gini([1, 2, 3], { weights: [1, 1] }), 'LENGTH_MISMATCH', '2 entries for 3 values');
  });
  it('a poverty measure without a line', () => {
    expectError(() => headcount([1, 2, 3], {} as { line: number }), 'MISSING_OPTION', '{ line }');
  });
  it('a probability given as a percent', () => {
    expectError(() => quantile([1, 2, 3], { p: 50 }), 'INVALID_OPTION', 'option p', 'a fraction, not a percent');
  });
});

describe('empty input', () => {
  it('an empty array or table', () => {
    expectError(() => gini([]), 'EMPTY', 'column "value"');
    expectError(() => gini(aq.table({ income: [] as number[] }), { value: 'income' }), 'EMPTY', 'column "income"');
  });
  it('nothing left after drops', () => {
    expectError(() => gini([NaN, null] as number[], { missing: 'drop' }), 'EMPTY', 'column "value"', 'after dropping 2 bad rows');
    expectError(() => theil([0, -1], { nonPositive: 'drop' }), 'EMPTY', 'column "value"', 'after dropping 2 zero or negative values');
  });
  it('an empty group in byGroup names the group and the column', () => {
    const t = aq.table({ council: ['A', 'A', 'B', 'B'], income: [10, 20, null, NaN] });
    const e = expectError(() => byGroup(gini, t, { by: 'council', value: 'income', missing: 'drop' }), 'EMPTY_GROUP',
      'council = "B"', 'column "income"', 'after dropping 2 rows');
    expect(e.details).toMatchObject({ group: ['B'], column: 'income' });
  });
  it('a group error inside byGroup names the group', () => {
    const t = aq.table({ council: ['A', 'A', 'B', 'B'], income: [10, 20, 0, 5] });
    expectError(() => byGroup(theil, t, { by: 'council', value: 'income' }), 'NON_POSITIVE_VALUE',
      'council = "B"', 'column "income"', '1 zero or negative value', "nonPositive: 'drop'");
  });
});

describe('non-positive incomes where a measure needs positive ones', () => {
  const t = aq.table({ income: [0, 10, -5, 20, 30, 0], w: [1, 2, 3, 4, 5, 6] });
  const o = { value: 'income', weight: 'w' };
  const cases: [string, string, () => number][] = [
    ['theil', 'theil', () => theil(t, o)],
    ['mld', 'mld', () => mld(t, o)],
    ['generalizedEntropy', 'GE(0)', () => generalizedEntropy(t, { ...o, alpha: 0 })],
    ['generalizedEntropy', 'GE(-1)', () => generalizedEntropy(t, { ...o, alpha: -1 })],
    ['generalizedEntropy', 'GE(1)', () => generalizedEntropy(t, { ...o, alpha: 1 })],
    ['atkinson', 'atkinson ε = 1', () => atkinson(t, { ...o, epsilon: 1 })],
    ['atkinson', 'atkinson ε = 2', () => atkinson(t, { ...o, epsilon: 2 })],
    ['watts', 'watts', () => watts(t, { ...o, line: 15 })],
  ];
  for (const [measure, title, f] of cases) {
    it(title, () => {
      const e = expectError(f, 'NON_POSITIVE_VALUE', measure, 'column "income"', '3 zero or negative values', 'rows 0, 2, 5',
        "nonPositive: 'drop'");
      expect(e.details).toMatchObject({ column: 'income', count: 3, rows: [0, 2, 5] });
    });
  }
  it('GE(α > 0) and Atkinson(ε < 1) keep zeros but refuse negatives', () => {
    expectError(() => generalizedEntropy(t, { ...o, alpha: 2 }), 'NON_POSITIVE_VALUE', 'column "income"', '1 negative value', 'row 2',
      "nonPositive: 'drop'");
    expectError(() => atkinson(t, { ...o, epsilon: 0.5 }), 'NON_POSITIVE_VALUE', 'column "income"', '1 negative value', "nonPositive: 'drop'");
  });
  it("nonPositive: 'drop' computes on the positive incomes and records the count", () => {
    // positive rows: 10 (w 2), 20 (w 4), 30 (w 5)
    expect(theil(t, { ...o, nonPositive: 'drop' })).toBe(theil([10, 20, 30], { weights: [2, 4, 5] }));
    expect(watts(t, { ...o, line: 15, nonPositive: 'drop' })).toBe(watts([10, 20, 30], { weights: [2, 4, 5], line: 15 }));
    const d = distribution(t, o).positive('theil', 'drop');
    expect(d.dropped.nonPositive).toBe(3);
    expect(distribution(t, o).nonNegative('atkinson', 'drop').dropped.nonPositive).toBe(1);
  });
  it('gini and poverty measures accept zero and negative incomes', () => {
    expect(Number.isFinite(gini(t, o))).toBe(true);
    expect(Number.isFinite(palma([-1, 0, 10, 20, 30, 40, 50, 60, 70, 80]))).toBe(true);
    // poor below 15: rows 0, 1, 2, 5 with weights 1 + 2 + 3 + 6 = 12 of 21
    expect(headcount(t, { ...o, line: 15 })).toBeCloseTo(12 / 21, 15);
    expect(Number.isFinite(povertyLine(t, o))).toBe(true);
  });
  it('a non-positive mean is refused for relative measures', () => {
    expectError(() => gini([-5, 1, 2]), 'NON_POSITIVE_MEAN', 'column "value"');
  });
});

describe('inputs are never mutated', () => {
  it('arrays and typed arrays, including when rows are dropped', () => {
    const x = [30, 10, NaN, 20, 0];
    const w = [1, 2, 3, 0, 5];
    const xc = x.slice();
    const wc = w.slice();
    const f = new Float64Array([3, 1, 2]);
    const fc = Float64Array.from(f);
    theil(x, { weights: w, missing: 'drop', nonPositiveWeights: 'drop', nonPositive: 'drop' });
    gini(f);
    quantile(f, { p: 0.5 });
    expect(x).toEqual(xc);
    expect(w).toEqual(wc);
    expect(f).toEqual(fc);
  });
  it('an Arquero table (values, order and row count), including through byGroup', () => {
    const t = aq.table({ g: ['a', 'b', 'a', 'b'], income: [40, 10, null, 20], w: [1, 2, 3, 4] });
    const before = t.objects();
    gini(t, { value: 'income', weight: 'w', missing: 'drop' });
    byGroup(gini, t, { by: 'g', value: 'income', weight: 'w', missing: 'drop' });
    expect(t.objects()).toEqual(before);
    expect(t.numRows()).toBe(4);
  });
  it('a plain object of columns', () => {
    const cols = { income: ['3', '1', '2'] };
    gini(cols, { value: 'income' });
    expect(cols.income).toEqual(['3', '1', '2']);
  });
});

describe('Arquero ops do not skip bad rows silently', () => {
  it('a null in the value column throws, naming the count and the way out', () => {
    const t = aq.table({ income: [10, null, 30], w: [1, 1, 1] });
    expectError(() => t.rollup({ g: op.gini('income', 'w') }), 'MISSING_VALUE', '1 row has', "missing: 'drop'");
  });
});
