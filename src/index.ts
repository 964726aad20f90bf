/**
 * povineq: poverty and inequality analytics for Scottish local government.
 *
 * Every export is re-exported here from its folder's index. Importing povineq also registers its
 * measures as Arquero aggregate ops (see {@link registerOps}).
 *
 * @packageDocumentation
 */
import { registerOps } from './arquero.js';

export { PovineqError, type PovineqErrorCode } from './data/index.js';
export type { ColumnSource, DataFrameLike } from './data/index.js';
export type { ArqueroLike } from './data/index.js';
export { readCSV, type ReadCSVOptions } from './data/index.js';
export { eusilc, datasetPath } from './data/index.js';
export {
  Distribution,
  distribution,
  type Input,
  type ColumnOptions,
  type DataOptions,
  type MeasureOptions,
  type Dropped,
} from './core/index.js';
export { type Measure, type MeasureInfo, measureInfo, type Random, random } from './core/index.js';
export type { QuantileType } from './core/index.js';
export * from './measures/index.js';
export { registerOps, op, type PovineqOps } from './arquero.js';
export * from './scotland/index.js';
export * from './income/index.js';
export * from './inference/index.js';
export * from './decompose/index.js';
export * from './grouped/index.js';
export * from './charts/index.js';

export * from './policy/index.js';

registerOps();

// Hardening: honest intervals for proportions, precision flags on estimates, one options validator
export { type IntervalMethod, logitInterval, kornGraubardInterval } from './inference/proportion.js';
export { type Reliability, type ReliabilityOptions } from './inference/reliability.js';
export { type OptionRule, type OptionSpec, checkOptions } from './data/index.js';
