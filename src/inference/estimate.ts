import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import {
  type Distribution,
  type Input,
  type MeasureOptions,
  checkLevel,
  distribution,
  MEASURE_OPTIONS,
  fromColumns,
  groupLabel,
  groupRows,
  isDistribution,
  measureInfo,
  normalInterval,
  percentileInterval,
  resolveThreads,
} from '../core/index.js';
import { type ColumnSource, type OptionSpec, PovineqError, assertClean, checkOptions, isArrayLikeOfValues, readColumn, toNumeric } from '../data/index.js';
import { type PersonGroupKey, checkGroups, groupPersonWeights, readGroupCounts } from '../income/index.js';
import { type DesignOptions, type ReplicateSet, SurveyDesign, surveyDesign } from './design.js';
import { designVariance } from './linearization.js';
import { type Plan, canLinearize, domainPlan, measurePlan } from './plan.js';
import { parallelReplicateValues } from './parallel.js';
import { replicateRange } from './replicate-loop.js';
import { bootstrapReplicates, jackknifeReplicates, psuFactorsOf } from './replicates.js';
import { type IntervalMethod, isProportion, proportionInterval } from './proportion.js';
import { type Reliability, type EstimateReliabilityOptions, kishEffectiveN, precisionOf, reliabilityThresholds } from './reliability.js';

/** A point estimate with its standard error and confidence interval (fractions stay fractions). */
export interface Estimate {
  estimate: number;
  se: number;
  ci: [number, number];
  level: number;
  method: 'linearization' | 'bootstrap' | 'replicate';
  n: number;
  /** How `ci` was formed: `'normal'`, `'percentile'`, or for proportions `'logit'` / `'korn-graubard'`. */
  interval?: IntervalMethod;
  /** Kish's effective sample size (Σw)²/Σw² of the units measured. */
  nEffective?: number;
  /** Coefficient of variation se/|estimate| (null for an estimate of 0). */
  cv?: number | null;
  /** `'reliable'`, `'use with caution'` or `'suppressed'`, by the `reliability` thresholds. */
  reliability?: Reliability;
}

/** How the standard error is computed. `'jackknife'` builds JKn/JK1 replicates from the design and reports `'replicate'`. */
export type VarianceMethod = 'linearization' | 'bootstrap' | 'replicate' | 'jackknife';

/** Options of {@link estimate}: the measure's own options plus these. */
export interface EstimateOptions extends MeasureOptions {
  /** The sample design: column names (as surveyDesign takes) or a built {@link SurveyDesign}. Omit for an independent sample. */
  design?: DesignOptions | SurveyDesign;
  /**
   * `'linearization'` (influence functions; default when the measure has one), `'bootstrap'`
   * (Rao–Wu by PSU within strata, or naive without a design), `'replicate'` (the design's
   * replicate weight columns; default when it has them) or `'jackknife'` (delete-one-PSU).
   */
  method?: VarianceMethod;
  /** Number of bootstrap replicates, a whole number ≥ 2 (default 1000). */
  replicates?: number;
  /** Seed of the bootstrap (default 1): the same seed gives the same digits. */
  seed?: number;
  /** Confidence level, a fraction in (0, 1) (default 0.95). */
  level?: number;
  /**
   * Interval: `'normal'` (θ ± z·se; the default except for proportions), `'percentile'` (bootstrap
   * only), and for proportions (headcount, arpr, fgt with α = 0) `'logit'` (their default) or
   * `'korn-graubard'`, which stay inside [0, 1] (see {@link IntervalMethod}).
   */
  interval?: IntervalMethod;
  /** Thresholds of the `reliability` flag (CV 20% caution, 30% suppressed, fewer than 100 units suppressed). */
  reliability?: EstimateReliabilityOptions;
  /** Called as replicates finish: (done, total). For progress bars in notebooks. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads for bootstrap and jackknife replicates (a whole number ≥ 1; default every core). The
   * results are the same digits whatever the number: each replicate depends only on its index.
   */
  threads?: number;
  /** Group column(s): estimates by domain, returned as an Arquero table. */
  by?: string | readonly string[];
  /**
   * HBAI person weighting of a household table: measure over the people of this group
   * (`'all'`, `'children'`, `'working-age'`, `'pensioners'`), each household row weighted by its
   * weight × its people of the group (household columns as in docs/schema/households.md:
   * `adults`, `children`, `children_under_14`, `pensioners`, renamed with the options `adults`,
   * `children`, `childrenUnder14`, `pensioners`). An estimated poverty line comes from the
   * median of all people, as HBAI sets it. The household stays the sampling unit.
   */
  persons?: PersonGroupKey;
  /** Measure options (line, alpha, epsilon, p, fraction …). */
  [option: string]: unknown;
}

