import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, checkValue } from '../data/index.js';
import { type Impact, impactTables } from './compare.js';
import { validateHouseholds } from './households.js';
import { DEFAULT_OUTCOMES, type Outcome, OutcomeEvaluator, OUTCOMES, resolveOutcome } from './outcomes.js';
import { type PolicyLineOptions, baselineCache, pair, resolveReform } from './paired.js';
import { type Scenario, compose } from './scenario.js';

/** Options of {@link compensate}. */
export interface CompensateOptions extends PolicyLineOptions {
  /** The outcome to restore (name from OUTCOMES or an Outcome), e.g. `'child_relative_ahc'`. */
  outcome: string | Outcome;
  /** The compensating instrument: a scenario for each setting, e.g. `(x) => flatTransfer({ amount: x, per: 'child' })`. */
  instrument: (setting: number) => Scenario;
  /** The outcome value to reach (default: its baseline value). */
  target?: number;
  /** Search interval for the setting (default [0, 100]); the outcome must be restored at the upper end. */
  range?: [number, number];
  /** Stop when the interval is this narrow (default 0.01, a penny a week for £ instruments). */
  tolerance?: number;
  /** Most bisection steps before giving up with NOT_CONVERGED (default 200; each step evaluates the outcome once). */
  maxIterations?: number;
}

/** What {@link compensate} returns. */
export interface Compensation {
  /** The smallest setting found (within `tolerance`) that restores the outcome. */
  setting: number;
  /** The outcome: baseline value, value under the reform, the target and the value achieved with compensation. */
  outcome: { name: string; baseline: number; reform: number; target: number; achieved: number };
  /** Net cost to government, £ a year: of the reform alone, of the package, and of the compensation (difference). */
  cost: { reform_annual: number; package_annual: number; compensation_annual: number };
  /** The package (reform then instrument at the setting). */
  package: Scenario;
  /** compare(baseline, package): everything else the package changes. */
  impact: Impact;
  /** `outcome`, `label`, `baseline`, `reform`, `package` for the default cross-check outcomes: the side effects. */
  sideEffects: ColumnTable;
  /** Number of outcome evaluations the bisection made. */
  evaluations: number;
}

/**
 * Finds the smallest setting of a compensating instrument that brings an outcome back to its
 * baseline (or a target) after a reform, by bisection, and reports its cost and side effects.
 *
 * With v(s) the outcome after "reform then instrument(s)", harmful direction increase: finds the
 * smallest s in [lo, hi] with v(s) ≤ target (≥ for outcomes whose harm is a decrease), assuming v
 * is monotone in s (true for transfers and poverty rates, which are step functions of s). Each step
 * halves the bracket [a, b] with v(a) > target ≥ v(b); it stops when b − a ≤ tolerance and returns b.
 * Errors if even `hi` does not restore the outcome (widen `range`).
 *
 * @example
 * compensate(households, carbonLevy({ rate: 0.1 }), {
 *   outcome: 'child_relative_ahc', instrument: (x) => flatTransfer({ amount: x, per: 'child' }) })
 */
