export { GroupedDistribution, groupedData, type GroupedOptions } from './grouped-data.js';
export { type LorenzFit, type LorenzCheck, type LorenzForm, type LorenzPoverty } from './lorenz-fit.js';
export { QuadraticLorenz } from './quadratic.js';
export { BetaLorenz, incompleteBetaIntegral } from './beta.js';
export { selectForPoverty, selectForDistribution, type FitQuality } from './select.js';
export {
  fitLorenz,
  lorenzFits,
  failedChecks,
  groupedPovertyTable,
  groupedPoverty,
  distributionFit,
  groupedGini,
  groupedQuantile,
  type FormOption,
  type GroupedPovertyOptions,
  type GroupedDistributionOptions,
  type GroupedPoverty,
} from './measures.js';
export {
  linearLorenz,
  lorenzFunction,
  groupedLorenz,
  groupedDecileShares,
  groupedPalma,
  type InterpolationMethod,
  type InterpolationOptions,
} from './interpolation.js';
