// Scottish geographies and data: councils, SIMD, boundaries, LGBF, CPOP, NRS population; deprivation
// groups, LGBF comparisons and overlapping-deprivation micro-areas.
export {
  SCOTLAND_CODE,
  type Council,
  type CouncilCodeOptions,
  councils,
  councilCodes,
  councilCode,
  councilName,
  normaliseCouncilName,
} from './councils.js';
export { checkDataZones, type CheckDataZonesOptions } from './datazones.js';
export { simd, simdIndicators, SIMD_DOMAINS, type SimdDomain, type SimdOptions, type SimdVintage } from './simd.js';
export { dataZoneBoundaries, councilBoundaries, type AreaTopology, type AreaGeometry } from './boundaries.js';
export { lgbf, lgbfIndicators, lgbfFamilies, periodEndYear, type LgbfOptions } from './lgbf.js';
export { cpop, cpopIntermediateZones } from './cpop.js';
export { nrsPopulation } from './population.js';
export { deprivationGroups, simdGradient, type DeprivationGroupOptions, type SimdGradientOptions } from './deprivation-groups.js';
export { overlappingDeprivation, type OverlapOptions, type OverlapResult } from './overlapping-deprivation.js';
export { lgbfCompare, lgbfSpread, type LgbfCompareOptions, type LgbfSpreadOptions } from './lgbf-compare.js';
// PIIS poverty series, Child Poverty (Scotland) Act targets and three-year averages.
export { piis, piisTable, piisCatalog, piisPersistent, type PiisOptions, type PiisAveraging } from './piis.js';
export { childPovertyTargets, CHILD_POVERTY_TARGETS, type ChildPovertyMeasure } from './child-poverty-targets.js';
export { targetsProgress, type TargetsProgressOptions } from './targets-progress.js';
export { threeYearAverages, type ThreeYearAveragesOptions } from './three-year-averages.js';
export { dwpChildPoverty, dwpChildPovertyWards, ecpChildPoverty, nrsPopulationCensus, type DwpRelease } from './child-poverty-local.js';
