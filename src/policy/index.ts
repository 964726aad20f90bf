// Policy-impact cross-checks (issue 7): household schema, synthetic Scottish households,
// scenarios, compare, crossCheck and compensate.
export {
  HOUSEHOLD_COLUMNS,
  OPTIONAL_HOUSEHOLD_COLUMNS,
  type HouseholdColumn,
  type HouseholdArrays,
  type CheckContext,
  validateHouseholds,
  requireColumns,
  numericColumn,
} from './households.js';
export { HBAI_SCALE, type Basis, equivalenceFactors, equivalisedIncome, personWeights } from './people.js';
export { syntheticHouseholds, type SyntheticOptions } from './synthetic.js';
export { syntheticTargets, type SyntheticTargets } from './synthetic-targets.js';