/** Every option estimate() takes: the measure's, the design and variance options, and the person columns. */
export const ESTIMATE_OPTIONS: OptionSpec = {
  ...MEASURE_OPTIONS,
  design: { kind: 'object' },
  method: { kind: 'enum', values: ['linearization', 'bootstrap', 'replicate', 'jackknife'] },
  replicates: { kind: 'number', min: 2, integer: true, means: 'bootstrap replicates', fallback: 1000 },
  seed: { kind: 'number' },
  level: { kind: 'number', min: 0, max: 1, above: true, below: true, means: 'a fraction, 0.95 for 95%', fallback: 0.95 },
  interval: { kind: 'enum', values: ['normal', 'percentile', 'logit', 'korn-graubard'] },
  reliability: { kind: 'object' },
  onProgress: { kind: 'function' },
  threads: { kind: 'number', min: 1, integer: true, means: 'worker threads (default: all cores)' },
  by: { kind: 'columns' },
  persons: { kind: 'enum', values: ['all', 'children', 'working-age', 'pensioners'] },
  adults: { kind: 'string' },
  children: { kind: 'string' },
  children14Plus: { kind: 'string' },
  childrenUnder14: { kind: 'string' },
  pensioners: { kind: 'string' },
};

/** The resolved pieces every variance method shares. */
interface Setup {
  d: Distribution;
  /** Where an estimated poverty line comes from (d itself unless person-weighted by group). */
  lineFrom: Distribution;
  design: SurveyDesign;
  method: VarianceMethod;
  level: number;
  /** The interval asked for (undefined: the default for the measure). */
  interval: IntervalMethod | undefined;
  measureOptions: Record<string, unknown>;
  /** Whether the measure is a proportion (set by estimate(); change() leaves it false). */
  proportion?: boolean;
  thresholds: Required<EstimateReliabilityOptions>;
}

/**
 * A measure with its standard error and confidence interval, design-based when a design is given.
 *
 * Linearization uses the measure's influence function uᵢ (Deville 1999): v(θ̂) is the design
 * variance of Σ wᵢuᵢ (with-replacement, ultimate cluster, as R survey). Bootstrap and replicate
 * methods recompute the measure on reweighted copies of the one sorted Distribution: v =
 * scale·Σ rscale_r(θ_r − θ̄)². Poverty measures without a `line` estimate it (60% of the median)
 * and include its sampling error. With `by`, returns an Arquero table with one row per domain
 * (columns: the by columns, estimate, se, ci_lower, ci_upper, level, method, n), the line taken
 * from the whole population. See docs/methods/inference.md.
 *
 * @example
 * const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
 * estimate(gini, eusilc(), { value: 'eqIncome', design })            // { estimate: 0.2649, se: …, ci: […], … }
 * estimate(arpr, eusilc(), { value: 'eqIncome', design, method: 'bootstrap', replicates: 500, seed: 7 })
 * estimate(arpr, eusilc(), { value: 'eqIncome', design, by: 'db040' }) // a table by region
 */
