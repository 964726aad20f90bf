// Bad input through SQL keeps the package's error contract, on every executed engine: missing
// columns, NULL/NaN/infinite or non-numeric values, zero or negative weights, non-positive incomes
// for Theil/MLD/Atkinson and empty input raise a PovineqError naming the column, the count of bad
// rows and the option that handles them — never a number computed after SQL skipped the NULLs.
import { expect, test } from 'vitest';
import { PovineqError, distribution, gini, queryMeasures, theil } from '../../src/index.js';
import type { SqlConnection } from '../../src/index.js';

export interface ErrorEngine {
  connection(): SqlConnection;
  exec(sql: string): Promise<void>;
}

// 8 rows: x has 2 NULLs, 1 NaN, 1 infinity in other columns; weights with 2 NULL, 1 zero, 1 negative.
const ROWS = [
  // g,   x,      w,     t (text),  xn (with nulls), xz (zeros/negatives)
  ["'a'", '10', '1', "'10'", '10', '10'],
  ["'a'", '20', '2', "'20'", 'NULL', '0'],
  ["'a'", '30', '1', "'abc'", '30', '-5'],
  ["'b'", '40', '3', "'40'", 'NULL', '40'],
  ["'b'", '50', '1', "'n/a'", '50', '0'],
  ["'b'", '60', '2', "'60'", '60', '60'],
  ["'b'", '70', '1', "'70'", "CAST('NaN' AS DOUBLE PRECISION)", '70'],
  ["'b'", '80', '1', "'80'", '80', '80'],
];
const WEIGHTS = ['1', 'NULL', '0', '2', '-1', '1', 'NULL', '1']; // wb: 2 missing, 1 zero, 1 negative
const INFINITE = ['1', '2', "CAST('Infinity' AS DOUBLE PRECISION)", '4', '5', '6', '7', '8'];

async function expectError(p: Promise<unknown>, code: string, facts: { column?: string; count?: number; fix?: string }): Promise<PovineqError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(PovineqError);
  const error = e as PovineqError;
  expect(error.code).toBe(code);
  if (facts.column) expect(error.message).toContain(`"${facts.column}"`);
  if (facts.count !== undefined) expect(error.details.count).toBe(facts.count);
  if (facts.fix) expect(error.message).toContain(facts.fix);
  return error;
}

export function errorTests(engine: ErrorEngine): void {
  const table = 'bad input';
  let created = false;
  const setup = async () => {
    if (created) return;
    await engine.exec(
      `CREATE TABLE "${table}" (g TEXT, x DOUBLE PRECISION, w DOUBLE PRECISION, t TEXT, xn DOUBLE PRECISION, xz DOUBLE PRECISION, wb DOUBLE PRECISION, xi DOUBLE PRECISION)`,
    );
    const values = ROWS.map((r, i) => `(${[...r, WEIGHTS[i], INFINITE[i]].join(', ')})`).join(', ');
    await engine.exec(`INSERT INTO "${table}" VALUES ${values}`);
    await engine.exec(`CREATE TABLE "empty input" (x DOUBLE PRECISION, w DOUBLE PRECISION)`);
    created = true;
  };
  const run = async (o: Record<string, unknown>) => {
    await setup();
    return queryMeasures(engine.connection(), { from: table, value: 'x', measures: ['gini', 'n'], ...o } as never);
  };

  test('a missing column is named, with the columns that exist', async () => {
    const e = await expectError(run({ value: 'income' }), 'MISSING_COLUMN', { column: 'income' });
    expect(e.message).toContain('"xn"');
    await expectError(run({ weight: 'weight' }), 'MISSING_COLUMN', { column: 'weight' });
    await expectError(run({ by: ['g', 'council'] }), 'MISSING_COLUMN', { column: 'council' });
  });

  test('NULL and NaN values are counted, not skipped; missing: drop excludes them', async () => {
    await expectError(run({ value: 'xn' }), 'MISSING_VALUE', { column: 'xn', count: 3, fix: "missing: 'drop'" });
    const dropped = await run({ value: 'xn', missing: 'drop' });
    expect(dropped.get('n', 0)).toBe(5);
    // in memory, the same five rows: 10, 30, 50, 60, 80
    expect(Math.abs((dropped.get('gini', 0) as number) - gini([10, 30, 50, 60, 80]))).toBeLessThan(1e-12);
  });

  test('missing weights are counted; missing: drop excludes them', async () => {
    await expectError(run({ weight: 'wb' }), 'MISSING_VALUE', { column: 'wb', count: 2, fix: "missing: 'drop'" });
  });

  test('zero and negative weights are counted; nonPositiveWeights: drop excludes them', async () => {
    await expectError(run({ weight: 'wb', missing: 'drop' }), 'NON_POSITIVE_WEIGHT', { column: 'wb', count: 2, fix: "nonPositiveWeights: 'drop'" });
    const kept = await run({ weight: 'wb', missing: 'drop', nonPositiveWeights: 'drop' });
    expect(kept.get('n', 0)).toBe(4);
    const want = gini([10, 40, 60, 80], { weights: [1, 2, 1, 1] });
    expect(Math.abs((kept.get('gini', 0) as number) - want)).toBeLessThan(1e-12);
  });

  test('non-numeric text is counted; numeric text is read as numbers', async () => {
    await expectError(run({ value: 't' }), 'NON_NUMERIC', { column: 't', count: 2, fix: 'convert the column to numbers' });
    const kept = await run({ value: 't', missing: 'drop' });
    expect(kept.get('n', 0)).toBe(6);
    expect(Math.abs((kept.get('gini', 0) as number) - gini([10, 20, 40, 60, 70, 80]))).toBeLessThan(1e-12);
  });

  test('infinite values are counted', async () => {
    await expectError(run({ value: 'xi' }), 'NON_FINITE', { column: 'xi', count: 1, fix: "missing: 'drop'" });
  });

  test('Theil, MLD and Atkinson refuse non-positive incomes, with the count; nonPositive: drop as in memory', async () => {
    await expectError(run({ value: 'xz', measures: ['theil'] }), 'NON_POSITIVE_VALUE', { column: 'xz', count: 3, fix: "nonPositive: 'drop'" });
    await expectError(run({ value: 'xz', measures: ['atkinson'], epsilon: [0.5] }), 'NON_POSITIVE_VALUE', { column: 'xz', count: 1 });
    const kept = await run({ value: 'xz', measures: ['theil', 'gini'], nonPositive: 'drop' });
    const d = distribution([10, 0, -5, 40, 0, 60, 70, 80]);
    expect(Math.abs((kept.get('theil', 0) as number) - theil(d, { nonPositive: 'drop' }))).toBeLessThan(1e-12);
    // Gini keeps every row, as in memory
    expect(Math.abs((kept.get('gini', 0) as number) - gini(d))).toBeLessThan(1e-12);
  });

  test('an empty source, or one emptied by the drops, is an error', async () => {
    await setup();
    await expectError(queryMeasures(engine.connection(), { from: 'empty input', value: 'x' }), 'EMPTY', { column: 'x' });
  });

  test('an undefined measure in one group names the group (RMPG with nobody below the line)', async () => {
    const e = await expectError(run({ by: 'g', measures: ['rmpg'], groupLine: true, line: 5 }), 'UNDEFINED_RESULT', { column: 'x' });
    expect(e.message).toContain('g = "a"');
  });
}
