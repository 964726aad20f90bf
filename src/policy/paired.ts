import type { ColumnTable } from 'arquero';
import { type Distribution, fromColumns } from '../core/index.js';
import { PovineqError, describeRows, plural } from '../data/index.js';
import type { HouseholdArrays } from '../income/index.js';
import { validateHouseholds } from './households.js';
import {
  type Basis,
  type PersonWeights,
  checkFraction,
  equivalenceFactors,
  equivalisedIncome,
  linesFromMedian,
  personMedian,
  personWeights,
} from '../income/index.js';
import { type Scenario, checkSameHouseholds } from './scenario.js';

/**
 * Poverty thresholds published in PIIS 2019-22 (Scottish Government, March 2023, table 54) for a
 * couple without children (equivalence factor 1), £/week in 2021/22 prices: the UK median and the
 * absolute line (60% of the 2010/11 UK median, uprated by CPI). Use `referenceMedian` and
 * `absoluteLine` in {@link compare} to measure against them.
 */
export const PIIS_2019_22_THRESHOLDS = {
  medianBHC: 569,
  medianAHC: 499,
  relativeBHC: 341,
  relativeAHC: 300,
  absoluteBHC: 307,
  absoluteAHC: 264,
} as const;

/** How poverty lines are set in compare(), crossCheck() and compensate(). */
export interface PolicyLineOptions {
  /**
   * The relative line after the reform: `'baseline'` (default) holds it at the baseline's line;
   * `'recomputed'` recomputes it from the reform's median. Holding it is the default because HBAI
   * lines come from the UK distribution, which a Scottish or council policy barely moves.
   */
  relativeLine?: 'baseline' | 'recomputed';
  /**
   * The median (equivalised £/week) the relative lines are fractions of, e.g. the UK median
   * `{ BHC: 569, AHC: 499 }` (PIIS 2019-22). Default: the baseline's own person-weighted median.
   * With `relativeLine: 'recomputed'` it moves in proportion to the file's median.
   */
  referenceMedian?: { BHC: number; AHC: number };
  /** Absolute lines, equivalised £/week. Default: PIIS 2019-22 `{ BHC: 307, AHC: 264 }` (2021/22 prices). */
  absoluteLine?: { BHC: number; AHC: number };
  /** Fraction of the median for relative poverty (default 0.6). */
  fraction?: number;
  /** Fraction of the median for deep poverty (default 0.5, PIIS "severe poverty"). */
  deepFraction?: number;
  /** Fuel poverty: energy spend above this fraction of net income after housing costs (default 0.1). */
  fuelThreshold?: number;
}

/** The lines in force before and after, equivalised £/week, per basis. */
export interface Lines {
  relative: Record<Basis, [number, number]>;
  deep: Record<Basis, [number, number]>;
  absolute: Record<Basis, [number, number]>;
  median: Record<Basis, [number, number]>;
}

/** A baseline and a reform of the same households, read, checked and equivalised once. */
export interface Paired {
  n: number;
  base: HouseholdArrays;
  reform: HouseholdArrays;
  pw: PersonWeights;
  eqBefore: Record<Basis, Float64Array>;
  eqAfter: Record<Basis, Float64Array>;
  /** Person-weighted distributions of equivalised income (each sorted once, on first use). */
  distBefore(basis: Basis): Distribution;
  distAfter(basis: Basis): Distribution;
  lines: Lines;
  fuelThreshold: number;
  /** The line options with defaults filled in. */
  options: Required<Pick<PolicyLineOptions, 'relativeLine' | 'fraction' | 'deepFraction' | 'fuelThreshold' | 'absoluteLine'>> & PolicyLineOptions;
}

/** Resolves a reform given as a table or a Scenario. */
export function resolveReform(baseline: ColumnTable, reform: ColumnTable | Scenario): { table: ColumnTable; label: string } {
  if (typeof reform === 'function') {
    return { table: reform(baseline), label: (reform as Scenario).label ?? reform.name ?? 'reform' };
  }
  return { table: reform, label: 'reform' };
}

