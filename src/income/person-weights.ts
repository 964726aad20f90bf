import type { ColumnTable } from 'arquero';
import { type Distribution, type QuantileType, fromColumns, quantileOf } from '../core/index.js';
import { type ColumnSource, PovineqError } from '../data/index.js';
import { EQUIVALENCE_SCALES, factorOf } from './equivalence-scale.js';
import { type HouseholdArrays, type HouseholdColumns, type HouseholdCounts, missingOption, readHouseholdWeights, readIncome } from './households.js';
import { type PersonGroupKey, PERSON_GROUPS, PERSON_GROUP_LABELS, checkGroups, groupCounts, readGroupCounts } from './person-groups.js';

/*
 * Person-level quantities of household rows, as HBAI counts them: a household carries its people,
 * every person gets the household's equivalised income, and rates are person-weighted (weight =
 * household weight × people in the group).
 */

/** Income before or after housing costs. */
export type Basis = 'BHC' | 'AHC';

/**
 * The HBAI equivalence scales by basis (modified OECD rescaled so a couple = 1): BHC 0.67 / 0.33 /
 * 0.33 / 0.20, AHC 0.58 / 0.42 / 0.42 / 0.20 for the first adult, other adults, children 14+,
 * children under 14.
 */
export const HBAI_SCALE = { BHC: EQUIVALENCE_SCALES['hbai-bhc'], AHC: EQUIVALENCE_SCALES['hbai-ahc'] } as const;

/** The HBAI equivalence factor of every household on the given basis (children 14+ = children − children under 14). */
export function equivalenceFactors(h: Pick<HouseholdArrays, 'n' | 'adults' | 'children' | 'childrenUnder14'>, basis: Basis): Float64Array {
  const scale = HBAI_SCALE[basis];
  const out = new Float64Array(h.n);
  for (let i = 0; i < h.n; i++) {
    const young = h.childrenUnder14[i]!;
    out[i] = factorOf(scale, h.adults[i]!, h.children[i]! - young, young);
  }
  return out;
}

/** Equivalised weekly household income: (income_bhc or income_bhc − housing_costs) / factor. */
export function equivalisedIncome(income: Float64Array, housingCosts: Float64Array, factors: Float64Array, basis: Basis): Float64Array {
  const out = new Float64Array(income.length);
  if (basis === 'BHC') for (let i = 0; i < out.length; i++) out[i] = income[i]! / factors[i]!;
  else for (let i = 0; i < out.length; i++) out[i] = (income[i]! - housingCosts[i]!) / factors[i]!;
  return out;
}

/** Person weights of each person group: household weight × people of the group. */
export type PersonWeights = Record<PersonGroupKey, Float64Array>;

/** Person weights of one group: household weight × people of the group in each row. */
export function groupPersonWeights(counts: HouseholdCounts, weights: ArrayLike<number>, group: PersonGroupKey): Float64Array {
  const w = groupCounts(counts, group);
  for (let i = 0; i < w.length; i++) w[i] = w[i]! * weights[i]!;
  return w;
}

/** Person weights of every group (all people, children, working-age adults, pensioners) of a household file. */
export function personWeights(h: HouseholdArrays): PersonWeights {
  const out = {} as PersonWeights;
  for (const g of PERSON_GROUPS) out[g] = groupPersonWeights(h, h.weight, g);
  return out;
}

