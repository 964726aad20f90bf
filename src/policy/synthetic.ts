import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type Random, argsort, random } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { equivalenceFactors } from '../income/index.js';
import { type SyntheticTargets, syntheticTargets } from './synthetic-targets.js';

/** Options of {@link syntheticHouseholds}. */
export interface SyntheticOptions {
  /** Seed of the generator: the same seed and size give the same file, digit for digit. Default 20230323. */
  seed?: number;
  /** Number of household rows. Default 100,000; 1,000,000 and more work (about 1 s per 100,000). */
  households?: number;
}

/** Shape of the income distribution: standard deviation of log equivalised income (tuned to PIIS Gini BHC 0.313). */
const SIGMA = 0.565;
/** Weight of the data zone's income deprivation in a household's log income (the rest is individual). */
const ZONE_LOADING = 0.55;
/** Gradient of means-tested benefit receipt in log equivalised income. */
const BENEFIT_GRADIENT = 2.6;
/** Extra log-odds of means-tested receipt for households with children (Universal Credit child elements widen eligibility). */
const CHILD_BENEFIT_SHIFT = 1.5;

// Household types (Scottish Household Survey 2019 household-type shares, rounded):
// [share, adults, pensioners, children: 0 none | 1 one or two | 2 three or more]
const TYPES: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.14, 1, 1, 0], // single pensioner
  [0.16, 2, 2, 0], // older smaller (pensioner couple)
  [0.21, 1, 0, 0], // single adult
  [0.16, 2, 0, 0], // small adult
  [0.09, 3, 0, 0], // large adult
  [0.05, 1, 0, 1], // single parent
  [0.14, 2, 0, 1], // small family
  [0.05, 2, 0, 2], // large family
];

// Tenure shares [outright, mortgage, social rent, private rent] by household group (child,
// pensioner, other), before the income gradient; and the weekly costs of each tenure for a
// couple (scaled by the group's calibrated factor and household size).
const TENURE: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.05, 0.5, 0.3, 0.15],
  [0.7, 0.05, 0.2, 0.05],
  [0.2, 0.35, 0.25, 0.2],
];
const TENURE_COST = [6, 0, 85, 145]; // mortgage: 15% of net income (below)

// Share of households with a car by equivalised income decile (assumption for the synthetic file;
// Scottish Household Survey reports about half of the lowest-income households without a car).
const CAR_OWNERSHIP = [0.45, 0.55, 0.65, 0.72, 0.78, 0.83, 0.86, 0.89, 0.91, 0.92];

/**
 * A synthetic Scottish household file in the povineq household schema (docs/schema/households.md):
 * SYNTHETIC data, generated from a seed, for examples, tests and notebooks — not survey data.
 *
 * Households are placed in SIMD 2020v2 data zones in proportion to population; their type, tenure,
 * incomes, housing costs, benefit receipt and spends are drawn so that weighted totals and rates
 * land near published figures (docs/guides/synthetic-households.md reports target vs achieved):
 * NRS mid-2018 council populations of children, working-age adults and pensioners (weights raked
 * per council); SIMD income deprivation by council (means-tested benefit receipt); PIIS 2019-22
 * relative poverty rates BHC and AHC for children, working-age adults and pensioners against the
 * UK thresholds; and LCF FYE 2018 domestic energy and motor fuel spend by income decile.
 * Money is £ per week in 2021/22 prices (LCF spends as published for FYE 2018).
 *
 * @example
 * const households = syntheticHouseholds({ seed: 1, households: 20_000 });
 * households.numRows() // 20000
 */