const SAME = ['weight', 'adults', 'children', 'childrenUnder14', 'pensioners', 'simdDecile'] as const;
const COLUMN_OF: Record<string, string> = {
  weight: 'weight',
  adults: 'adults',
  children: 'children',
  childrenUnder14: 'children_under_14',
  pensioners: 'pensioners',
  simdDecile: 'simd_decile',
};

/**
 * Reads and checks a baseline and reform pair: both valid households, the same households in the
 * same order, with the same weights, people and areas (only incomes, spends and transfers may
 * differ); then equivalises and sets the poverty lines.
 */
export function pair(baseline: ColumnTable, reform: ColumnTable, options: PolicyLineOptions = {}, cache?: BaselineCache): Paired {
  const base = cache?.base ?? validateHouseholds(baseline, { by: 'compare() baseline' });
  if (reform.numRows() !== baseline.numRows()) {
    throw new PovineqError(
      'LENGTH_MISMATCH',
      `compare(): the baseline has ${baseline.numRows()} households and the reform ${reform.numRows()}; ` +
        `pass the reform table a scenario returned for this baseline (or the scenario itself)`,
      { before: baseline.numRows(), after: reform.numRows() },
    );
  }
  checkSameHouseholds(baseline, reform, 'compare(): the reform');
  const after = validateHouseholds(reform, { by: 'compare() reform' }, { table: baseline, arrays: base });
  for (const key of SAME) {
    const a = base[key];
    const b = after[key];
    if (a === b) continue;
    const bad: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) bad.push(i);
    if (bad.length > 0) {
      throw new PovineqError(
        'INVALID_HOUSEHOLD',
        `compare(): column "${COLUMN_OF[key]}" differs between baseline and reform in ${plural(bad.length, 'household')} (${describeRows(bad)}); ` +
          `a reform may change incomes, spends and transfers, not weights, people or areas`,
        { column: COLUMN_OF[key], count: bad.length, rows: bad.slice(0, 100) },
      );
    }
  }
  const badCouncil: number[] = [];
  if (base.council !== after.council) for (let i = 0; i < base.n; i++) if (base.council[i] !== after.council[i]) badCouncil.push(i);
  if (badCouncil.length > 0) {
    throw new PovineqError('INVALID_HOUSEHOLD', `compare(): column "council" differs between baseline and reform in ${describeRows(badCouncil)}`, {
      column: 'council',
      rows: badCouncil.slice(0, 100),
    });
  }
  return equivalisePair(base, after, options, cache);
}

/**
 * Baseline quantities shared by many pairs with the same baseline (crossCheck() and compensate()
 * reuse them): the validated households, their person weights, equivalence factors, equivalised
 * incomes, person-weighted distributions (one sort each) and medians.
 */
export interface BaselineCache {
  base: HouseholdArrays;
  pw: PersonWeights;
  factors: Record<Basis, Float64Array>;
  eq: Record<Basis, Float64Array>;
  dist: Record<Basis, Distribution>;
  median: Record<Basis, number>;
}

/** Reads the baseline's people and incomes once: person weights, factors, equivalised incomes, distributions and medians. */
export function baselineCache(base: HouseholdArrays): BaselineCache {
  const pw = personWeights(base);
  const factors = {} as Record<Basis, Float64Array>;
  const eq = {} as Record<Basis, Float64Array>;
  const dist = {} as Record<Basis, Distribution>;
  const median = {} as Record<Basis, number>;
  for (const basis of ['BHC', 'AHC'] as const) {
    factors[basis] = equivalenceFactors(base, basis);
    eq[basis] = equivalisedIncome(base.incomeBhc, base.housingCosts, factors[basis], basis);
    dist[basis] = fromColumns(eq[basis], pw.all, `equivalised income ${basis}`, 'person weight');
    median[basis] = personMedian(dist[basis]);
  }
  return { base, pw, factors, eq, dist, median };
}

