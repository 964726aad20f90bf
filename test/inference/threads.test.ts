// Parallel resampling gives the same digits whatever the number of threads: each replicate's
// weights depend only on its index, and every thread runs the same replicate loop.
import { describe, expect, it } from 'vitest';
import { startedWorkers } from '../../src/core/threads.js';
import { arpr, estimate, eusilc, gini, median, povertyGap, rmpg, s80s20 } from '../../src/index.js';

const silc = eusilc();
const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
const digits = (e: { estimate: number; se: number; ci: [number, number] }) => [e.estimate, e.se, e.ci[0], e.ci[1]];

describe('thread count does not change any digit', () => {
  it('bootstrap (Rao–Wu) of gini, arpr (estimated line), s80s20: 1, 2 and 3 threads', () => {
    for (const measure of [gini, arpr, s80s20]) {
      const run = (threads: number) =>
        digits(estimate(measure, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 60, seed: 11, threads }));
      const one = run(1);
      expect(run(2)).toEqual(one);
      expect(run(3)).toEqual(one);
    }
    expect(startedWorkers()).toBeGreaterThanOrEqual(2); // the runs did go to worker threads
  }, 120_000);

  it('percentile intervals and by-domain tables, bootstrap', () => {
    const one = estimate(median, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 40, seed: 3, interval: 'percentile', threads: 1 });
    const two = estimate(median, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 40, seed: 3, interval: 'percentile', threads: 2 });
    expect(digits(two)).toEqual(digits(one));
    const byOne = estimate(povertyGap, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 30, seed: 5, by: 'rb090', line: 10000, threads: 1 });
    const byTwo = estimate(povertyGap, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 30, seed: 5, by: 'rb090', line: 10000, threads: 2 });
    expect(byTwo.objects()).toEqual(byOne.objects());
  }, 120_000);

  it('jackknife (JKn, one replicate per PSU of the first 3,000 rows): 1 and 2 threads', () => {
    const part = silc.slice(0, 3000);
    const one = estimate(gini, part, { value: 'eqIncome', design, method: 'jackknife', threads: 1 });
    const two = estimate(gini, part, { value: 'eqIncome', design, method: 'jackknife', threads: 2 });
    expect(digits(two)).toEqual(digits(one));
  }, 120_000);

  it('an error in a replicate names the first failing replicate, as in one thread', () => {
    // a line just above the poorest income: a replicate that leaves out that household has no
    // one below the line, and the median of the poor (rmpg) is undefined
    const x = silc.array('eqIncome') as number[];
    const line = Math.min(...x) + 0.01;
    const message = (threads: number) => {
      try {
        estimate(rmpg, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 200, seed: 1, threads, line });
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    };
    const one = message(1);
    expect(one).toMatch(/^in replicate \d+ of 200: rmpg: no unit/);
    expect(message(2)).toBe(one);
    expect(message(3)).toBe(one);
  });

  it('threads must be a whole number ≥ 1', () => {
    expect(() => estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', threads: 0 })).toThrow(/threads must be a whole number ≥ 1/);
    expect(() => estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', threads: 1.5 })).toThrow(/threads/);
  });
});
