import { addAggregateFunction } from 'arquero';
import { fromColumns } from './core/index.js';
import { PovineqError, plural } from './data/index.js';
import { MEASURES } from './measures/index.js';

interface OpState {
  count: number;
  valid: number;
  povineqValues: number[];
  povineqWeights: number[];
  povineqWeighted: boolean;
}

/**
 * Registers povineq's measures as Arquero aggregate ops, so they work in `rollup` and `groupby`:
 *
 * ```ts
 * hh.groupby('council').rollup({ g: op.gini('income', 'w'), rate: op.povertyRate('income', 'w', line) })
 * ```
 *
 * Each op takes the value column, then the weight column (optional for ops without parameters),
 * then the measure's parameters in order: `op.atkinson(value, weight, epsilon)`,
 * `op.generalizedEntropy(value, weight, alpha)`, `op.percentileRatio(value, weight, upper, lower)`,
 * `op.weightedQuantile(value, weight, p)`, `op.topShare(value, weight, p)`,
 * `op.fgt(value, weight, alpha, line)`, `op.povertyRate(value, weight, line)` (and `headcount`,
 * `povertyGap`, `povertySeverity`, `watts`, `sen`, `sst`), `op.arpr(value, weight)`.
 * Poverty ops take the line as a parameter: compute it once on the whole population with
 * povertyLine() and pass it in. `op.arpr` and `op.rmpg` inside a groupby use each group's own median.
 *
 * Importing povineq calls this once; calling it again is harmless. Rows with a missing value or
 * weight make the op throw (Arquero itself would skip them silently): filter them out first.
 */
export function registerOps(): void {
  for (const [name, measure] of Object.entries(MEASURES)) {
    const params = measure.info.params ?? [];
    addAggregateFunction(
      name,
      {
        create: (...args: unknown[]) => ({
          init: (s: OpState) => {
            s.povineqValues = [];
            s.povineqWeights = [];
            s.povineqWeighted = false;
          },
          add: (s: OpState, v: unknown, w: unknown) => {
            s.povineqValues.push(v as number);
            if (w !== undefined) s.povineqWeighted = true;
            s.povineqWeights.push(w as number);
          },
          rem: () => {
            throw new PovineqError('INVALID_INPUT', `op.${name} cannot be used as a sliding window function`);
          },
          value: (s: OpState) => {
            const invalid = s.count - s.valid;
            if (invalid > 0) {
              throw new PovineqError(
                'MISSING_VALUE',
                `op.${name}: ${plural(invalid, 'row has', 'rows have')} a missing value or weight (null, undefined or NaN); ` +
                  `filter them out first, or use byGroup(${name === 'povertyRate' ? 'headcount' : name}, table, { by, value, weight, missing: 'drop' })`,
                { count: invalid, option: "missing: 'drop'" },
              );
            }
            const options: Record<string, unknown> = {};
            params.forEach((p, i) => (options[p] = args[i]));
            const d = fromColumns(s.povineqValues, s.povineqWeighted ? s.povineqWeights : undefined, `op.${name} value`, s.povineqWeighted ? `op.${name} weight` : undefined);
            return measure.info.compute(d, options as never);
          },
        }),
        param: [2, params.length],
      } as unknown as Parameters<typeof addAggregateFunction>[1],
      { override: true },
    );
  }
}
