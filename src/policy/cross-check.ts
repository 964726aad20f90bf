import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { percentileInterval } from '../core/index.js';
import { PovineqError, checkValue } from '../data/index.js';
import { validateHouseholds } from './households.js';
import { type DesignOptions, type VarianceMethod, change } from '../inference/index.js';
import { multinomialReplicatesInto } from '../inference/index.js';
import { gini, headcount } from '../measures/index.js';
import { DEFAULT_OUTCOMES, OUTCOMES, type Outcome, OutcomeEvaluator, councilGroups, resolveOutcome } from './outcomes.js';
import { type PortableOutcome, policyReplicateRanges } from './parallel-intervals.js';
import { sharedArray, sharedPair } from './shared-pair.js';
import { joinRanges, resolveThreads } from '../core/index.js';
import { type Paired, type PolicyLineOptions, baselineCache, pair } from './paired.js';
import type { Scenario } from './scenario.js';
import { familyTypeOf, familyTypeOutcomes } from './family-types.js';
import { replicateFactors } from './compare-intervals.js';

/** A cell's flag. */
export type Flag = 'harms' | 'no detectable effect' | 'helps';

/** A matrix cell handed to a custom flag rule. */
export interface CrossCheckCell {
  policy: string;
  outcome: string;
  harm: 'increase' | 'decrease';
  baseline: number;
  reform: number;
  effect: number;
  ci_lower: number;
  ci_upper: number;
}

/** Options of {@link crossCheck}. */
export interface CrossCheckOptions extends PolicyLineOptions {
  /** Outcomes to check (names from OUTCOMES or Outcome objects). Default DEFAULT_OUTCOMES. */
  outcomes?: ReadonlyArray<string | Outcome>;
  /** Bootstrap replicates for the intervals (default 200; 0 for point estimates only). */
  replicates?: number;
  /** Seed of the bootstrap (default 1): the same seed gives the same intervals. */
  seed?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /**
   * Smallest effect that counts (default 0): a cell is flagged only when its interval excludes
   * zero AND |effect| ≥ minimumEffect. A number for all outcomes, or one per outcome name
   * (e.g. `{ child_relative_ahc: 0.005 }` for half a percentage point).
   */
  minimumEffect?: number | Record<string, number>;
  /** Replace the flag rule entirely: receives each cell, returns its flag. */
  flag?: (cell: CrossCheckCell) => Flag;
  /**
   * Add relative child poverty AHC for each of the six priority family types the household table
   * has columns for (outcomes `child_relative_ahc_<type>`, see {@link familyTypeOutcomes}). Default false.
   */
  familyTypes?: boolean;
  /** Add rows per council (column `council`; the Scotland rows get `'All'`) for outcomes that have them. */
  byCouncil?: boolean;
  /**
   * Where intervals come from: `'bootstrap'` (default: the seeded household bootstrap, every
   * outcome) or `'inference'`: src/inference's paired change() — linearization by default, with the
   * survey `design` — for the Scotland-level cells of poverty-rate and Gini outcomes (lines held
   * fixed at the values compare() uses), the bootstrap for the others. Column `method` says which.
   */
  intervals?: 'bootstrap' | 'inference';
  /**
   * The survey design (column names in the baseline table), as surveyDesign() takes it: used by
   * `intervals: 'inference'`, and by the bootstrap, which then resamples PSUs within strata
   * (Rao–Wu) instead of households.
   */
  design?: DesignOptions;
  /** Variance method for `intervals: 'inference'` (default: change()'s own default, linearization). */
  method?: VarianceMethod;
  /**
   * Worker threads for the bootstrap replicates (default: every core). Any number gives the same
   * digits; small runs (under 200,000 households × replicates) stay in the calling thread.
   */
  threads?: number;
}

/**
 * Runs several policies on the same households and returns the matrix of each policy's effect on
 * each outcome, with bootstrap intervals and a flag per cell (`harms`, `no detectable effect`,
 * `helps`).
 *
 * Effect = outcome(reform) − outcome(baseline) on the same households. Intervals: a seeded
 * nonparametric bootstrap over households (Efron & Tibshirani 1993, ch. 6): each replicate draws n
 * households with replacement (multinomial multiplicities mᵢ from the seeded generator), recomputes
 * both sides with weights wᵢmᵢ — medians and relative lines included — and takes the effect; the
 * interval is the percentile interval of the replicate effects. Paired resampling makes the
 * intervals of effects much narrower than those of levels. The bootstrap treats households as a
 * simple random sample: with a clustered or stratified survey, intervals are too narrow.
 * Default rule: `harms` when the interval lies wholly on the harmful side of zero and
 * |effect| ≥ minimumEffect; `helps` likewise on the other side; otherwise `no detectable effect`.
 *
 * @example
 * crossCheck(households, { dividend: carbonLevy({ rate: 0.1, recycling: 'dividend' }),
 *                          none: carbonLevy({ rate: 0.1 }) }, { replicates: 100, seed: 7 })
 */
