import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type Random, argsort, random } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { equivalenceFactors } from '../income/index.js';
import { calibrateSynthetic } from './synthetic-margins.js';
import { HOUSING_COSTS_BY_TENURE, SCOTTISH_CHILD_PAYMENT, type SyntheticTargets, TENURES, syntheticTargets } from './synthetic-targets.js';

/** Options of {@link syntheticHouseholds}. */
export interface SyntheticOptions {
  /** Seed of the generator: the same seed and size give the same file, digit for digit. Default 20230323. */
  seed?: number;
  /** Number of household rows. Default 100,000; 1,000,000 and more work (about 1 s per 100,000). */
  households?: number;
}

/** Shape of the income distribution: standard deviation of log equivalised income (PIIS Gini BHC 0.313). */
const SIGMA = 0.52;
/** Weight of the data zone's income deprivation in a household's log income (the rest is individual). */
const ZONE_LOADING = 0.55;
/** Gradient of qualifying-benefit receipt in log equivalised income. */
const BENEFIT_GRADIENT = 6;
/** Share of households with no qualifying benefit whatever their income (no entitlement or no claim), below 65% of the BHC line and above. */
const NON_CLAIMANT = { deep: 0.45, other: 0.05 };
/** Log-income effects of family characteristics in the model (the calibration sets the published rates). */
const FAMILY_EFFECT = { lone: -0.3, disabled: -0.12, minority: -0.25, youngMother: -0.3, large: -0.12 };
/** Relative frequency of each child age 0–19 among dependent children (16–19 only in education). */
const CHILD_AGE_WEIGHTS = [0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.45, 0.35, 0.2, 0.05];

// Household types (Scottish Household Survey 2019 household-type shares, rounded):
// [share, adults, pensioners, children: 0 none | 1 one or two | 2 three or more]
const TYPES: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.14, 1, 1, 0], // single pensioner
  [0.16, 2, 2, 0], // older smaller (pensioner couple)
  [0.21, 1, 0, 0], // single adult
  [0.16, 2, 0, 0], // small adult
  [0.09, 3, 0, 0], // large adult
  [0.06, 1, 0, 1], // single parent
  [0.14, 2, 0, 1], // small family
  [0.03, 2, 0, 2], // large family
];

// Tenure shares [outright, mortgage, social rent, private rent] by household group (child,
// pensioner, other), before the income gradient (the calibration sets the published shares).
const TENURE: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.08, 0.55, 0.22, 0.12],
  [0.7, 0.05, 0.2, 0.05],
  [0.25, 0.4, 0.2, 0.15],
];

// Share of households with a car by equivalised income decile (assumption for the synthetic file;
// Scottish Household Survey reports about half of the lowest-income households without a car).
const CAR_OWNERSHIP = [0.45, 0.55, 0.65, 0.72, 0.78, 0.83, 0.86, 0.89, 0.91, 0.92];

/**
 * A synthetic Scottish household file in the povineq household schema (docs/schema/households.md):
 * SYNTHETIC data, generated from a seed, for examples, tests and notebooks — not survey data.
 *
 * Households are placed in SIMD 2020v2 data zones in proportion to population and given a type,
 * children's ages, family characteristics (lone parent, disabled member, minority ethnic, mother
 * under 25), an income, a tenure and housing costs, qualifying-benefit receipt (Universal Credit or
 * legacy benefits, in and out of work) and spends, from a simple model. The household weights are
 * then calibrated with {@link calibrate} (raking) so that the weighted file reproduces published
 * Scottish figures exactly: NRS mid-2018 council populations (children under 16, working-age,
 * pensioners); PIIS 2019-22 poverty rates (relative, absolute and severe, BHC and AHC, against the
 * UK thresholds) for children, working-age adults and pensioners; children receiving the Scottish
 * Child Payment (323,315 at 89% take-up) and the share of poor children in receipt; the shares and
 * poverty rates of the six priority family types, of children by age band and by tenure; people by
 * tenure and their poverty rates; mean housing costs by tenure. LCF FYE 2018 energy and motor fuel
 * spend by income decile are matched after. docs/guides/synthetic-households.md lists every target,
 * its source and tolerance. Money is £ per week in 2021/22 prices (LCF spends as published for FYE 2018).
 *
 * Below 20,000 households the council margins are replaced by national ones, and at very small
 * sizes the generator drops margins it cannot meet (the calibration tier used is in the table's
 * `calibration_tier` column of {@link syntheticCalibration}); weights stay positive and finite.
 *
 * @example
 * const households = syntheticHouseholds({ seed: 1, households: 20_000 });
 * households.numRows() // 20000
 */
