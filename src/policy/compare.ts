import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { giniOf, palmaOf, s80s20Of } from '../measures/index.js';
import { type PolicyLineOptions, type Lines, type Paired, fuelPoor, pair, resolveReform } from './paired.js';
import { type Basis, PERSON_GROUPS, PERSON_GROUP_LABELS, povertyFlows, shareBelow } from '../income/index.js';
import type { Scenario } from './scenario.js';
import { type CompareIntervalOptions, withIntervals } from './compare-intervals.js';
import { familyTypeTable } from './family-types.js';

/**
 * Options of {@link compare}: how lines are set (see {@link PolicyLineOptions}), and `intervals`
 * (`true` or {@link CompareIntervalOptions}) for bootstrap intervals on the changes.
 */
export type CompareOptions = PolicyLineOptions & { intervals?: boolean | CompareIntervalOptions };

/** The five winners-and-losers bands, in order. */
export const BANDS = ['Gain more than 5%', 'Gain 0.1-5%', 'No change', 'Lose 0.1-5%', 'Lose more than 5%'] as const;
/** A winners-and-losers band. */
export type Band = (typeof BANDS)[number];

/** What {@link compare} returns: Arquero tables (shapes in docs/result-tables.md) and the lines used. */
export interface Impact {
  /** The reform's label (the scenario's, or `'reform'` for a table). */
  label: string;
  /**
   * `measure` (`relative`, `absolute`, `deep`), `basis` (`BHC`/`AHC`), `group` (PIIS names),
   * `line_before`, `line_after` (equivalised £/week), `before`, `after`, `change` (fractions; change
   * in percentage points as a fraction), `moved_in`, `moved_out`, `population` (weighted people), `empty_group` (true when the
   * group has no people: its rates are null).
   */
  poverty: ColumnTable;
  /** `group` (`All households`, `Households with children`, `Pensioner households`), `before`, `after`, `change`, `moved_in`, `moved_out`, `households`, `empty_group` (true when the table has no such households: rates null). */
  fuelPoverty: ColumnTable;
  /** `measure` (`gini`, `palma`, `s80s20`), `basis`, `before`, `after`, `change`, `note` (why a value is null: e.g. the bottom 40% hold a non-positive share of AHC income; else null). */
  inequality: ColumnTable;
  /** `decile` (1 = poorest, baseline equivalised BHC income, person-weighted), `mean_change` (£/week per household), `pct_change`, `mean_income_before`, `households`, `people`, `empty_group` (true for a decile with no households: its means are null). */
  deciles: ColumnTable;
  /** `decile` (`All`, then 1–10), `band`, `share` (of people). */
  winnersLosers: ColumnTable;
  /** `council`, `band`, `share`. */
  winnersLosersByCouncil: ColumnTable;
  /** `simd_quintile` (1 = most deprived), `band`, `share`. */
  winnersLosersBySimd: ColumnTable;
  /** `council`, `mean_change`, `pct_change`, `people`, `child_poverty_before`, `child_poverty_after`, `child_poverty_change` (relative AHC; null where the area has no children, flagged by `empty_group`). */
  councils: ColumnTable;
  /** `simd_quintile`, the same columns as `councils`. */
  simdQuintiles: ColumnTable;
  /** One row: `net_cost_weekly`, `net_cost_annual` (Σw·Δnet_transfer; positive = cost to government, negative = net revenue), `income_change_annual` (Σw·Δincome_bhc × 52). */
  cost: ColumnTable;
  /** The poverty lines used, equivalised £/week, [before, after]. */
  lines: Lines;
  /** Child poverty by priority family type (the types the table has columns for; see family-types.ts). */
  familyTypes?: ColumnTable;
  /** With `intervals`: how they were made (the tables then carry `*_ci_lower` / `*_ci_upper` columns). */
  intervals?: { method: string; replicates: number; level: number; seed: number };
}

/**
 * Compares a reform with its baseline: poverty (relative, absolute, deep; BHC and AHC; all people,
 * children, working-age adults, pensioners; before, after, change and people moved in and out),
 * fuel poverty, inequality (Gini, Palma, S80/S20), decile impacts, winners and losers (overall, by
 * decile, council and SIMD quintile) and the net cost.
 *
 * Conventions (HBAI): people are counted through their household's weight; equivalised income is
 * household income over the modified OECD factor (HBAI rescaling, couple = 1); the relative line is
 * `fraction` × the person-weighted median (or `referenceMedian`), held at the baseline unless
 * `relativeLine: 'recomputed'`. Poverty is income strictly below the line. The reform may be a table
 * or a {@link Scenario} (applied to the baseline). Everything is described in docs/guides/cross-check.md.
 *
 * @example
 * const impact = compare(households, carbonLevy({ rate: 0.1, recycling: 'child' }));
 * impact.poverty.filter((d) => d.group === 'Children').objects()
 */