export function estimate(measure: unknown, data: Input, options: EstimateOptions & { by: string | readonly string[] }): ColumnTable;
export function estimate(measure: unknown, data: Input, options?: EstimateOptions): Estimate;
export function estimate(measure: unknown, data: Input, options?: EstimateOptions | null): Estimate | ColumnTable {
  const info = measureInfo(measure);
  options = checkOptions(options, ESTIMATE_OPTIONS, `estimate(${info.name})`);
  const setup = resolve(canLinearize(info, options as Record<string, unknown>), data, options);
  setup.proportion = isProportion(info, setup.measureOptions);
  if ((setup.interval === 'logit' || setup.interval === 'korn-graubard') && !setup.proportion) {
    throw new PovineqError(
      'INVALID_OPTION',
      `estimate: interval '${setup.interval}' is for proportions (headcount, arpr, fgt with alpha 0), and ${info.name} is not one; did you mean 'normal'?`,
      { option: 'interval', suggestion: 'normal' },
    );
  }
  if (options.by !== undefined) {
    if (isArrayLikeOfValues(data) || isDistribution(data)) {
      throw new PovineqError('INVALID_OPTION', 'by needs a table holding the group column(s)', { option: 'by' });
    }
    const grouping = groupRows(data as ColumnSource, options.by);
    const positions = domainPositions(setup.d, grouping);
    const plan = domainPlan(info, setup.d, positions, setup.measureOptions, setup.lineFrom);
    const results = run(plan, setup, options, positions);
    const out: Record<string, unknown[]> = {};
    grouping.by.forEach((name, j) => (out[name] = grouping.keys[j]!));
    out.estimate = results.map((r) => r.estimate);
    out.se = results.map((r) => r.se);
    out.ci_lower = results.map((r) => r.ci[0]);
    out.ci_upper = results.map((r) => r.ci[1]);
    out.level = results.map((r) => r.level);
    out.method = results.map((r) => r.method);
    out.n = results.map((r) => r.n);
    out.interval = results.map((r) => r.interval);
    out.n_effective = results.map((r) => r.nEffective);
    out.cv = results.map((r) => r.cv);
    out.reliability = results.map((r) => r.reliability);
    return aq.table(out);
  }
  return run(measurePlan(info, setup.d, setup.measureOptions, setup.lineFrom), setup, options)[0]!;
}

/** Sorted positions of each group's units in d (groups in order of first appearance). */
function domainPositions(d: Distribution, grouping: ReturnType<typeof groupRows>): Int32Array[] {
  const counts = new Int32Array(grouping.size);
  for (let i = 0; i < d.n; i++) counts[grouping.index[d.rows[i]!]!]!++;
  counts.forEach((c, g) => {
    if (c === 0) {
      throw new PovineqError('EMPTY_GROUP', `group ${groupLabel(grouping, g)} has no rows left to measure in column "${d.column}"`, {
        group: grouping.keys.map((k) => k[g]),
        column: d.column,
      });
    }
  });
  const positions = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(grouping.size);
  for (let i = 0; i < d.n; i++) {
    const g = grouping.index[d.rows[i]!]!;
    positions[g]![fill[g]!++] = i;
  }
  return positions;
}

