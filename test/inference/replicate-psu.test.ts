// The replicate loop applies bootstrap and jackknife factors by PSU (one pass over the sorted units,
// totals taken on the way); it must give, replicate by replicate, the digits of the factor-per-row
// loop it replaced, for the Rao–Wu bootstrap, the naive bootstrap (no design) and the jackknife, on
// measures that read the totals (gini, mean), quantiles (arpr) and cumulative sums (s80s20).
import { describe, expect, it } from 'vitest';
import { distribution } from '../../src/core/index.js';
import { measurePlan } from '../../src/inference/plan.js';
import { replicateRange } from '../../src/inference/replicate-loop.js';
import { bootstrapReplicates, jackknifeReplicates, psuFactorsOf } from '../../src/inference/replicates.js';
import { arpr, eusilc, gini, mean, s80s20, surveyDesign } from '../../src/index.js';

const silc = eusilc().slice(0, 4000);

describe('replicate factors by PSU give the per-row digits', () => {
  const cases = [
    ['Rao–Wu bootstrap', () => bootstrapReplicates(surveyDesign(silc, { strata: 'db040', psu: 'db030', weight: 'rb050' }), 25, 7)],
    ['naive bootstrap', () => bootstrapReplicates(surveyDesign(silc, { weight: 'rb050' }), 25, 8)],
    ['jackknife', () => jackknifeReplicates(surveyDesign(silc.slice(0, 600), { strata: 'db040', psu: 'db030', weight: 'rb050' }))],
  ] as const;
  for (const [name, make] of cases) {
    it(name, () => {
      const set = make();
      const rows = name === 'jackknife' ? 600 : 4000;
      const d = distribution(silc.slice(0, rows), { value: 'eqIncome', weight: 'rb050' });
      for (const measure of [gini, mean, arpr, s80s20]) {
        const plan = measurePlan(measure.info, d, {});
        const count = Math.min(set.count, 25);
        const perRow = replicateRange(plan, (r, f) => set.fill(r, f), rows, 0, count, count);
        const byPsu = replicateRange(plan, () => { throw new Error('per-row fill used'); }, rows, 0, count, count, undefined, psuFactorsOf(set.spec!));
        expect(Array.from(byPsu[0]!), `${name}, ${measure.name}`).toEqual(Array.from(perRow[0]!));
        // the replicates differ from one another (the factors were applied)
        expect(new Set(byPsu[0]).size).toBeGreaterThan(1);
      }
    });
  }
});