export function compare(baseline: ColumnTable, reform: ColumnTable | Scenario, options: CompareOptions = {}): Impact {
  const { table, label } = resolveReform(baseline, reform);
  const p = pair(baseline, table, options);
  const impact = { ...impactTables(p, label), familyTypes: familyTypeTable(baseline, p) };
  return options.intervals ? withIntervals(impact, p, baseline, options.intervals === true ? {} : options.intervals) : impact;
}

/** Builds every impact table from a checked pair. */
export function impactTables(p: Paired, label: string): Impact {
  const deciles = personDeciles(p);
  const change = incomeChanges(p);
  const councils = councilIndex(p);
  return {
    label,
    poverty: povertyTable(p),
    fuelPoverty: fuelPovertyTable(p),
    inequality: inequalityTable(p),
    deciles: decileTable(p, deciles, change),
    winnersLosers: bandTable(p, deciles, change.band, 'decile', (d) => d, 10, true),
    winnersLosersByCouncil: bandTable(p, councils.index, change.band, 'council', (g) => councils.codes[g - 1], councils.codes.length, false),
    winnersLosersBySimd: bandTable(p, simdQuintiles(p), change.band, 'simd_quintile', (q) => q, 5, false),
    councils: areaTable(p, councils, 'council', change),
    simdQuintiles: areaTable(p, simdQuintiles(p), 'simd_quintile', change),
    cost: costTable(p),
    lines: p.lines,
  };
}

function povertyTable(p: Paired): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  for (const measure of ['relative', 'absolute', 'deep'] as const) {
    // AHC first: the Child Poverty (Scotland) Act 2017 measures its targets after housing costs (s. 7(1))
    for (const basis of ['AHC', 'BHC'] as const) {
      const [l0, l1] = p.lines[measure][basis];
      for (const group of PERSON_GROUPS) {
        const f = povertyFlows(p.eqBefore[basis], p.eqAfter[basis], p.pw[group], l0, l1);
        // a group with no people has no rate: null, flagged in empty_group (as personWeightedRates)
        const empty = !(f.population > 0);
        rows.push({
          measure,
          basis,
          group: PERSON_GROUP_LABELS[group],
          line_before: l0,
          line_after: l1,
          before: empty ? null : f.before,
          after: empty ? null : f.after,
          change: empty ? null : f.after - f.before,
          moved_in: f.movedIn,
          moved_out: f.movedOut,
          population: f.population,
          empty_group: empty,
        });
      }
    }
  }
  return aq.from(rows);
}

function fuelPovertyTable(p: Paired): ColumnTable {
  const t = p.fuelThreshold;
  const acc = new Float64Array(3 * 5);
  for (let i = 0; i < p.n; i++) {
    const w = p.base.weight[i]!;
    const before = fuelPoor(p.base, i, t);
    const after = fuelPoor(p.reform, i, t);
    const groups = [true, p.base.children[i]! > 0, p.base.pensioners[i]! > 0];
    for (let g = 0; g < 3; g++) {
      if (!groups[g]) continue;
      const k = g * 5;
      acc[k]! += w;
      if (before) acc[k + 1]! += w;
      if (after) acc[k + 2]! += w;
      if (after && !before) acc[k + 3]! += w;
      if (before && !after) acc[k + 4]! += w;
    }
  }
  const names = ['All households', 'Households with children', 'Pensioner households'];
  return aq.from(
    names.map((group, g) => {
      const k = g * 5;
      // no households with children (or pensioners) in the table: null rates, flagged in empty_group
      const empty = !(acc[k]! > 0);
      const before = empty ? null : acc[k + 1]! / acc[k]!;
      const after = empty ? null : acc[k + 2]! / acc[k]!;
      return { group, before, after, change: empty ? null : after! - before!, moved_in: acc[k + 3]!, moved_out: acc[k + 4]!, households: acc[k]!, empty_group: empty };
    }),
  );
}

