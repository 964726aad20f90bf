import { describe, expect, it } from 'vitest';
import { lorenz } from '../../../src/index.js';
import { cases, expectAllRel, label, sample } from '../reference.js';

describe('lorenz against R', () => {
  for (const c of cases) {
    it(`${label(c)}: ordinates at each distinct value`, () => {
      // expected: plain R cumsum(w)/Σw, cumsum(wx)/Σwx at the last unit of each distinct value, from (0, 0);
      // GL = L · weighted.mean(x, w)
      const t = lorenz(sample(c));
      expect(t.columnNames()).toEqual(['p', 'L', 'GL']);
      expectAllRel(t.array('p') as Float64Array, c.values.lorenz.p);
      expectAllRel(t.array('L') as Float64Array, c.values.lorenz.L);
      expectAllRel(t.array('GL') as Float64Array, c.values.lorenz.GL);
    });
    it(`${label(c)}: deciles`, () => {
      // expected: plain R L(p) at p = 0, 0.1, …, 1, splitting the straddling unit
      expectAllRel(lorenz(sample(c), { at: 10 }).array('L') as Float64Array, c.values.lorenzDeciles);
    });
  }
  it('by hand: 1, 2, 3, 4', () => {
    const t = lorenz([4, 3, 2, 1]);
    expect(Array.from(t.array('p') as Float64Array)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expectAllRel(t.array('L') as Float64Array, [0, 0.1, 0.3, 0.6, 1]);
    expectAllRel(t.array('GL') as Float64Array, [0, 0.25, 0.75, 1.5, 2.5]);
  });
});
