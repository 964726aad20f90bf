import {
  type ColumnSource,
  PovineqError,
  assertClean,
  describeRows,
  isArrayLikeOfValues,
  plural,
  readColumn,
  toNumeric,
} from '../data/index.js';
import { cachedDistribution, hasCachedEntry, rememberDistribution } from './input-cache.js';
import { sortWeighted } from './sort.js';
import { checkDataOptions } from './measure-options.js';
import { checkFiniteTotals } from './finite-totals.js';
import { type Kept, checkColumns, scanColumns, scanMedian, scanMedianUnweighted } from './scan.js';
import { medianBracket } from './select.js';

/**
 * What a measure accepts: an Arquero table (with `value`, optionally `weight`, column names), an
 * array of values (with optional `weights`), a danfo.js DataFrame or plain object of columns, or a
 * {@link Distribution} built once and shared by many measures.
 */
export type Input = ColumnSource | ArrayLike<number> | Distribution;

/** Where the values and weights come from. */
export interface ColumnOptions {
  /** Name of the value (income) column, for table input. */
  value?: string;
  /** Name of the weight column, for table input. Omit for unweighted data. */
  weight?: string;
  /** Weights aligned with an array input. */
  weights?: ArrayLike<number>;
}

/** How bad rows are handled when a Distribution is built. Nothing is dropped unless asked. */
export interface DataOptions {
  /**
   * Rows whose value or weight is null, undefined, NaN, non-numeric text or ±Infinity:
   * `'error'` (default) throws naming the column and rows; `'drop'` excludes them and records how many.
   */
  missing?: 'error' | 'drop';
  /** Rows whose weight is zero or negative: `'error'` (default) or `'drop'`. */
  nonPositiveWeights?: 'error' | 'drop';
  /**
   * Rows whose value is zero or negative, for measures that need positive incomes (Theil, MLD,
   * GE with α ≤ 0 or α = 1, Atkinson with ε ≥ 1, Watts): `'error'` (default) or `'drop'`.
   * Measures that accept such values (Gini, poverty rates…) ignore this option.
   */
  nonPositive?: 'error' | 'drop';
}

/** Options every measure takes. */
export type MeasureOptions = ColumnOptions & DataOptions;

/** Counts of rows a Distribution excluded because the caller asked it to. */
export interface Dropped {
  missing: number;
  nonPositiveWeights: number;
  nonPositive: number;
}

interface Parts {
  /** Sorted values, weights and rows; absent while the Distribution is still unsorted. */
  values?: Float64Array;
  weights?: Float64Array;
  rows?: Int32Array;
  /** Validated units in input order, owned by the Distribution, sorted on first need. */
  unsorted?: Unsorted;
  column: string;
  weightColumn: string | undefined;
  weighted: boolean;
  inputRows: number;
  dropped: Dropped;
  /** Free buffers of length n to hold the cumulative sums (the sort's scratch), if any. */
  spare?: Float64Array[];
  /** Σ wᵢ and Σ wᵢxᵢ when already taken (by the fused pass of scan.ts, a replicate loop), with the same digits. */
  totalWeight?: number;
  total?: number;
  /** What the pass over the columns kept of the median's bracket (scan.ts scanMedian), while unsorted. */
  kept?: Kept;
}

/** Validated units before the sort: values, weights (undefined: all 1) and input rows (undefined: 0…n−1). */
interface Unsorted {
  values: Float64Array;
  weights: Float64Array | undefined;
  rows: Int32Array | undefined;
  /** Whether the arrays belong to the Distribution (else they are the caller's: never written). */
  owned: boolean;
}

/**
 * A weighted distribution of one variable, validated once and sorted once, when first needed.
 *
 * Values are held ascending in a Float64Array with their weights and their original row indices;
 * totals and cumulative sums are computed on first use and cached. Every measure accepts a
 * Distribution and never re-sorts it, so building one and passing it to many measures costs one
 * sort. The sort itself is lazy: a Distribution built from columns holds its validated units in
 * input order until a measure reads `values`, `weights`, `rows` or a cumulative sum. Measures that
 * need only quantiles and sums below a value (median, poverty lines, arpr, s80s20, Palma, shares,
 * percentile ratios) answer by weighted selection and single passes, in O(n), without sorting.
 * A Distribution is immutable: {@link Distribution.reweight} and {@link Distribution.slice}
 * return new ones that share the sorted values.
 */