export function syntheticHouseholds(options: SyntheticOptions = {}): ColumnTable {
  const seed = options.seed ?? 20230323;
  const n = options.households ?? 100_000;
  if (!Number.isInteger(n) || n < 100) {
    throw new PovineqError('INVALID_OPTION', `syntheticHouseholds: households must be a whole number ≥ 100, got ${n}`, { option: 'households' });
  }
  const T = syntheticTargets();
  const rng = random(seed);
  const streams = { place: rng.fork(), people: rng.fork(), income: rng.fork(), housing: rng.fork(), benefit: rng.fork(), spend: rng.fork() };

  // 1. place and compose households
  const zone = placeHouseholds(T, n, streams.place);
  const adults = new Float64Array(n);
  const pensioners = new Float64Array(n);
  const children = new Float64Array(n);
  const under14 = new Float64Array(n);
  const group = new Uint8Array(n); // 0 with children, 1 pensioners, 2 other
  const typeCum = cumulative(TYPES.map((t) => t[0]));
  for (let i = 0; i < n; i++) {
    const t = TYPES[pick(typeCum, streams.people.uniform())]!;
    let a = t[1];
    if (a === 3 && streams.people.uniform() < 0.25) a = 4;
    adults[i] = a;
    pensioners[i] = t[2];
    let c = 0;
    if (t[3] === 1) c = streams.people.uniform() < 0.55 ? 1 : 2;
    else if (t[3] === 2) c = 3 + (streams.people.uniform() < 0.3 ? 1 : 0) + (streams.people.uniform() < 0.1 ? 1 : 0);
    if (t[3] === 1 && t[1] === 1 && streams.people.uniform() < 0.12) c = 3;
    children[i] = c;
    let u = 0;
    for (let k = 0; k < c; k++) if (streams.people.uniform() < 0.8) u++;
    under14[i] = u;
    group[i] = c > 0 ? 0 : t[2] > 0 ? 1 : 2;
  }

  // 2. weights: raked per council to NRS mid-2018 children, working-age adults and pensioners
  const councilIndex = new Int16Array(n);
  const codeIndex = new Map(T.councils.code.map((c, k) => [c, k]));
  for (let i = 0; i < n; i++) councilIndex[i] = codeIndex.get(T.zones.council[zone[i]!]!)!;
  const weight = rakeWeights(T, councilIndex, children, adults, pensioners);

  // 3. equivalised BHC income: log-normal with a zone deprivation effect; the level of each group
  // is fitted so that its relative poverty rate BHC (UK line) matches PIIS 2019-22
  const factorBHC = equivalenceFactors({ n, adults, children, childrenUnder14: under14 }, 'BHC');
  const factorAHC = equivalenceFactors({ n, adults, children, childrenUnder14: under14 }, 'AHC');
  const zoneEffect = zoneEffects(T);
  const latent = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const zi = zone[i]!;
    latent[i] = SIGMA * (Math.sqrt(1 - ZONE_LOADING * ZONE_LOADING) * streams.income.normal() + ZONE_LOADING * zoneEffect[zi]!);
  }
  const pw = { children: mul(weight, children), pensioners: mul(weight, pensioners), workingAge: mul(weight, sub(adults, pensioners)) };
  const lineBHC = T.lines.relativeBHC;
  const mu = new Float64Array(3);
  const logEq = new Float64Array(n);
  const fitLevel = (g: number, personW: Float64Array, target: number) => {
    mu[g] = bisect((m) => {
      mu[g] = m;
      const logLine = Math.log(lineBHC);
      let below = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const w = personW[i]!;
        if (w === 0) continue;
        total += w;
        if (mu[group[i]!]! + latent[i]! < logLine) below += w;
      }
      return below / total;
    }, Math.log(100), Math.log(2000), target, true);
  };
  mu[0] = mu[1] = mu[2] = Math.log(550);
  const P = T.poverty.relative;
  fitLevel(0, pw.children, P.BHC.Children);
  fitLevel(1, pw.pensioners, P.BHC.Pensioners);
  fitLevel(2, pw.workingAge, P.BHC['Working-age adults']);
  const incomeBhc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logEq[i] = mu[group[i]!]! + latent[i]!;
    incomeBhc[i] = round2(Math.exp(logEq[i]!) * factorBHC[i]!);
  }

  // 4. tenure and housing costs; each group's cost level fitted to its PIIS relative poverty rate AHC
  const tenure = new Uint8Array(n);
  const costDraw = new Float64Array(n);
  const rank = groupRanks(logEq, group, weight);
  for (let i = 0; i < n; i++) {
    const base = TENURE[group[i]!]!;
    const r = rank[i]!; // 0 poorest … 1 richest within the group
    const p0 = base[0] * (0.5 + r);
    const p1 = base[1] * (0.2 + 1.6 * r);
    const p2 = base[2] * (1.8 - 1.6 * r);
    const u = streams.housing.uniform() * (p0 + p1 + p2 + base[3]);
    const k = u < p0 ? 0 : u < p0 + p1 ? 1 : u < p0 + p1 + p2 ? 2 : 3;
    tenure[i] = k;
    const noise = Math.exp(0.25 * streams.housing.normal() - 0.03125);
    const size = Math.sqrt(adults[i]! + children[i]!);
    costDraw[i] = (k === 1 ? 0.15 * incomeBhc[i]! : TENURE_COST[k]! * size / Math.SQRT2) * noise;
  }
  const level = new Float64Array(3).fill(1);
  const lineAHC = T.lines.relativeAHC;
  const fitHousing = (g: number, personW: Float64Array, target: number) => {
    level[g] = bisect((sc) => {
      level[g] = sc;
      let below = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const w = personW[i]!;
        if (w === 0) continue;
        total += w;
        if (incomeBhc[i]! - costDraw[i]! * level[group[i]!]! < lineAHC * factorAHC[i]!) below += w;
      }
      return below / total;
    }, 0, 5, target, false);
  };
  fitHousing(0, pw.children, P.AHC.Children);
  fitHousing(1, pw.pensioners, P.AHC.Pensioners);
  fitHousing(2, pw.workingAge, P.AHC['Working-age adults']);
  const housingCosts = new Float64Array(n);
  for (let i = 0; i < n; i++) housingCosts[i] = round2(costDraw[i]! * level[group[i]!]!);

  // 5. means-tested benefit receipt: logistic in log income; each council's intercept fitted to
  // its SIMD 2020v2 income-deprived share of people
  const people = add(adults, children);
  const personAll = mul(weight, people);
  const benefitDraw = new Float64Array(n);
  for (let i = 0; i < n; i++) benefitDraw[i] = streams.benefit.uniform();
  const meanLog = weightedMean(logEq, personAll);
  const meansTested = new Uint8Array(n);
  const byCouncil = groupIndices(councilIndex, T.councils.code.length);
  for (let k = 0; k < byCouncil.length; k++) {
    const rows = byCouncil[k]!;
    const target = T.councils.incomeDeprived[k]!;
    // receipt when u < logistic(a − G·z + c·[children]), i.e. when t = logit(u) + G·z − c·[children] < a
    const t = new Float64Array(rows.length);
    for (let j = 0; j < rows.length; j++) {
      const i = rows[j]!;
      const u = Math.min(1 - 1e-12, Math.max(1e-12, benefitDraw[i]!));
      t[j] = Math.log(u / (1 - u)) + BENEFIT_GRADIENT * (logEq[i]! - meanLog) - (children[i]! > 0 ? CHILD_BENEFIT_SHIFT : 0);
    }
    const share = (a: number) => {
      let num = 0;
      let den = 0;
      for (let j = 0; j < rows.length; j++) {
        const w = personAll[rows[j]!]!;
        if (t[j]! < a) num += w;
        den += w;
      }
      return num / den;
    };
    const a = bisect(share, -30, 30, target, false);
    for (let j = 0; j < rows.length; j++) meansTested[rows[j]!] = t[j]! < a ? 1 : 0;
  }
  const twoChild = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!meansTested[i] || children[i]! < 3) continue;
    for (let k = 2; k < children[i]!; k++) if (streams.benefit.uniform() < 0.6) twoChild[i]!++;
  }

  // 6. domestic energy and motor fuel: LCF FYE 2018 mean spend by household equivalised income decile
  const decile = householdDeciles(logEq, weight);
  const sizeFactor = new Float64Array(n);
  for (let i = 0; i < n; i++) sizeFactor[i] = Math.pow(people[i]!, 0.35);
  const energyRaw = new Float64Array(n);
  const motorRaw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    energyRaw[i] = sizeFactor[i]! * Math.exp(0.3 * streams.spend.normal());
    const d = decile[i]!;
    motorRaw[i] = streams.spend.uniform() < CAR_OWNERSHIP[d]! ? sizeFactor[i]! * Math.exp(0.5 * streams.spend.normal()) : 0;
  }
  const energySpend = matchDecileMeans(energyRaw, decile, weight, T.lcf.energy);
  const motorFuelSpend = matchDecileMeans(motorRaw, decile, weight, T.lcf.motorFuel);

  const id = new Int32Array(n);
  const council = new Array<string>(n);
  const simdDecile = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = i + 1;
    council[i] = T.zones.council[zone[i]!]!;
    simdDecile[i] = T.zones.decile[zone[i]!]!;
  }
  return aq.table({
    household_id: id,
    weight,
    adults,
    children,
    children_under_14: under14,
    pensioners,
    income_bhc: incomeBhc,
    housing_costs: housingCosts,
    energy_spend: energySpend,
    motor_fuel_spend: motorFuelSpend,
    means_tested: meansTested,
    two_child_limit_children: twoChild,
    council,
    simd_decile: simdDecile,
  });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function cumulative(p: readonly number[]): Float64Array {
  const c = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) c[i] = s += p[i]!;
  for (let i = 0; i < p.length; i++) c[i]! /= s;
  return c;
}

