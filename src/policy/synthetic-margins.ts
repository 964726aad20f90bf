import * as aq from 'arquero';
import { calibrationWeights } from '../inference/index.js';
import { PovineqError } from '../data/index.js';
import { SCOTTISH_CHILD_PAYMENT, type SyntheticTargets, TENURES, HOUSING_COSTS_BY_TENURE } from './synthetic-targets.js';

/** The household arrays the calibration margins are built from. */
export interface SyntheticCounts {
  adults: Float64Array;
  pensioners: Float64Array;
  children: Float64Array;
  under16: Float64Array;
  /** Children aged 0–4, 5–12, 13–19. */
  band: Float64Array[];
  lone: Uint8Array;
  disabled: Uint8Array;
  minority: Uint8Array;
  youngMother: Uint8Array;
  /** Age of the youngest child (NaN without children). */
  youngest: Float64Array;
  tenure: Uint8Array;
  meansTested: Uint8Array;
}

/**
 * The margins of the synthetic file, as calibration totals. Rates become zero totals:
 * Σ wᵢ pᵢ ([poorᵢ] − rate) = 0 with pᵢ the household's people in the group, so a rate holds whatever
 * the group's weighted size. Tier 0: every margin, populations by council; tier 1: populations for
 * Scotland, without the severe poverty rates of family types, ages and tenures and with receipt for all
 * poor children instead of by distance from the line; tier 2: populations and poverty rates only; tier 3: populations only.
 */
