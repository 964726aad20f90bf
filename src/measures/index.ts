export * from './inequality/index.js';
export * from './poverty/index.js';
export * from './gradient/index.js';
export { MEASURES } from './registry.js';
export { byGroup, type ByGroupOptions } from './by-group.js';
