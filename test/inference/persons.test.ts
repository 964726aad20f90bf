import * as aq from 'arquero';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimate, eusilc, headcount, personWeightedRates } from '../../src/index.js';

// Reference: test/reference/inference-persons.R (R survey::svyratio on the same household table).
const ref = JSON.parse(fs.readFileSync(new URL('../fixtures/inference-persons-reference.json', import.meta.url), 'utf8'));

// One row per household of the EU-SILC example, people counted by age (as the R script does).
const hh = eusilc()
  .derive({
    a: (d: { age: number }) => (d.age >= 16 ? 1 : 0),
    c14: (d: { age: number }) => (d.age >= 14 && d.age < 16 ? 1 : 0),
    c0: (d: { age: number }) => (d.age < 14 ? 1 : 0),
    p65: (d: { age: number }) => (d.age >= 65 ? 1 : 0),
  })
  .groupby('db030')
  .rollup({
    db040: aq.op.any('db040'),
    db090: aq.op.any('db090'),
    eqIncome: aq.op.any('eqIncome'),
    adults: aq.op.sum('a'),
    children_14_plus: aq.op.sum('c14'),
    children_under_14: aq.op.sum('c0'),
    pensioners: aq.op.sum('p65'),
  } as never)
  .orderby('db030')
  .reify();
const design = { strata: 'db040', weight: 'db090' };

describe('HBAI person-weighted poverty rates with standard errors (persons option)', () => {
  it('built the same household table as the R script', () => expect(hh.numRows()).toBe(ref.households));
  it('fixed line: rate and SE equal survey::svyratio(~I(people × poor), ~people) to 1e-9', () => {
    for (const [group, r] of [['children', ref.children], ['all', ref.all]] as const) {
      const e = estimate(headcount, hh, { value: 'eqIncome', design, persons: group, line: ref.line });
      expect(e.estimate).toBeCloseTo(r.rate, 12);
      expect(Math.abs(e.se / r.se - 1)).toBeLessThan(1e-9);
    }
  });
  it('estimated line: the child rate uses the all-people median (as personWeightedRates) and adds its error', () => {
    const e = estimate(headcount, hh, { value: 'eqIncome', design, persons: 'children' });
    const rates = personWeightedRates(hh, { income: 'eqIncome', weight: 'db090', groups: ['children'] });
    expect(e.estimate).toBeCloseTo(rates.get('rate', 0) as number, 14);
    const boot = estimate(headcount, hh, { value: 'eqIncome', design, persons: 'children', method: 'bootstrap', replicates: 400, seed: 5 });
    expect(boot.estimate).toBe(e.estimate);
    expect(e.se / boot.se).toBeGreaterThan(0.85);
    expect(e.se / boot.se).toBeLessThan(1.15);
  });
});
