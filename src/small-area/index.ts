export { fayHerriot, type FayHerriot, type FayHerriotModel, type FayHerriotOptions } from './fay-herriot.js';
export { type AreaColumns } from './area-input.js';
export { type FayHerriotMethod, type FitControl, type FayHerriotFit } from './fit.js';
export { fayHerriotArcsine, type FayHerriotArcsineOptions } from './arcsine.js';
export { type BootstrapOptions } from './bootstrap.js';
export { benchmark, type BenchmarkOptions } from './benchmark.js';
export { fayHerriotDiagnostics, type FayHerriotDiagnostics } from './diagnostics.js';
export { reliability, RELIABILITY_CLASSES, type ReliabilityOptions } from './reliability.js';
/** @internal The worker's job for the small-area bootstrap MSE (src/worker.ts). */
export { smallAreaBootstrapJob } from './bootstrap-job.js';
