import { type Input, measureInfo } from '../core/index.js';
import { type OptionSpec, PovineqError, checkOptions } from '../data/index.js';
import { ESTIMATE_OPTIONS, type Estimate, type EstimateOptions, resolve, run } from './estimate.js';
import { normalInterval } from '../core/index.js';

const CHANGE_OPTIONS: OptionSpec = { ...ESTIMATE_OPTIONS, before: { kind: 'string' }, after: { kind: 'string' }, designs: { kind: 'array' } };
import { canLinearize, measurePlan, pairedPlan } from './plan.js';

/** A change θ_after − θ_before with its standard error, and the two estimates it compares. */
export interface Change extends Estimate {
  before: Estimate;
  after: Estimate;
  /** Whether the two estimates share units (paired) or come from independent samples. */
  paired: boolean;
}

/** Options of a paired change: the two value columns of one table, plus estimate()'s options. */
export type PairedChangeOptions = Omit<EstimateOptions, 'by' | 'value'> & {
  /** Column of the first year or the baseline scenario. */
  before: string;
  /** Column of the second year or the reform scenario, on the same rows. */
  after: string;
};

/** Options of an independent change: estimate()'s options for each sample, or the same for both. */
export type IndependentChangeOptions = Omit<EstimateOptions, 'by'> & {
  /** Designs of the two samples, if they differ (else `design` serves both). */
  designs?: [EstimateOptions['design'], EstimateOptions['design']];
};

/**
 * Change in a measure between two years or two scenarios, with the standard error of the
 * difference.
 *
 * Paired (one table, the same units measured twice — a panel, or a baseline and a reform
 * scenario): `change(measure, table, { before: 'income2019', after: 'income2020', design })`.
 * Linearization takes the design variance of the difference of the two scores, sᵢ(after) −
 * sᵢ(before), so the covariance is counted; bootstrap and replicate methods apply the same
 * replicate weights to both. Independent samples: `change(measure, [tableA, tableB], options)`,
 * se = √(se_A² + se_B²). Poverty lines without `line` are estimated in each year separately.
 *
 * @example
 * change(headcount, households, { before: 'baseline', after: 'reform', weight: 'w', line: 300 })
 */
export function change(measure: unknown, data: Input, options: PairedChangeOptions): Change;
export function change(measure: unknown, data: [Input, Input], options?: IndependentChangeOptions): Change;
export function change(measure: unknown, data: Input | [Input, Input], options?: PairedChangeOptions | IndependentChangeOptions | null): Change {
  const info = measureInfo(measure);
  options = checkOptions(options, CHANGE_OPTIONS, `change(${info.name})`);
  if (options.interval === 'logit' || options.interval === 'korn-graubard') {
    throw new PovineqError('INVALID_OPTION', `change: interval '${options.interval}' is for a proportion, and a change is not one; did you mean 'normal'?`, {
      option: 'interval',
      suggestion: 'normal',
    });
  }
  const independent = Array.isArray(data) && data.length === 2 && data.every((x) => x !== null && typeof x === 'object');
  if (independent) {
    const { designs, ...rest } = options as IndependentChangeOptions;
    const est = (k: 0 | 1) => {
      const o = designs ? { ...rest, design: designs[k] } : rest;
      const setup = resolve(canLinearize(info, options as Record<string, unknown>), data[k] as Input, o);
      return run(measurePlan(info, setup.d, setup.measureOptions), setup, { ...o, seed: ((o.seed as number | undefined) ?? 1) + k })[0]!;
    };
    const before = est(0);
    const after = est(1);
    const value = after.estimate - before.estimate;
    const se = Math.sqrt(before.se ** 2 + after.se ** 2);
    return { estimate: value, se, ci: normalInterval(value, se, before.level), level: before.level, method: before.method, n: before.n + after.n, before, after, paired: false };
  }
  const o = options as PairedChangeOptions;
  if (typeof o.before !== 'string' || typeof o.after !== 'string') {
    throw new PovineqError(
      'MISSING_OPTION',
      "a paired change needs { before: 'column', after: 'column' } naming the two value columns of the table; for independent samples pass [tableBefore, tableAfter]",
      { option: 'before' },
    );
  }
  const { before: colBefore, after: colAfter, ...rest } = o;
  const setupA = resolve(canLinearize(info, options as Record<string, unknown>), data as Input, rest, colBefore);
  const setupB = resolve(canLinearize(info, options as Record<string, unknown>), data as Input, rest, colAfter);
  const [before, after, diff] = run(pairedPlan(info, setupA.d, setupB.d, setupA.measureOptions), setupA, rest);
  return { ...diff!, before: before!, after: after!, paired: true };
}

