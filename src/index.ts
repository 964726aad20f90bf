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


// Calibration of survey weights to population totals, take-up, uprating, family types, FRS reader.
export { calibrate, calibrationWeights, type CalibrateOptions, type CalibrationMethod, type WithinTotals } from './inference/calibrate.js';
export { takeUpSelection } from './policy/take-up.js';
export { uprate, type UprateOptions } from './policy/uprating.js';
export { FAMILY_TYPES, type FamilyType, familyTypeOutcomes, familyTypeTable } from './policy/family-types.js';
export type { CompareIntervalOptions } from './policy/compare-intervals.js';
export { priceRiseViews, type PriceRiseViewOptions } from './policy/price-views.js';
export { readFRS, type ReadFRSOptions, FRS_VARIABLES } from './policy/frs.js';
export { SCOTTISH_CHILD_PAYMENT, HOUSING_COSTS_BY_TENURE, TENURES, type Tenure } from './policy/synthetic-targets.js';

registerOps();
