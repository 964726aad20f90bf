import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { type DesignOptions, bootstrapReplicates, surveyDesign } from '../inference/index.js';
import { joinRanges, resolveThreads } from '../core/index.js';
import { PERSON_GROUPS, PERSON_GROUP_LABELS, povertyFlows } from '../income/index.js';
import { BANDS, type Impact, bandOf, personDeciles } from './compare.js';
import { replicateInterval as percentileInterval } from './cross-check.js';
import { type CompareIntervalsTask, policyReplicateRanges } from './parallel-intervals.js';
import { sharedArray, sharedPair } from './shared-pair.js';
import { OutcomeEvaluator } from './outcomes.js';
import type { Paired } from './paired.js';

/** Options of the intervals on {@link compare} (`compare(h, reform, { intervals: { … } })`). */
export interface CompareIntervalOptions {
  /** Bootstrap replicates (default 200). */
  replicates?: number;
  /** Seed of the bootstrap (default 1): the same seed gives the same intervals. */
  seed?: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /**
   * The survey design of the household table (column names), e.g. `{ strata: 'stratum', psu: 'psu' }`:
   * PSUs are resampled within strata (Rao–Wu rescaling bootstrap). Without it, households are
   * resampled as a simple random sample.
   */
  design?: Omit<DesignOptions, 'weight' | 'replicateWeights'>;
  /** Called after each replicate with (done, total), e.g. {@link progressReporter}. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads for the replicates (default: every core). Any number gives the same digits;
   * small runs (under 200,000 households × replicates) stay in the calling thread.
   */
  threads?: number;
}

/**
 * Adds bootstrap percentile intervals to an impact: `change_ci_lower/upper`,
 * `moved_in_ci_lower/upper` and `moved_out_ci_lower/upper` in `poverty`;
 * `mean_change_ci_lower/upper` in `deciles`; `share_ci_lower/upper` in `winnersLosers`. Each
 * replicate reweights the households (wᵢ·mᵢ, mᵢ the replicate's factor) and recomputes medians,
 * relative lines (unless `referenceMedian` fixes them), rates, movers, the deciles themselves,
 * decile means and band shares.
 */
