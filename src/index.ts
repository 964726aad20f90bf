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

// Council briefing pack: council child poverty (DWP, End Child Poverty), NRS 2022/2024; page writer and its chart builders
export { dwpChildPoverty, dwpChildPovertyWards, ecpChildPoverty, nrsPopulationCensus, type DwpRelease } from './scotland/child-poverty-local.js';
export { comparisonLinesChart, type ComparisonLinesChartOptions } from './charts/comparison-lines.js';
export { rankedDotsChart, ordinal, type RankedDotsChartOptions } from './charts/ranked-dots.js';
export { deprivationProfileChart, type DeprivationProfileChartOptions } from './charts/deprivation-profile.js';
export { councilScatterChart, type CouncilScatterChartOptions } from './charts/council-scatter.js';
export { rankChangeChart, type RankChangeChartOptions } from './charts/rank-change.js';
export {
  writeBriefingPage,
  briefingPageHTML,
  inlineSVG,
  formatCell,
  columnKind,
  wrapTitle,
  type ColumnKind,
  type PackChart,
  type PackSection,
  type PackPage,
  type PackFooter,
  type WritePageOptions,
} from './charts/briefing-pack.js';
export { spreadStripsChart, type SpreadStripsChartOptions, type SpreadOutcome } from './charts/spread-strips.js';
