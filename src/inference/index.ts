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
export {
  jackknifeReplicates,
  bootstrapReplicates,
  multinomialReplicates,
  multinomialReplicatesInto,
  fillFromSpec,
  type ReplicateSpec,
} from './replicates.js';
export { calibrate, calibrationWeights, type CalibrateOptions, type CalibrationMethod, type WithinTotals } from './calibrate.js';
export { type IntervalMethod, logitInterval, kornGraubardInterval } from './proportion.js';
export { type Reliability, type EstimateReliabilityOptions } from './reliability.js';
export { designVariance } from './linearization.js';
export { progressReporter } from './progress.js';
/** @internal The worker's job for estimate()'s replicates (src/worker.ts). */
export { replicatesJob } from './replicates-job.js';
