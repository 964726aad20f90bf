export { type DecompositionRow, decompositionTable } from './decomposition-table.js';
export { type SubgroupOptions } from './subgroups.js';
export {
  entropyDecomposition,
  theilDecomposition,
  mldDecomposition,
  entropyBetween,
  type EntropyDecompositionOptions,
} from './entropy.js';
export { atkinsonDecomposition, type AtkinsonDecompositionOptions } from './atkinson.js';
export { giniDecomposition } from './gini-subgroup.js';
export {
  fgtDecomposition,
  wattsDecomposition,
  type FgtDecompositionOptions,
  type WattsDecompositionOptions,
} from './poverty-subgroup.js';
export { giniBySource, type GiniBySourceOptions } from './gini-source.js';
export { shapley, SHAPLEY_MAX_FACTORS } from './shapley.js';
export { growthRedistribution, type GrowthRedistributionOptions } from './growth-redistribution.js';