/** Equivalises a checked pair and sets its lines (the reform is sorted only when needed). */
export function equivalisePair(base: HouseholdArrays, reform: HouseholdArrays, options: PolicyLineOptions = {}, cache?: BaselineCache): Paired {
  const fraction = checkFraction(options.fraction, 0.6, 'compare', 'fraction', true);
  const deepFraction = checkFraction(options.deepFraction, 0.5, 'compare', 'deepFraction', true);
  const fuelThreshold = checkFraction(options.fuelThreshold, 0.1, 'compare', 'fuelThreshold', true);
  const relativeLine = options.relativeLine ?? 'baseline';
  if (relativeLine !== 'baseline' && relativeLine !== 'recomputed') {
    throw new PovineqError('INVALID_OPTION', `relativeLine must be 'baseline' or 'recomputed', got ${JSON.stringify(relativeLine)}`, { option: 'relativeLine' });
  }
  const absolute = options.absoluteLine ?? { BHC: PIIS_2019_22_THRESHOLDS.absoluteBHC, AHC: PIIS_2019_22_THRESHOLDS.absoluteAHC };
  checkPair(absolute, 'absoluteLine');
  if (options.referenceMedian) checkPair(options.referenceMedian, 'referenceMedian');
  const c = cache?.base === base ? cache : baselineCache(base);
  const pw = c.pw;
  const eqAfter = {} as Record<Basis, Float64Array>;
  const after = {} as Record<Basis, Distribution>;
  const lines = { relative: {}, deep: {}, absolute: {}, median: {} } as Lines;
  for (const basis of ['BHC', 'AHC'] as const) {
    eqAfter[basis] = reform === base ? c.eq[basis] : equivalisedIncome(reform.incomeBhc, reform.housingCosts, c.factors[basis], basis);
  }
  const distAfter = (basis: Basis): Distribution =>
    (after[basis] ??= reform === base ? c.dist[basis] : fromColumns(eqAfter[basis], pw.all, `equivalised income ${basis}`, 'person weight'));
  for (const basis of ['BHC', 'AHC'] as const) {
    const m0 = c.median[basis];
    const ref = options.referenceMedian?.[basis] ?? m0;
    const refAfter = relativeLine === 'baseline' ? ref : (ref * personMedian(distAfter(basis))) / m0;
    const before = linesFromMedian(ref, fraction, deepFraction);
    const after = linesFromMedian(refAfter, fraction, deepFraction);
    lines.median[basis] = [ref, refAfter];
    lines.relative[basis] = [before.relative, after.relative];
    lines.deep[basis] = [before.deep, after.deep];
    lines.absolute[basis] = [absolute[basis], absolute[basis]];
  }
  return {
    n: base.n,
    base,
    reform,
    pw,
    eqBefore: c.eq,
    eqAfter,
    distBefore: (basis: Basis) => c.dist[basis],
    distAfter,
    lines,
    fuelThreshold,
    options: { ...options, relativeLine, fraction, deepFraction, fuelThreshold, absoluteLine: absolute },
  };
}

function checkPair(v: unknown, option: string): void {
  const o = v as { BHC?: unknown; AHC?: unknown };
  for (const k of ['BHC', 'AHC'] as const) {
    if (typeof o?.[k] !== 'number' || !(Number(o[k]) > 0) || !Number.isFinite(o[k])) {
      throw new PovineqError('INVALID_OPTION', `${option} must be { BHC, AHC } positive £/week (equivalised), got ${JSON.stringify(v)}`, { option });
    }
  }
}

/** Fuel-poor flag: energy spend > threshold × (income_bhc − housing_costs); AHC income ≤ 0 with spend > 0 counts. */
export function fuelPoor(h: HouseholdArrays, i: number, threshold: number): boolean {
  const e = h.energySpend[i]!;
  const y = h.incomeBhc[i]! - h.housingCosts[i]!;
  return e > threshold * y && e > 0;
}