export class Distribution {
  /** Name of the value column (or `"value"` for array input), used in messages. */
  readonly column: string;
  /** Name of the weight column, if any. */
  readonly weightColumn: string | undefined;
  /** Whether weights were supplied. */
  readonly weighted: boolean;
  /** Number of rows in the input before any requested drops. */
  readonly inputRows: number;
  /** Rows excluded on request (`missing: 'drop'` …), by reason. */
  readonly dropped: Readonly<Dropped>;

  #values: Float64Array | undefined;
  #weights: Float64Array | undefined;
  #rows: Int32Array | undefined;
  #unsorted: Unsorted | undefined;
  #n: number;
  #totalWeight: number | undefined;
  #total: number | undefined;
  #cumulativeWeights: Float64Array | undefined;
  #cumulativeTotals: Float64Array | undefined;
  #spare: Float64Array[];
  #kept: Kept | undefined;

  /** @internal Use {@link distribution} to build one. */
  constructor(parts: Parts) {
    this.#values = parts.values;
    this.#weights = parts.weights;
    this.#rows = parts.rows;
    this.#unsorted = parts.values ? undefined : parts.unsorted;
    this.#n = (parts.values ?? parts.unsorted!.values).length;
    this.column = parts.column;
    this.weightColumn = parts.weightColumn;
    this.weighted = parts.weighted;
    this.inputRows = parts.inputRows;
    this.dropped = parts.dropped;
    this.#spare = parts.spare?.filter((b) => b.length === this.#n) ?? [];
    this.#totalWeight = parts.totalWeight;
    this.#total = parts.total;
    this.#kept = parts.kept;
  }

  /**
   * @internal What the pass over the raw columns kept (scan.ts {@link Kept}) while the
   * Distribution is unsorted: the units inside the median's guessed bracket.
   */
  get kept(): Kept | undefined {
    return this.#kept;
  }

  /** Values in ascending order. Do not write to it. Reading it sorts the Distribution if needed. */
  get values(): Float64Array {
    return this.#values ?? this.#sort().values;
  }

  /** Weights aligned with `values` (all 1 when unweighted). Do not write to it. */
  get weights(): Float64Array {
    return this.#weights ?? this.#sort().weights;
  }

  /** Row index in the input of each sorted unit. Do not write to it. */
  get rows(): Int32Array {
    return this.#rows ?? this.#sort().rows;
  }

  /** Whether the sort has been done (measures that need only quantiles skip it). */
  get isSorted(): boolean {
    return this.#values !== undefined;
  }

  /**
   * The units in some order, without forcing the sort: the sorted arrays once they exist, else the
   * validated units in input order. `weights` is undefined when every weight is 1. Do not write to them.
   */
  get units(): { values: Float64Array; weights: Float64Array | undefined } {
    if (this.#values) return { values: this.#values, weights: this.#weights };
    return { values: this.#unsorted!.values, weights: this.#unsorted!.weights };
  }

  #sort(): { values: Float64Array; weights: Float64Array; rows: Int32Array } {
    const u = this.#unsorted!;
    const sorted = sortWeighted(u.values, u.weights);
    const order = sorted.order;
    if (u.rows) for (let i = 0; i < order.length; i++) order[i] = u.rows[order[i]!]!;
    this.#values = sorted.values;
    this.#weights = sorted.weights;
    this.#rows = order;
    // the input-order copies are no longer needed: they become buffers for the cumulative sums
    this.#spare.push(...(sorted.spare ?? []));
    if (u.owned) this.#spare.push(u.values, ...(u.weights ? [u.weights] : []));
    this.#spare = this.#spare.filter((b) => b.length === this.#n);
    this.#unsorted = undefined;
    this.#kept = undefined;
    return { values: sorted.values, weights: sorted.weights, rows: order };
  }

  /** A buffer of length n for a cached cumulative sum: the sort's scratch if left, else a new one. */
  #buffer(): Float64Array {
    return this.#spare.pop() ?? new Float64Array(this.#n);
  }

