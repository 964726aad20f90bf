// The household model and the UK and Scottish (HBAI/PIIS) income conventions: the household schema,
// equivalisation, BHC/AHC incomes, person groups and person weights, poverty lines and the
// person-weighted rates every other folder uses. Some names are for sibling folders only; the
// public ones are listed in src/index.ts.
export {
  type EquivalenceScale,
  type EquivalenceScaleName,
  type EquivalenceWeights,
  type HouseholdMembers,
  EQUIVALENCE_SCALES,
  equivalenceFactor,
} from './equivalence-scale.js';
export { type HouseholdColumns, type HouseholdCounts, type HouseholdArrays, HOUSEHOLD_COLUMNS, olderChildren } from './households.js';
export { type EquivaliseOptions, equivalise } from './equivalise.js';
export { type AfterHousingCostsOptions, afterHousingCosts } from './housing-costs.js';
export { WEEKS_PER_YEAR, weeklyToAnnual, annualToWeekly } from './income-period.js';
export { type PersonGroupKey, PERSON_GROUPS, PERSON_GROUP_LABELS } from './person-groups.js';
export {
  type PersonWeightOptions,
  personDistribution,
  personWeightedMedian,
  type Basis,
  HBAI_SCALE,
  equivalenceFactors,
  equivalisedIncome,
  type PersonWeights,
  personWeights,
  groupPersonWeights,
} from './person-weights.js';
export { type ShareBelowOptions, shareBelow, type PovertyFlows, povertyFlows } from './rates.js';
export { type PersonWeightedRatesOptions, personWeightedRates } from './person-weighted-rates.js';
export {
  type RelativePovertyLineOptions,
  relativePovertyLine,
  severePovertyLine,
  checkFraction,
  linesFromMedian,
  personMedian,
} from './poverty-lines.js';
export { type AbsolutePovertyLineOptions, absolutePovertyLine } from './absolute-poverty-line.js';
export { type LowIncomeAndDeprivationOptions, lowIncomeAndDeprivation } from './low-income-deprivation.js';
export { type PersistentPovertyOptions, persistentPoverty } from './persistent-poverty.js';
export { type HbaiIncomesOptions, hbaiIncomes } from './hbai-incomes.js';
export { readGroupCounts, groupCounts, checkGroups } from './person-groups.js';
