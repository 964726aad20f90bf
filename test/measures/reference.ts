// Shared by the reference tests: the fixture written by test/reference/core.R (R 4.2, laeken 0.5.2)
// and the Distribution of each of its samples. Every expected value comes from that fixture; its
// `sources` block (and a comment next to each assertion) names the R function or formula.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type Distribution, distribution, eusilc } from '../../src/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixturePath = path.join(here, '..', 'fixtures', 'core-reference.json');

type Num = number | null;
export interface PovertyAtLine {
  line: number;
  fgt0: number;
  fgt1: number;
  fgt2: number;
  fgt3: number;
  watts: number;
  sen: number;
  sst: number;
  arprAtLine: number;
}
export interface ReferenceValues {
  mean: number;
  gini: number;
  ge: Record<string, number>;
  theil: number;
  mld: number;
  atkinson: Record<string, number>;
  cv: number;
  hoover: number;
  palma: Num;
  topShare: Record<string, number>;
  bottomShare: Record<string, number>;
  lorenzDeciles: number[];
  lorenz: { p: number[]; L: number[]; GL: number[] };
  s80s20: number;
  quantileLaeken: Record<string, number>;
  incQuintile: number[];
  weightedMedian: number;
  quantileEurostat: Record<string, number>;
  quantileType7: Record<string, number>;
  quantileType7Source: string;
  medianEurostat: number;
  p90p10: Num;
  p90p50: number;
  povertyLine: number;
  povertyLineMean: number;
  deepPovertyLine: number;
  arpt: number;
  arpr: number;
  rmpg: Num;
  poverty: { line60: PovertyAtLine; lineMean: PovertyAtLine };
}
export interface ReferenceCase {
  dataset: string;
  weighted: boolean;
  hasNonPositive: boolean;
  values: ReferenceValues;
}
interface Fixture {
  generator: string;
  R: string;
  laeken: string;
  sources: Record<string, string>;
  datasets: Record<string, { note: string; n: number; x?: number[]; w?: number[] }>;
  cases: ReferenceCase[];
}

export const fixture: Fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8'));
export const cases = fixture.cases;

let eusilcTable: ReturnType<typeof eusilc> | undefined;
const cache = new Map<string, Distribution>();

/** The sample of a case as a Distribution (the EU-SILC file through eusilc(), others from the fixture). */
export function sample(c: Pick<ReferenceCase, 'dataset' | 'weighted'>): Distribution {
  const key = `${c.dataset}:${c.weighted}`;
  let d = cache.get(key);
  if (!d) {
    if (c.dataset === 'eusilc') {
      eusilcTable ??= eusilc();
      d = distribution(eusilcTable, c.weighted ? { value: 'eqIncome', weight: 'rb050' } : { value: 'eqIncome' });
    } else {
      const data = fixture.datasets[c.dataset]!;
      d = distribution(data.x!, c.weighted ? { weights: data.w! } : {});
    }
    cache.set(key, d);
  }
  return d;
}

/** Raw arrays of an inline sample (not the EU-SILC file). */
export function rawSample(dataset: string): { x: number[]; w: number[] } {
  const data = fixture.datasets[dataset]!;
  return { x: data.x!, w: data.w! };
}

/** "eusilc, weighted" — a readable test title. */
export function label(c: ReferenceCase): string {
  return `${c.dataset}, ${c.weighted ? 'weighted' : 'unweighted'}`;
}

/** Relative agreement to 1e-9 (an absolute 1e-15 floor for expected zeros). */
export function expectRel(actual: number, expected: number, rel = 1e-9): void {
  const tol = rel * Math.abs(expected) + 1e-15;
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to equal ${expected} within ${rel} relative (difference ${actual - expected})`);
  }
}

/** Element-wise {@link expectRel}. */
export function expectAllRel(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectRel(actual[i]!, expected[i]!, rel);
}

/** Options for measures that need positive incomes: drop them where the sample has any (as the R script does). */
export function positiveOptions(c: ReferenceCase): { nonPositive?: 'drop' } {
  return c.hasNonPositive ? { nonPositive: 'drop' } : {};
}