  /** Number of units. */
  get n(): number {
    return this.#n;
  }

  /**
   * Σ wᵢ. Sums over units (this one, {@link total}, {@link weightBelow}, {@link totalBelow},
   * {@link totalAtOrBelow}) are accumulated in double-double precision and rounded once, so their
   * value does not depend on the order of the units: the same before and after the sort, and
   * the same for any order of the input rows.
   */
  get totalWeight(): number {
    if (this.#totalWeight === undefined) {
      const { weights: w } = this.units;
      this.#totalWeight = w ? sumWhere(w, w, Infinity, true, false) : this.#n;
    }
    return this.#totalWeight;
  }

  /** Σ wᵢ xᵢ. */
  get total(): number {
    if (this.#total === undefined) {
      const { values: x, weights: w } = this.units;
      this.#total = sumWhere(x, w, Infinity, true, true);
    }
    return this.#total;
  }

  /** Weighted mean Σ wᵢ xᵢ / Σ wᵢ. */
  get mean(): number {
    return this.total / this.totalWeight;
  }

  /** Cᵢ = Σ_{j ≤ i} wⱼ in sorted order (inclusive). */
  get cumulativeWeights(): Float64Array {
    if (!this.#cumulativeWeights) {
      const w = this.weights;
      const c = this.#buffer();
      let s = 0;
      for (let i = 0; i < w.length; i++) c[i] = s += w[i]!;
      this.#cumulativeWeights = c;
    }
    return this.#cumulativeWeights;
  }

  /** Tᵢ = Σ_{j ≤ i} wⱼ xⱼ in sorted order (inclusive). */
  get cumulativeTotals(): Float64Array {
    if (!this.#cumulativeTotals) {
      const w = this.weights;
      const x = this.values;
      const c = this.#buffer();
      let s = 0;
      for (let i = 0; i < w.length; i++) c[i] = s += w[i]! * x[i]!;
      this.#cumulativeTotals = c;
    }
    return this.#cumulativeTotals;
  }

  /** Index of the first unit with value ≥ x (n if none): the number of units strictly below x. */
  countBelow(x: number): number {
    return lowerBound(this.values, x);
  }

  /** Index of the first unit with value > x (n if none): the number of units at or below x. */
  countAtOrBelow(x: number): number {
    return upperBound(this.values, x);
  }