export function syntheticHouseholds(options: SyntheticOptions = {}): ColumnTable {
  return generate(options).table;
}

/** The generated file and the calibration tier that was met (0 = every margin, by council). */
export function generate(options: SyntheticOptions = {}): { table: ColumnTable; tier: number } {
  const seed = options.seed ?? 20230323;
  const n = options.households ?? 100_000;
  if (!Number.isInteger(n) || n < 100) {
    throw new PovineqError('INVALID_OPTION', `syntheticHouseholds: households must be a whole number ≥ 100, got ${n}`, { option: 'households' });
  }
  const T = syntheticTargets();
  const rng = random(seed);
  const streams = {
    place: rng.fork(),
    people: rng.fork(),
    income: rng.fork(),
    housing: rng.fork(),
    benefit: rng.fork(),
    spend: rng.fork(),
    family: rng.fork(),
  };

  // 1. place and compose households; children's ages (dependent children are 0–19)
  const zone = placeHouseholds(T, n, streams.place);
  const adults = new Float64Array(n);
  const pensioners = new Float64Array(n);
  const children = new Float64Array(n);
  const under14 = new Float64Array(n);
  const under16 = new Float64Array(n);
  const youngest = new Float64Array(n).fill(NaN);
  const band = [new Float64Array(n), new Float64Array(n), new Float64Array(n)]; // 0–4, 5–12, 13–19
  const group = new Uint8Array(n); // 0 with children, 1 pensioners, 2 other
  const typeCum = cumulative(TYPES.map((t) => t[0]));
  const ageCum = cumulative(CHILD_AGE_WEIGHTS);
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
    for (let k = 0; k < c; k++) {
      const age = pick(ageCum, streams.people.uniform());
      if (age < 14) under14[i]!++;
      if (age < 16) under16[i]!++;
      band[age <= 4 ? 0 : age <= 12 ? 1 : 2]![i]!++;
      if (!(youngest[i]! <= age)) youngest[i] = age;
    }
    group[i] = c > 0 ? 0 : t[2] > 0 ? 1 : 2;
  }

  // 2. family characteristics (priority family types)
  const lone = new Uint8Array(n);
  const disabled = new Uint8Array(n);
  const minority = new Uint8Array(n);
  const youngMother = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    lone[i] = adults[i] === 1 && children[i]! > 0 ? 1 : 0;
    disabled[i] = streams.family.uniform() < (group[i] === 1 ? 0.5 : 0.38) ? 1 : 0;
    minority[i] = streams.family.uniform() < (group[i] === 0 ? 0.16 : 0.05) ? 1 : 0;
    youngMother[i] = children[i]! > 0 && youngest[i]! < 7 && streams.family.uniform() < (lone[i] ? 0.18 : 0.05) ? 1 : 0;
  }

  // 3. starting weights: each council's NRS population over its sampled people
  const councilIndex = new Int16Array(n);
  const codeIndex = new Map(T.councils.code.map((c, k) => [c, k]));
  for (let i = 0; i < n; i++) councilIndex[i] = codeIndex.get(T.zones.council[zone[i]!]!)!;
  const weight0 = startingWeights(T, councilIndex, adults, children);

  // 4. equivalised BHC income: log-normal with a zone deprivation effect and family effects; each
  // group's level set so its relative poverty rate BHC (UK line) is near PIIS (the calibration
  // below makes it exact)
  const factorBHC = equivalenceFactors({ n, adults, children, childrenUnder14: under14 }, 'BHC');
  const factorAHC = equivalenceFactors({ n, adults, children, childrenUnder14: under14 }, 'AHC');
  const zoneEffect = zoneEffects(T);
  const latent = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const zi = zone[i]!;
    latent[i] =
      SIGMA * (Math.sqrt(1 - ZONE_LOADING * ZONE_LOADING) * streams.income.normal() + ZONE_LOADING * zoneEffect[zi]!) +
      FAMILY_EFFECT.lone * lone[i]! +
      FAMILY_EFFECT.disabled * disabled[i]! +
      FAMILY_EFFECT.minority * minority[i]! +
      FAMILY_EFFECT.youngMother * youngMother[i]! +
      (children[i]! >= 3 ? FAMILY_EFFECT.large : 0);
  }
  const pw = { children: mul(weight0, children), pensioners: mul(weight0, pensioners), workingAge: mul(weight0, sub(adults, pensioners)) };
  const mu = new Float64Array(3).fill(Math.log(550));
  const logLine = Math.log(T.lines.relativeBHC);
  const fitLevel = (g: number, personW: Float64Array, target: number) => {
    mu[g] = bisect((m) => {
      mu[g] = m;
      let below = 0;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const w = personW[i]!;
        if (w === 0) continue;
        total += w;
        if (mu[group[i]!]! + latent[i]! < logLine) below += w;
      }
      return total > 0 ? below / total : target;
    }, Math.log(100), Math.log(2000), target, true);
  };
  const P = T.poverty.relative;
  fitLevel(0, pw.children, P.BHC.Children);
  fitLevel(1, pw.pensioners, P.BHC.Pensioners);
  fitLevel(2, pw.workingAge, P.BHC['Working-age adults']);
  const logEq = new Float64Array(n);
  const incomeBhc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logEq[i] = mu[group[i]!]! + latent[i]!;
    incomeBhc[i] = round2(Math.exp(logEq[i]!) * factorBHC[i]!);
  }

  // 5. tenure (more renting at low incomes, for lone parents and minority ethnic households) and
  // housing costs scaled to each tenure's mean
  const tenure = new Uint8Array(n);
  const costDraw = new Float64Array(n);
  const rank = groupRanks(logEq, group, weight0);
  for (let i = 0; i < n; i++) {
    const base = TENURE[group[i]!]!;
    const r = rank[i]!; // 0 poorest … 1 richest within the group
    const rent = 1 + 0.8 * lone[i]! + 0.5 * minority[i]!;
    const p0 = base[0] * (0.6 + 0.8 * r);
    const p1 = base[1] * (0.3 + 1.4 * r);
    const p2 = base[2] * (2.2 - 2.1 * r) * rent;
    const p3 = base[3] * (1.2 - 0.4 * r) * rent;
    const u = streams.housing.uniform() * (p0 + p1 + p2 + p3);
    const k = u < p0 ? 0 : u < p0 + p1 ? 1 : u < p0 + p1 + p2 ? 2 : 3;
    tenure[i] = k;
    const noise = Math.exp(0.3 * streams.housing.normal() - 0.045);
    const size = Math.sqrt(adults[i]! + children[i]!);
    costDraw[i] = (k === 1 ? incomeBhc[i]! : size) * noise;
  }
  const housingCosts = scaleToMeans(costDraw, tenure, weight0, TENURES.map((t) => HOUSING_COSTS_BY_TENURE[t].mean));

  // 6. qualifying-benefit receipt (UC or legacy, in and out of work): logistic in log income,
  // higher with children, in social housing, for lone parents and disabled households; one
  // intercept set so the eligible children under 16 are near the Scottish Child Payment's
  const meansTested = benefitReceipt(streams.benefit, Math.log(0.65 * T.lines.relativeBHC), logEq, weight0, under16, children, tenure, lone, disabled, SCOTTISH_CHILD_PAYMENT.eligible);
  const twoChild = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!meansTested[i] || children[i]! < 3) continue;
    for (let k = 2; k < children[i]!; k++) if (streams.benefit.uniform() < 0.6) twoChild[i]!++;
  }

  // 7. calibrate the weights to every published margin the size allows
  const counts = { adults, pensioners, children, under16, band, lone, disabled, minority, youngMother, youngest, tenure, meansTested };
  const eqBHC = new Float64Array(n);
  const eqAHC = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    eqBHC[i] = incomeBhc[i]! / factorBHC[i]!;
    eqAHC[i] = (incomeBhc[i]! - housingCosts[i]!) / factorAHC[i]!;
  }
  const { weight, tier } = calibrateSynthetic(T, counts, councilIndex, weight0, eqBHC, eqAHC, housingCosts);

  // 8. domestic energy and motor fuel: LCF FYE 2018 mean spend by household equivalised income decile
  const people = add(adults, children);
  const decile = householdDeciles(logEq, weight);
  const energyRaw = new Float64Array(n);
  const motorRaw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sizeFactor = Math.pow(people[i]!, 0.35);
    energyRaw[i] = sizeFactor * Math.exp(0.3 * streams.spend.normal());
    const d = decile[i]!;
    motorRaw[i] = streams.spend.uniform() < CAR_OWNERSHIP[d]! ? sizeFactor * Math.exp(0.5 * streams.spend.normal()) : 0;
  }
  const energySpend = matchDecileMeans(energyRaw, decile, weight, T.lcf.energy);
  const motorFuelSpend = matchDecileMeans(motorRaw, decile, weight, T.lcf.motorFuel);

  const id = new Int32Array(n);
  const council = new Array<string>(n);
  const simdDecile = new Int8Array(n);
  const tenureName = new Array<string>(n);
  const youngestAge = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    id[i] = i + 1;
    council[i] = T.zones.council[zone[i]!]!;
    simdDecile[i] = T.zones.decile[zone[i]!]!;
    tenureName[i] = TENURES[tenure[i]!]!;
    youngestAge[i] = Number.isNaN(youngest[i]!) ? null : youngest[i]!;
  }
  const table = aq.table({
    household_id: id,
    weight,
    adults,
    children,
    children_under_14: under14,
    children_under_16: under16,
    youngest_child_age: youngestAge,
    pensioners,
    income_bhc: incomeBhc,
    housing_costs: housingCosts,
    energy_spend: energySpend,
    motor_fuel_spend: motorFuelSpend,
    means_tested: meansTested,
    two_child_limit_children: twoChild,
    council,
    simd_decile: simdDecile,
    tenure: tenureName,
    lone_parent: lone,
    disabled,
    minority_ethnic: minority,
    mother_under_25: youngMother,
  });
  return { table, tier };
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

