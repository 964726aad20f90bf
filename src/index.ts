/**
 * povineq: poverty and inequality analytics for Scottish local government.
 *
 * This file lists every public name, grouped by what it is for (as d3-array's index does). Folder
 * indexes may export more, for their sibling folders; only what is listed here is the public API,
 * and test/api/public-api.txt pins it. A measure's engine (its computation on a Distribution and its
 * influence function) is reachable as `measure.info.compute` and `measure.info.influence`. Importing
 * povineq also registers its measures as Arquero aggregate ops (see {@link registerOps}).
 *
 * @packageDocumentation
 */
import { registerOps } from './arquero.js';

// Errors and inputs: the one error class, column sources, CSV and the bundled datasets.
export { PovineqError, type PovineqErrorCode } from './data/index.js';
export type { ColumnSource, DataFrameLike, ArqueroLike } from './data/index.js';
export { readCSV, type ReadCSVOptions } from './data/index.js';
export { eusilc, datasetPath } from './data/index.js';

// The engine: a validated, sorted, weighted Distribution shared by every measure.
export {
  Distribution,
  distribution,
  type Input,
  type ColumnOptions,
  type DataOptions,
  type MeasureOptions,
  type Dropped,
  type QuantileType,
  type Measure,
  type MeasureInfo,
  type Random,
  random,
} from './core/index.js';

// Inequality measures.
export {
  gini,
  theil,
  mld,
  meanLogDeviation,
  generalizedEntropy,
  type EntropyOptions,
  atkinson,
  type AtkinsonOptions,
  palma,
  s80s20,
  quantile,
  median,
  percentileRatio,
  type QuantileOptions,
  type PercentileRatioOptions,
  lorenz,
  type LorenzOptions,
  cv,
  hoover,
  robinHood,
  topShare,
  bottomShare,
  type ShareOptions,
  mean,
} from './measures/index.js';

// Poverty measures.
export {
  povertyLine,
  deepPovertyLine,
  type PovertyLineOptions,
  fgt,
  headcount,
  povertyGap,
  povertySeverity,
  type FgtOptions,
  type LineOptions,
  watts,
  sen,
  sst,
  arpr,
  rmpg,
  type ArprOptions,
} from './measures/index.js';

// Area and socio-economic gradients: slope and relative index of inequality, concentration index.
export {
  deprivationGradient,
  type GradientOptions,
  type RankedGroups,
  sii,
  rii,
  type LineFit,
  type SlopeIndexOptions,
  type RelativeIndexOptions,
  type SlopeIndexResult,
  deprivationGaps,
  type GapOptions,
  type DeprivationGaps,
  concentrationIndex,
  concentrationIndexEstimate,
  concentrationCurve,
  type ConcentrationOptions,
  type ConcentrationEstimate,
} from './measures/index.js';

// Measures by group, the measure registry and the Arquero ops.
export { byGroup, type ByGroupOptions, MEASURES } from './measures/index.js';
export { registerOps, op, type PovineqOps } from './arquero.js';

// Inference: survey designs, estimate() with standard errors and intervals, change between two samples.
export {
  SurveyDesign,
  surveyDesign,
  type DesignOptions,
  type ReplicateWeightsOptions,
  type ReplicateType,
  type ReplicateSet,
  estimate,
  type Estimate,
  type EstimateOptions,
  type VarianceMethod,
  change,
  type Change,
  type PairedChangeOptions,
  type IndependentChangeOptions,
  progressReporter,
} from './inference/index.js';

// UK and Scottish (HBAI, PIIS) income conventions: equivalisation, housing costs, people counted
// from household rows, poverty lines and person-weighted rates.
export {
  type EquivalenceScale,
  type EquivalenceScaleName,
  type EquivalenceWeights,
  type HouseholdMembers,
  EQUIVALENCE_SCALES,
  equivalenceFactor,
  type HouseholdColumns,
  type HouseholdCounts,
  HOUSEHOLD_COLUMNS,
  type EquivaliseOptions,
  equivalise,
  type AfterHousingCostsOptions,
  afterHousingCosts,
  weeklyToAnnual,
  annualToWeekly,
  type PersonGroupKey,
  PERSON_GROUPS,
  PERSON_GROUP_LABELS,
  type PersonWeightOptions,
  type Basis,
  personDistribution,
  personWeightedMedian,
  type PersonWeightedRatesOptions,
  personWeightedRates,
  type RelativePovertyLineOptions,
  relativePovertyLine,
  severePovertyLine,
  type AbsolutePovertyLineOptions,
  absolutePovertyLine,
  type LowIncomeAndDeprivationOptions,
  lowIncomeAndDeprivation,
  type PersistentPovertyOptions,
  persistentPoverty,
  type HbaiIncomesOptions,
  hbaiIncomes,
} from './income/index.js';

