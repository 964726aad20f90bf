import { addAggregateFunction, op as arqueroOp } from 'arquero';
import { finiteResult, fromColumns } from './core/index.js';
import { PovineqError, plural } from './data/index.js';
import { MEASURES } from './measures/index.js';

interface OpState {
  count: number;
  valid: number;
  povineqValues: number[];
  povineqWeights: number[];
  povineqWeighted: boolean;
  /** The op instance that collects the rows: ops on the same fields share one state object. */
  povineqCollector: object | undefined;
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
        create: (...args: unknown[]) => {
          // Arquero gives every op over the same fields one shared state per group, so only the
          // first povineq op to initialise it collects rows; the others read the same arrays.
          const self = {};
          return {
            init: (s: OpState) => {
              if (s.povineqCollector !== undefined) return;
              s.povineqCollector = self;
              s.povineqValues = [];
              s.povineqWeights = [];
              s.povineqWeighted = false;
            },
            add: (s: OpState, v: unknown, w: unknown) => {
              if (s.povineqCollector !== self) return;
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
              try {
                const d = fromColumns(s.povineqValues, s.povineqWeighted ? s.povineqWeights : undefined, `op.${name} value`, s.povineqWeighted ? `op.${name} weight` : undefined);
                return finiteResult(measure.info.compute(d, options as never), `op.${name}`, d);
              } catch (e) {
                throw e instanceof PovineqError ? opError(name, e) : e;
              }
            },
          };
        },
        param: [2, params.length],
      } as unknown as Parameters<typeof addAggregateFunction>[1],
      { override: true },
    );
  }
}

/**
 * An op has no column names and takes no options: its errors speak of "the values passed to
 * op.gini" and point to filtering the table, or to byGroup, which does take the option.
 */
function opError(name: string, e: PovineqError): PovineqError {
  const measure = name === 'povertyRate' ? 'headcount' : name;
  const message = e.message
    .replace(new RegExp(`(?:(?:value|weight) )?column "op\\.${name} (value|weight)"( has)?`, 'g'), (_, role: string, has?: string) =>
      `the ${role === 'value' ? 'values' : 'weights'} passed to op.${name}${has ? ' have' : ''}`)
    .replace(
      /pass \{ (\w+): '(\w+)' \} to exclude (?:them|those rows)/g,
      (_, option: string, setting: string) =>
        `filter those rows out of the table first (an op takes no options), or use byGroup(${measure}, table, { by, value, weight, ${option}: '${setting}' })`,
    )
    .replace(/^([a-zA-Z]+) of the values/, `op.${name} of the values`);
  const { column: _column, ...details } = e.details as Record<string, unknown>;
  return new PovineqError(e.code, message.startsWith('op.') ? message : `op.${name}: ${message}`, { ...details, op: name });
}

/** A column reference or value as Arquero passes it to an aggregate op. */
type OpArg = unknown;

/**
 * Types of the aggregate ops povineq registers, for TypeScript users (in Arquero's table
 * expressions each returns the measure as a number).
 */
export interface PovineqOps {
  gini(value: OpArg, weight?: OpArg): number;
  theil(value: OpArg, weight?: OpArg): number;
  mld(value: OpArg, weight?: OpArg): number;
  generalizedEntropy(value: OpArg, weight: OpArg, alpha: number): number;
  atkinson(value: OpArg, weight: OpArg, epsilon: number): number;
  palma(value: OpArg, weight?: OpArg): number;
  s80s20(value: OpArg, weight?: OpArg): number;
  percentileRatio(value: OpArg, weight: OpArg, upper: number, lower: number): number;
  weightedQuantile(value: OpArg, weight: OpArg, p: number): number;
  weightedMedian(value: OpArg, weight?: OpArg): number;
  weightedMean(value: OpArg, weight?: OpArg): number;
  cv(value: OpArg, weight?: OpArg): number;
  hoover(value: OpArg, weight?: OpArg): number;
  topShare(value: OpArg, weight: OpArg, p: number): number;
  bottomShare(value: OpArg, weight: OpArg, p: number): number;
  povertyLine(value: OpArg, weight: OpArg, fraction: number): number;
  fgt(value: OpArg, weight: OpArg, alpha: number, line: number): number;
  headcount(value: OpArg, weight: OpArg, line: number): number;
  povertyRate(value: OpArg, weight: OpArg, line: number): number;
  povertyGap(value: OpArg, weight: OpArg, line: number): number;
  povertySeverity(value: OpArg, weight: OpArg, line: number): number;
  watts(value: OpArg, weight: OpArg, line: number): number;
  sen(value: OpArg, weight: OpArg, line: number): number;
  sst(value: OpArg, weight: OpArg, line: number): number;
  arpr(value: OpArg, weight?: OpArg): number;
  rmpg(value: OpArg, weight?: OpArg): number;
}

/**
 * Arquero's `op` with povineq's aggregate ops typed, so TypeScript (and notebooks on the tslab
 * kernel, which type-check every cell) accept `op.gini('income', 'w')`. It is the same object as
 * Arquero's own `op`.
 *
 * @example
 * import { op } from 'povineq';
 * table.groupby('council').rollup({ g: op.gini('income', 'w') });
 */
export const op = arqueroOp as typeof arqueroOp & PovineqOps;
