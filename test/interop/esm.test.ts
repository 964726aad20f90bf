import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertBuilt, root, runNode } from './build.js';

// Expected values: R laeken 0.5.2 on the EU-SILC example, eqIncome weighted by rb050
// (datasets/eusilc_laeken_reference_indicators.csv): gini 26.4896192113229 %, arpr 14.4442181675336 %.
const laekenGini = 0.264896192113229;
const laekenArpr = 0.144442181675336;

describe('the built package from ESM', () => {
  it('import { … } from "povineq" in a Node ES module', () => {
    assertBuilt();
    const script = `
      import * as aq from 'arquero';
      import { gini, arpr, eusilc, op, PovineqError, distribution } from 'povineq';
      const t = eusilc();
      const d = distribution(t, { value: 'eqIncome', weight: 'rb050' });
      const rolled = aq.table({ g: ['a', 'a', 'b'], x: [1, 3, 2] }).groupby('g').rollup({ v: op.gini('x') }).objects();
      let code = null;
      try { gini([1, NaN]); } catch (e) { code = e instanceof PovineqError ? e.code : 'other'; }
      console.log(JSON.stringify({ gini: gini(d), arpr: arpr(d), rolled, code }));`;
    const out = runNode(['--input-type=module', '-e', script]) as Record<string, unknown>;
    expect(out.gini as number).toBeCloseTo(laekenGini, 13);
    expect(out.arpr as number).toBeCloseTo(laekenArpr, 13);
    // gini of (1, 3) = (3 − 1) / (2 · 4) = 0.25; of a single unit 0
    expect(out.rolled).toEqual([{ g: 'a', v: 0.25 }, { g: 'b', v: 0 }]);
    expect(out.code).toBe('MISSING_VALUE');
  });

  it('dist/index.js imported by path gives the same digits as the sources', async () => {
    assertBuilt();
    const dist = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
    const src = await import('../../src/index.js');
    const x = [12, 7, 30.5, 7, 55, 1];
    const w = [1, 2, 0.5, 3, 1, 4];
    for (const name of ['gini', 'theil', 'palma', 's80s20', 'arpr', 'cv'] as const) {
      expect(dist[name](x, { weights: w })).toBe(src[name](x, { weights: w }));
    }
  });
});
