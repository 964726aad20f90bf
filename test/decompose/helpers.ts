import type { ColumnTable } from 'arquero';
import fc from 'fast-check';

/** The `value` of the row whose component is `component`. */
export function valueOf(t: ColumnTable, component: string, column = 'value'): number {
  const comps = t.array('component') as string[];
  const i = comps.indexOf(component);
  if (i < 0) throw new Error(`no row ${component} in ${comps.join(', ')}`);
  return (t.array(column) as number[])[i]!;
}

/** Sum of `value` over rows of a kind. */
export function sumKind(t: ColumnTable, kind: string): number {
  const kinds = t.array('kind') as string[];
  const values = t.array('value') as number[];
  return kinds.reduce((s, k, i) => (k === kind ? s + values[i]! : s), 0);
}

/** Random grouped, weighted, positive incomes: { income, w, g } columns with 1–4 groups, each non-empty. */
export const groupedIncomes = fc
  .array(
    fc.record({
      income: fc.double({ min: 0.5, max: 1000, noNaN: true }),
      w: fc.double({ min: 0.1, max: 10, noNaN: true }),
      g: fc.constantFrom('a', 'b', 'c', 'd'),
    }),
    { minLength: 2, maxLength: 60 },
  )
  .map((rows) => ({
    income: rows.map((r) => r.income),
    w: rows.map((r) => r.w),
    g: rows.map((r) => r.g),
  }));

export const close = (a: number, b: number, tol = 1e-10) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