/** Index of the first cumulative share > u. */
function pick(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function placeHouseholds(T: SyntheticTargets, n: number, rng: Random): Int32Array {
  const cum = cumulative(Array.from(T.zones.population));
  const zone = new Int32Array(n);
  for (let i = 0; i < n; i++) zone[i] = pick(cum, rng.uniform());
  return zone;
}


/** Standardised −logit of each zone's income-deprived share: higher is richer. */
function zoneEffects(T: SyntheticTargets): Float64Array {
  const r = T.zones.incomeRate;
  const out = new Float64Array(r.length);
  let s = 0;
  let s2 = 0;
  let w = 0;
  for (let i = 0; i < r.length; i++) {
    const p = Math.min(0.98, Math.max(0.01, r[i]!));
    out[i] = -Math.log(p / (1 - p));
    const pop = T.zones.population[i]!;
    s += pop * out[i]!;
    s2 += pop * out[i]! * out[i]!;
    w += pop;
  }
  const mean = s / w;
  const sd = Math.sqrt(s2 / w - mean * mean);
  for (let i = 0; i < r.length; i++) out[i] = (out[i]! - mean) / sd;
  return out;
}

function mul(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! * b[i]!;
  return out;
}
function sub(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}
function add(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]!;
  return out;
}

function weightedMean(x: Float64Array, w: Float64Array): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    s += w[i]! * x[i]!;
    t += w[i]!;
  }
  return s / t;
}

