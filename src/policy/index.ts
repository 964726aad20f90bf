// Policy-impact cross-checks: household schema, synthetic Scottish households,
// scenarios, compare, crossCheck and compensate.
export {
  HOUSEHOLD_SCHEMA,
  OPTIONAL_HOUSEHOLD_SCHEMA,
  type HouseholdSchemaColumn,
  type CheckContext,
  validateHouseholds,
  requireColumns,
  numericColumn,
} from './households.js';
export { syntheticHouseholds, type SyntheticOptions } from './synthetic.js';
export { syntheticTargets, type SyntheticTargets } from './synthetic-targets.js';
export { syntheticCalibration } from './synthetic-calibration.js';
export {
  type Scenario,
  type ScenarioDefinition,
  defineScenario,
  identity,
  compose,
  withColumns,
  checkSameHouseholds,
} from './scenario.js';
export * from './scenarios/index.js';
export { PIIS_2019_22_THRESHOLDS, type PolicyLineOptions, type Lines, type Paired } from './paired.js';
export { compare, bandOf, BANDS, type Band, type Impact, type CompareOptions } from './compare.js';
export {
  type Outcome,
  type Side,
  OutcomeEvaluator,
  OUTCOMES,
  DEFAULT_OUTCOMES,
} from './outcomes.js';
export { crossCheck, defaultFlag, type CrossCheckOptions, type CrossCheckCell, type Flag } from './cross-check.js';
export { compensate, type CompensateOptions, type Compensation } from './compensate.js';
export { takeUpSelection } from './take-up.js';
export { uprate, type UprateOptions } from './uprating.js';
export { FAMILY_TYPES, type FamilyType, familyTypeOutcomes, familyTypeTable } from './family-types.js';
export type { CompareIntervalOptions } from './compare-intervals.js';
export { priceRiseViews, type PriceRiseViewOptions } from './price-views.js';
export { readFRS, type ReadFRSOptions, FRS_VARIABLES, FRS_QUALIFYING_BENEFITS } from './frs.js';
export { SCOTTISH_CHILD_PAYMENT, HOUSING_COSTS_BY_TENURE, TENURES, type Tenure } from './synthetic-targets.js';
/** @internal The worker's job for compare() and crossCheck() intervals (src/worker.ts). */
export { policyIntervalsJob } from './intervals-job.js';