  /** Σ wᵢ over units with value strictly below x (double-double, see {@link totalWeight}). */
  weightBelow(x: number): number {
    if (!this.isSorted) return sumWhere(this.#unsorted!.values, this.#unsorted!.weights, x, false, false);
    const k = this.countBelow(x);
    return sumWhere(this.values.subarray(0, k), this.weights.subarray(0, k), Infinity, true, false);
  }

  /** Σ wᵢ xᵢ over units with value strictly below x. */
  totalBelow(x: number): number {
    if (!this.isSorted) return sumWhere(this.#unsorted!.values, this.#unsorted!.weights, x, false, true);
    const k = this.countBelow(x);
    return sumWhere(this.values.subarray(0, k), this.weights.subarray(0, k), Infinity, true, true);
  }

  /** Σ wᵢ xᵢ over units with value at or below x. */
  totalAtOrBelow(x: number): number {
    if (!this.isSorted) return sumWhere(this.#unsorted!.values, this.#unsorted!.weights, x, true, true);
    const k = this.countAtOrBelow(x);
    return sumWhere(this.values.subarray(0, k), this.weights.subarray(0, k), Infinity, true, true);
  }

  /**
   * The same sorted values with other weights (e.g. a bootstrap or replicate reweighting).
   * Weights must be aligned with `values`; zero weights are allowed, negative ones are not checked.
   * `spare`: buffers of length n the new Distribution may use for its cumulative sums (a replicate
   * loop passes the same ones for every replicate, which it drops before the next).
   * `totals`: Σ wᵢ and Σ wᵢxᵢ of these weights when the caller has taken them, in double-double
   * over the sorted order exactly as {@link totalWeight} and {@link total} do (a replicate loop
   * takes them while it writes the weights); they are then not summed again.
   */
  reweight(weights: Float64Array, spare?: Float64Array[], totals?: { weight: number; total: number }): Distribution {
    if (weights.length !== this.n) {
      throw new PovineqError('LENGTH_MISMATCH', `reweight: ${weights.length} weights for ${this.n} units`);
    }
    return new Distribution({ ...this.#parts(), weights, weighted: true, spare, totalWeight: totals?.weight, total: totals?.total });
  }

  /** Units `start` (inclusive) to `end` (exclusive) of the sorted order, as a new Distribution. */
  slice(start: number, end = this.n): Distribution {
    return new Distribution({
      ...this.#parts(),
      values: this.values.subarray(start, end),
      weights: this.weights.subarray(start, end),
      rows: this.rows.subarray(start, end),
    });
  }

  /** Units at the given sorted positions (ascending), as a new Distribution. */
  select(positions: ArrayLike<number>): Distribution {
    const m = positions.length;
    const values = new Float64Array(m);
    const weights = new Float64Array(m);
    const rows = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const p = positions[i]!;
      values[i] = this.values[p]!;
      weights[i] = this.weights[p]!;
      rows[i] = this.rows[p]!;
    }
    return new Distribution({ ...this.#parts(), values, weights, rows });
  }

  /**
   * The units with positive values, for measures that need them. With `nonPositive: 'error'`
   * (the default) throws naming the column, the count and rows, and the option; with `'drop'`
   * returns the positive tail (no copy: values are sorted, so it is a slice).
   */
  positive(measure: string, nonPositive: 'error' | 'drop' = 'error'): Distribution {
    return this.#above(this.countAtOrBelow(0), measure, nonPositive, 'positive', 'zero or negative value');
  }

  /**
   * The units with values ≥ 0, for measures that accept zeros but not negative incomes (GE(α) with
   * α > 0, α ≠ 1; Atkinson with ε < 1). Zeros are always kept; negatives raise an error naming the
   * column, count, rows and option, or with `nonPositive: 'drop'` are excluded (a slice, no copy).
   */
  nonNegative(measure: string, nonPositive: 'error' | 'drop' = 'error'): Distribution {
    return this.#above(this.countBelow(0), measure, nonPositive, 'non-negative', 'negative value');
  }

  /** The units after the first k of the sorted order, which are outside a measure's domain. */
  #above(k: number, measure: string, nonPositive: 'error' | 'drop', domain: string, noun: string): Distribution {
    if (k === 0) return this;
    if (nonPositive === 'drop') {
      const d = this.slice(k);
      (d.dropped as Dropped).nonPositive = this.dropped.nonPositive + k;
      if (d.n === 0) throw emptyError(this.column, `after dropping ${plural(k, noun)}`);
      return d;
    }
    const rows = Array.from(this.rows.subarray(0, k)).sort((a, b) => a - b);
    throw new PovineqError(
      'NON_POSITIVE_VALUE',
      `${measure} needs ${domain} values, but column "${this.column}" has ${plural(k, noun)} ` +
        `(${describeRows(rows)}); pass { nonPositive: 'drop' } to exclude them`,
      { column: this.column, count: k, rows: rows.slice(0, 100), option: "nonPositive: 'drop'", measure },
    );
  }

  #parts(): Parts {
    return {
      values: this.values,
      weights: this.weights,
      rows: this.rows,
      column: this.column,
      weightColumn: this.weightColumn,
      weighted: this.weighted,
      inputRows: this.inputRows,
      dropped: { ...this.dropped },
    };
  }
}

/**
 * Σ wᵢ (or Σ wᵢxᵢ when `income`) over units with xᵢ < limit (or ≤ limit when `inclusive`), in
 * double-double precision (Knuth's two-sum), rounded once. The result is the correctly rounded sum
 * except in vanishingly rare cases, so it does not depend on the order of the units. The test is
 * branch-free (a unit outside adds an exact zero): comparisons near a median are unpredictable.
 * `weights` undefined means all 1.
 */
export function sumWhere(
  values: ArrayLike<number>,
  weights: ArrayLike<number> | undefined,
  limit: number,
  inclusive: boolean,
  income: boolean,
): number {
  // one small loop per case, so no test of the flags is left inside a loop (the optimiser does not
  // hoist them); every case adds its terms in index order with the same two-sum
  if (weights) {
    if (income) return inclusive ? incomeAtOrBelow(values, weights, limit) : incomeBelow(values, weights, limit);
    return inclusive ? weightAtOrBelow(values, weights, limit) : weightBelow(values, weights, limit);
  }
  if (income) return inclusive ? valueAtOrBelow(values, limit) : valueBelow(values, limit);
  return inclusive ? countAtOrBelow(values, limit) : countBelow(values, limit);
}

/* The cases of sumWhere. Each term is multiplied by the 0/1 test (an exact zero outside). */

function weightBelow(values: ArrayLike<number>, weights: ArrayLike<number>, limit: number): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const term = weights[i]! * +(values[i]! < limit);
    const s = hi + term;
    const bp = s - hi;
    lo += hi - (s - bp) + (term - bp);
    hi = s;
  }
  return hi + lo;
}

function weightAtOrBelow(values: ArrayLike<number>, weights: ArrayLike<number>, limit: number): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const term = weights[i]! * +(values[i]! <= limit);
    const s = hi + term;
    const bp = s - hi;
    lo += hi - (s - bp) + (term - bp);
    hi = s;
  }
  return hi + lo;
}