function inequalityTable(p: Paired): ColumnTable {
  const rows: Record<string, unknown>[] = [];
  const measures = { gini: giniOf, palma: palmaOf, s80s20: s80s20Of };
  for (const [name, fn] of Object.entries(measures)) {
    for (const basis of ['BHC', 'AHC'] as const) {
      // AHC incomes can be negative: a measure undefined on a side is null with the reason in `note`
      const notes: string[] = [];
      const safe = (side: 'before' | 'after') => {
        try {
          return fn(side === 'before' ? p.distBefore(basis) : p.distAfter(basis));
        } catch (e) {
          if (e instanceof PovineqError && (e.code === 'UNDEFINED_RESULT' || e.code === 'NON_POSITIVE_MEAN')) {
            notes.push(`${side}: ${e.message}`);
            return null;
          }
          throw e;
        }
      };
      const before = safe('before');
      const after = safe('after');
      rows.push({ measure: name, basis, before, after, change: before === null || after === null ? null : after - before, note: notes.join('; ') || null });
    }
  }
  return aq.from(rows);
}

/**
 * Decile (1–10) of each household in the baseline person-weighted distribution of equivalised BHC
 * income: a household goes wholly to the decile holding the midpoint of its people's cumulative
 * weight (households are not split across deciles).
 */
export function personDeciles(p: Paired, basis: Basis = 'BHC'): Uint8Array {
  const d = p.distBefore(basis);
  const out = new Uint8Array(p.n);
  const total = d.totalWeight;
  let cum = 0;
  for (let k = 0; k < d.n; k++) {
    const w = d.weights[k]!;
    out[d.rows[k]!] = Math.min(10, 1 + Math.floor(((cum + w / 2) / total) * 10));
    cum += w;
  }
  return out;
}

interface Changes {
  delta: Float64Array;
  band: Uint8Array;
}

/** Δincome_bhc per household and its band (0–4 in {@link BANDS} order). */
function incomeChanges(p: Paired): Changes {
  const delta = new Float64Array(p.n);
  const band = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const y = p.base.incomeBhc[i]!;
    const d = p.reform.incomeBhc[i]! - y;
    delta[i] = d;
    band[i] = bandOf(d, y);
  }
  return { delta, band };
}

/**
 * The band of an income change d on income y: r = d / y; |r| < 0.001 no change; 0.001 ≤ r ≤ 0.05
 * gain 0.1–5%; r > 0.05 gain more than 5%; likewise for losses. With y ≤ 0 any gain (loss) is
 * "more than 5%" and d = 0 is no change.
 */
export function bandOf(d: number, y: number): number {
  if (d === 0) return 2;
  if (!(y > 0)) return d > 0 ? 0 : 4;
  const r = d / y;
  if (Math.abs(r) < 0.001) return 2;
  if (r > 0) return r > 0.05 ? 0 : 1;
  return r < -0.05 ? 4 : 3;
}

function decileTable(p: Paired, decile: Uint8Array, change: Changes): ColumnTable {
  const hh = new Float64Array(11);
  const ppl = new Float64Array(11);
  const dsum = new Float64Array(11);
  const ysum = new Float64Array(11);
  for (let i = 0; i < p.n; i++) {
    const k = decile[i]!;
    const w = p.base.weight[i]!;
    hh[k]! += w;
    ppl[k]! += p.pw.all[i]!;
    dsum[k]! += w * change.delta[i]!;
    ysum[k]! += w * p.base.incomeBhc[i]!;
  }
  const rows = [];
  for (let k = 1; k <= 10; k++) {
    rows.push({
      decile: k,
      mean_change: hh[k]! > 0 ? dsum[k]! / hh[k]! : null,
      pct_change: ysum[k]! !== 0 ? dsum[k]! / ysum[k]! : null,
      mean_income_before: hh[k]! > 0 ? ysum[k]! / hh[k]! : null,
      households: hh[k]!,
      people: ppl[k]!,
      empty_group: !(hh[k]! > 0),
    });
  }
  return aq.from(rows);
}