/** Validates the options and builds the Distribution and design. */
export function resolve(linearizable: boolean, data: Input, options: EstimateOptions, value?: string): Setup {
  options = checkOptions(options, ESTIMATE_OPTIONS, 'estimate');
  const { design: designOption, method: methodOption, level: levelOption, interval: intervalOption } = options;
  const rest: Record<string, unknown> = { ...options };
  for (const key of ['design', 'method', 'replicates', 'seed', 'level', 'interval', 'onProgress', 'by', 'persons', 'threads', 'reliability']) delete rest[key];
  resolveThreads(options.threads);
  const level = checkLevel(levelOption ?? 0.95);
  const interval = intervalOption;
  const thresholds = reliabilityThresholds(options.reliability);
  checkReplicates(options.replicates);
  if (options.seed !== undefined && (typeof options.seed !== 'number' || !Number.isFinite(options.seed))) {
    throw new PovineqError('INVALID_OPTION', `seed must be a finite number, got ${JSON.stringify(options.seed)}`, { option: 'seed' });
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new PovineqError('INVALID_OPTION', 'onProgress must be a function (done, total) => void', { option: 'onProgress' });
  }

  let design: SurveyDesign | undefined;
  let weight = rest.weight as string | undefined;
  if (designOption !== undefined) {
    if (isArrayLikeOfValues(data)) {
      throw new PovineqError('INVALID_OPTION', 'a design needs table input whose columns it names; pass a table with { value } instead of an array', { option: 'design' });
    }
    if (designOption instanceof SurveyDesign) design = designOption;
    else if (isDistribution(data)) {
      throw new PovineqError('INVALID_OPTION', 'a design given by column names needs the table itself, not a Distribution; build it with surveyDesign(table, …)', { option: 'design' });
    } else design = surveyDesign(data as ColumnSource, designOption);
    if (design.weight !== undefined) {
      if (weight !== undefined && weight !== design.weight) {
        throw new PovineqError('INVALID_OPTION', `weight "${weight}" differs from the design's weight "${design.weight}"; give the weight once, in the design`, { option: 'weight' });
      }
      weight = design.weight;
    }
  }
  const distributionOptions = { ...rest, weight, ...(value !== undefined ? { value } : {}) } as MeasureOptions;
  if (isArrayLikeOfValues(data)) delete (distributionOptions as { weight?: string }).weight;
  let d: Distribution;
  let lineFrom: Distribution;
  if (options.persons !== undefined) {
    if (isArrayLikeOfValues(data) || isDistribution(data)) {
      throw new PovineqError('INVALID_OPTION', 'persons needs a household table with the people-count columns', { option: 'persons' });
    }
    ({ d, lineFrom } = personDistributions(data as ColumnSource, options.persons, distributionOptions as MeasureOptions & Record<string, unknown>, design));
  } else {
    d = distribution(data, distributionOptions);
    lineFrom = d;
  }
  if (design && d.inputRows !== design.rows) {
    throw new PovineqError('LENGTH_MISMATCH', `the design covers ${design.rows} rows but the data have ${d.inputRows}`, { option: 'design' });
  }
  design ??= independentDesign(d.inputRows);

  const method = methodOption ?? (design.replicateWeights ? 'replicate' : linearizable ? 'linearization' : 'bootstrap');
  if (!['linearization', 'bootstrap', 'replicate', 'jackknife'].includes(method)) {
    throw new PovineqError('INVALID_OPTION', `method must be 'linearization', 'bootstrap', 'replicate' or 'jackknife', got ${JSON.stringify(method)}`, { option: 'method' });
  }
  if (method === 'replicate' && !design.replicateWeights) {
    throw new PovineqError(
      'INVALID_OPTION',
      "method 'replicate' needs replicate weight columns in the design ({ design: { replicateWeights: { columns, type } } }); use method 'jackknife' to build them from the PSUs, or 'bootstrap'",
      { option: 'method' },
    );
  }
  if (interval === 'percentile' && method !== 'bootstrap') {
    throw new PovineqError('INVALID_OPTION', "interval 'percentile' needs method 'bootstrap'", { option: 'interval' });
  }
  for (const key of ['reliability']) delete rest[key];
  return { d, lineFrom, design, method, level, interval, measureOptions: rest, thresholds };
}

/**
 * The person-weighted Distributions of a household table (HBAI): the group's people, and all
 * people for the line. Weight of row i: household weight × people of the group in it; rows with
 * none of the group's people (or a zero household weight) carry no one and are left out.
 */
