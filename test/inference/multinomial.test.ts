// The multinomial bootstrap multiplicities (crossCheck()'s replicates) are drawn by an inlined copy
// of the seeded generator: they must be exactly the draws of Random.integer(n) from random(seed),
// in order, n per replicate, as the plain loop makes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { random } from '../../src/core/index.js';
import { multinomialReplicates, multinomialReplicatesInto } from '../../src/inference/replicates.js';

function plainLoop(n: number, replicates: number, seed: number): Float64Array[] {
  const rng = random(seed);
  const out: Float64Array[] = [];
  for (let r = 0; r < replicates; r++) {
    const m = new Float64Array(n);
    for (let k = 0; k < n; k++) m[rng.integer(n)]!++;
    out.push(m);
  }
  return out;
}

describe('multinomialReplicates', () => {
  it('equals the plain loop over Random.integer, for any n, replicate count and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 6 }), fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n, R, seed) => {
        const want = plainLoop(n, R, seed);
        expect(multinomialReplicates(n, R, seed)).toEqual(want);
        const block = new Float64Array(n * R);
        multinomialReplicatesInto(n, R, seed, block);
        want.forEach((m, r) => expect(block.subarray(r * n, (r + 1) * n)).toEqual(m));
      }),
      { numRuns: 60 },
    );
  });

  it('each replicate draws n units (Σ mᵢ = n); a bad seed is named', () => {
    for (const m of multinomialReplicates(500, 3, 7)) expect(m.reduce((a, b) => a + b, 0)).toBe(500);
    expect(() => multinomialReplicates(10, 2, NaN)).toThrow(/seed must be a finite number/);
  });
});