/** Shares of people in each band, per group (and overall first when `withAll`). */
function bandTable(
  p: Paired,
  groupOf: ArrayLike<number>,
  band: Uint8Array,
  key: string,
  label: (g: number) => unknown,
  groups: number,
  withAll: boolean,
): ColumnTable {
  const acc = new Float64Array((groups + 1) * 5);
  for (let i = 0; i < p.n; i++) {
    const w = p.pw.all[i]!;
    acc[band[i]!]! += w; // row 0: all
    acc[groupOf[i]! * 5 + band[i]!]! += w;
  }
  const keys: unknown[] = [];
  const bands: string[] = [];
  const shares: number[] = [];
  for (let g = withAll ? 0 : 1; g <= groups; g++) {
    let total = 0;
    for (let b = 0; b < 5; b++) total += acc[g * 5 + b]!;
    for (let b = 0; b < 5; b++) {
      keys.push(g === 0 ? 'All' : label(g));
      bands.push(BANDS[b]!);
      shares.push(total > 0 ? acc[g * 5 + b]! / total : NaN);
    }
  }
  return aq.table({ [key]: keys, band: bands, share: shares });
}

function councilIndex(p: Paired): { index: Int32Array; codes: string[] } {
  const codes = new Map<string, number>();
  let last: unknown;
  let lastK = -1;
  const index = new Int32Array(p.n);
  for (let i = 0; i < p.n; i++) {
    const c = p.base.council[i] as string;
    if (c === last) {
      index[i] = lastK;
      continue;
    }
    let k = codes.get(c);
    if (k === undefined) codes.set(c, (k = codes.size));
    index[i] = k;
    last = c;
    lastK = k;
  }
  const order = [...codes.keys()].sort();
  const remap = new Int32Array(codes.size);
  order.forEach((c, j) => (remap[codes.get(c)!] = j));
  for (let i = 0; i < p.n; i++) index[i] = remap[index[i]!]! + 1;
  return { index, codes: order };
}


/** SIMD quintile (1 = most deprived) from the decile: ⌈decile / 2⌉. */
function simdQuintiles(p: Paired): Uint8Array {
  const q = new Uint8Array(p.n);
  for (let i = 0; i < p.n; i++) q[i] = Math.ceil(p.base.simdDecile[i]! / 2);
  return q;
}

function areaTable(
  p: Paired,
  grouping: Uint8Array | { index: Int32Array; codes: string[] },
  key: string,
  change: Changes,
): ColumnTable {
  const index = grouping instanceof Uint8Array ? grouping : grouping.index;
  const k = grouping instanceof Uint8Array ? 5 : grouping.codes.length;
  const hh = new Float64Array(k + 1);
  const ppl = new Float64Array(k + 1);
  const dsum = new Float64Array(k + 1);
  const ysum = new Float64Array(k + 1);
  for (let i = 0; i < p.n; i++) {
    const g = index[i]!;
    const w = p.base.weight[i]!;
    hh[g]! += w;
    ppl[g]! += p.pw.all[i]!;
    dsum[g]! += w * change.delta[i]!;
    ysum[g]! += w * p.base.incomeBhc[i]!;
  }
  // child poverty (relative, AHC) of each area
  const [l0, l1] = p.lines.relative.AHC;
  const byArea = { group: index, groups: k + 1 };
  const childBefore = shareBelow(p.eqBefore.AHC, p.pw.children, l0, byArea);
  const childAfter = shareBelow(p.eqAfter.AHC, p.pw.children, l1, byArea);
  const rows = [];
  for (let g = 1; g <= k; g++) {
    if (hh[g] === 0) continue;
    // an area with no children has no child poverty rate: null, flagged in empty_group
    const before = Number.isFinite(childBefore[g]!) ? childBefore[g]! : null;
    const after = Number.isFinite(childAfter[g]!) ? childAfter[g]! : null;
    rows.push({
      [key]: grouping instanceof Uint8Array ? g : grouping.codes[g - 1],
      mean_change: dsum[g]! / hh[g]!,
      pct_change: ysum[g]! !== 0 ? dsum[g]! / ysum[g]! : null,
      people: ppl[g]!,
      child_poverty_before: before,
      child_poverty_after: after,
      child_poverty_change: before === null || after === null ? null : after - before,
      empty_group: before === null || after === null,
    });
  }
  return aq.from(rows);
}

function costTable(p: Paired): ColumnTable {
  let cost = 0;
  let income = 0;
  for (let i = 0; i < p.n; i++) {
    const w = p.base.weight[i]!;
    cost += w * (p.reform.netTransfer[i]! - p.base.netTransfer[i]!);
    income += w * (p.reform.incomeBhc[i]! - p.base.incomeBhc[i]!);
  }
  return aq.table({ net_cost_weekly: [cost], net_cost_annual: [cost * 52], income_change_annual: [income * 52] });
}