function personDistributions(
  table: ColumnSource,
  persons: PersonGroupKey,
  o: MeasureOptions & Record<string, unknown>,
  design: SurveyDesign | undefined,
): { d: Distribution; lineFrom: Distribution } {
  const group = checkGroups([persons])[0]!;
  if (o.value === undefined) {
    throw new PovineqError('MISSING_OPTION', 'table input needs the value column: pass { value: "eq_income_bhc" }', { option: 'value' });
  }
  const counts = readGroupCounts(table, o as never, group === 'all' ? ['all'] : [group, 'all']);
  const raw = readColumn(table, o.value, 'value');
  const n = raw.length;
  let hh: Float64Array;
  if (design) hh = design.weights;
  else if (o.weight !== undefined) {
    const rawW = readColumn(table, o.weight, 'weight');
    const parsed = toNumeric(rawW);
    assertClean(parsed, rawW, o.weight, 'weight');
    hh = parsed.values;
    const negative: number[] = [];
    hh.forEach((v, i) => v < 0 && negative.push(i));
    if (negative.length > 0) {
      throw new PovineqError('NON_POSITIVE_WEIGHT', `weight column "${o.weight}" has ${negative.length} negative weights (rows ${negative.slice(0, 5).join(', ')}); household weights must be ≥ 0`, {
        column: o.weight,
        count: negative.length,
        rows: negative.slice(0, 100),
      });
    }
  } else hh = new Float64Array(n).fill(1);
  const build = (g: PersonGroupKey) =>
    fromColumns(raw, groupPersonWeights(counts, hh, g), o.value!, `${o.weight ?? 'weight'} × people (${g})`, { missing: o.missing, nonPositiveWeights: 'drop' });
  const d = build(group);
  return { d, lineFrom: group === 'all' ? d : build('all') };
}

function checkReplicates(replicates: unknown): void {
  if (replicates === undefined) return;
  if (typeof replicates !== 'number' || !Number.isInteger(replicates) || replicates < 2) {
    throw new PovineqError('INVALID_OPTION', `replicates must be a whole number of bootstrap replicates ≥ 2 (e.g. 1000), got ${JSON.stringify(replicates)}`, {
      option: 'replicates',
    });
  }
}

/** The design of an independent sample: every row its own PSU, one stratum, no fpc. */
export function independentDesign(rows: number): SurveyDesign {
  const psu = new Int32Array(rows);
  for (let i = 0; i < rows; i++) psu[i] = i;
  return new SurveyDesign({
    rows,
    weight: undefined,
    weights: new Float64Array(rows).fill(1),
    stratum: new Int32Array(rows),
    strata: ['all'],
    psu,
    psuStratum: new Int32Array(rows),
    psuPerStratum: Int32Array.of(rows),
    fraction: new Float64Array(1),
    singlePsu: 'error',
    replicateWeights: undefined,
    options: {},
    simple: true,
  });
}

/**
 * Computes the standard errors and intervals of a plan's statistics by the chosen method, and
 * their precision flags. `domains` gives the sorted positions of each statistic's units in
 * `setup.d` (estimates by domain); without it each statistic covers all of `setup.d`.
 */
export function run(plan: Plan, setup: Setup, options: EstimateOptions, domains?: Int32Array[]): Estimate[] {
  return finish(runVariance(plan, setup, options), setup, domains);
}

