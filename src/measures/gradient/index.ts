export { deprivationGradient, rankGroups, groupsTable, type GradientOptions, type RankedGroups } from './gradient.js';
export {
  sii,
  rii,
  slopeIndex,
  weightedLine,
  type LineFit,
  type SlopeIndexOptions,
  type RelativeIndexOptions,
  type SlopeIndexResult,
} from './sii.js';
export { deprivationGaps, type GapOptions, type DeprivationGaps } from './gaps.js';
export {
  concentrationIndex,
  concentrationIndexEstimate,
  concentrationCurve,
  type ConcentrationOptions,
  type ConcentrationEstimate,
} from './concentration-index.js';