export function crossCheck(
  baseline: ColumnTable,
  policies: ReadonlyArray<Scenario> | Readonly<Record<string, Scenario>>,
  options: CrossCheckOptions = {},
): ColumnTable {
  const entries: Array<[string, Scenario]> = Array.isArray(policies)
    ? (policies as Scenario[]).map((s) => [s.label, s])
    : Object.entries(policies as Record<string, Scenario>);
  if (entries.length === 0) {
    throw new PovineqError('MISSING_OPTION', 'crossCheck needs at least one policy: pass an array of scenarios or { name: scenario }', { option: 'policies' });
  }
  for (const [name, s] of entries) {
    if (typeof s !== 'function') {
      throw new PovineqError('INVALID_SCENARIO', `crossCheck: policy "${name}" is not a scenario`, { option: 'policies' });
    }
  }
  const outcomes = (options.outcomes ?? DEFAULT_OUTCOMES).map((o) => resolveOutcome(o));
  if (options.familyTypes) outcomes.push(...familyTypeOutcomes(baseline));
  const replicates = options.replicates ?? 200;
  if (!Number.isInteger(replicates) || replicates < 0) {
    throw new PovineqError('INVALID_OPTION', `replicates must be a whole number ≥ 0, got ${replicates}`, { option: 'replicates' });
  }
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new PovineqError('INVALID_OPTION', `level must be between 0 and 1, got ${level}`, { option: 'level' });
  const seed = options.seed ?? 1;
  const threads = resolveThreads(options.threads);

  const base = validateHouseholds(baseline, { by: 'crossCheck() baseline' });
  const cache = baselineCache(base);
  // the same multiplicities for every policy, so policies are compared on the same replicates
  // with a design (strata, PSUs), the Rao–Wu bootstrap of PSUs within strata, as compare()'s intervals
  const useDesign = options.design !== undefined && (options.design.strata !== undefined || options.design.psu !== undefined);
  // every replicate's factors in one block, replicate r at [r·n, (r + 1)·n): in shared memory when
  // workers may read it
  const n = base.n;
  const block = new Float64Array(threads > 1 ? new SharedArrayBuffer(8 * n * replicates) : new ArrayBuffer(8 * n * replicates));
  if (useDesign) replicateFactors(baseline, base.weight, options.design, replicates, seed).forEach((m, r) => block.set(m, r * n));
  else multinomialReplicatesInto(n, replicates, seed, block);

  const replicateSet: ReplicateSet = { count: replicates, factors: (r) => block.subarray(r * n, (r + 1) * n), block, threads };
  const rows: Record<string, unknown>[] = [];
  for (const [name, scenario] of entries) {
    const p = pair(baseline, scenario(baseline), options, cache);
    rows.push(...policyRows(p, name, outcomes, replicateSet, level, options, baseline));
  }
  return aq.from(rows);
}

/** The bootstrap replicates of a cross-check, shared by its policies. */
interface ReplicateSet {
  count: number;
  factors: (r: number) => Float64Array;
  /** Every replicate's factors, replicate r at [r·n, (r + 1)·n) (shared memory with threads > 1). */
  block: Float64Array;
  threads: number;
}