// Decompositions: by subgroup, by income source, growth and redistribution, Shapley.
export {
  type DecompositionRow,
  type SubgroupOptions,
  entropyDecomposition,
  theilDecomposition,
  mldDecomposition,
  type EntropyDecompositionOptions,
  atkinsonDecomposition,
  type AtkinsonDecompositionOptions,
  giniDecomposition,
  fgtDecomposition,
  wattsDecomposition,
  type FgtDecompositionOptions,
  type WattsDecompositionOptions,
  giniBySource,
  type GiniBySourceOptions,
  shapley,
  growthRedistribution,
  type GrowthRedistributionOptions,
} from './decompose/index.js';

// Grouped (binned) income data: Lorenz curves fitted to group shares.
export {
  GroupedDistribution,
  groupedData,
  type GroupedOptions,
  type LorenzFit,
  type LorenzCheck,
  type LorenzForm,
  type LorenzPoverty,
  QuadraticLorenz,
  BetaLorenz,
  fitLorenz,
  lorenzFits,
  groupedPovertyTable,
  groupedPoverty,
  groupedGini,
  groupedQuantile,
  type FormOption,
  type GroupedPovertyOptions,
  type GroupedDistributionOptions,
  type GroupedPoverty,
  groupedLorenz,
  groupedDecileShares,
  groupedPalma,
  type InterpolationMethod,
  type InterpolationOptions,
} from './grouped/index.js';

// Scotland: councils, SIMD, boundaries, LGBF, CPOP, NRS population, PIIS and the Act's targets.
export {
  SCOTLAND_CODE,
  type Council,
  type CouncilCodeOptions,
  councils,
  councilCodes,
  councilCode,
  councilName,
  checkDataZones,
  type CheckDataZonesOptions,
  simd,
  simdIndicators,
  SIMD_DOMAINS,
  type SimdDomain,
  type SimdOptions,
  type SimdVintage,
  dataZoneBoundaries,
  councilBoundaries,
  type AreaTopology,
  type AreaGeometry,
  lgbf,
  lgbfIndicators,
  lgbfFamilies,
  type LgbfOptions,
  cpop,
  nrsPopulation,
  deprivationGroups,
  simdGradient,
  type DeprivationGroupOptions,
  type SimdGradientOptions,
  overlappingDeprivation,
  type OverlapOptions,
  type OverlapResult,
  lgbfCompare,
  lgbfSpread,
  type LgbfCompareOptions,
  type LgbfSpreadOptions,
  piis,
  piisTable,
  piisCatalog,
  piisPersistent,
  type PiisOptions,
  type PiisAveraging,
  childPovertyTargets,
  CHILD_POVERTY_TARGETS,
  type ChildPovertyMeasure,
  targetsProgress,
  type TargetsProgressOptions,
  threeYearAverages,
  type ThreeYearAveragesOptions,
} from './scotland/index.js';

// Policy: the household file, synthetic households, scenarios, compare, crossCheck, compensate.
export {
  HOUSEHOLD_SCHEMA,
  type HouseholdSchemaColumn,
  validateHouseholds,
  syntheticHouseholds,
  type SyntheticOptions,
  syntheticCalibration,
  type Scenario,
  type ScenarioDefinition,
  defineScenario,
  compose,
  withColumns,
  carbonLevy,
  type CarbonLevyOptions,
  energyPriceShock,
  type EnergyPriceShockOptions,
  scottishChildPayment,
  twoChildLimitMitigation,
  flatTransfer,
  type ChildPaymentOptions,
  type TwoChildLimitOptions,
  type FlatTransferOptions,
  type TransferUnit,
  type Recycling,
  RECYCLING_OPTIONS,
  PIIS_2019_22_THRESHOLDS,
  type PolicyLineOptions,
  compare,
  type Band,
  type Impact,
  type CompareOptions,
  type Outcome,
  type Side,
  OUTCOMES,
  DEFAULT_OUTCOMES,
  crossCheck,
  type CrossCheckOptions,
  type CrossCheckCell,
  type Flag,
  compensate,
  type CompensateOptions,
  type Compensation,
} from './policy/index.js';

// Charts: the house theme, one builder per chart kind (result table → Vega-Lite spec).
export {
  PALETTE,
  FORMATS,
  type ValueFormat,
  houseTheme,
  formatValue,
  type ChartOptions,
  type ChartData,
  type ChartRow,
  lorenzChart,
  type LorenzChartOptions,
  measureChart,
  type MeasureChartOptions,
  type EstimateLike,
  incomeDistributionChart,
  type IncomeDistributionChartOptions,
  type IncomeLine,
  povertyTrendChart,
  type PovertyTrendChartOptions,
  decileImpactChart,
  type DecileImpactChartOptions,
  winnersLosersChart,
  WINNER_LOSER_BANDS,
  type WinnersLosersChartOptions,
  simdGradientChart,
  type SimdGradientChartOptions,
  type SiiLine,
  councilMap,
  dataZoneMap,
  type ChoroplethOptions,
  lgbfChart,
  type LgbfChartOptions,
  decompositionChart,
  type DecompositionChartOptions,
  crossCheckChart,
  type CrossCheckChartOptions,
} from './charts/index.js';

