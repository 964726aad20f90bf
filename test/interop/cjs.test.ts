import { describe, expect, it } from 'vitest';
import { assertBuilt, runNode } from './build.js';

// Expected values: R laeken 0.5.2 on the EU-SILC example, eqIncome weighted by rb050
// (datasets/eusilc_laeken_reference_indicators.csv): gini 26.4896192113229 %, S80/S20 3.97000432603667.
describe('the built package from CommonJS', () => {
  it('require("povineq") from the repository root', () => {
    assertBuilt();
    const script = `
      const p = require('povineq');
      const aq = require('arquero');
      const t = p.eusilc();
      const o = { value: 'eqIncome', weight: 'rb050' };
      const rolled = aq.table({ g: ['a', 'a', 'b'], x: [1, 3, 2] }).groupby('g').rollup({ v: p.op.gini('x') }).objects();
      let code = null;
      try { p.theil([0, 1]); } catch (e) { code = e instanceof p.PovineqError ? e.code : 'other'; }
      console.log(JSON.stringify({ gini: p.gini(t, o), s80s20: p.s80s20(t, o), rolled, code, exports: Object.keys(p).length }));`;
    const out = runNode(['-e', script]) as Record<string, unknown>;
    expect(out.gini as number).toBeCloseTo(0.264896192113229, 13);
    expect(out.s80s20 as number).toBeCloseTo(3.97000432603667, 12);
    expect(out.rolled).toEqual([{ g: 'a', v: 0.25 }, { g: 'b', v: 0 }]);
    expect(out.code).toBe('NON_POSITIVE_VALUE');
    expect(out.exports as number).toBeGreaterThan(40);
  });
});
