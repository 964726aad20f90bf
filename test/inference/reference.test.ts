import * as aq from 'arquero';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimate, eusilc, gini, headcount, mean, surveyDesign } from '../../src/index.js';
import type { ReplicateType } from '../../src/index.js';

// Reference values: test/reference/inference.R (R survey 4.1.1, laeken 0.5.2) on the EU-SILC
// example; see the "source" field of the fixture.
const ref = JSON.parse(fs.readFileSync(new URL('../fixtures/inference-reference.json', import.meta.url), 'utf8'));
const silc = eusilc();
const design = surveyDesign(silc, { strata: 'db040', psu: 'db030', weight: 'rb050' });
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('linearization against R survey (strata db040, PSU db030, weight rb050)', () => {
  it('headcount with a fixed line: SE = svymean SE of the poor indicator (1e-9)', () => {
    const e = estimate(headcount, silc, { value: 'eqIncome', design, line: ref.line });
    expect(e.estimate).toBeCloseTo(ref.linearization.headcount, 13);
    expect(rel(e.se, ref.linearization.headcountSE)).toBeLessThan(1e-9);
    expect(e.method).toBe('linearization');
  });
  it('mean: SE = svymean SE (1e-9)', () => {
    const e = estimate(mean, silc, { value: 'eqIncome', design });
    expect(rel(e.estimate, ref.linearization.mean)).toBeLessThan(1e-12);
    expect(rel(e.se, ref.linearization.meanSE)).toBeLessThan(1e-9);
  });
  it('headcount by domain (rb090), fixed line: estimates and SEs = svyby(…, svymean) (1e-9)', () => {
    const t = estimate(headcount, silc, { value: 'eqIncome', design, line: ref.line, by: 'rb090' });
    const levels = t.array('rb090') as string[];
    ref.linearization.byGender.level.forEach((level: string, k: number) => {
      const i = levels.indexOf(level);
      expect(t.get('estimate', i)).toBeCloseTo(ref.linearization.byGender.estimate[k], 13);
      expect(rel(t.get('se', i) as number, ref.linearization.byGender.se[k])).toBeLessThan(1e-9);
    });
  });
});

describe('JKn jackknife against survey::as.svrepdesign(type = "JKn") + withReplicates', () => {
  const jk = estimate(gini, silc, { value: 'eqIncome', design, method: 'jackknife' });
  it('Gini SE equal to 1e-6 (laeken::gini in withReplicates)', () => {
    expect(jk.method).toBe('replicate');
    expect(jk.estimate).toBeCloseTo(ref.jkn.gini, 12);
    expect(rel(jk.se, ref.jkn.giniSE)).toBeLessThan(1e-6);
    expect(rel(jk.se, ref.jkn.giniSEformula)).toBeLessThan(1e-6);
  });
  it('linearized Gini SE within 10% of the JKn SE', () => {
    const lin = estimate(gini, silc, { value: 'eqIncome', design });
    expect(rel(lin.se, ref.jkn.giniSE)).toBeLessThan(0.1);
  });
  it('bootstrap Gini SE (2,000 Rao–Wu replicates) within 10% of the JKn SE', () => {
    const boot = estimate(gini, silc, { value: 'eqIncome', design, method: 'bootstrap', replicates: 2000, seed: 2025 });
    expect(rel(boot.se, ref.jkn.giniSE)).toBeLessThan(0.1);
  });
  it('headcount (fixed line) JKn SE, overall and by domain, to 1e-9', () => {
    expect(rel(estimate(headcount, silc, { value: 'eqIncome', design, method: 'jackknife', line: ref.line }).se, ref.jkn.headcountSE)).toBeLessThan(1e-9);
    const t = estimate(headcount, silc, { value: 'eqIncome', design, method: 'jackknife', line: ref.line, by: 'rb090' });
    const levels = t.array('rb090') as string[];
    ref.jkn.byGender.level.forEach((level: string, k: number) => {
      expect(rel(t.get('se', levels.indexOf(level)) as number, ref.jkn.byGender.se[k])).toBeLessThan(1e-9);
    });
  });
});

describe('replicate weight columns against survey::svrepdesign (two PSUs per stratum, 9 strata)', () => {
  const s = ref.small;
  const columns: Record<string, unknown[]> = { eqIncome: s.eqIncome, rb050: s.rb050, stratum: s.stratum, psu: s.psu };
  const line = ref.line;
  it('linearized SE of the mean, with and without an fpc', () => {
    const t = aq.table({ ...columns, fpc: s.eqIncome.map(() => 10) });
    const plain = estimate(mean, t, { value: 'eqIncome', design: { strata: 'stratum', psu: 'psu', weight: 'rb050' } });
    const fpc = estimate(mean, t, { value: 'eqIncome', design: { strata: 'stratum', psu: 'psu', weight: 'rb050', fpc: 'fpc' } });
    expect(rel(plain.se, s.seLinearized)).toBeLessThan(1e-9);
    expect(rel(fpc.se, s.seFpc)).toBeLessThan(1e-9);
  });
  for (const type of ['BRR', 'Fay', 'JK1', 'bootstrap'] as ReplicateType[]) {
    it(`${type}: SEs of the mean, Gini and headcount; mse variant`, () => {
      const r = ref.smallReplicates[type];
      const cols: Record<string, unknown[]> = { ...columns };
      const names = r.weights.map((w: number[], k: number) => {
        cols[`rep${k + 1}`] = w;
        return `rep${k + 1}`;
      });
      const t = aq.table(cols);
      const replicateWeights = { columns: names, type, ...(type === 'Fay' ? { rho: r.rho } : {}) };
      const o = { value: 'eqIncome', design: { weight: 'rb050', replicateWeights } };
      const m = estimate(mean, t, o);
      expect(m.method).toBe('replicate');
      expect(rel(m.se, r.seMean)).toBeLessThan(1e-9);
      expect(rel(estimate(gini, t, o).se, r.seGini)).toBeLessThan(1e-9);
      expect(rel(estimate(headcount, t, { ...o, line }).se, r.sePoor)).toBeLessThan(1e-9);
      const mse = estimate(mean, t, { value: 'eqIncome', design: { weight: 'rb050', replicateWeights: { ...replicateWeights, mse: true } } });
      expect(rel(mse.se, r.seMeanMse)).toBeLessThan(1e-9);
    });
  }
});