/**
 * Solves f(x) = target for a monotone f on [lo, hi] by bisection (50 halvings). `decreasing`
 * says f falls as x rises.
 */
function bisect(f: (x: number) => number, lo: number, hi: number, target: number, decreasing: boolean): number {
  for (let k = 0; k < 50; k++) {
    const mid = (lo + hi) / 2;
    const v = f(mid);
    const tooHigh = decreasing ? v > target : v < target;
    if (tooHigh) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function groupIndices(index: Int16Array, k: number): Int32Array[] {
  const counts = new Int32Array(k);
  for (let i = 0; i < index.length; i++) counts[index[i]!]!++;
  const out = Array.from({ length: k }, (_, j) => new Int32Array(counts[j]!));
  const fill = new Int32Array(k);
  for (let i = 0; i < index.length; i++) {
    const g = index[i]!;
    out[g]![fill[g]!++] = i;
  }
  return out;
}

/**
 * Household weights raked (exponential calibration, Deville & Särndal 1992) so that each council's
 * weighted children, working-age adults and pensioners equal NRS mid-2018 figures. Newton's method
 * on the three multipliers of each council.
 */
function rakeWeights(T: SyntheticTargets, councilIndex: Int16Array, children: Float64Array, adults: Float64Array, pensioners: Float64Array): Float64Array {
  const n = councilIndex.length;
  const weight = new Float64Array(n);
  const groups = groupIndices(councilIndex, T.councils.code.length);
  for (let k = 0; k < groups.length; k++) {
    const rows = groups[k]!;
    const target = [T.councils.children[k]!, T.councils.workingAge[k]!, T.councils.pensioners[k]!];
    let people = 0;
    for (const i of rows) people += adults[i]! + children[i]!;
    const d = (target[0]! + target[1]! + target[2]!) / people;
    const lambda = [0, 0, 0];
    for (let iter = 0; iter < 50; iter++) {
      let f0 = -target[0]!, f1 = -target[1]!, f2 = -target[2]!;
      let j00 = 0, j01 = 0, j02 = 0, j11 = 0, j12 = 0, j22 = 0;
      for (const i of rows) {
        const x0 = children[i]!;
        const x1 = adults[i]! - pensioners[i]!;
        const x2 = pensioners[i]!;
        const wi = d * Math.exp(lambda[0]! * x0 + lambda[1]! * x1 + lambda[2]! * x2);
        f0 += wi * x0; f1 += wi * x1; f2 += wi * x2;
        j00 += wi * x0 * x0; j01 += wi * x0 * x1; j02 += wi * x0 * x2;
        j11 += wi * x1 * x1; j12 += wi * x1 * x2; j22 += wi * x2 * x2;
      }
      const step = solve3([[j00, j01, j02], [j01, j11, j12], [j02, j12, j22]], [f0, f1, f2]);
      let size = 0;
      for (let a = 0; a < 3; a++) {
        lambda[a]! -= step[a]!;
        size += Math.abs(step[a]!);
      }
      if (size < 1e-12) break;
    }
    for (const i of rows) {
      weight[i] = d * Math.exp(lambda[0]! * children[i]! + lambda[1]! * (adults[i]! - pensioners[i]!) + lambda[2]! * pensioners[i]!);
    }
  }
  return weight;
}

/** Solves the 3×3 system J s = F by Cramer's rule. */
function solve3(J: number[][], F: number[]): number[] {
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const D = det(J);
  return [0, 1, 2].map((c) => det(J.map((row, r) => row.map((v, j) => (j === c ? F[r]! : v)))) / D);
}

/** Rank in [0, 1] of each household's log income within its group (household-weighted). */
function groupRanks(x: Float64Array, group: Uint8Array, weight: Float64Array): Float64Array {
  const order = argsort(x);
  const total = new Float64Array(3);
  for (let i = 0; i < x.length; i++) total[group[i]!]! += weight[i]!;
  const cum = new Float64Array(3);
  const rank = new Float64Array(x.length);
  for (const i of order) {
    const g = group[i]!;
    rank[i] = (cum[g]! + weight[i]! / 2) / total[g]!;
    cum[g]! += weight[i]!;
  }
  return rank;
}

/** Household-weighted decile (0–9) of equivalised income, as LCF ranks households. */
export function householdDeciles(x: Float64Array, weight: Float64Array): Uint8Array {
  const order = argsort(x);
  let total = 0;
  for (let i = 0; i < weight.length; i++) total += weight[i]!;
  const out = new Uint8Array(x.length);
  let cum = 0;
  for (const i of order) {
    const mid = (cum + weight[i]! / 2) / total;
    out[i] = Math.min(9, Math.floor(mid * 10));
    cum += weight[i]!;
  }
  return out;
}

/** Rescales raw spends so each decile's weighted mean equals the target (rounded to pennies). */
function matchDecileMeans(raw: Float64Array, decile: Uint8Array, weight: Float64Array, target: number[]): Float64Array {
  const s = new Float64Array(10);
  const w = new Float64Array(10);
  for (let i = 0; i < raw.length; i++) {
    s[decile[i]!]! += weight[i]! * raw[i]!;
    w[decile[i]!]! += weight[i]!;
  }
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const d = decile[i]!;
    out[i] = round2((raw[i]! * target[d]! * w[d]!) / s[d]!);
  }
  return out;
}
