import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  arpr,
  atkinson,
  byGroup,
  datasetPath,
  distribution,
  eusilc,
  fgt,
  gini,
  headcount,
  median,
  op,
  palma,
  readCSV,
  theil,
} from '../../src/index.js';
import { arptOf } from '../../src/measures/index.js';

const t = eusilc();
const regions = (t.groupby('db040').count().array('db040') as string[]).slice();
const perRegion = (region: string) => t.filter(aq.escape((r: { db040: string }) => r.db040 === region));

// R laeken 0.5.2 by region: gini(eqIncome, rb050, breakdown = db040) and arpr(…, breakdown = db040),
// the latter with the national threshold (datasets/eusilc_laeken_reference_indicators.csv, percents).
const reference = readCSV(datasetPath('eusilc_laeken_reference_indicators.csv')).objects() as {
  indicator: string;
  value: number;
  breakdown: string | null;
}[];
const laeken = (indicator: string, region: string) =>
  reference.find((r) => r.indicator === indicator && r.breakdown === region)!.value / 100;

describe('Arquero ops in groupby/rollup', () => {
  // regions holding the file's 3 zero incomes: log measures throw there, so they are rolled up elsewhere
  const zeroRegions = new Set(t.filter((r: { eqIncome: number }) => r.eqIncome <= 0).array('db040') as string[]);
  const positive = t.filter(aq.escape((r: { db040: string }) => !zeroRegions.has(r.db040)));
  const rolled = t
    .groupby('db040')
    .rollup({ gini: op.gini('eqIncome', 'rb050'), palma: op.palma('eqIncome', 'rb050'), median: op.weightedMedian('eqIncome', 'rb050') })
    .objects() as { db040: string; gini: number; palma: number; median: number }[];
  const logRolled = positive
    .groupby('db040')
    .rollup({ theil: op.theil('eqIncome', 'rb050'), atkinson1: op.atkinson('eqIncome', 'rb050', 1) })
    .objects() as { db040: string; theil: number; atkinson1: number }[];

  it('op.gini by region agrees with laeken::gini(breakdown = db040)', () => {
    expect(rolled.map((r) => r.db040).sort()).toEqual(regions.slice().sort());
    for (const r of rolled) {
      const expected = laeken('gini_pct', r.db040); // laeken::gini(..., breakdown = "db040")
      expect(Math.abs(r.gini - expected) / expected).toBeLessThan(1e-9);
    }
  });

  it('every op equals the measure on the group alone and byGroup', () => {
    const o = { value: 'eqIncome', weight: 'rb050' };
    const g = byGroup(gini, t, { by: 'db040', ...o }).objects() as { db040: string; gini: number }[];
    const p = byGroup(palma, t, { by: 'db040', ...o }).objects() as { db040: string; palma: number }[];
    for (const r of rolled) {
      const sub = perRegion(r.db040);
      expect(r.gini).toBeCloseTo(gini(sub, o), 14);
      expect(r.palma).toBeCloseTo(palma(sub, o), 14);
      expect(g.find((x) => x.db040 === r.db040)!.gini).toBeCloseTo(r.gini, 14);
      expect(p.find((x) => x.db040 === r.db040)!.palma).toBeCloseTo(r.palma, 14);
      expect(r.median).toBe(median(sub, o));
    }
    expect(logRolled.length).toBe(regions.length - zeroRegions.size);
    for (const r of logRolled) {
      const d = distribution(perRegion(r.db040), o);
      expect(r.theil).toBeCloseTo(theil(d), 14);
      expect(r.atkinson1).toBeCloseTo(atkinson(d, { epsilon: 1 }), 14);
    }
  });

  it('a region with zero incomes makes op.theil throw with the true count, not skip them', () => {
    // the file has 3 zero incomes; several ops over the same columns share Arquero's state, and
    // must not collect each row once per op (which reported 12 here before the fix)
    expect(zeroRegions.size).toBeGreaterThan(0);
    const zeros = t.filter((r: { eqIncome: number }) => r.eqIncome <= 0).numRows();
    expect(zeros).toBe(3);
    const perZeroRegion = new Map<string, number>();
    for (const r of t.filter((r: { eqIncome: number }) => r.eqIncome <= 0).objects() as { db040: string }[]) {
      perZeroRegion.set(r.db040, (perZeroRegion.get(r.db040) ?? 0) + 1);
    }
    for (const [region, count] of perZeroRegion) {
      const rollup = () =>
        perRegion(region).rollup({
          g: op.gini('eqIncome', 'rb050'),
          p: op.palma('eqIncome', 'rb050'),
          t: op.theil('eqIncome', 'rb050'),
          a: op.atkinson('eqIncome', 'rb050', 1),
        });
      expect(rollup).toThrowError(new RegExp(`have ${count} zero or negative values?`));
      // an op takes no options: the fix is to filter, or byGroup with the option; no pseudo-column
      expect(rollup).toThrowError(/filter those rows out .*byGroup\(theil, table, \{ by, value, weight, nonPositive: 'drop' \}\)/);
      expect(rollup).not.toThrowError(/"op\.theil value"/);
    }
  });

  it('several ops in one rollup give what each gives alone', () => {
    const both = positive.rollup({ g: op.gini('eqIncome', 'rb050'), t: op.theil('eqIncome', 'rb050') }).objects()[0] as { g: number; t: number };
    const g = positive.rollup({ g: op.gini('eqIncome', 'rb050') }).objects()[0] as { g: number };
    const th = positive.rollup({ t: op.theil('eqIncome', 'rb050') }).objects()[0] as { t: number };
    expect(both.g).toBe(g.g);
    expect(both.t).toBe(th.t);
  });
});