export function compensate(baseline: ColumnTable, reform: ColumnTable | Scenario, options: CompensateOptions): Compensation {
  if (!options || typeof options.instrument !== 'function') {
    throw new PovineqError('MISSING_OPTION', 'compensate needs { instrument: (setting) => scenario }, e.g. (x) => flatTransfer({ amount: x, per: "child" })', {
      option: 'instrument',
    });
  }
  if (options.outcome === undefined) {
    throw new PovineqError('MISSING_OPTION', `compensate needs { outcome }, one of ${Object.keys(OUTCOMES).join(', ')}`, { option: 'outcome' });
  }
  const outcome = resolveOutcome(options.outcome, 'outcome');
  const [lo0, hi0] = options.range ?? [0, 100];
  if (!(Number.isFinite(lo0) && Number.isFinite(hi0) && lo0 < hi0)) {
    throw new PovineqError('INVALID_OPTION', `range must be [low, high] with low < high, got ${JSON.stringify(options.range)}`, { option: 'range' });
  }
  const tolerance = options.tolerance ?? 0.01;
  checkValue(tolerance, { kind: 'number', min: 0, above: true, means: 'the width at which the search stops', fallback: 0.01 }, 'tolerance', 'compensate');
  const maxIterations = options.maxIterations ?? 200;
  checkValue(maxIterations, { kind: 'number', min: 1, integer: true, means: 'bisection steps', fallback: 200 }, 'maxIterations', 'compensate');

  const base = validateHouseholds(baseline, { by: 'compensate() baseline' });
  const cache = baselineCache(base);
  const { table: reformTable, label } = resolveReform(baseline, reform);
  const reformScenario: Scenario | undefined = typeof reform === 'function' ? reform : undefined;
  const first = pair(baseline, reformTable, options, cache);
  const full = new OutcomeEvaluator(first);
  const baselineValue = outcome.value(full, 'before');
  const reformValue = outcome.value(full, 'after');
  if (!Number.isFinite(baselineValue) || !Number.isFinite(reformValue)) {
    throw new PovineqError(
      'EMPTY_GROUP',
      `compensate: ${outcome.name} is undefined on this table (no one in its group, e.g. no children or pensioners); choose an outcome whose group the table holds`,
      { option: 'outcome', outcome: outcome.name },
    );
  }
  if (options.target !== undefined) checkValue(options.target, { kind: 'number' }, 'target', 'compensate');
  const target = options.target ?? baselineValue;
  const restored = (v: number) => (outcome.harm === 'increase' ? v <= target : v >= target);

  let evaluations = 0;
  const valueAt = (s: number) => {
    evaluations++;
    const table = options.instrument(s)(reformTable);
    return outcome.value(new OutcomeEvaluator(pair(baseline, table, options, cache)), 'after');
  };
  let a = lo0;
  let b = hi0;
  let setting: number;
  if (restored(valueAt(a))) setting = a;
  else {
    const vb = valueAt(b);
    if (!restored(vb)) {
      throw new PovineqError(
        'NOT_CONVERGED',
        `compensate: even the top of the range (${b}) leaves ${outcome.name} at ${vb}, short of the target ${target}; ` +
          `widen { range } or choose another instrument`,
        { option: 'range', outcome: outcome.name },
      );
    }
    let steps = 0;
    while (b - a > tolerance) {
      const mid = (a + b) / 2;
      // the bracket can shrink no further in double precision: b is the answer to machine precision
      if (mid <= a || mid >= b) break;
      if (++steps > maxIterations) {
        throw new PovineqError(
          'NOT_CONVERGED',
          `compensate: ${maxIterations} bisection steps left the setting between ${a} and ${b}, wider than tolerance ${tolerance}; ` +
            `pass a larger { tolerance } or { maxIterations }`,
          { option: 'tolerance', outcome: outcome.name, low: a, high: b },
        );
      }
      if (restored(valueAt(mid))) b = mid;
      else a = mid;
    }
    setting = b;
  }

  const instrument = options.instrument(setting);
  const pkg = reformScenario ? compose(reformScenario, instrument) : instrument;
  const packageTable = instrument(reformTable);
  const pp = pair(baseline, packageTable, options, cache);
  const impact = impactTables(pp, reformScenario ? pkg.label : `${label} then ${instrument.label}`);
  const pe = new OutcomeEvaluator(pp);
  const annualCost = (p: typeof first) => {
    let c = 0;
    for (let i = 0; i < p.n; i++) c += p.base.weight[i]! * (p.reform.netTransfer[i]! - p.base.netTransfer[i]!);
    return c * 52;
  };
  const reformCost = annualCost(first);
  const packageCost = annualCost(pp);
  const sideNames = [...new Set([...DEFAULT_OUTCOMES, 'child_relative_bhc', 'relative_ahc', 'pensioner_relative_ahc'])];
  const side = sideNames.map((n) => {
    const o = OUTCOMES[n]!;
    // an outcome undefined on this table (its group is empty) is null, flagged in empty_group
    const v = (x: number) => (Number.isFinite(x) ? x : null);
    const values = { baseline: v(o.value(full, 'before')), reform: v(o.value(full, 'after')), package: v(o.value(pe, 'after')) };
    return { outcome: o.name, label: o.label, ...values, empty_group: Object.values(values).some((x) => x === null) };
  });
  return {
    setting,
    outcome: { name: outcome.name, baseline: baselineValue, reform: reformValue, target, achieved: outcome.value(pe, 'after') },
    cost: { reform_annual: reformCost, package_annual: packageCost, compensation_annual: packageCost - reformCost },
    package: pkg,
    impact,
    sideEffects: aq.from(side),
    evaluations,
  };
}
