import type { HouseholdArrays } from './households.js';

/**
 * Person-level quantities of household rows, as HBAI counts them: a household carries its
 * people, every person gets the household's equivalised income, and rates are person-weighted.
 *
 * Equivalence (modified OECD, rescaled so a couple without children = 1, as HBAI):
 * BHC: first adult 0.67, each other adult and child aged 14+ 0.33, child under 14 0.20;
 * AHC: 0.58, 0.42, 0.42, 0.20. Reference: DWP, Households Below Average Income, Quality and
 * Methodology Information Report (2023), "Equivalisation".
 */
export const HBAI_SCALE = {
  BHC: { first: 0.67, other: 0.33, under14: 0.2 },
  AHC: { first: 0.58, other: 0.42, under14: 0.2 },
} as const;

/** BHC or AHC. */
export type Basis = 'BHC' | 'AHC';

/** The household equivalence factor on the given basis. */
export function equivalenceFactors(h: Pick<HouseholdArrays, 'n' | 'adults' | 'children' | 'childrenUnder14'>, basis: Basis): Float64Array {
  const s = HBAI_SCALE[basis];
  const out = new Float64Array(h.n);
  for (let i = 0; i < h.n; i++) {
    const under14 = h.childrenUnder14[i]!;
    const older = h.adults[i]! - 1 + h.children[i]! - under14;
    out[i] = s.first + s.other * older + s.under14 * under14;
  }
  return out;
}

/** Equivalised weekly household income: (income_bhc or income_bhc − housing_costs) / factor. */
export function equivalisedIncome(
  income: Float64Array,
  housingCosts: Float64Array,
  factors: Float64Array,
  basis: Basis,
): Float64Array {
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

/** Person weights of each group (all people, children, working-age adults, pensioners). */
export function personWeights(h: HouseholdArrays): PersonWeights {
  const n = h.n;
  const all = new Float64Array(n);
  const children = new Float64Array(n);
  const workingAge = new Float64Array(n);
  const pensioners = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = h.weight[i]!;
    children[i] = w * h.children[i]!;
    pensioners[i] = w * h.pensioners[i]!;
    workingAge[i] = w * (h.adults[i]! - h.pensioners[i]!);
    all[i] = w * (h.adults[i]! + h.children[i]!);
  }
  return { all, children, workingAge, pensioners };
}
