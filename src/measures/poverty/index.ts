export { povertyLine, deepPovertyLine, povertyLineOf, type PovertyLineOptions } from './poverty-line.js';
export { fgt, fgtOf, headcount, povertyGap, povertySeverity, populationLine, type FgtOptions, type LineOptions } from './fgt.js';
export { watts, wattsOf } from './watts.js';
export { sen, senOf } from './sen.js';
export { sst, sstOf } from './sst.js';
export { arpr, arprOf, arptOf, rmpg, rmpgOf, type ArprOptions } from './arpr.js';
