// Each measure with its engine: the computation on a Distribution (*Of) and its influence function.
export { gini, giniOf, giniInfluence } from './gini.js';
export { theil } from './theil.js';
export { mld, meanLogDeviation } from './mld.js';
export {
  generalizedEntropy,
  generalizedEntropyOf,
  generalizedEntropyInfluence,
  entropyDomain,
  type EntropyOptions,
} from './generalized-entropy.js';
export { atkinson, atkinsonOf, atkinsonInfluence, type AtkinsonOptions } from './atkinson.js';
export { palma, palmaOf, palmaInfluence } from './palma.js';
export { s80s20, s80s20Of, s80s20Influence } from './s80s20.js';
export { quantile, median, percentileRatio, quantileInfluence, type QuantileOptions, type PercentileRatioOptions } from './quantile.js';
export { lorenz, lorenzOf, type LorenzOptions } from './lorenz.js';
export { lorenzInfluence } from './lorenz-influence.js';
export { cv, cvOf, cvInfluence } from './cv.js';
export { hoover, hooverOf, hooverInfluence, robinHood } from './hoover.js';
export { topShare, bottomShare, type ShareOptions } from './shares.js';
export { mean } from './mean.js';