describe('poverty by group uses the national line', () => {
  const o = { value: 'eqIncome', weight: 'rb050' };
  const line = arptOf(distribution(t, o)); // laeken::arpt = 10859.236 (reference indicators file)

  it('the national threshold is laeken::arpt', () => {
    expect(line).toBeCloseTo(10859.236, 8);
  });

  it('op.povertyRate with the national line and byGroup(arpr) agree with laeken::arpr(breakdown = db040)', () => {
    const rolled = t.groupby('db040').rollup({ rate: op.povertyRate('eqIncome', 'rb050', line) }).objects() as {
      db040: string;
      rate: number;
    }[];
    const grouped = byGroup(arpr, t, { by: 'db040', ...o }).objects() as { db040: string; arpr: number; line: number }[];
    for (const r of rolled) {
      const expected = laeken('at_risk_of_poverty_rate_pct', r.db040);
      expect(Math.abs(r.rate - expected) / expected).toBeLessThan(1e-9);
      const b = grouped.find((x) => x.db040 === r.db040)!;
      expect(Math.abs(b.arpr - expected) / expected).toBeLessThan(1e-9);
      expect(b.line).toBe(line);
      expect(headcount(perRegion(r.db040), { ...o, line })).toBeCloseTo(r.rate, 15);
    }
  });

  it('op.fgt takes alpha then line; byGroup(fgt) with the same line matches', () => {
    const rolled = t.groupby('db040').rollup({ gap: op.fgt('eqIncome', 'rb050', 1, line) }).objects() as { db040: string; gap: number }[];
    const grouped = byGroup(fgt, t, { by: 'db040', ...o, alpha: 1, line }).objects() as { db040: string; fgt: number }[];
    for (const r of rolled) {
      expect(grouped.find((x) => x.db040 === r.db040)!.fgt).toBeCloseTo(r.gap, 15);
      expect(fgt(perRegion(r.db040), { ...o, alpha: 1, line })).toBeCloseTo(r.gap, 15);
    }
  });

  it('groupLine: true uses each group its own median instead', () => {
    const own = byGroup(arpr, t, { by: 'db040', ...o, groupLine: true }).objects() as { db040: string; arpr: number; line: number }[];
    for (const r of own) {
      const sub = perRegion(r.db040);
      expect(r.arpr).toBeCloseTo(arpr(sub, o), 15);
      expect(r.line).toBeCloseTo(arptOf(distribution(sub, o)), 9);
    }
  });
});

describe('unweighted ops', () => {
  it('op.gini(value) without a weight', () => {
    const small = aq.table({ g: ['a', 'b', 'a', 'b', 'a'], x: [1, 2, 3, 6, 5] });
    const rolled = small.groupby('g').rollup({ v: op.gini('x') }).objects();
    // a: 1, 3, 5 → Σ(2i − 4)xᵢ / (3 · 9) = (−2 + 0 + 10)/27; b: 2, 6 → 4 / 16
    expect(rolled[0]).toEqual({ g: 'a', v: expect.closeTo(8 / 27, 15) });
    expect(rolled[1]).toEqual({ g: 'b', v: 0.25 });
  });
});
