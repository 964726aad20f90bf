import { describe, expect, it } from 'vitest';
import { assertBuilt, runNode } from './build.js';

// Parallel resampling from the built package: the worker script ships beside dist/index.js and
// dist/index.cjs, and 1 and 2 threads give the same digits from ESM and from CommonJS.
const body = (p: string) => `
  const t = ${p}.eusilc();
  const o = { value: 'eqIncome', design: { strata: 'db040', psu: 'db030', weight: 'rb050' }, method: 'bootstrap', replicates: 40, seed: 9 };
  const one = ${p}.estimate(${p}.gini, t, { ...o, threads: 1 });
  const two = ${p}.estimate(${p}.gini, t, { ...o, threads: 2 });
  console.log(JSON.stringify({ one: [one.estimate, one.se], two: [two.estimate, two.se] }));`;

describe('worker threads from the built package', () => {
  it('ESM: import("povineq")', () => {
    assertBuilt();
    const out = runNode(['--input-type=module', '-e', `import * as p from 'povineq';${body('p')}`]) as { one: number[]; two: number[] };
    expect(out.two).toEqual(out.one);
    expect(out.one[1]).toBeGreaterThan(0);
  });
  it('CommonJS: require("povineq")', () => {
    assertBuilt();
    const out = runNode(['-e', `const p = require('povineq');${body('p')}`]) as { one: number[]; two: number[] };
    expect(out.two).toEqual(out.one);
  });
  for (const file of ['worker.js', 'worker.cjs']) {
    it(`dist/${file} starts and answers`, () => {
      assertBuilt();
      const script = `
        const { Worker, MessageChannel } = require('node:worker_threads');
        const path = require('node:path');
        const w = new Worker(path.join(path.dirname(require.resolve('povineq')), '${file}'));
        const { port2 } = new MessageChannel();
        const signal = new Int32Array(new SharedArrayBuffer(4));
        w.postMessage({ port: port2, signal: signal.buffer }, [port2]);
        const r = Atomics.wait(signal, 0, 0, 60000);
        console.log(JSON.stringify({ r, flag: Atomics.load(signal, 0) }));
        w.terminate();`;
      const out = runNode(['-e', script]) as { r: string; flag: number };
      expect(out.flag).toBe(2); // READY in src/inference/parallel.ts
    });
  }
});
