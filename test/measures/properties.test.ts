// Properties every inequality or poverty measure must have, checked with fast-check on random
// samples: scale invariance, replication, permutation, frequency weights = repeated rows, the
// Pigou–Dalton transfer principle, zero at perfect equality, closed forms for the lognormal, and
// poverty measures monotone in the line.
import fc from 'fast-check';
import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import {
  PovineqError,
  arpr,
  atkinson,
  bottomShare,
  cv,
  distribution,
  fgt,
  generalizedEntropy,
  gini,
  headcount,
  hoover,
  lorenz,
  mld,
  palma,
  percentileRatio,
  povertyGap,
  povertyLine,
  povertySeverity,
  quantile,
  random,
  rmpg,
  s80s20,
  sen,
  sst,
  theil,
  topShare,
  watts,
} from '../../src/index.js';

type Opts = { weights?: number[] };
type M = (x: number[], o: Opts) => number;

/** Relative inequality measures: unchanged when every income is multiplied by the same λ > 0. */
const relative: Record<string, M> = {
  gini: (x, o) => gini(x, o),
  theil: (x, o) => theil(x, o),
  mld: (x, o) => mld(x, o),
  'GE(-1)': (x, o) => generalizedEntropy(x, { ...o, alpha: -1 }),
  'GE(0.5)': (x, o) => generalizedEntropy(x, { ...o, alpha: 0.5 }),
  'GE(2)': (x, o) => generalizedEntropy(x, { ...o, alpha: 2 }),
  'atkinson(0.5)': (x, o) => atkinson(x, { ...o, epsilon: 0.5 }),
  'atkinson(1)': (x, o) => atkinson(x, { ...o, epsilon: 1 }),
  'atkinson(2)': (x, o) => atkinson(x, { ...o, epsilon: 2 }),
  palma: (x, o) => palma(x, o),
  s80s20: (x, o) => s80s20(x, o),
  cv: (x, o) => cv(x, o),
  hoover: (x, o) => hoover(x, o),
  'topShare(0.1)': (x, o) => topShare(x, { ...o, p: 0.1 }),
  'bottomShare(0.4)': (x, o) => bottomShare(x, { ...o, p: 0.4 }),
  'P90/P10': (x, o) => percentileRatio(x, { ...o, upper: 0.9, lower: 0.1 }),
};

/** Poverty measures at a line given as a fraction of the median (so also relative). */
const poverty: Record<string, (x: number[], o: Opts & { line: number }) => number> = {
  headcount: (x, o) => headcount(x, o),
  povertyGap: (x, o) => povertyGap(x, o),
  povertySeverity: (x, o) => povertySeverity(x, o),
  'fgt(3)': (x, o) => fgt(x, { ...o, alpha: 3 }),
  watts: (x, o) => watts(x, o),
  sen: (x, o) => sen(x, o),
  sst: (x, o) => sst(x, o),
  arpr: (x, o) => arpr(x, o),
};

/** Measures (and quantiles) that must also agree between repeated rows and integer weights. */
const frequency: Record<string, M> = {
  ...relative,
  arpr: (x, o) => arpr(x, o),
  rmpg: (x, o) => rmpg(x, o),
  'quantile eurostat 0.3': (x, o) => quantile(x, { ...o, p: 0.3 }),
  'quantile eurostat 0.5': (x, o) => quantile(x, { ...o, p: 0.5 }),
  'quantile laeken 0.5': (x, o) => quantile(x, { ...o, p: 0.5, type: 'laeken' }),
  'quantile type 7 0.37': (x, o) => quantile(x, { ...o, p: 0.37, type: 7 }),
  povertyLine: (x, o) => povertyLine(x, o),
  'sen at 0.6 median': (x, o) => sen(x, { ...o, line: povertyLine(x, o) }),
  'sst at 0.6 median': (x, o) => sst(x, { ...o, line: povertyLine(x, o) }),
};

// Incomes in pence (so ties occur, and no two distinct values are adjacent doubles), positive.
const income = fc.integer({ min: 1, max: 20_000_000 }).map((p) => p / 100);
const sample = fc.array(income, { minLength: 1, maxLength: 40 });
const weighted = fc
  .array(fc.tuple(income, fc.integer({ min: 1, max: 100_000 }).map((w) => w / 1000)), { minLength: 1, maxLength: 40 })
  .map((rows) => ({ x: rows.map((r) => r[0]), w: rows.map((r) => r[1]) }));

/** The value of a measure, or the code of the PovineqError it throws (e.g. rmpg with nobody poor). */
function outcome(f: () => number): number | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof PovineqError) return e.code;
    throw e;
  }
}

function close(a: number | string, b: number | string, rel = 1e-9): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-13;
}

function expectClose(a: number | string, b: number | string, what: string, rel = 1e-9): void {
  if (!close(a, b, rel)) expect.fail(`${what}: ${a} vs ${b}`);
}