function policyRows(
  p: Paired,
  policy: string,
  outcomes: Outcome[],
  replicates: ReplicateSet,
  level: number,
  options: CrossCheckOptions,
  baseline: ColumnTable,
): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const full = new OutcomeEvaluator(p);
  const useInference = options.intervals === 'inference';
  if (options.intervals !== undefined && options.intervals !== 'bootstrap' && !useInference) {
    throw new PovineqError('INVALID_OPTION', `intervals must be 'bootstrap' or 'inference', got ${JSON.stringify(options.intervals)}`, { option: 'intervals' });
  }
  let table: ColumnTable | undefined;
  const councils = options.byCouncil ? councilGroups(p) : undefined;
  const needs = outcomes.map((o) => ({ scotland: !(useInference && o.inference), council: councils !== undefined && o.byCouncil !== undefined }));
  const R = replicates.count;
  const points = outcomes.map((o) => [o.value(full, 'before'), o.value(full, 'after')] as const);
  // null for an outcome without replicates (its interval comes from src/inference)
  const portable = outcomes.map((o, i) => (needs[i]!.scotland || needs[i]!.council ? portableOutcome(o) : null));
  const parts = policyReplicateRanges(
    R,
    replicates.threads,
    p.n * R,
    portable.every((o) => o !== undefined)
      ? (from, to) => ({
          kind: 'crossCheck',
          pair: sharedPair(p),
          outcomes: portable as Array<PortableOutcome | null>,
          needs,
          councils: councils && { index: sharedArray(councils.index), codes: councils.codes },
          factors: replicates.block,
          from,
          to,
        })
      : undefined,
    (from, to) => crossCheckReplicateRange(p, outcomes, needs, councils, replicates.factors, from, to),
  );
  outcomes.forEach((o, i) => {
    const [b, a] = points[i]!;
    if (useInference && o.inference) {
      table ??= inferenceTable(p, baseline, options.design);
      const c = inferenceChange(p, table, o.inference, level, options);
      rows.push(cell(policy, o, b, a, [], level, options, councils ? 'All' : undefined, [c.ci[0], c.ci[1]], c.method));
    } else {
      const effects = Array.from(joinRanges(parts.map((v) => v.scotland[i]!)));
      rows.push(cell(policy, o, b, a, effects, level, options, councils ? 'All' : undefined));
    }
    if (councils && o.byCouncil) {
      const cb = o.byCouncil(full, 'before', councils);
      const ca = o.byCouncil(full, 'after', councils);
      const K = councils.codes.length;
      const ce = joinRanges(parts.map((v) => v.council[i]!)); // replicate r, council k at r·K + k
      councils.codes.forEach((code, k) => {
        rows.push(cell(policy, o, cb[k]!, ca[k]!, Array.from({ length: R }, (_, r) => ce[r * K + k]!), level, options, code));
      });
    }
  });
  return rows;
}

/** Replicate effects of a policy's outcomes over a range of replicates, per outcome. */
export interface CrossCheckReplicateValues {
  /** The Scotland-level effect in each replicate of the range (empty when not needed). */
  scotland: Float64Array[];
  /** The council effects: replicate r of the range, council k at r·K + k (empty when not needed). */
  council: Float64Array[];
}

/**
 * Replicates [from, to) of one policy's cross-check: each replicate reweights the households by
 * its factors (wᵢ·mᵢ) and takes each outcome's effect, after − before, overall and by council.
 * Run by the calling thread and by the workers alike, so a replicate has the same digits in either.
 */
export function crossCheckReplicateRange(
  p: Paired,
  outcomes: Outcome[],
  needs: Array<{ scotland: boolean; council: boolean }>,
  councils: { index: Int32Array; codes: string[] } | undefined,
  factors: (r: number) => Float64Array,
  from: number,
  to: number,
): CrossCheckReplicateValues {
  const count = to - from;
  const K = councils?.codes.length ?? 0;
  const out: CrossCheckReplicateValues = {
    scotland: needs.map((n) => new Float64Array(n.scotland ? count : 0)),
    council: needs.map((n) => new Float64Array(n.council ? count * K : 0)),
  };
  for (let r = from; r < to; r++) {
    const e = new OutcomeEvaluator(p, factors(r));
    outcomes.forEach((o, i) => {
      if (needs[i]!.scotland) out.scotland[i]![r - from] = o.value(e, 'after') - o.value(e, 'before');
      if (needs[i]!.council) {
        const x = o.byCouncil!(e, 'after', councils!);
        const y = o.byCouncil!(e, 'before', councils!);
        for (let k = 0; k < K; k++) out.council[i]![(r - from) * K + k] = x[k]! - y[k]!;
      }
    });
  }
  return out;
}

/** The form of an outcome a worker can rebuild, or undefined for a user's own outcome. */
function portableOutcome(o: Outcome): PortableOutcome | undefined {
  if (OUTCOMES[o.name] === o) return { builtin: o.name };
  const family = familyTypeOf(o);
  return family && { familyType: family.key, group: sharedArray(family.group) };
}

function cell(
  policy: string,
  o: Outcome,
  baseline: number,
  reform: number,
  effects: number[],
  level: number,
  options: CrossCheckOptions,
  council: string | undefined,
  interval?: [number, number],
  method = 'bootstrap',
): Record<string, unknown> {
  if (!Number.isFinite(baseline) || !Number.isFinite(reform)) {
    // the outcome is undefined here (e.g. a council with no children in the table): null, flagged
    const row: Record<string, unknown> = { policy, outcome: o.name };
    if (council !== undefined) row.council = council;
    return { ...row, label: o.label, baseline: null, reform: null, effect: null, ci_lower: null, ci_upper: null, flag: 'no detectable effect', method: 'none', empty_group: true };
  }
  const effect = reform - baseline;
  const [lo, hi] = interval ?? replicateInterval(effects, level);
  const c: CrossCheckCell = { policy, outcome: o.name, harm: o.harm, baseline, reform, effect, ci_lower: lo, ci_upper: hi };
  const flag = options.flag ? options.flag(c) : defaultFlag(c, minimumEffect(options.minimumEffect, o.name));
  const row: Record<string, unknown> = { policy, outcome: o.name };
  if (council !== undefined) row.council = council;
  return { ...row, label: o.label, baseline, reform, effect, ci_lower: lo, ci_upper: hi, flag, method: interval || effects.length > 0 ? method : 'none', empty_group: false };
}