/** Starting weights: each council's NRS mid-2018 population over the people sampled in it. */
function startingWeights(T: SyntheticTargets, councilIndex: Int16Array, adults: Float64Array, children: Float64Array): Float64Array {
  const k = T.councils.code.length;
  const people = new Float64Array(k);
  for (let i = 0; i < councilIndex.length; i++) people[councilIndex[i]!]! += adults[i]! + children[i]!;
  const w = new Float64Array(councilIndex.length);
  for (let i = 0; i < w.length; i++) {
    const c = councilIndex[i]!;
    w[i] = (T.councils.children[c]! + T.councils.workingAge[c]! + T.councils.pensioners[c]!) / people[c]!;
  }
  return w;
}

/** Rescales draws so that each tenure's household-weighted mean equals its target (pennies). */
function scaleToMeans(raw: Float64Array, tenure: Uint8Array, weight: Float64Array, target: number[]): Float64Array {
  const s = new Float64Array(target.length);
  const w = new Float64Array(target.length);
  for (let i = 0; i < raw.length; i++) {
    s[tenure[i]!]! += weight[i]! * raw[i]!;
    w[tenure[i]!]! += weight[i]!;
  }
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = s[tenure[i]!]! > 0 ? round2((raw[i]! * target[tenure[i]!]! * w[tenure[i]!]!) / s[tenure[i]!]!) : 0;
  return out;
}