export function syntheticMargins(T: SyntheticTargets, h: SyntheticCounts, councilIndex: Int16Array, eqBHC: Float64Array, eqAHC: Float64Array, housingCosts: Float64Array, tier: number) {
  const n = h.adults.length;
  const cols: Record<string, Float64Array | string[]> = {};
  const totals: Record<string, number | { by: string; totals: Record<string, number> }> = {};
  const column = (name: string, f: (i: number) => number, total = 0) => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = f(i);
    cols[name] = x;
    totals[name] = total;
  };
  const workingAge = (i: number) => h.adults[i]! - h.pensioners[i]! + h.children[i]! - h.under16[i]!;
  const sum = (x: number[]) => x.reduce((s, v) => s + v, 0);
  if (tier === 0) {
    cols.council = Array.from(councilIndex, (k) => T.councils.code[k]!);
    const by = (values: number[]) => ({ by: 'council', totals: Object.fromEntries(T.councils.code.map((c, k) => [c, values[k]!])) });
    column('pop_children', (i) => h.under16[i]!);
    column('pop_working_age', workingAge);
    column('pop_pensioners', (i) => h.pensioners[i]!);
    totals.pop_children = by(T.councils.children);
    totals.pop_working_age = by(T.councils.workingAge);
    totals.pop_pensioners = by(T.councils.pensioners);
  } else {
    column('pop_children', (i) => h.under16[i]!, sum(T.councils.children));
    column('pop_working_age', workingAge, sum(T.councils.workingAge));
    column('pop_pensioners', (i) => h.pensioners[i]!, sum(T.councils.pensioners));
  }
  if (tier >= 3) return { cols, totals };

  // poverty: relative, absolute and severe; BHC and AHC; children, working-age adults, pensioners
  const L = T.lines;
  const lines = {
    BHC: { relative: L.relativeBHC, absolute: L.absoluteBHC, severe: (L.relativeBHC * 5) / 6 },
    AHC: { relative: L.relativeAHC, absolute: L.absoluteAHC, severe: (L.relativeAHC * 5) / 6 },
  };
  const people = {
    Children: (i: number) => h.children[i]!,
    'Working-age adults': (i: number) => h.adults[i]! - h.pensioners[i]!,
    Pensioners: (i: number) => h.pensioners[i]!,
  };
  const measures = ['relative', 'absolute', 'severe'] as const;
  for (const basis of ['BHC', 'AHC'] as const) {
    const eq = basis === 'BHC' ? eqBHC : eqAHC;
    for (const m of measures) {
      for (const [g, p] of Object.entries(people) as Array<[keyof typeof people, (i: number) => number]>) {
        const rate = m === 'severe' ? T.severe[basis][g] : T.poverty[m][basis][g];
        const line = lines[basis][m];
        column(`poverty ${m} ${basis} ${g}`, (i) => p(i) * ((eq[i]! < line ? 1 : 0) - rate));
      }
    }
  }
  // Scottish income decile points (all people): a tenth of people below each
  const everyone = (i: number) => h.adults[i]! + h.children[i]!;
  for (const basis of ['BHC', 'AHC'] as const) {
    const eq = basis === 'BHC' ? eqBHC : eqAHC;
    T.decilePoints[basis].forEach((point, k) => {
      column(`decile point ${k + 1} ${basis}`, (i) => everyone(i) * ((eq[i]! < point ? 1 : 0) - (k + 1) / 10));
    });
  }
  if (tier >= 2) return { cols, totals };

  const poor = (i: number) => (eqAHC[i]! < L.relativeAHC ? 1 : 0);
  const severe = (i: number) => (eqAHC[i]! < lines.AHC.severe ? 1 : 0);
  // the Scottish Child Payment: eligible children under 16, and receipt among children below 50%
  // of the median and between 50% and 60%
  column('scp eligible children under 16', (i) => h.under16[i]! * h.meansTested[i]!, SCOTTISH_CHILD_PAYMENT.eligible);
  // (below 20,000 households, one margin: all poor children)
  if (tier === 0) {
    column('severely poor children in receipt', (i) => h.children[i]! * severe(i) * (h.meansTested[i]! - T.receipt.severe));
    column('children between 50% and 60% in receipt', (i) => h.children[i]! * (poor(i) - severe(i)) * (h.meansTested[i]! - T.receipt.band));
  } else column('poor children in receipt', (i) => h.children[i]! * poor(i) * (h.meansTested[i]! - T.receipt.relative));
  // the six priority family types: share of children, and relative poverty AHC (rate, or the
  // composition of poor children where PIIS suppresses the rate)
  const member: Record<string, (i: number) => number> = {
    'lone parent': (i) => h.lone[i]!,
    disabled: (i) => h.disabled[i]!,
    'three or more children': (i) => (h.children[i]! >= 3 ? 1 : 0),
    'minority ethnic': (i) => h.minority[i]!,
    'youngest under 1': (i) => (h.youngest[i]! < 1 ? 1 : 0),
    'mother under 25': (i) => h.youngMother[i]!,
  };
  for (const [g, target] of Object.entries(T.childGroups)) {
    const inGroup = member[g]!;
    column(`children ${g}`, (i) => h.children[i]! * (inGroup(i) - target.share));
    if (Number.isFinite(target.rate)) column(`poverty children ${g}`, (i) => h.children[i]! * inGroup(i) * (poor(i) - target.rate));
    if (tier === 0 && Number.isFinite(target.severeRate)) column(`severe poverty children ${g}`, (i) => h.children[i]! * inGroup(i) * (severe(i) - target.severeRate));
    else column(`poor children ${g}`, (i) => h.children[i]! * poor(i) * (inGroup(i) - target.composition));
  }
  // children by age band
  (['0-4', '5-12'] as const).forEach((b, k) => {
    const t = T.childAges[b];
    column(`children aged ${b}`, (i) => h.band[k]![i]! - t.share * h.children[i]!);
    column(`poverty children aged ${b}`, (i) => h.band[k]![i]! * (poor(i) - t.rate));
    if (tier === 0) column(`severe poverty children aged ${b}`, (i) => h.band[k]![i]! * (severe(i) - t.severeRate));
  });
  // tenure: people and children by tenure, and their relative poverty AHC
  TENURES.forEach((t, k) => {
    const P = T.tenure.people[t];
    const C = T.tenure.children[t];
    if (k > 0) column(`people ${t}`, (i) => everyone(i) * ((h.tenure[i] === k ? 1 : 0) - P.share));
    column(`poverty people ${t}`, (i) => everyone(i) * (h.tenure[i] === k ? 1 : 0) * (poor(i) - P.rate));
    if (k > 0) column(`children ${t}`, (i) => h.children[i]! * ((h.tenure[i] === k ? 1 : 0) - C.share));
    if (k > 0 && Number.isFinite(C.rate)) column(`poverty children ${t}`, (i) => h.children[i]! * (h.tenure[i] === k ? 1 : 0) * (poor(i) - C.rate));
    if (tier === 0 && k > 0 && Number.isFinite(C.severeRate)) column(`severe poverty children ${t}`, (i) => h.children[i]! * (h.tenure[i] === k ? 1 : 0) * (severe(i) - C.severeRate));
    const mean = HOUSING_COSTS_BY_TENURE[t].mean;
    column(`housing costs ${t}`, (i) => (h.tenure[i] === k ? housingCosts[i]! - mean : 0));
  });
  return { cols, totals };
}

/**
 * Calibrates the starting weights (raking, {@link calibrationWeights}) to the richest tier of
 * margins that the file's size can meet. Returns the weights and the tier.
 */
export function calibrateSynthetic(
  T: SyntheticTargets,
  h: SyntheticCounts,
  councilIndex: Int16Array,
  weight0: Float64Array,
  eqBHC: Float64Array,
  eqAHC: Float64Array,
  housingCosts: Float64Array,
): { weight: Float64Array; tier: number } {
  const n = weight0.length;
  for (let tier = n >= 20_000 ? 0 : 1; tier <= 3; tier++) {
    const { cols, totals } = syntheticMargins(T, h, councilIndex, eqBHC, eqAHC, housingCosts, tier);
    try {
      const weight = calibrationWeights(aq.table({ ...cols, weight: weight0 }), { weight: 'weight', totals, method: 'raking', maxIterations: 60 });
      let ok = true;
      for (let i = 0; i < n; i++) if (!(weight[i]! > 0 && Number.isFinite(weight[i]!))) ok = false;
      if (ok) return { weight, tier };
    } catch (e) {
      if (!(e instanceof PovineqError)) throw e;
    }
  }
  return { weight: Float64Array.from(weight0), tier: 4 };
}
