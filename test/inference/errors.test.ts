import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { estimate, gini, headcount, sen, surveyDesign } from '../../src/index.js';
import { thrown as caught } from '../helpers/thrown.js';

const table = aq.table({
  income: [10, 20, 30, 40, 50, 60, 70, 80],
  w: [1, 2, 1, 2, 1, 2, 1, 2],
  region: ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'c'],
  household: [1, 1, 2, 3, 4, 5, 6, 6],
  rep1: [1, 2, 1, 2, 1, 2, 1, 2],
  rep2: [2, 4, 0, 0, NaN, 2, 1, 2],
});

describe('bad input to estimate() raises clear errors', () => {
  it('a design column missing names the column and the option', () => {
    const e = caught(() => estimate(gini, table, { value: 'income', design: { strata: 'stratum', weight: 'w' } }));
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.message).toContain('"stratum"');
    expect(e.message).toContain('design.strata');
  });
  it('a stratum with one PSU names the stratum and the singlePsu option', () => {
    const e = caught(() => estimate(gini, table, { value: 'income', design: { strata: 'region', psu: 'household', weight: 'w' } }));
    expect(e.code).toBe('SINGLE_PSU');
    expect(e.message).toContain('"c"');
    expect(e.message).toContain("singlePsu: 'certainty'");
    // and the option handles it: stratum c then contributes nothing
    const r = estimate(gini, table, { value: 'income', design: { strata: 'region', psu: 'household', weight: 'w', singlePsu: 'certainty' } });
    expect(r.se).toBeGreaterThan(0);
  });
  it('replicate weights with NaN name the column, the count and the rows', () => {
    const e = caught(() =>
      estimate(gini, table, { value: 'income', design: { weight: 'w', replicateWeights: { columns: ['rep1', 'rep2'], type: 'bootstrap' } } }),
    );
    expect(e.code).toBe('INVALID_REPLICATES');
    expect(e.message).toContain('"rep2"');
    expect(e.message).toContain('1 missing');
    expect(e.message).toContain('row 4');
  });
  it('level outside (0, 1)', () => {
    for (const level of [95, 0, 1, -0.5, Number.NaN]) {
      const e = caught(() => estimate(gini, table, { value: 'income', level }));
      expect(e.code).toBe('INVALID_OPTION');
      expect(e.message).toContain('level');
      expect(e.message).toContain('0.95 for 95%');
    }
  });
  it('a non-integer number of replicates', () => {
    const e = caught(() => estimate(gini, table, { value: 'income', method: 'bootstrap', replicates: 99.5 }));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toContain('replicates');
    expect(e.message).toContain('99.5');
  });
  it('PSU labels shared across strata, unless nest: true', () => {
    const t = aq.table({ x: [1, 2, 3, 4], s: ['a', 'a', 'b', 'b'], p: [1, 2, 1, 2] });
    const e = caught(() => estimate(gini, t, { value: 'x', design: { strata: 's', psu: 'p' } }));
    expect(e.code).toBe('INVALID_DESIGN');
    expect(e.message).toContain('nest: true');
    expect(estimate(gini, t, { value: 'x', design: { strata: 's', psu: 'p', nest: true } }).se).toBeGreaterThan(0);
  });
  it('missing values in a design column', () => {
    const t = aq.table({ x: [1, 2, 3, 4], s: ['a', null, 'b', 'b'] });
    const e = caught(() => estimate(gini, t, { value: 'x', design: { strata: 's' } }));
    expect(e.code).toBe('MISSING_VALUE');
    expect(e.message).toContain('"s"');
    expect(e.message).toContain('row 1');
  });
  it('replicate method without replicate weights, and a measure with no influence function', () => {
    expect(caught(() => estimate(gini, table, { value: 'income', method: 'replicate' })).message).toContain("'jackknife'");
    expect(caught(() => estimate(sen, table, { value: 'income', method: 'linearization' })).message).toContain("method: 'bootstrap'");
    // by default such a measure falls back to the bootstrap, and says so
    expect(estimate(sen, table, { value: 'income', replicates: 50 }).method).toBe('bootstrap');
  });
  it('percentile intervals only with the bootstrap; unknown method', () => {
    expect(caught(() => estimate(gini, table, { value: 'income', interval: 'percentile' })).message).toContain("'bootstrap'");
    expect(caught(() => estimate(gini, table, { value: 'income', method: 'magic' as never })).code).toBe('INVALID_OPTION');
  });
  it('never mutates the input table', () => {
    const before = JSON.stringify(table.objects());
    estimate(headcount, table, { value: 'income', design: { weight: 'w' }, method: 'bootstrap', replicates: 20 });
    estimate(headcount, table, { value: 'income', design: { weight: 'w' }, by: 'region' });
    expect(JSON.stringify(table.objects())).toBe(before);
  });
  it('surveyDesign rejects an fpc that varies within a stratum', () => {
    const t = aq.table({ x: [1, 2, 3, 4], s: ['a', 'a', 'b', 'b'], f: [0.1, 0.2, 0.1, 0.1] });
    expect(caught(() => surveyDesign(t, { strata: 's', fpc: 'f' })).message).toContain('varies within stratum');
  });
});