/**
 * Qualifying-benefit receipt: receipt when logit(u) + G·(z − z̄) − shifts < a, the shifts raising
 * receipt for households with children, social renters, lone parents and disabled households; a
 * set by bisection so that the weighted children under 16 in receipt equal `eligible`.
 */
function benefitReceipt(rng: Random, deepLog: number, logEq: Float64Array, weight: Float64Array, under16: Float64Array, children: Float64Array, tenure: Uint8Array, lone: Uint8Array, disabled: Uint8Array, eligible: number): Uint8Array {
  const n = logEq.length;
  const meanLog = weightedMean(logEq, weight);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = Math.min(1 - 1e-12, Math.max(1e-12, rng.uniform()));
    // some households have no entitlement or do not claim (self-employed with low reported
    // incomes, savings above the limit, no recourse to public funds): most often at the very bottom
    const claims = rng.uniform() >= (logEq[i]! < deepLog ? NON_CLAIMANT.deep : NON_CLAIMANT.other);
    t[i] = claims
      ? Math.log(u / (1 - u)) + BENEFIT_GRADIENT * (logEq[i]! - meanLog) - (children[i]! > 0 ? 1.5 : 0) - (tenure[i] === 2 ? 1 : 0) - 0.8 * lone[i]! - 0.5 * disabled[i]!
      : Infinity;
  }
  const a = bisect((x) => {
    let s = 0;
    for (let i = 0; i < n; i++) if (t[i]! < x) s += weight[i]! * under16[i]!;
    return s;
  }, -30, 30, eligible, false);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = t[i]! < a ? 1 : 0;
  return out;
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