export function withIntervals(impact: Impact, p: Paired, baseline: ColumnTable, options: CompareIntervalOptions): Impact {
  const R = options.replicates ?? 200;
  const level = options.level ?? 0.95;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(R) || R < 2) throw new PovineqError('INVALID_OPTION', `intervals.replicates must be a whole number ≥ 2, got ${R}`, { option: 'intervals.replicates' });
  if (!(level > 0 && level < 1)) throw new PovineqError('INVALID_OPTION', `intervals.level must be between 0 and 1, got ${level}`, { option: 'intervals.level' });
  if (!Number.isInteger(seed)) throw new PovineqError('INVALID_OPTION', `intervals.seed must be a whole number, got ${seed}`, { option: 'intervals.seed' });
  const designTable = aq.table({ weight: p.base.weight, ...designColumns(baseline, options.design) } as never);
  const design = surveyDesign(designTable, { ...(options.design ?? {}), weight: 'weight' });
  const reps = bootstrapReplicates(design, R, seed);
  const threads = resolveThreads(options.threads);
  const start = personDeciles(p);
  const parts = policyReplicateRanges(
    R,
    threads,
    p.n * R,
    reps.spec && ((from, to) => ({ kind: 'compare', pair: sharedPair(p), spec: reps.spec, deciles: sharedArray(start), from, to }) satisfies CompareIntervalsTask),
    (from, to) => compareReplicateRange(p, (r, m) => reps.fill(r, m), start, from, to, options.onProgress && ((done) => options.onProgress!(done, R))),
    options.onProgress && ((to) => options.onProgress!(to, R)),
  );
  const joined = (pick: (v: CompareReplicateValues) => Float64Array[]) => pick(parts[0]!).map((_, s) => Array.from(joinRanges(parts.map((v) => pick(v)[s]!))));
  const povertySeries = joined((v) => v.poverty); // row × [change, moved_in, moved_out]
  const deciles = joined((v) => v.deciles);
  const bands = joined((v) => v.bands);
  const ci = (values: number[]) => percentileInterval(values, level);
  const povertyCI = Array.from({ length: povertySeries.length / 3 }, (_, row) => [ci(povertySeries[3 * row]!), ci(povertySeries[3 * row + 1]!), ci(povertySeries[3 * row + 2]!)]);
  // match the poverty table's rows by measure, basis and group (whatever its order)
  const keyOf = (measure: string, basis: string, group: string) => `${measure}|${basis}|${group}`;
  const at = new Map<string, number>();
  let row = 0;
  for (const measure of ['relative', 'absolute', 'deep']) for (const basis of ['BHC', 'AHC']) for (const group of PERSON_GROUPS.map((g) => PERSON_GROUP_LABELS[g])) at.set(keyOf(measure, basis, group), row++);
  const pm = impact.poverty.array('measure') as ArrayLike<string>;
  const pb = impact.poverty.array('basis') as ArrayLike<string>;
  const pg = impact.poverty.array('group') as ArrayLike<string>;
  const rowOf = Array.from({ length: impact.poverty.numRows() }, (_, i) => {
    const k = at.get(keyOf(pm[i]!, pb[i]!, pg[i]!));
    if (k === undefined) throw new PovineqError('INVALID_INPUT', `compare() intervals: unexpected poverty row ${pm[i]} ${pb[i]} ${pg[i]}`, {});
    return k;
  });
  const pick = (k: 0 | 1 | 2, side: 0 | 1) => rowOf.map((r) => povertyCI[r]![k]![side]);
  const decileCI = deciles.map((v) => ci(v));
  const bandCI = bands.map((v) => ci(v));
  const wlDecile = impact.winnersLosers.array('decile') as ArrayLike<unknown>;
  const wlBand = impact.winnersLosers.array('band') as ArrayLike<string>;
  const wlIndex = Array.from({ length: impact.winnersLosers.numRows() }, (_, i) => (wlDecile[i] === 'All' ? 0 : Number(wlDecile[i])) * 5 + BANDS.indexOf(wlBand[i] as (typeof BANDS)[number]));
  return {
    ...impact,
    poverty: impact.poverty.assign({
      change_ci_lower: pick(0, 0),
      change_ci_upper: pick(0, 1),
      moved_in_ci_lower: pick(1, 0),
      moved_in_ci_upper: pick(1, 1),
      moved_out_ci_lower: pick(2, 0),
      moved_out_ci_upper: pick(2, 1),
    } as never),
    deciles: impact.deciles.assign({ mean_change_ci_lower: decileCI.map((x) => x[0]), mean_change_ci_upper: decileCI.map((x) => x[1]) } as never),
    winnersLosers: impact.winnersLosers.assign({ share_ci_lower: wlIndex.map((k) => bandCI[k]![0]), share_ci_upper: wlIndex.map((k) => bandCI[k]![1]) } as never),
    intervals: { method: design.simple ? 'bootstrap (households)' : 'bootstrap (PSUs within strata, Rao–Wu)', replicates: R, level, seed },
  } as Impact;
}

/** The replicate statistics of compare()'s intervals over a range of replicates, one array per series. */
export interface CompareReplicateValues {
  /** Per row of the poverty table (measure × basis × group), three series: change, moved in, moved out. */
  poverty: Float64Array[];
  /** Mean change of each decile 1–10. */
  deciles: Float64Array[];
  /** Share of people in each band, overall (0–4) then by decile (decile × 5 + band). */
  bands: Float64Array[];
}

/**
 * Replicates [from, to) of compare()'s intervals: each replicate reweights the households
 * (wᵢ·mᵢ, `fill(r, m)` writes the factors mᵢ of replicate r) and recomputes lines, rates, movers,
 * deciles, decile means and band shares. `deciles` is the sample's person deciles (a starting
 * point: each replicate overwrites the decile of every household in the distribution). Run by the
 * calling thread and by the workers alike, so a replicate has the same digits in either.
 */
