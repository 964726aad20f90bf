import { PovineqError, nearest } from '../data/index.js';

/**
 * Weights of an equivalence scale: what the first adult, each further adult (aged 14+ when the
 * scale separates children by age), each child aged 14 and over, and each child under 14 add to
 * the household's needs. `squareRoot: true` instead takes √(household size).
 */
export interface EquivalenceWeights {
  /** Weight of the first adult (the head of household). */
  firstAdult: number;
  /** Weight of each further adult (spouse, other adults). */
  otherAdult: number;
  /** Weight of each dependent child aged 14 and over. */
  olderChild: number;
  /** Weight of each child under 14. */
  youngChild: number;
}

/**
 * A built-in equivalence scale:
 * - `'hbai-bhc'`: HBAI modified OECD rescaled so a couple without children = 1, before housing
 *   costs: first adult 0.67, each further adult or child aged 14+ 0.33, child under 14 0.20.
 * - `'hbai-ahc'`: the same scale after housing costs: 0.58, 0.42, 0.42, 0.20.
 * - `'modified-oecd'`: Haagenars et al. (1994), Eurostat: 1, 0.5 (further person 14+), 0.3 (under 14).
 * - `'old-oecd'`: the original OECD ("Oxford") scale: 1, 0.7 (further adult, here every further
 *   person aged 14+), 0.5 (child under 14).
 * - `'square-root'`: √(number of people), as the OECD's income distribution database.
 */
export type EquivalenceScaleName = 'hbai-bhc' | 'hbai-ahc' | 'modified-oecd' | 'old-oecd' | 'square-root';

/** A scale by name, or custom weights. */
export type EquivalenceScale = EquivalenceScaleName | EquivalenceWeights;

/**
 * The weights of the built-in linear scales (`'square-root'` is not linear and has none).
 * Sources: DWP, *Households Below Average Income: Quality and Methodology Information* (equivalence
 * scales table, rescaled modified OECD, BHC and AHC); OECD, *What are equivalence scales?*
 */
export const EQUIVALENCE_SCALES: Readonly<Record<Exclude<EquivalenceScaleName, 'square-root'>, Readonly<EquivalenceWeights>>> =
  Object.freeze({
    'hbai-bhc': Object.freeze({ firstAdult: 0.67, otherAdult: 0.33, olderChild: 0.33, youngChild: 0.2 }),
    'hbai-ahc': Object.freeze({ firstAdult: 0.58, otherAdult: 0.42, olderChild: 0.42, youngChild: 0.2 }),
    'modified-oecd': Object.freeze({ firstAdult: 1, otherAdult: 0.5, olderChild: 0.5, youngChild: 0.3 }),
    'old-oecd': Object.freeze({ firstAdult: 1, otherAdult: 0.7, olderChild: 0.7, youngChild: 0.5 }),
  });

/** Who lives in a household, by the groups equivalence scales distinguish. */
export interface HouseholdMembers {
  /** Adults (pensioners included); at least 1. */
  adults: number;
  /** Dependent children aged 14 and over (default 0). */
  children14Plus?: number;
  /** Children under 14 (default 0). */
  childrenUnder14?: number;
}

/** Resolves a scale option to weights, or `'square-root'`. Errors name the option. */
export function resolveScale(scale: EquivalenceScale | undefined, fallback: EquivalenceScaleName = 'hbai-bhc'): EquivalenceWeights | 'square-root' {
  const s = scale ?? fallback;
  if (s === 'square-root') return s;
  if (typeof s === 'string') {
    const w = (EQUIVALENCE_SCALES as Record<string, EquivalenceWeights>)[s];
    if (!w) {
      throw new PovineqError(
        'INVALID_OPTION',
        `unknown equivalence scale ${JSON.stringify(s)}; did you mean '${nearest(s, [...Object.keys(EQUIVALENCE_SCALES), 'square-root'])}'? ` +
          "Use 'hbai-bhc', 'hbai-ahc', 'modified-oecd', 'old-oecd', 'square-root' or custom weights { firstAdult, otherAdult, olderChild, youngChild }",
        { option: 'scale', suggestion: nearest(s, [...Object.keys(EQUIVALENCE_SCALES), 'square-root']) },
      );
    }
    return w;
  }
  if (s === null || typeof s !== 'object') {
    throw new PovineqError('INVALID_OPTION', `scale must be a scale name or custom weights, got ${JSON.stringify(s)}`, { option: 'scale' });
  }
  for (const k of ['firstAdult', 'otherAdult', 'olderChild', 'youngChild'] as const) {
    const v = s[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (k === 'firstAdult' && v === 0)) {
      throw new PovineqError(
        'INVALID_OPTION',
        `custom scale weight ${k} must be a finite number ${k === 'firstAdult' ? '> 0' : '≥ 0'}, got ${JSON.stringify(v)}`,
        { option: `scale.${k}` },
      );
    }
  }
  return s;
}

/** Factor for validated counts (adults ≥ 1, counts non-negative integers). */
export function factorOf(w: EquivalenceWeights | 'square-root', adults: number, older: number, young: number): number {
  if (w === 'square-root') return Math.sqrt(adults + older + young);
  return w.firstAdult + w.otherAdult * (adults - 1) + w.olderChild * older + w.youngChild * young;
}

function checkCount(v: unknown, name: string, min: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new PovineqError(
      'INVALID_HOUSEHOLD',
      `household ${name} must be a whole number ≥ ${min}${name === 'adults' ? ' (every household has an adult)' : ''}, got ${JSON.stringify(v)}`,
      { column: name },
    );
  }
  return v;
}

/**
 * Equivalence factor of one household: the number its income is divided by so that households
 * of different size and composition can be compared.
 *
 * Linear scales: e = a₁ + a·(adults − 1) + c₁₄·(children 14+) + c·(children under 14), with the
 * weights of the scale; `'square-root'`: e = √(adults + children). HBAI (DWP) uses the modified
 * OECD scale rescaled so a couple without children has e = 1, with separate BHC and AHC weights.
 * Reference: DWP, HBAI Quality and Methodology Information; OECD, "What are equivalence scales?".
 *
 * @example
 * equivalenceFactor({ adults: 2, children14Plus: 1, childrenUnder14: 1 }, 'hbai-bhc') // 1.53
 * equivalenceFactor({ adults: 1 }, 'hbai-bhc')                                       // 0.67
 * equivalenceFactor({ adults: 2, childrenUnder14: 2 }, 'square-root')               // 2
 */
export function equivalenceFactor(household: HouseholdMembers, scale: EquivalenceScale = 'hbai-bhc'): number {
  const w = resolveScale(scale);
  if (household === null || typeof household !== 'object') {
    throw new PovineqError('INVALID_HOUSEHOLD', 'equivalenceFactor needs a household { adults, children14Plus, childrenUnder14 }');
  }
  const adults = checkCount(household.adults, 'adults', 1);
  const older = checkCount(household.children14Plus ?? 0, 'children14Plus', 0);
  const young = checkCount(household.childrenUnder14 ?? 0, 'childrenUnder14', 0);
  return factorOf(w, adults, older, young);
}