// Rendering, in one place: SVG, PNG, CSV, offline HTML, the briefing pack and notebook display.
export {
  toSVG,
  toPNG,
  type PNGOptions,
  show,
  mimeBundle,
  type ShowOptions,
  type MimeBundle,
  toCSV,
  toHTML,
  type NamedCharts,
  type HTMLOptions,
  briefing,
  type BriefingOptions,
  type BriefingResult,
} from './charts/index.js';


// Calibration of survey weights to population totals, take-up, uprating, family types, FRS reader.
export { calibrate, calibrationWeights, type CalibrateOptions, type CalibrationMethod, type WithinTotals } from './inference/index.js';
export { takeUpSelection } from './policy/index.js';
export { uprate, type UprateOptions } from './policy/index.js';
export { FAMILY_TYPES, type FamilyType, familyTypeOutcomes, familyTypeTable } from './policy/index.js';
export type { CompareIntervalOptions } from './policy/index.js';
export { priceRiseViews, type PriceRiseViewOptions } from './policy/index.js';
export { readFRS, type ReadFRSOptions, FRS_VARIABLES, FRS_QUALIFYING_BENEFITS } from './policy/index.js';
export { SCOTTISH_CHILD_PAYMENT, HOUSING_COSTS_BY_TENURE, TENURES, type Tenure } from './policy/index.js';

registerOps();

// Small-area estimation: the area-level Fay–Herriot model, arcsine version, benchmarking, diagnostics,
// reliability flags, and their charts.
export {
  fayHerriot,
  type FayHerriot,
  type FayHerriotModel,
  type FayHerriotOptions,
  type AreaColumns,
  type FayHerriotMethod,
  type FitControl,
  type FayHerriotFit,
  fayHerriotArcsine,
  type FayHerriotArcsineOptions,
  type BootstrapOptions,
  benchmark,
  type BenchmarkOptions,
  fayHerriotDiagnostics,
  type FayHerriotDiagnostics,
  reliability,
  RELIABILITY_CLASSES,
  type ReliabilityOptions,
} from './small-area/index.js';
export { smallAreaChart, type SmallAreaChartOptions } from './charts/index.js';
export { reliabilityMap, type ReliabilityMapOptions } from './charts/index.js';
// Measures as SQL: measuresSQL compiles the core set for DuckDB, PostgreSQL, Spark SQL and BigQuery; queryMeasures runs it
export { measuresSQL, queryMeasures, SQL_MEASURES } from './sql/index.js';
export type { BoundSQL, CompiledMeasures, SqlMeasure, SqlSource, MeasuresSQLOptions, MeasuresSQLRequest, SqlConnection, SqlDialectName } from './sql/index.js';
// Council briefing pack: council child poverty (DWP, End Child Poverty), NRS 2022/2024; page writer and its chart builders
export { dwpChildPoverty, dwpChildPovertyWards, ecpChildPoverty, nrsPopulationCensus, type DwpRelease } from './scotland/index.js';
export { cpopIntermediateZones } from './scotland/index.js';
export { comparisonLinesChart, type ComparisonLinesChartOptions } from './charts/index.js';
export { rankedDotsChart, type RankedDotsChartOptions } from './charts/index.js';
export { deprivationProfileChart, type DeprivationProfileChartOptions } from './charts/index.js';
export { councilScatterChart, type CouncilScatterChartOptions } from './charts/index.js';
export { rankChangeChart, type RankChangeChartOptions } from './charts/index.js';
export {
  writeBriefingPage,
  formatCell,
  type ColumnKind,
  type PackChart,
  type PackSection,
  type PackPage,
  type PackFooter,
  type WritePageOptions,
} from './charts/index.js';
export { spreadStripsChart, type SpreadStripsChartOptions, type SpreadOutcome } from './charts/index.js';
// Engine speed: the Distribution cache and quantiles by weighted selection
export { clearDistributionCache, measureDistribution, selectQuantile } from './core/index.js';


// Tables that display themselves: an HTML table in tslab notebooks, aligned text elsewhere
export { displayTables, tableBundle } from './charts/index.js';
export { tableHTML, tableText, columnKind, type TableColumnKind, type TableDisplayOptions } from './charts/index.js';
import { displayTables } from './charts/index.js';
displayTables();

// Hardening: honest intervals for proportions, precision flags on estimates, one options validator
export { type IntervalMethod, logitInterval, kornGraubardInterval } from './inference/index.js';
export { type Reliability, type EstimateReliabilityOptions } from './inference/index.js';
export { type OptionRule, type OptionSpec, checkOptions } from './data/index.js';