/** Adds the interval of proportions (logit / Korn–Graubard), Kish's n, the CV and the reliability flag. */
function finish(estimates: Estimate[], setup: Setup, domains: Int32Array[] | undefined): Estimate[] {
  const { d, design, level, thresholds } = setup;
  const proportionMethod = setup.interval === undefined ? 'logit' : setup.interval === 'logit' || setup.interval === 'korn-graubard' ? setup.interval : undefined;
  return estimates.map((e, k) => {
    const at = domains?.[k];
    if (!Number.isFinite(e.estimate) || !Number.isFinite(e.se)) {
      throw new PovineqError(
        'UNDEFINED_RESULT',
        `estimate: ${domains ? `domain ${k + 1}: ` : ''}the estimate came out as ${e.estimate} with standard error ${e.se} in column "${d.column}"; ` +
          'the values are too extreme for double precision, or the measure or its variance is undefined on these data (too few distinct units?)',
        { column: d.column, value: String(e.estimate), se: String(e.se) },
      );
    }
    let weights: ArrayLike<number> = d.weights;
    if (at) {
      const w = new Float64Array(at.length);
      for (let i = 0; i < at.length; i++) w[i] = d.weights[at[i]!]!;
      weights = w;
    }
    const out: Estimate = { ...e, interval: e.interval ?? 'normal' };
    if (setup.proportion && proportionMethod && e.method !== undefined && (domains === undefined || at)) {
      const df = e.method === 'linearization' && !design.simple ? degreesOfFreedom(design, d, at) : Infinity;
      const { ci, method } = proportionInterval(proportionMethod, e.estimate, e.se, e.n, level, df);
      out.ci = ci;
      out.interval = method;
    }
    return { ...out, ...precisionOf(out.estimate, out.se, out.n, kishEffectiveN(weights), thresholds) };
  });
}

/** Design degrees of freedom of the units at sorted positions `at` of d (all when absent): PSUs − strata. */
function degreesOfFreedom(design: SurveyDesign, d: Distribution, at: Int32Array | undefined): number {
  const psus = new Set<number>();
  const strata = new Set<number>();
  const m = at ? at.length : d.n;
  for (let i = 0; i < m; i++) {
    const row = d.rows[at ? at[i]! : i]!;
    psus.add(design.psu[row]!);
    strata.add(design.stratum[row]!);
  }
  return Math.max(1, psus.size - strata.size);
}

function runVariance(plan: Plan, setup: Setup, options: EstimateOptions): Estimate[] {
  const { design, method, level, interval } = setup;
  const K = plan.values.length;
  if (method === 'linearization') {
    design.checkSinglePsu();
    const scores = plan.scores(design.rows);
    return plan.values.map((v, k) => {
      const se = Math.sqrt(designVariance(design, scores[k]!));
      return { estimate: v, se, ci: normalInterval(v, se, level), level, method: 'linearization', n: plan.n[k]! };
    });
  }
  const set: ReplicateSet =
    method === 'replicate'
      ? design.replicateWeights!
      : method === 'jackknife'
        ? jackknifeReplicates(design)
        : bootstrapReplicates(design, options.replicates ?? 1000, options.seed ?? 1);
  const thetas = parallelReplicateValues(plan, set, design.rows, resolveThreads(options.threads), options.onProgress);
  const reported = method === 'bootstrap' ? 'bootstrap' : 'replicate';
  const out: Estimate[] = [];
  for (let k = 0; k < K; k++) {
    const t = thetas[k]!;
    const v = plan.values[k]!;
    let centre = v;
    if (!set.mse) {
      centre = 0;
      for (let r = 0; r < t.length; r++) centre += t[r]!;
      centre /= t.length;
    }
    let s = 0;
    for (let r = 0; r < t.length; r++) s += set.rscales[r]! * (t[r]! - centre) ** 2;
    const se = Math.sqrt(set.scale * s);
    const ci = interval === 'percentile' ? percentileInterval(t, level) : normalInterval(v, se, level);
    out.push({ estimate: v, se, ci, level, method: reported, n: plan.n[k]!, ...(interval === 'percentile' ? { interval: 'percentile' as const } : {}) });
  }
  return out;
}

/** Recomputes every statistic on every replicate: weights change, the sorted values do not. */
export function replicateValues(plan: Plan, set: ReplicateSet, rows: number, onProgress?: (done: number, total: number) => void): Float64Array[] {
  return replicateRange(plan, (r, f) => set.fill(r, f), rows, 0, set.count, set.count, onProgress, set.spec ? psuFactorsOf(set.spec) : undefined);
}
