export * from './inequality/index.js';
export * from './poverty/index.js';
export * from './gradient/index.js';
export { MEASURES, registeredName } from './registry.js';
export { byGroup, type ByGroupOptions } from './by-group.js';
/** @internal The worker's jobs for byGroup (src/worker.ts). */
export { byGroupGatherJob, byGroupJob } from './by-group-job.js';
