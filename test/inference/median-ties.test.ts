// The EU-SILC median averages with the next unit when a cumulative weight share is exactly one
// half. In a replicate, units the replicate deletes carry weight zero: the average must take the
// next unit of positive weight, not the deleted one.
import fs from 'node:fs';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { distribution, estimate, median, quantile } from '../../src/index.js';

// Reference values: test/reference/quantile-ties.R (R 4.2.2, survey 4.1.1), JK1 replicates of
// survey::as.svrepdesign and R's median() of the kept units.
const ref = JSON.parse(fs.readFileSync(new URL('../fixtures/quantile-ties.json', import.meta.url), 'utf8'));

describe('jackknife of the median with exact half ties, against R survey', () => {
  for (const key of ['one_to_five', 'seven']) {
    it(`${key}: SE = withReplicates(JK1) SE to 1e-12`, () => {
      const { x, estimate: theta, se } = ref[key];
      const t = aq.table({ x, id: x.map((_: number, i: number) => i + 1) });
      const e = estimate(median, t, { value: 'x', design: { psu: 'id' }, method: 'jackknife' });
      expect(e.estimate).toBe(theta);
      // 1..5: 0.894427190999916 (R), not the 0.980 of averaging with the deleted unit
      expect(Math.abs(e.se / se - 1)).toBeLessThan(1e-12);
    });
  }
});

describe('quantile of a reweighted Distribution skips units of weight zero', () => {
  const d = distribution([1, 2, 3, 4, 5]);
  it('the median averages with the next unit of positive weight', () => {
    // cumulative weights 1, 2 (= half of 4) at value 2; the unit at 3 has weight zero
    expect(median(d.reweight(Float64Array.of(1, 1, 0, 1, 1)))).toBe(3); // (2 + 4) / 2
    expect(median(d.reweight(Float64Array.of(1, 1, 0, 0, 2)))).toBe(3.5); // (2 + 5) / 2
  });
  it('p = 0 and p = 1 are the smallest and largest units of positive weight', () => {
    const r = d.reweight(Float64Array.of(0, 1, 1, 1, 0));
    expect(quantile(r, { p: 0 })).toBe(2);
    expect(quantile(r, { p: 1 })).toBe(4);
    expect(quantile(r, { p: 0, type: 'laeken' })).toBe(2);
  });
});
