export {
  Distribution,
  distribution,
  measureDistribution,
  fromColumns,
  isDistribution,
  lowerBound,
  upperBound,
  type Input,
  type ColumnOptions,
  type DataOptions,
  type MeasureOptions,
  type Dropped,
} from './distribution.js';
export { argsort, isSorted, sortWeighted, type SortedWeighted } from './sort.js';
export { type QuantileType, quantileOf, quantileRange, lorenzAt, cumulativeIncomeAt, checkProbability, firstReaching } from './quantile.js';
export { type Measure, type MeasureInfo, defineMeasure, measureInfo, requireLine, positiveMean, requireNumber, finiteResult } from './measure.js';
export { DATA_OPTIONS, MEASURE_OPTIONS, checkMeasureOptions, checkDataOptions } from './measure-options.js';
export { checkFiniteTotals } from './finite-totals.js';
export { type Grouping, checkNoEmptyGroup, groupRows, groupLabel, partition } from './groups.js';
export { type Random, random, seedState } from './random.js';
export { studentTCdf, studentTQuantile, studentTDensity, incompleteBeta, logGamma } from './student-t.js';
export { kernelBandwidth, kernelDensity } from './density.js';
export { normalQuantile, normalCdf } from './normal.js';
export { embedInfluence, partialTotalInfluence } from './influence.js';
export { quantileSorted } from './quantile-sorted.js';
export { checkLevel, normalInterval, percentileInterval } from './interval.js';
export { weightedVariance } from './moments.js';
export { type Selected, selectWeighted, nextPositiveAbove, extremePositive } from './select.js';
export { selectQuantile } from './quantile.js';
export { clearDistributionCache } from './input-cache.js';
export {
  type SharedDistribution,
  type TaskResult,
  READY,
  cloneable,
  joinRanges,
  resolveThreads,
  shared,
  sharedCopy,
  splitAcrossThreads,
  startedWorkers,
} from './threads.js';
