import { checkOptions } from '../data/index.js';

/**
 * How far an estimate can be trusted, from its sample size and precision:
 * - `'reliable'`;
 * - `'use with caution'`: coefficient of variation above `caution` (default 20%);
 * - `'suppressed'`: CV above `suppress` (default 30%) or fewer than `minimumN` units (default 100).
 * The defaults are the ONS guidance on CVs (under 20% precise enough, 20–30% use with caution,
 * over 30% unreliable) and the DWP HBAI rule of not publishing estimates from fewer than 100
 * sample cases; PIIS marks such figures `[low]`.
 */
export type Reliability = 'reliable' | 'use with caution' | 'suppressed';

/** Thresholds of {@link Reliability}. */
export interface EstimateReliabilityOptions {
  /** CV above which an estimate is "use with caution", a fraction (default 0.2). */
  caution?: number;
  /** CV above which an estimate is "suppressed", a fraction (default 0.3). */
  suppress?: number;
  /** Fewest units (unweighted sample cases) for an estimate to be shown (default 100). */
  minimumN?: number;
}

/** The precision columns every estimate carries. */
export interface Precision {
  /** Kish's effective sample size (Σw)²/Σw² of the units measured. */
  nEffective: number;
  /** Coefficient of variation se/|estimate|; null when the estimate is 0. */
  cv: number | null;
  reliability: Reliability;
}

const SPEC = {
  caution: { kind: 'number', min: 0, above: true, means: 'a coefficient of variation, 0.2 for 20%', fallback: 0.2 },
  suppress: { kind: 'number', min: 0, above: true, means: 'a coefficient of variation, 0.3 for 30%', fallback: 0.3 },
  minimumN: { kind: 'number', min: 0, integer: true, means: 'unweighted sample cases', fallback: 100 },
} as const;

/** Validates reliability thresholds (null or undefined: the defaults). */
export function reliabilityThresholds(o: EstimateReliabilityOptions | null | undefined): Required<EstimateReliabilityOptions> {
  const r = checkOptions(o, SPEC, 'estimate: reliability');
  return { caution: r.caution ?? 0.2, suppress: r.suppress ?? 0.3, minimumN: r.minimumN ?? 100 };
}

/** Kish's effective sample size (Σw)²/Σw² of some weights. */
export function kishEffectiveN(weights: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    s += w;
    s2 += w * w;
  }
  return s2 > 0 ? (s * s) / s2 : 0;
}

/** The precision of an estimate: CV and reliability from its se and unweighted n. */
export function precisionOf(estimate: number, se: number, n: number, nEffective: number, t: Required<EstimateReliabilityOptions>): Precision {
  const cv = estimate !== 0 && Number.isFinite(se) ? se / Math.abs(estimate) : null;
  let reliability: Reliability = 'reliable';
  if (n < t.minimumN || (cv !== null && cv > t.suppress)) reliability = 'suppressed';
  else if (cv !== null && cv > t.caution) reliability = 'use with caution';
  return { nEffective, cv, reliability };
}