function incomeBelow(values: ArrayLike<number>, weights: ArrayLike<number>, limit: number): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const term = weights[i]! * v * +(v < limit);
    const s = hi + term;
    const bp = s - hi;
    lo += hi - (s - bp) + (term - bp);
    hi = s;
  }
  return hi + lo;
}

function incomeAtOrBelow(values: ArrayLike<number>, weights: ArrayLike<number>, limit: number): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const term = weights[i]! * v * +(v <= limit);
    const s = hi + term;
    const bp = s - hi;
    lo += hi - (s - bp) + (term - bp);
    hi = s;
  }
  return hi + lo;
}

function valueBelow(values: ArrayLike<number>, limit: number): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const term = v * +(v < limit);
    const s = hi + term;
    const bp = s - hi;
    lo += hi - (s - bp) + (term - bp);
    hi = s;
  }
  return hi + lo;
}

function valueAtOrBelow(values: ArrayLike<number>, limit: number): number {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const term = v * +(v <= limit);
    const s = hi + term;
    const bp = s - hi;
    lo += hi - (s - bp) + (term - bp);
    hi = s;
  }
  return hi + lo;
}

/** Unit weights: the sum is a count, exact in any order. */
function countBelow(values: ArrayLike<number>, limit: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) c += +(values[i]! < limit);
  return c;
}

function countAtOrBelow(values: ArrayLike<number>, limit: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) c += +(values[i]! <= limit);
  return c;
}