export function compareReplicateRange(
  p: Paired,
  fill: (r: number, m: Float64Array) => void,
  deciles: Uint8Array,
  from: number,
  to: number,
  onReplicate?: (done: number) => void,
): CompareReplicateValues {
  const count = to - from;
  const rows = 3 * 2 * PERSON_GROUPS.length;
  const out: CompareReplicateValues = {
    poverty: Array.from({ length: 3 * rows }, () => new Float64Array(count)),
    deciles: Array.from({ length: 10 }, () => new Float64Array(count)),
    bands: Array.from({ length: 11 * 5 }, () => new Float64Array(count)),
  };
  const decile = Uint8Array.from(deciles); // overwritten per replicate below
  const band = new Uint8Array(p.n);
  const delta = new Float64Array(p.n);
  for (let i = 0; i < p.n; i++) {
    delta[i] = p.reform.incomeBhc[i]! - p.base.incomeBhc[i]!;
    band[i] = bandOf(delta[i]!, p.base.incomeBhc[i]!);
  }
  const m = new Float64Array(p.n);
  for (let r = from; r < to; r++) {
    const at = r - from;
    fill(r, m);
    const e = new OutcomeEvaluator(p, m);
    let row = 0;
    for (const measure of ['relative', 'absolute', 'deep'] as const) {
      for (const basis of ['BHC', 'AHC'] as const) {
        const l0 = e.line(measure, 'before', basis);
        const l1 = e.line(measure, 'after', basis);
        const e0 = p.eqBefore[basis];
        const e1 = p.eqAfter[basis];
        for (const group of PERSON_GROUPS) {
          const f = povertyFlows(e0, e1, p.pw[group], l0, l1, m);
          out.poverty[3 * row]![at] = f.after - f.before;
          out.poverty[3 * row + 1]![at] = f.movedIn;
          out.poverty[3 * row + 2]![at] = f.movedOut;
          row++;
        }
      }
    }
    // deciles of the replicate's own person-weighted BHC distribution (as personDeciles on the sample)
    const dist = p.distBefore('BHC');
    let total = 0;
    for (let k = 0; k < dist.n; k++) total += dist.weights[k]! * m[dist.rows[k]!]!;
    let cum = 0;
    for (let k = 0; k < dist.n; k++) {
      const w = dist.weights[k]! * m[dist.rows[k]!]!;
      decile[dist.rows[k]!] = Math.min(10, 1 + Math.floor(((cum + w / 2) / total) * 10));
      cum += w;
    }
    const hh = new Float64Array(11);
    const dsum = new Float64Array(11);
    const share = new Float64Array(11 * 5);
    const ppl = new Float64Array(11);
    for (let i = 0; i < p.n; i++) {
      const w = p.base.weight[i]! * m[i]!;
      const k = decile[i]!;
      hh[k]! += w;
      dsum[k]! += w * delta[i]!;
      const pw = p.pw.all[i]! * m[i]!;
      share[band[i]!]! += pw; // row 0: all
      share[k * 5 + band[i]!]! += pw;
      ppl[0]! += pw;
      ppl[k]! += pw;
    }
    for (let k = 1; k <= 10; k++) out.deciles[k - 1]![at] = hh[k]! > 0 ? dsum[k]! / hh[k]! : NaN;
    for (let g = 0; g <= 10; g++) for (let b = 0; b < 5; b++) out.bands[g * 5 + b]![at] = ppl[g]! > 0 ? share[g * 5 + b]! / ppl[g]! : NaN;
    onReplicate?.(r + 1);
  }
  return out;
}

function designColumns(baseline: ColumnTable, design: CompareIntervalOptions['design']): Record<string, ArrayLike<unknown>> {
  const out: Record<string, ArrayLike<unknown>> = {};
  if (!design) return out;
  for (const key of ['strata', 'psu', 'fpc'] as const) {
    const c = design[key];
    if (c === undefined) continue;
    if (!baseline.columnNames().includes(c)) {
      throw new PovineqError('MISSING_COLUMN', `compare() intervals: design.${key} names column "${c}", which the household table does not have`, { column: c, option: `intervals.design.${key}` });
    }
    out[c] = baseline.array(c) as ArrayLike<unknown>;
  }
  return out;
}

/**
 * Replicate weight factors for a household table: Rao–Wu bootstrap over PSUs within strata when
 * `design` names them, households as a simple random sample otherwise (seeded).
 */
export function replicateFactors(baseline: ColumnTable, weight: Float64Array, design: CompareIntervalOptions['design'] | undefined, replicates: number, seed: number): Float64Array[] {
  const table = aq.table({ weight, ...designColumns(baseline, design) } as never);
  const d = surveyDesign(table, { ...(design ?? {}), weight: 'weight' });
  const reps = bootstrapReplicates(d, replicates, seed);
  const out: Float64Array[] = [];
  for (let r = 0; r < replicates; r++) {
    const m = new Float64Array(weight.length);
    reps.fill(r, m);
    out.push(m);
  }
  return out;
}