describe('scale invariance', () => {
  for (const [name, m] of Object.entries(relative)) {
    it(name, () => {
      fc.assert(
        fc.property(weighted, fc.double({ min: 0.01, max: 100, noNaN: true }), ({ x, w }, lambda) => {
          const scaled = x.map((v) => v * lambda);
          expectClose(outcome(() => m(scaled, { weights: w })), outcome(() => m(x, { weights: w })), name);
        }),
      );
    });
  }
  for (const [name, m] of Object.entries(poverty)) {
    it(`${name} with the line scaled too`, () => {
      // λ a power of two keeps the line 0.6 × median exact, so "strictly below" is unchanged
      fc.assert(
        fc.property(weighted, fc.integer({ min: -10, max: 10 }), ({ x, w }, k) => {
          const lambda = 2 ** k;
          const line = povertyLine(x, { weights: w });
          const scaled = x.map((v) => v * lambda);
          expectClose(m(scaled, { weights: w, line: line * lambda }), m(x, { weights: w, line }), name);
        }),
      );
    });
  }
  it('quantiles are scale equivariant', () => {
    fc.assert(
      fc.property(weighted, fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ x, w }, lambda, p) => {
        const scaled = x.map((v) => v * lambda);
        for (const type of ['eurostat', 'laeken', 7] as const) {
          expectClose(quantile(scaled, { weights: w, p, type }), lambda * quantile(x, { weights: w, p, type }), `quantile ${type}`);
        }
      }),
    );
  });
});

describe('replication invariance: duplicating every unit = doubling its weight', () => {
  for (const [name, m] of Object.entries(frequency)) {
    if (name.includes('type 7')) continue; // type 7 depends on the sample size W (h = (W − 1)p)
    it(name, () => {
      fc.assert(
        fc.property(weighted, ({ x, w }) => {
          const duplicated = outcome(() => m([...x, ...x], { weights: [...w, ...w] }));
          const doubled = outcome(() => m(x, { weights: w.map((v) => 2 * v) }));
          expectClose(duplicated, doubled, name);
          // and, since only relative weights matter, both equal the original
          expectClose(doubled, outcome(() => m(x, { weights: w })), name);
        }),
      );
    });
  }
});

