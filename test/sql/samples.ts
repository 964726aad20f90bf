// The samples of the SQL equivalence proof and their measures computed in memory by povineq's
// own engine (the reference the SQL must reproduce to 1e-9 relative). The samples are the
// EU-SILC file (datasets/eusilc_laeken_synthetic.csv, laeken's eusilc) and the samples of the R
// reference fixture test/fixtures/core-reference.json (written by test/reference/core.R).
import { expect } from 'vitest';
import {
  PovineqError,
  arpr,
  atkinson,
  distribution,
  eusilc,
  gini,
  headcount,
  mean,
  mld,
  palma,
  povertyGap,
  povertySeverity,
  quantile,
  rmpg,
  s80s20,
  theil,
} from '../../src/index.js';
import { fixture } from '../measures/reference.js';

export interface Sample {
  name: string;
  /** Group keys, two levels (g, h); absent for ungrouped samples. */
  g: string[];
  h: string[];
  x: number[];
  w: number[] | undefined;
}

export const QUANTILES = [0, 0.1, 0.2, 0.25, 0.5, 0.75, 0.8, 0.9, 1];
export const EPSILON = [0.5, 1, 1.5, 2];

function column(t: ReturnType<typeof eusilc>, name: string): unknown[] {
  return t.array(name) as unknown[];
}

/** EU-SILC (persons; households share an income, so values tie), and each fixture sample. */
export function samples(): Sample[] {
  const t = eusilc();
  const x = column(t, 'eqIncome').map(Number);
  const out: Sample[] = [
    {
      name: 'eusilc',
      g: column(t, 'db040').map(String),
      h: column(t, 'rb090').map(String),
      x,
      w: column(t, 'rb050').map(Number),
    },
    { name: 'eusilc_unweighted', g: column(t, 'db040').map(String), h: column(t, 'rb090').map(String), x, w: undefined },
  ];
  for (const [name, data] of Object.entries(fixture.datasets)) {
    if (!data.x) continue;
    const g = data.x.map((_, i) => (data.x!.length >= 30 ? `k${i % 3}` : 'all'));
    const h = data.x.map((_, i) => `h${i % 2}`);
    out.push({ name, g, h, x: data.x, w: data.w });
    out.push({ name: `${name}_unweighted`, g, h, x: data.x, w: undefined });
  }
  return out;
}

export interface Expected {
  /** The measure's value per group (in key order), or the error code povineq raises. */
  values: Record<string, (number | string)[]>;
  keys: string[][];
}

function attempt(f: () => number): number | string {
  try {
    return f();
  } catch (e) {
    if (e instanceof PovineqError) return e.code;
    throw e;
  }
}

/** The in-memory measures of a sample, per group of `by` (none, ['g'] or ['g', 'h']). */
export function expected(s: Sample, by: ('g' | 'h')[], o: { groupLine?: boolean; nonPositive?: 'drop' } = {}): Expected {
  const all = distribution(s.x, s.w ? { weights: s.w } : {});
  const index = new Map<string, number[]>();
  s.x.forEach((_, i) => {
    const key = JSON.stringify(by.map((b) => s[b][i]));
    if (!index.has(key)) index.set(key, []);
    index.get(key)!.push(i);
  });
  const keys = [...index.keys()].sort();
  const values: Record<string, (number | string)[]> = {};
  const put = (name: string, v: number | string) => (values[name] ??= []).push(v);
  const np = o.nonPositive ? { nonPositive: o.nonPositive } : {};
  for (const key of keys) {
    const rows = index.get(key)!;
    const d = distribution(
      rows.map((i) => s.x[i]!),
      s.w ? { weights: rows.map((i) => s.w![i]!) } : {},
    );
    const base = by.length === 0 || o.groupLine ? d : all;
    const line = 0.6 * quantile(base, { p: 0.5 });
    const arpt = 0.6 * quantile(base, { p: 0.5, type: 'laeken' });
    put('n', d.n);
    put('population', d.totalWeight);
    put('mean', attempt(() => mean(d)));
    put('median', quantile(d, { p: 0.5 }));
    for (const p of QUANTILES) put(`p${Math.round(p * 100)}`, quantile(d, { p }));
    put('povertyLine', line);
    put('headcount', attempt(() => headcount(d, { line })));
    put('povertyGap', attempt(() => povertyGap(d, { line })));
    put('povertySeverity', attempt(() => povertySeverity(d, { line })));
    put('arpr', attempt(() => arpr(d, { line: arpt })));
    put('rmpg', attempt(() => rmpg(d, { line: arpt })));
    put('gini', attempt(() => gini(d)));
    put('s80s20', attempt(() => s80s20(d)));
    put('palma', attempt(() => palma(d)));
    put('theil', attempt(() => theil(d, np)));
    put('mld', attempt(() => mld(d, np)));
    for (const e of EPSILON) put(`atkinson_${String(e).replace('.', '_')}`, attempt(() => atkinson(d, { epsilon: e, ...np })));
  }
  return { values, keys: keys.map((k) => JSON.parse(k)) };
}

/** Which measure option (SqlMeasure) a result column belongs to. */
export function measureOf(column: string): string {
  if (/^p\d+$/.test(column)) return 'quantiles';
  if (column.startsWith('atkinson_')) return 'atkinson';
  return column;
}

/** Relative difference within 1e-9 (absolute 1e-12 near zero). */
export function expectClose(actual: unknown, want: number, label: string): void {
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  const scale = Math.max(Math.abs(want), 1e-3);
  expect(Math.abs(a - want) / scale, `${label}: SQL ${a}, in memory ${want}`).toBeLessThanOrEqual(1e-9);
}
