import { EQUIVALENCE_SCALES } from '../income/index.js';
import { factorOf } from '../income/equivalence-scale.js';
import { groupCounts } from '../income/person-groups.js';
import type { HouseholdCounts } from '../income/households.js';
import type { HouseholdArrays } from './households.js';

/**
 * Person-level quantities of household rows, as HBAI counts them, built on src/income: a household
 * carries its people, every person gets the household's equivalised income, and rates are
 * person-weighted (weight = household weight × people in the group).
 *
 * Equivalence uses src/income's HBAI scales (`EQUIVALENCE_SCALES['hbai-bhc' | 'hbai-ahc']`, modified
 * OECD rescaled so a couple = 1: BHC 0.67 / 0.33 / 0.33 / 0.20, AHC 0.58 / 0.42 / 0.42 / 0.20 for the
 * first adult, other adults, children 14+, children under 14). The policy schema records `children`
 * and `children_under_14`; children aged 14+ are their difference.
 */
export const HBAI_SCALE = { BHC: EQUIVALENCE_SCALES['hbai-bhc'], AHC: EQUIVALENCE_SCALES['hbai-ahc'] } as const;

/** BHC or AHC. */
export type Basis = 'BHC' | 'AHC';

/** The household equivalence factor on the given basis (src/income's factorOf). */
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

/** Person weights per group: household weight × people in the group. */
export interface PersonWeights {
  all: Float64Array;
  children: Float64Array;
  workingAge: Float64Array;
  pensioners: Float64Array;
}

/** The household counts in src/income's form (children 14+ = children − children under 14). */
export function householdCounts(h: HouseholdArrays): HouseholdCounts {
  const older = new Float64Array(h.n);
  for (let i = 0; i < h.n; i++) older[i] = h.children[i]! - h.childrenUnder14[i]!;
  return { adults: h.adults, children14Plus: older, childrenUnder14: h.childrenUnder14, pensioners: h.pensioners };
}

/** Person weights of each group (all people, children, working-age adults, pensioners), via src/income's group counts. */
export function personWeights(h: HouseholdArrays): PersonWeights {
  const counts = householdCounts(h);
  const times = (c: Float64Array) => {
    for (let i = 0; i < h.n; i++) c[i] = c[i]! * h.weight[i]!;
    return c;
  };
  return {
    all: times(groupCounts(counts, 'all')),
    children: times(groupCounts(counts, 'children')),
    workingAge: times(groupCounts(counts, 'working-age')),
    pensioners: times(groupCounts(counts, 'pensioners')),
  };
}
