import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

/** The four statutory child poverty measures of the Child Poverty (Scotland) Act 2017. */
export type ChildPovertyMeasure = 'relative' | 'absolute' | 'combined' | 'persistent';

/**
 * Targets of the Child Poverty (Scotland) Act 2017, as fractions of children:
 *
 * | measure | Act | interim, 2023/24 (s. 2) | final, 2030/31 (s. 1) |
 * |---|---|---|---|
 * | relative: household income < 60% of the UK median of the same year | s. 3 | 0.18 | 0.10 |
 * | absolute: < 60% of the 2010/11 UK median, adjusted for the value of money | s. 4 | 0.14 | 0.05 |
 * | combined: < 70% of the UK median and materially deprived | s. 5 | 0.08 | 0.05 |
 * | persistent: relative poverty in at least 3 of the last 4 survey years | s. 6 | 0.08 | 0.05 |
 *
 * The Act sets each target as "less than" the figure, for the financial year beginning 1 April
 * 2023 (interim) and 1 April 2030 (final). All four are measured on incomes **after housing
 * costs**: s. 7(1), "the deductions to be made in calculating net household income include housing
 * costs" (Explanatory Notes, para 19, contrast this with the UK Child Poverty Act 2010, s. 7(2),
 * which did not deduct them). PIIS publishes BHC figures too; they are not the statutory measure.
 */
export const CHILD_POVERTY_TARGETS: readonly Readonly<{ measure: ChildPovertyMeasure; kind: 'interim' | 'final'; period: string; target_year: number; target: number }>[] =
  Object.freeze(
    (
      [
        ['relative', 0.18, 0.1],
        ['absolute', 0.14, 0.05],
        ['combined', 0.08, 0.05],
        ['persistent', 0.08, 0.05],
      ] as const
    ).flatMap(([measure, interim, final]) => [
      Object.freeze({ measure, kind: 'interim' as const, period: '2023/24', target_year: 2024, target: interim }),
      Object.freeze({ measure, kind: 'final' as const, period: '2030/31', target_year: 2031, target: final }),
    ]),
  );

/**
 * The Child Poverty (Scotland) Act 2017 targets as a table (docs/result-tables.md "child poverty
 * targets"): `measure` (`relative`, `absolute`, `combined`, `persistent`), `target_year` (end year:
 * 2024 for the interim 2023/24 target, 2031 for the final 2030/31 one), `period`, `kind`
 * (`interim`/`final`), `target` (a fraction; the Act requires the rate to be below it).
 * Reference: Child Poverty (Scotland) Act 2017 (asp 6): ss. 1–2 (targets), ss. 3–6 (measures),
 * s. 7(1) (after housing costs).
 *
 * @example
 * childPovertyTargets().filter((d) => d.kind === 'final')
 */
export function childPovertyTargets(): ColumnTable {
  return aq.from(CHILD_POVERTY_TARGETS.map((t) => ({ measure: t.measure, target_year: t.target_year, period: t.period, kind: t.kind, target: t.target })));
}
