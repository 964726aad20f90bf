import { defineConfig } from 'tsup';

// One ESM and one CommonJS build from src/index.ts, each with its own type declarations, and the
// worker thread of the package's parallel work beside it (dist/worker.js and .cjs).
// Runtime dependencies stay external so that users share one arquero instance with povineq
// (the aggregate ops povineq registers must land in the registry the user's arquero reads).
export default defineConfig({
  entry: { index: 'src/index.ts', worker: 'src/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' }, compilerOptions: { types: ['node'] } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
  shims: true,
});