function minimumEffect(m: CrossCheckOptions['minimumEffect'], outcome: string): number {
  if (m === undefined) return 0;
  const rule = { kind: 'number', min: 0, means: 'the smallest effect that counts, as a fraction' } as const;
  if (typeof m === 'number') {
    checkValue(m, rule, 'minimumEffect', 'crossCheck');
    return m;
  }
  if (m === null || typeof m !== 'object') checkValue(m, rule, 'minimumEffect', 'crossCheck');
  const v = m[outcome] ?? 0;
  checkValue(v, rule, `minimumEffect.${outcome}`, 'crossCheck');
  return v;
}

/**
 * The default flag rule. With an interval: harmful side wholly beyond zero and |effect| ≥ min →
 * `harms`; beneficial side → `helps`; else `no detectable effect`. Without replicates (NaN
 * interval): the sign of the effect when |effect| ≥ min and min > 0, else `no detectable effect`
 * unless the effect is exactly zero.
 */
export function defaultFlag(c: CrossCheckCell, min: number): Flag {
  const worse = c.harm === 'increase' ? 1 : -1;
  const e = c.effect * worse;
  if (Math.abs(c.effect) < min || c.effect === 0) return 'no detectable effect';
  if (Number.isNaN(c.ci_lower) || Number.isNaN(c.ci_upper)) return e > 0 ? 'harms' : 'helps';
  const lo = worse === 1 ? c.ci_lower : -c.ci_upper;
  const hi = worse === 1 ? c.ci_upper : -c.ci_lower;
  if (lo > 0) return 'harms';
  if (hi < 0) return 'helps';
  return 'no detectable effect';
}

/**
 * Percentile interval of replicate values; [NaN, NaN] with none. Replicates where the outcome is
 * undefined (NaN: e.g. a small group with nobody drawn) are left out.
 */
export function replicateInterval(values: number[], level: number): [number, number] {
  const defined = values.filter((v) => !Number.isNaN(v));
  return defined.length === 0 ? [NaN, NaN] : percentileInterval(defined, level);
}

/**
 * One row per household for src/inference: equivalised incomes before and after (BHC, AHC), the
 * household weight, the person counts as src/income names them, and the design columns.
 */
function inferenceTable(p: Paired, baseline: ColumnTable, design: DesignOptions | undefined): ColumnTable {
  const columns: Record<string, ArrayLike<unknown>> = {
    eq_BHC_before: p.eqBefore.BHC,
    eq_BHC_after: p.eqAfter.BHC,
    eq_AHC_before: p.eqBefore.AHC,
    eq_AHC_after: p.eqAfter.AHC,
    weight: p.base.weight,
    adults: p.base.adults,
    children: p.base.children,
    children_under_14: p.base.childrenUnder14,
    pensioners: p.base.pensioners,
  };
  if (design) {
    for (const v of Object.values(design as Record<string, unknown>)) {
      if (typeof v === 'string' && !(v in columns)) columns[v] = baseline.array(v) as ArrayLike<unknown>;
    }
  }
  return aq.table(columns as never);
}

/** The paired change of one outcome from src/inference (poverty lines fixed at compare()'s values). */
function inferenceChange(p: Paired, table: ColumnTable, spec: NonNullable<Outcome['inference']>, level: number, options: CrossCheckOptions) {
  const common = {
    before: `eq_${spec.basis}_before`,
    after: `eq_${spec.basis}_after`,
    persons: spec.people,
    level,
    ...(options.design ? { design: options.design } : { weight: 'weight' }),
    ...(options.method ? { method: options.method } : {}),
    ...(options.method === 'bootstrap' ? { replicates: Math.max(2, options.replicates ?? 200), seed: options.seed ?? 1 } : {}),
  };
  if (spec.measure === 'gini') return change(gini, table, common as never);
  const [l0, l1] = p.lines[spec.poverty!][spec.basis];
  if (l0 !== l1) {
    throw new PovineqError(
      'INVALID_OPTION',
      "intervals: 'inference' holds poverty lines fixed; with relativeLine: 'recomputed' the line moves: use intervals: 'bootstrap'",
      { option: 'intervals' },
    );
  }
  return change(headcount, table, { ...common, line: l0 } as never);
}
