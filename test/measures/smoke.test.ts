import { describe, expect, it } from 'vitest';
import { arpr, distribution, eusilc, gini, median, povertyLine, rmpg, s80s20 } from '../../src/index.js';

// Reference values: R laeken 0.5.2 on data(eusilc), eqIncome weighted by rb050
// (datasets/eusilc_laeken_reference_indicators.csv; laeken reports percents).
describe('EU-SILC headline indicators against R laeken', () => {
  const d = distribution(eusilc(), { value: 'eqIncome', weight: 'rb050' });
  it('gini', () => expect(gini(d)).toBeCloseTo(0.264896192113229, 12));
  it('arpr', () => expect(arpr(d)).toBeCloseTo(0.144442181675336, 12));
  it('s80s20', () => expect(s80s20(d)).toBeCloseTo(3.97000432603667, 11));
  it('rmpg', () => expect(rmpg(d)).toBeCloseTo(0.189285968184134, 12));
  it('median and line', () => {
    expect(median(d)).toBeCloseTo(18098.7266666667, 8);
    expect(povertyLine(d)).toBeCloseTo(10859.236, 8);
  });
});