/** Options that describe a household table for person-weighted results. */
export interface PersonWeightOptions extends HouseholdColumns {
  /** Equivalised household income column (BHC or AHC). */
  income: string;
  /** Household weight column (grossing factor); omit for unweighted rows. Zero weights are allowed. */
  weight?: string;
  /** Rows with a missing income or weight: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

/** Household rows read for person weighting. */
export interface PersonRows {
  income: Float64Array;
  weights: Float64Array;
  /** 1 when the row is used (not dropped for a missing value). */
  used: Uint8Array;
  counts: ReturnType<typeof readGroupCounts>;
  dropped: number;
}

/** Reads and validates a household table for person weighting. */
export function readPersonRows(
  table: ColumnSource,
  options: PersonWeightOptions,
  groups: readonly PersonGroupKey[],
  withIncome = true,
): PersonRows {
  if (withIncome && (!options || typeof options.income !== 'string')) {
    throw new PovineqError('MISSING_OPTION', 'person-weighted results need the equivalised income column: pass { income: "eq_income_bhc" }', {
      option: 'income',
    });
  }
  const missing = missingOption(options.missing);
  const counts = readGroupCounts(table, options, groups);
  const n = counts.adults.length;
  const income = withIncome ? readIncome(table, options.income, 'income', missing) : { values: new Float64Array(n), missingRows: [] };
  const w = readHouseholdWeights(table, options.weight, missing);
  const used = new Uint8Array(n).fill(1);
  for (const r of income.missingRows) used[r] = 0;
  for (const r of w.missingRows) used[r] = 0;
  let dropped = 0;
  for (let i = 0; i < n; i++) if (!used[i]) dropped++;
  return { income: income.values, weights: w.weights, used, counts, dropped };
}

/** A Distribution of household incomes weighted by household weight × people in the group. */
export function personDistributionOf(rows: PersonRows, group: PersonGroupKey, column: string): Distribution | undefined {
  const people = groupCounts(rows.counts, group);
  let m = 0;
  for (let i = 0; i < people.length; i++) if (rows.used[i] && rows.weights[i]! * people[i]! > 0) m++;
  if (m === 0) return undefined;
  const values = new Float64Array(m);
  const weights = new Float64Array(m);
  for (let i = 0, j = 0; i < people.length; i++) {
    const pw = rows.weights[i]! * people[i]!;
    if (rows.used[i] && pw > 0) {
      values[j] = rows.income[i]!;
      weights[j++] = pw;
    }
  }
  return fromColumns(values, weights, column, `person weight (${PERSON_GROUP_LABELS[group]})`);
}

/**
 * The distribution of people (not households) over equivalised household income: each household
 * row counts with weight = household weight × number of people in the group, so every person
 * carries their household's income. Any povineq measure then gives the HBAI person-weighted value:
 * `gini(personDistribution(hh, o))`.
 *
 * wᵢ(person) = wᵢ · nᵢ, with nᵢ all people (default), children, working-age adults or pensioners.
 * Rows whose person weight is zero (zero household weight, or nobody of the group) are left out.
 * Reference: DWP, HBAI Quality and Methodology Information ("the unit of analysis is the individual").
 *
 * @example
 * const people = personDistribution(hh, { income: 'eq_bhc', weight: 'gs_hh' });
 * [median(people), gini(people)]
 */
export function personDistribution(households: ColumnTable, options: PersonWeightOptions & { group?: PersonGroupKey }): Distribution {
  const group = checkGroups([options.group ?? 'all'])[0]!;
  const rows = readPersonRows(households, options, [group]);
  const d = personDistributionOf(rows, group, options.income);
  if (!d) {
    throw new PovineqError('EMPTY_GROUP', `no ${PERSON_GROUP_LABELS[group].toLowerCase()} with positive weight in the table`, {
      column: options.income,
      group,
    });
  }
  return d;
}

/**
 * Person-weighted median of equivalised household income: the median HBAI poverty lines are set
 * from. Every person is given their household's equivalised income and the household weight.
 *
 * median = Q(0.5) of the distribution with weights wᵢ·nᵢ (nᵢ people in household i), using the
 * EU-SILC quantile rule by default (`type` changes it). Reference: DWP, HBAI QMI.
 *
 * @example
 * personWeightedMedian(hh, { income: 'eq_bhc', weight: 'gs_hh' })
 */
export function personWeightedMedian(households: ColumnTable, options: PersonWeightOptions & { type?: QuantileType }): number {
  return quantileOf(personDistribution(households, options), 0.5, options.type ?? 'eurostat');
}
