import { PovineqError } from '../data/index.js';
import { type Distribution, type Input, type MeasureOptions, measureDistribution } from './distribution.js';
import { checkMeasureOptions } from './measure-options.js';

/**
 * What povineq knows about a measure beyond its function: how to compute it on a Distribution,
 * and whether it takes a poverty line (so grouped computations can supply the population's line).
 * Used by byGroup, the Arquero ops and estimate().
 */
export interface MeasureInfo<O = any> {
  /** The measure's public name, e.g. `'gini'`; also the output column name in byGroup. */
  name: string;
  /** The computation on a validated, sorted Distribution. */
  compute: (d: Distribution, options: O & MeasureOptions) => number;
  /**
   * For poverty measures: the line used when the caller gives none. byGroup computes it once on
   * the whole population and passes it to every group (unless `groupLine: true`).
   */
  defaultLine?: (d: Distribution, options: O & MeasureOptions) => number;
  /** Option names that are positional parameters of the Arquero op, in order. */
  params?: readonly string[];
  /**
   * The influence function (linearized variable) of the measure on this Distribution: one uᵢ per
   * sorted unit, aligned with `d.values`, such that θ̂ − θ ≈ Σ wᵢ uᵢ (Deville 1999). For measures of
   * a poverty line it treats `options.line` as fixed; {@link lineDerivative} and
   * {@link lineInfluence} add the line's own sampling error. Used by estimate() for linearized
   * standard errors; measures without one are estimated by bootstrap or replicate weights.
   */
  influence?: (d: Distribution, options: O & MeasureOptions) => Float64Array;
  /** For measures of a poverty line z: ∂θ/∂z at `options.line` (the density term of Osier 2009). */
  lineDerivative?: (d: Distribution, options: O & MeasureOptions & { line: number }) => number;
  /** For measures of a poverty line: the influence function of {@link defaultLine} (e.g. 0.6 × median). */
  lineInfluence?: (d: Distribution, options: O & MeasureOptions) => Float64Array;
  /**
   * Whether, with these options, the measure first takes the weighted median (arpr: its
   * threshold). On large raw columns, weighted or not, the pass that validates them then also
   * keeps the units near the median (scan.ts scanMedian), so the median needs no other pass.
   */
  takesMedian?: (options: O & MeasureOptions) => boolean;
}

/** A public measure function with its {@link MeasureInfo} attached. */
export type Measure<O = {}> = ({} extends O
  ? (data: Input, options?: MeasureOptions & O) => number
  : (data: Input, options: MeasureOptions & O) => number) & { readonly info: MeasureInfo<O> };

/**
 * Makes the public form of a measure: `(data, options) => number`, building (or reusing, from the
 * cache of raw columns) a lazily sorted Distribution and handing it to `info.compute`.
 */
export function defineMeasure<O>(info: MeasureInfo<O>): Measure<O> {
  const fn = (data: Input, options?: (MeasureOptions & O) | null): number => {
    const o = checkMeasureOptions(options, info.name) as MeasureOptions & O;
    const d = measureDistribution(data, o, info.takesMedian?.(o) === true);
    return finiteResult(info.compute(d, o), info.name, d);
  };
  Object.defineProperty(fn, 'name', { value: info.name });
  return Object.assign(fn, { info }) as Measure<O>;
}

/** The measure info of a public measure function, or an error naming what was passed. */
export function measureInfo(measure: unknown): MeasureInfo {
  const info = (measure as { info?: MeasureInfo } | undefined)?.info;
  if (typeof measure !== 'function' || !info || typeof info.compute !== 'function') {
    throw new PovineqError(
      'INVALID_OPTION',
      `expected a povineq measure such as gini or headcount, got ${typeof measure === 'function' ? `function ${measure.name || '(anonymous)'}` : typeof measure}`,
      { option: 'measure' },
    );
  }
  return info;
}

/** The poverty line option, required by FGT-family measures. */
export function requireLine(options: { line?: number } | undefined, measure: string): number {
  const line = options?.line;
  if (line === undefined) {
    throw new PovineqError(
      'MISSING_OPTION',
      `${measure} needs a poverty line: pass { line }, e.g. { line: povertyLine(d) } for 60% of the median`,
      { option: 'line', measure },
    );
  }
  if (typeof line !== 'number' || !Number.isFinite(line) || line <= 0) {
    throw new PovineqError('INVALID_OPTION', `${measure}: line must be a positive finite number, got ${JSON.stringify(line)}`, {
      option: 'line',
      measure,
    });
  }
  return line;
}

/** The weighted mean, which relative inequality measures divide by: it must be positive. */
export function positiveMean(d: Distribution, measure: string): number {
  const mean = d.mean;
  if (!(mean > 0)) {
    throw new PovineqError(
      'NON_POSITIVE_MEAN',
      `${measure} is relative to the mean, but the weighted mean of column "${d.column}" is ${mean}; ` +
        `it is defined only for a positive mean`,
      { column: d.column, measure, mean },
    );
  }
  return mean;
}

/** A finite number option, with a message naming it. */
export function requireNumber(value: unknown, option: string, measure: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new PovineqError(
      value === undefined ? 'MISSING_OPTION' : 'INVALID_OPTION',
      `${measure} needs a finite number for option ${option}, got ${JSON.stringify(value)}`,
      { option, measure },
    );
  }
  return value;
}

/**
 * A measure's value, or an error if it is not a finite number: povineq never returns a silent
 * NaN or Infinity (the values were too extreme for double arithmetic, or the measure is undefined
 * on these data).
 */
export function finiteResult(value: number, measure: string, d: Distribution): number {
  if (Number.isFinite(value)) return value;
  throw new PovineqError(
    'UNDEFINED_RESULT',
    `${measure} of column "${d.column}" came out as ${value}: the ${d.n} values (from ${d.values[0]} to ${d.values[d.n - 1]}) ` +
      'are too extreme for double-precision arithmetic or leave the measure undefined; rescale the column or check its values',
    { column: d.column, measure, value: String(value) },
  );
}
