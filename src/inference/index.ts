export {
  SurveyDesign,
  surveyDesign,
  type DesignOptions,
  type ReplicateWeightsOptions,
  type ReplicateType,
  type ReplicateSet,
} from './design.js';
export { estimate, type Estimate, type EstimateOptions, type VarianceMethod } from './estimate.js';
export { change, type Change, type PairedChangeOptions, type IndependentChangeOptions } from './change.js';
export { jackknifeReplicates, bootstrapReplicates, multinomialReplicates } from './replicates.js';
export { designVariance } from './linearization.js';
export { progressReporter } from './progress.js';
