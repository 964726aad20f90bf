// UK and Scottish (HBAI/PIIS) income conventions: equivalisation, BHC/AHC incomes, person-weighted
// counting from household rows, poverty lines.
export {
  type EquivalenceScale,
  type EquivalenceScaleName,
  type EquivalenceWeights,
  type HouseholdMembers,
  EQUIVALENCE_SCALES,
  equivalenceFactor,
} from './equivalence-scale.js';
export { type HouseholdColumns, type HouseholdCounts, HOUSEHOLD_COLUMNS } from './households.js';
export { type EquivaliseOptions, equivalise } from './equivalise.js';
export { type AfterHousingCostsOptions, afterHousingCosts } from './housing-costs.js';
export { WEEKS_PER_YEAR, weeklyToAnnual, annualToWeekly } from './income-period.js';
export { type PersonGroupKey, PERSON_GROUPS, PERSON_GROUP_LABELS } from './person-groups.js';
export { type PersonWeightOptions, personDistribution, personWeightedMedian } from './person-weights.js';
export { type PersonWeightedRatesOptions, personWeightedRates } from './person-weighted-rates.js';
export { type RelativePovertyLineOptions, relativePovertyLine, severePovertyLine } from './relative-poverty-line.js';
export { type AbsolutePovertyLineOptions, absolutePovertyLine } from './absolute-poverty-line.js';
export { type LowIncomeAndDeprivationOptions, lowIncomeAndDeprivation } from './low-income-deprivation.js';
export { type PersistentPovertyOptions, persistentPoverty } from './persistent-poverty.js';
export { type HbaiIncomesOptions, hbaiIncomes } from './hbai-incomes.js';
export { readGroupCounts, groupCounts, checkGroups } from './person-groups.js';
