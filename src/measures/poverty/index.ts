// Each measure with its engine: the computation on a Distribution (*Of) and its influence function.
export { povertyLine, deepPovertyLine, povertyLineOf, povertyLineInfluence, type PovertyLineOptions } from './poverty-line.js';
export {
  fgt,
  fgtOf,
  fgtInfluence,
  fgtLineDerivative,
  headcount,
  povertyGap,
  povertySeverity,
  populationLine,
  populationLineInfluence,
  type FgtOptions,
  type LineOptions,
} from './fgt.js';
export { watts, wattsOf, wattsInfluence } from './watts.js';
export { sen, senOf, senInfluence } from './sen.js';
export { sst, sstOf, sstInfluence } from './sst.js';
export { arpr, arprOf, arptOf, arptInfluence, rmpg, rmpgOf, rmpgInfluence, rmpgLineDerivative, type ArprOptions } from './arpr.js';