/** First index i with a[i] ≥ x. */
export function lowerBound(a: ArrayLike<number>, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with a[i] > x. */
export function upperBound(a: ArrayLike<number>, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function emptyError(column: string, why = ''): PovineqError {
  return new PovineqError('EMPTY', `column "${column}" has no rows to measure${why ? ' ' + why : ''}`, { column });
}

export function isDistribution(x: unknown): x is Distribution {
  return x instanceof Distribution;
}

/**
 * Builds a {@link Distribution}: reads the value (and weight) column, validates every row once,
 * applies only the drops the caller asked for, and sorts once. A Distribution passes through.
 *
 * @example
 * const d = distribution(households, { value: 'income', weight: 'w' });
 * [gini(d), palma(d), headcount(d, { line: povertyLine(d) })];
 */
export function distribution(data: Input, options?: (ColumnOptions & DataOptions) | null): Distribution {
  options = checkDataOptions(options, 'distribution');
  if (isDistribution(data)) {
    if (options.value !== undefined && options.value !== data.column) {
      throw new PovineqError(
        'INVALID_OPTION',
        `value "${options.value}" was given with a Distribution of column "${data.column}"; build a new Distribution for another column`,
        { option: 'value' },
      );
    }
    return data;
  }
  const { raw, rawWeights, column, weightColumn } = readInput(data, options);
  return fromColumns(raw, rawWeights, column, weightColumn, options);
}

/**
 * The Distribution a measure called on raw columns works from: validated once, sorted only if a
 * measure needs the order, and kept for later calls on the same column arrays (see
 * input-cache.ts). {@link distribution}, which a user calls to share one Distribution among many
 * measures, sorts at once, as it always has. On clean Float64Array columns the result reads the
 * caller's arrays in place until it is sorted (never writing them): do not change them while you
 * hold it (the cache itself never serves it again after a change).
 */
export function measureDistribution(data: Input, options: ColumnOptions & DataOptions = {}, median = false): Distribution {
  if (isDistribution(data)) return distribution(data, options);
  const { raw, rawWeights, column, weightColumn } = readInput(data, options);
  const key = JSON.stringify([column, weightColumn, options.missing ?? 'error', options.nonPositiveWeights ?? 'error']);
  const fast = fromCleanFloat64(raw, rawWeights, column, weightColumn, key, median);
  if (fast) return fast;
  const cached = cachedDistribution(raw, rawWeights, key);
  if (cached) return cached;
  const d = fromColumns(raw, rawWeights, column, weightColumn, options, true);
  rememberDistribution(raw, rawWeights, key, d);
  return d;
}

/**
 * The fast path of {@link measureDistribution} for Float64Array columns: one fused pass (scan.ts)
 * validates them, takes the totals and the cache fingerprint; when every row is clean the
 * Distribution reads the caller's arrays in place (never writing them; the sort, if a measure
 * needs it, copies), so nothing is copied. Undefined when the columns are of another type or have
 * a bad row: the general path then names the rows or drops them as asked.
 */
function fromCleanFloat64(
  raw: ArrayLike<unknown>,
  rawWeights: ArrayLike<unknown> | undefined,
  column: string,
  weightColumn: string | undefined,
  key: string,
  median: boolean,
): Distribution | undefined {
  if (!(raw instanceof Float64Array) || raw.length === 0) return undefined;
  if (rawWeights !== undefined && !(rawWeights instanceof Float64Array && rawWeights.length === raw.length)) return undefined;
  if (median && !hasCachedEntry(raw, rawWeights, key)) {
    const withMedian = medianDistribution(raw, rawWeights as Float64Array | undefined, column, weightColumn);
    if (withMedian !== 'no help') return withMedian;
  }
  const scan = scanColumns(raw, rawWeights);
  if (!scan.clean) return undefined;
  const cached = cachedDistribution(raw, rawWeights, key, scan.fingerprint);
  if (cached) return cached;
  const d = inPlace(raw, rawWeights, column, weightColumn, scan.totalWeight);
  rememberDistribution(raw, rawWeights, key, d, scan.fingerprint);
  return d;
}

/**
 * For a measure that first takes the weighted median (arpr, see MeasureInfo.takesMedian): one
 * pass validates the columns, takes Σ wᵢ and keeps the units near the median, where a sample
 * says it lies (scan.ts scanMedian, and scanMedianUnweighted for a value column alone), so the
 * median needs no other pass. The Distribution is not cached: unsorted, it holds nothing a later
 * call could not rebuild in the pass that would check it (the fingerprint). Undefined for a bad row (the general path names it); 'no help' when the
 * input is too small or the guess missed.
 */
function medianDistribution(
  raw: Float64Array,
  rawWeights: Float64Array | undefined,
  column: string,
  weightColumn: string | undefined,
): Distribution | undefined | 'no help' {
  const bracket = medianBracket(raw, rawWeights);
  const scan =
    bracket &&
    (rawWeights
      ? scanMedian(raw, rawWeights, bracket.low, bracket.high, bracket.expected)
      : scanMedianUnweighted(raw, bracket.low, bracket.high, bracket.expected));
  if (!scan) return 'no help';
  if (!scan.clean) return undefined;
  return inPlace(raw, rawWeights, column, weightColumn, scan.totalWeight, scan.kept);
}

/** A Distribution reading clean Float64Array columns in place (never writing them), nothing dropped. */
function inPlace(
  raw: Float64Array,
  rawWeights: Float64Array | undefined,
  column: string,
  weightColumn: string | undefined,
  totalWeight: number,
  kept?: Kept,
): Distribution {
  return new Distribution({
    unsorted: { values: raw, weights: rawWeights, rows: undefined, owned: false },
    column,
    weightColumn,
    weighted: rawWeights !== undefined,
    inputRows: raw.length,
    dropped: { missing: 0, nonPositiveWeights: 0, nonPositive: 0 },
    totalWeight,
    kept,
  });
}

function readInput(
  data: Exclude<Input, Distribution>,
  options: ColumnOptions,
): { raw: ArrayLike<unknown>; rawWeights: ArrayLike<unknown> | undefined; column: string; weightColumn: string | undefined } {
  if (isArrayLikeOfValues(data)) {
    if (options.weight !== undefined) {
      throw new PovineqError(
        'INVALID_OPTION',
        `weight "${options.weight}" names a column, but the input is an array; pass the weights array as { weights }`,
        { option: 'weight' },
      );
    }
    return { raw: data, rawWeights: options.weights, column: options.value ?? 'value', weightColumn: options.weights ? 'weights' : undefined };
  }
  if (data == null || typeof data !== 'object') {
    throw new PovineqError('INVALID_INPUT', `expected an Arquero table, an array, a DataFrame or a Distribution, got ${data === null ? 'null' : typeof data}`);
  }
  // any other object is a column source (Arquero table, DataFrame, or an object of columns)
  if (options.value === undefined) {
    throw new PovineqError(
      'MISSING_OPTION',
      'table input needs the value column: pass { value: "income" } (and { weight: "w" } for weighted data)',
      { option: 'value' },
    );
  }
  if (options.weights !== undefined) {
    throw new PovineqError('INVALID_OPTION', 'for table input name the weight column with { weight }, not a { weights } array', { option: 'weights' });
  }
  const source = data as ColumnSource;
  const raw = readColumn(source, options.value, 'value');
  const rawWeights = options.weight !== undefined ? readColumn(source, options.weight, 'weight') : undefined;
  return { raw, rawWeights, column: options.value, weightColumn: options.weight };
}

/**
 * An eager build from clean Float64Array columns: one pass checks them and takes Σ wᵢ (scan.ts),
 * then the sort, which reads them in place. Undefined (the general path then runs, with its
 * errors and drops) for other columns, a bad row, or options the general path must reject.
 */
function cleanFloat64(
  raw: ArrayLike<unknown>,
  rawWeights: ArrayLike<unknown> | undefined,
  column: string,
  weightColumn: string | undefined,
  options: DataOptions,
): Distribution | undefined {
  if (!(raw instanceof Float64Array) || raw.length === 0) return undefined;
  if (rawWeights !== undefined && !(rawWeights instanceof Float64Array && rawWeights.length === raw.length)) return undefined;
  const valid = (o: unknown) => o === undefined || o === 'error' || o === 'drop';
  if (!valid(options.missing) || !valid(options.nonPositiveWeights)) return undefined;
  const c = checkColumns(raw, rawWeights);
  if (!c.clean) return undefined;
  const d = inPlace(raw, rawWeights, column, weightColumn, c.totalWeight);
  void d.values;
  return d;
}

/** Validates raw value and weight columns and builds the sorted Distribution. */
export function fromColumns(
  raw: ArrayLike<unknown>,
  rawWeights: ArrayLike<unknown> | undefined,
  column: string,
  weightColumn: string | undefined,
  options: DataOptions = {},
  lazy = false,
): Distribution {
  const n = raw.length;
  if (!lazy) {
    const clean = cleanFloat64(raw, rawWeights, column, weightColumn, options);
    if (clean) return clean;
  }
  // the sort copies, so a Float64Array input can be read in place (it is never written)
  const parsed = toNumeric(raw, true);
  const weightsParsed = rawWeights ? toNumeric(rawWeights, true) : undefined;
  if (rawWeights && rawWeights.length !== n) {
    throw new PovineqError(
      'LENGTH_MISMATCH',
      `weights (${weightColumn}) have ${rawWeights.length} entries for ${n} values`,
      { column: weightColumn },
    );
  }
  const missing = options.missing ?? 'error';
  const nonPositiveWeights = options.nonPositiveWeights ?? 'error';
  if (missing === 'error') {
    assertClean(parsed, raw, column, 'value');
    if (weightsParsed) assertClean(weightsParsed, rawWeights!, weightColumn ?? 'weights', 'weight');
  } else if (missing !== 'drop') {
    throw new PovineqError('INVALID_OPTION', `missing must be 'error' or 'drop', got ${JSON.stringify(missing)}`, { option: 'missing' });
  }
  if (nonPositiveWeights !== 'error' && nonPositiveWeights !== 'drop') {
    throw new PovineqError(
      'INVALID_OPTION',
      `nonPositiveWeights must be 'error' or 'drop', got ${JSON.stringify(nonPositiveWeights)}`,
      { option: 'nonPositiveWeights' },
    );
  }

  // keep[i] = 1 when row i survives; only allocated when some row is dropped
  const bads = [parsed, ...(weightsParsed ? [weightsParsed] : [])];
  const anyMissing = bads.some((c) => c.missing.length + c.nonNumeric.length + c.nonFinite.length > 0);
  let keep: Uint8Array | undefined = anyMissing ? new Uint8Array(n).fill(1) : undefined;
  let droppedMissing = 0;
  const dropRows = (rows: number[]) => {
    for (const r of rows) if (keep![r]) { keep![r] = 0; droppedMissing++; }
  };
  dropRows(parsed.missing);
  dropRows(parsed.nonNumeric);
  dropRows(parsed.nonFinite);
  if (weightsParsed) {
    dropRows(weightsParsed.missing);
    dropRows(weightsParsed.nonNumeric);
    dropRows(weightsParsed.nonFinite);
  }

  let droppedWeights = 0;
  if (weightsParsed) {
    const w = weightsParsed.values;
    const bad: number[] = [];
    if (keep) {
      for (let i = 0; i < n; i++) if (keep[i] && !(w[i]! > 0)) bad.push(i);
    } else {
      for (let i = 0; i < n; i++) if (!(w[i]! > 0)) bad.push(i);
    }
    if (bad.length > 0) {
      if (nonPositiveWeights === 'error') {
        throw new PovineqError(
          'NON_POSITIVE_WEIGHT',
          `weight column "${weightColumn}" has ${plural(bad.length, 'zero or negative weight')} (${describeRows(bad)}); ` +
            `pass { nonPositiveWeights: 'drop' } to exclude those rows`,
          { column: weightColumn, count: bad.length, rows: bad.slice(0, 100), option: "nonPositiveWeights: 'drop'" },
        );
      }
      keep ??= new Uint8Array(n).fill(1);
      for (const r of bad) keep[r] = 0;
      droppedWeights = bad.length;
    }
  }

  const kept = n - droppedMissing - droppedWeights;
  if (kept === 0) {
    throw emptyError(column, n === 0 ? '' : `after dropping ${plural(n, 'bad row')}`);
  }
  // keep the validated units in input order; a lazy Distribution owns copies of the caller's
  // arrays (it may be sorted much later), an eager one sorts them right away, reading in place
  const wv = weightsParsed?.values;
  let unsorted: Unsorted;
  if (kept === n) {
    const borrowed = parsed.values === raw || (wv !== undefined && wv === rawWeights);
    unsorted = {
      values: lazy && parsed.values === raw ? parsed.values.slice() : parsed.values,
      weights: wv === undefined ? undefined : lazy && wv === rawWeights ? wv.slice() : wv,
      rows: undefined,
      owned: lazy || !borrowed,
    };
  } else {
    const x = new Float64Array(kept);
    const w = new Float64Array(kept);
    const src = new Int32Array(kept);
    for (let i = 0, j = 0; i < n; i++) {
      if (!keep![i]) continue;
      x[j] = parsed.values[i]!;
      w[j] = wv ? wv[i]! : 1;
      src[j] = i;
      j++;
    }
    unsorted = { values: x, weights: wv ? w : undefined, rows: src, owned: true };
  }
  checkFiniteTotals(unsorted.values, unsorted.weights, column, weightColumn);
  const d = new Distribution({
    unsorted,
    column,
    weightColumn,
    weighted: rawWeights !== undefined,
    inputRows: n,
    dropped: { missing: droppedMissing, nonPositiveWeights: droppedWeights, nonPositive: 0 },
  });
  if (!lazy) void d.values;
  return d;
}
