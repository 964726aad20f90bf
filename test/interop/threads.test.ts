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
  it('compare() intervals: 1 and 2 threads give the same digits (ESM)', () => {
    assertBuilt();
    // 3,000 households × 100 replicates: above the size below which the replicates stay in one thread
    const script = `import * as p from 'povineq';
      const h = p.syntheticHouseholds({ seed: 9, households: 3000 });
      const run = (threads) => { const i = p.compare(h, p.scottishChildPayment({ change: 25, takeUp: 1 }), { intervals: { replicates: 100, seed: 2, threads } });
        return [i.poverty.objects(), i.deciles.objects(), i.winnersLosers.objects()]; };
      const one = run(1);
      console.log(JSON.stringify({ one, two: run(2) }));`;
    const out = runNode(['--input-type=module', '-e', script]) as { one: unknown[]; two: unknown[] };
    expect(out.two).toEqual(out.one);
    expect((out.one[0] as Array<{ change_ci_lower: number }>)[0]!.change_ci_lower).toEqual(expect.any(Number));
    // node --expose-gc (as benchmarks run): workers refuse that flag; they start without it
    const gc = runNode(['--expose-gc', '--input-type=module', '-e', script]) as { one: unknown[]; two: unknown[] };
    expect(gc.two).toEqual(out.one);
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
      expect(out.flag).toBe(2); // READY in src/core/threads.ts
    });
  }
});