describe('permutation invariance', () => {
  for (const [name, m] of Object.entries(frequency)) {
    it(name, () => {
      fc.assert(
        fc.property(weighted, fc.integer(), ({ x, w }, seed) => {
          const order = x.map((_, i) => i);
          const rng = random(seed);
          for (let i = order.length - 1; i > 0; i--) {
            const j = rng.integer(i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const px = order.map((i) => x[i]!);
          const pw = order.map((i) => w[i]!);
          expectClose(outcome(() => m(px, { weights: pw })), outcome(() => m(x, { weights: w })), name);
        }),
      );
    });
  }
});

describe('integer weights = repeated rows', () => {
  const rows = fc.array(fc.tuple(income, fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 30 });
  for (const [name, m] of Object.entries(frequency)) {
    it(name, () => {
      fc.assert(
        fc.property(rows, (r) => {
          const x = r.map((t) => t[0]);
          const w = r.map((t) => t[1]);
          const repeated = r.flatMap(([v, k]) => Array<number>(k).fill(v));
          expectClose(outcome(() => m(x, { weights: w })), outcome(() => m(repeated, {})), name);
        }),
      );
    });
  }
});

describe('Pigou–Dalton: a rank-preserving transfer from richer to poorer lowers inequality', () => {
  const measures: Record<string, M> = {
    gini: relative.gini!,
    theil: relative.theil!,
    mld: relative.mld!,
    'GE(2)': relative['GE(2)']!,
    'GE(-1)': relative['GE(-1)']!,
    'atkinson(0.5)': relative['atkinson(0.5)']!,
    'atkinson(1)': relative['atkinson(1)']!,
    'atkinson(2)': relative['atkinson(2)']!,
    cv: relative.cv!,
  };
  // distinct incomes, sorted, with two ranks i < j and a fraction of the largest rank-preserving transfer.
  // Neighbours are at least 1000 apart and weights within a factor 10, so that the transfer moves the
  // index by far more than rounding error (a 0.05 transfer between 9999990 and 9999991 does not).
  const setup = fc
    .array(fc.integer({ min: 1000, max: 1_000_000 }), { minLength: 2, maxLength: 30 })
    .chain((gaps) =>
      fc.record({
        x: fc.constant(gaps.map(((s) => (g: number) => (s += g))(0))),
        w: fc.array(fc.integer({ min: 10, max: 100 }).map((v) => v / 10), { minLength: gaps.length, maxLength: gaps.length }),
        i: fc.integer({ min: 0, max: gaps.length - 2 }),
        gap: fc.integer({ min: 1, max: gaps.length - 1 }),
        f: fc.double({ min: 0.05, max: 1, noNaN: true }),
      }),
    );
  for (const [name, m] of Object.entries(measures)) {
    it(name, () => {
      fc.assert(
        fc.property(setup, ({ x, w, i, gap, f }) => {
          i = Math.min(i, x.length - 2);
          const j = Math.min(i + gap, x.length - 1);
          // total amount t moves: xᵢ rises by t/wᵢ, xⱼ falls by t/wⱼ; neither crosses a neighbour
          // (nor each other), so ranks are kept
          const upRoom = j === i + 1 ? (x[j]! - x[i]!) / 2 : x[i + 1]! - x[i]!;
          const downRoom = j === i + 1 ? (x[j]! - x[i]!) / 2 : x[j]! - x[j - 1]!;
          const t = f * Math.min(upRoom * w[i]!, downRoom * w[j]!) * 0.999;
          const after = x.slice();
          after[i] = x[i]! + t / w[i]!;
          after[j] = x[j]! - t / w[j]!;
          const before = m(x, { weights: w });
          const now = m(after, { weights: w });
          if (!(now < before)) expect.fail(`${name}: ${before} → ${now} after moving ${t} from rank ${j} to ${i}`);
        }),
      );
    });
  }
});

describe('perfect equality', () => {
  const equal = fc.record({
    v: income,
    w: fc.array(fc.integer({ min: 1, max: 10_000 }).map((u) => u / 100), { minLength: 1, maxLength: 30 }),
  });
  it('every inequality index is 0, shares equal population shares', () => {
    fc.assert(
      fc.property(equal, ({ v, w }) => {
        const x = w.map(() => v);
        const o = { weights: w };
        for (const name of ['gini', 'theil', 'mld', 'GE(-1)', 'GE(0.5)', 'GE(2)', 'atkinson(0.5)', 'atkinson(1)', 'atkinson(2)', 'cv', 'hoover']) {
          const g = relative[name]!(x, o);
          if (!(Math.abs(g) < 1e-12)) expect.fail(`${name} = ${g} at perfect equality`);
        }
        expectClose(topShare(x, { ...o, p: 0.1 }), 0.1, 'topShare');
        expectClose(bottomShare(x, { ...o, p: 0.4 }), 0.4, 'bottomShare');
        expectClose(palma(x, o), 0.25, 'palma'); // 0.1 / 0.4
        expectClose(percentileRatio(x, { ...o, upper: 0.9, lower: 0.1 }), 1, 'P90/P10');
        const t = lorenz(x, o);
        expectClose(t.get('L', t.numRows() - 1) as number, 1, 'lorenz end');
        expect(headcount(x, { ...o, line: povertyLine(x, o) })).toBe(0);
      }),
    );
  });
});

describe('closed forms for a lognormal population', () => {
  // x = exp(σ z), z standard normal, from povineq's seeded generator; n = 400 000.
  // Gini = 2Φ(σ/√2) − 1 = erf(σ/2); Theil = MLD = σ²/2; Atkinson(ε) = 1 − exp(−εσ²/2)
  // (Cowell 2011, Measuring Inequality, §A.2). Sampling error at this n is about 1e-3.
  for (const sigma of [0.5, 0.8, 1.2]) {
    it(`σ = ${sigma}`, () => {
      const rng = random(20251125 + sigma * 10);
      const n = 400_000;
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = 20000 * Math.exp(sigma * rng.normal());
      const d = distribution(x);
      expect(gini(d)).toBeCloseTo(errorFunction(sigma / 2), 2);
      expect(Math.abs(gini(d) - errorFunction(sigma / 2))).toBeLessThan(0.004);
      expect(Math.abs(theil(d) / (sigma ** 2 / 2) - 1)).toBeLessThan(0.03);
      expect(Math.abs(mld(d) / (sigma ** 2 / 2) - 1)).toBeLessThan(0.03);
      expect(Math.abs(atkinson(d, { epsilon: 1 }) - (1 - Math.exp(-(sigma ** 2) / 2)))).toBeLessThan(0.004);
      expect(Math.abs(atkinson(d, { epsilon: 2 }) - (1 - Math.exp(-(sigma ** 2))))).toBeLessThan(0.006);
    });
  }
});

describe('poverty measures are monotone in the line', () => {
  const setup = fc.record({
    x: fc.array(income, { minLength: 1, maxLength: 40 }),
    a: fc.integer({ min: 1, max: 30_000_000 }).map((p) => p / 100),
    b: fc.integer({ min: 1, max: 30_000_000 }).map((p) => p / 100),
  });
  for (const [name, m] of Object.entries(poverty)) {
    it(name, () => {
      fc.assert(
        fc.property(setup, fc.boolean(), ({ x, a, b }, useWeights) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const o = useWeights ? { weights: x.map((_, i) => 1 + (i % 5)) } : {};
          const low = m(x, { ...o, line: lo });
          const high = m(x, { ...o, line: hi });
          if (!(low <= high + 1e-12)) expect.fail(`${name}: line ${lo} gives ${low}, line ${hi} gives ${high}`);
        }),
      );
    });
  }
});

describe('unweighted = all weights equal', () => {
  for (const [name, m] of Object.entries(frequency)) {
    it(name, () => {
      fc.assert(
        fc.property(sample, fc.integer({ min: 1, max: 1000 }), (x, k) => {
          // type 7 reads weights as frequencies, so only weights of 1 equal the unweighted sample
          const weight = name.includes('type 7') ? 1 : k / 8;
          expectClose(outcome(() => m(x, { weights: x.map(() => weight) })), outcome(() => m(x, {})), name);
        }),
      );
    });
  }
});
