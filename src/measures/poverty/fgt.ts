import type { Distribution } from '../../core/index.js';
import { defineMeasure, kernelDensity, requireLine, requireNumber } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';
import { povertyLineInfluence, povertyLineOf } from './poverty-line.js';

/** Options of the FGT family. */
export interface LineOptions {
  /** Poverty line in income units; units strictly below it are poor. */
  line: number;
}

/** Options of {@link fgt}. */
export interface FgtOptions extends LineOptions {
  /** Poverty aversion α ≥ 0: 0 headcount, 1 gap, 2 severity. */
  alpha: number;
}

/** FGT(α) on a Distribution: Σ_{xᵢ<z} wᵢ ((z − xᵢ)/z)^α / W. */
export function fgtOf(d: Distribution, alpha: number, line: number): number {
  const k = d.countBelow(line);
  if (k === 0) return 0;
  if (alpha === 0) return d.cumulativeWeights[k - 1]! / d.totalWeight;
  const x = d.values;
  const w = d.weights;
  let s = 0;
  if (alpha === 1) for (let i = 0; i < k; i++) s += w[i]! * (line - x[i]!);
  else if (alpha === 2) {
    for (let i = 0; i < k; i++) {
      const g = line - x[i]!;
      s += w[i]! * g * g;
    }
  } else for (let i = 0; i < k; i++) s += w[i]! * Math.pow(line - x[i]!, alpha);
  return s / Math.pow(line, alpha) / d.totalWeight;
}

/**
 * The line FGT-family measures use by default in grouped computations and in estimate(): 60% of
 * the median (or `fraction` of it when the options carry one).
 */
export const populationLine = (d: Distribution, options?: object): number =>
  povertyLineOf(d, { fraction: (options as { fraction?: number } | undefined)?.fraction });

/** Influence function of {@link populationLine} (see povertyLineInfluence). */
export const populationLineInfluence = (d: Distribution, options?: object): Float64Array =>
  povertyLineInfluence(d, { fraction: (options as { fraction?: number } | undefined)?.fraction });

/**
 * Influence function of FGT(α) with the line z held fixed (Σ wᵢuᵢ ≈ P̂ − P):
 * uᵢ = (gᵢ^α·1(xᵢ < z) − P_α) / W, with gᵢ = (z − xᵢ)/z (and gᵢ⁰ = 1).
 * Reference: Kakwani (1993), Rev. Econ. Stat. 75(4); for α = 0 this is R survey::svymean's
 * linearization of the poor indicator.
 */
export function fgtInfluence(d: Distribution, alpha: number, line: number): Float64Array {
  const P = fgtOf(d, alpha, line);
  const k = d.countBelow(line);
  const x = d.values;
  const W = d.totalWeight;
  const u = new Float64Array(d.n).fill(-P / W);
  for (let i = 0; i < k; i++) u[i] = ((alpha === 0 ? 1 : Math.pow((line - x[i]!) / line, alpha)) - P) / W;
  return u;
}

/**
 * ∂P_α/∂z, how FGT(α) moves with the line: the density f̂(z) for α = 0 (the kernel-density term
 * of Deville 1999 and Osier 2009), and (α/z)(P_{α−1} − P_α) for α > 0.
 */
export function fgtLineDerivative(d: Distribution, alpha: number, line: number): number {
  if (alpha === 0) return kernelDensity(d, line);
  return (alpha / line) * (fgtOf(d, alpha - 1 < 0 ? 0 : alpha - 1, line) - fgtOf(d, alpha, line));
}

/** The linearization hooks shared by fgt, headcount, povertyGap and povertySeverity. */
function fgtHooks(alphaOf: (o: { alpha?: number }) => number) {
  return {
    influence: (d: Distribution, o: { alpha?: number; line?: number }) => fgtInfluence(d, alphaOf(o), requireLine(o, 'fgt')),
    lineDerivative: (d: Distribution, o: { alpha?: number; line: number }) => fgtLineDerivative(d, alphaOf(o), o.line),
    lineInfluence: populationLineInfluence,
  };
}

/**
 * Foster–Greer–Thorbecke poverty index FGT(α) = Σ_{xᵢ<z} wᵢ ((z − xᵢ)/z)^α / Σ wᵢ.
 *
 * Poor means strictly below the line z. α = 0 is the headcount ratio, 1 the poverty gap index,
 * 2 the severity (squared gap). Zero and negative incomes are accepted (a negative income gives a
 * gap ratio above 1). Returns a fraction.
 * Reference: Foster, Greer & Thorbecke (1984), Econometrica 52(3).
 *
 * @example
 * fgt([1, 2, 3, 4], { alpha: 1, line: 3 }) // (2/3 + 1/3) / 4 = 0.25
 */
export const fgt = defineMeasure<FgtOptions>({
  name: 'fgt',
  params: ['alpha', 'line'],
  defaultLine: populationLine,
  compute: (d, o) => {
    const alpha = requireNumber(o?.alpha, 'alpha', 'fgt');
    if (alpha < 0) throw new PovineqError('INVALID_OPTION', `fgt: alpha must be ≥ 0, got ${alpha}`, { option: 'alpha' });
    return fgtOf(d, alpha, requireLine(o, 'fgt'));
  },
  ...fgtHooks((o) => requireNumber(o?.alpha, 'alpha', 'fgt')),
});

/**
 * Headcount ratio FGT(0) = Σ_{xᵢ<z} wᵢ / Σ wᵢ: the weighted share of units strictly below the
 * line z. A fraction.
 *
 * "Below" is strict, as in HBAI ("below 60% of median"), Eurostat and laeken; a unit exactly on
 * the line is not poor. Zero and negative incomes count as poor. In {@link byGroup} the line
 * defaults to 60% of the whole population's median. Also registered as `op.povertyRate`.
 * Reference: Foster, Greer & Thorbecke (1984), Econometrica 52(3); DWP HBAI methodology.
 *
 * @example
 * headcount(d, { line: povertyLine(d) })
 */
export const headcount = defineMeasure<LineOptions>({
  name: 'headcount',
  params: ['line'],
  defaultLine: populationLine,
  compute: (d, o) => fgtOf(d, 0, requireLine(o, 'headcount')),
  ...fgtHooks(() => 0),
});

/**
 * Poverty gap index FGT(1) = Σ_{xᵢ<z} wᵢ (z − xᵢ)/z / Σ wᵢ: the mean shortfall below the line as
 * a fraction of the line, counting the non-poor as zero. A fraction.
 *
 * Poor means strictly below z. A negative income gives a gap ratio above 1 (no truncation at 0).
 * It is the headcount times the mean gap ratio of the poor (H·I).
 * Reference: Foster, Greer & Thorbecke (1984), Econometrica 52(3).
 *
 * @example
 * povertyGap([1, 2, 3, 4], { line: 3 }) // 0.25
 */
export const povertyGap = defineMeasure<LineOptions>({
  name: 'povertyGap',
  params: ['line'],
  defaultLine: populationLine,
  compute: (d, o) => fgtOf(d, 1, requireLine(o, 'povertyGap')),
  ...fgtHooks(() => 1),
});

/**
 * Poverty severity index FGT(2) = Σ_{xᵢ<z} wᵢ ((z − xᵢ)/z)² / Σ wᵢ: the mean squared shortfall
 * ratio, weighting the poorest most. A fraction.
 *
 * Poor means strictly below z; negative incomes are accepted (gap ratio above 1).
 * Reference: Foster, Greer & Thorbecke (1984), Econometrica 52(3).
 *
 * @example
 * povertySeverity([1, 2, 3, 4], { line: 3 }) // (4/9 + 1/9) / 4
 */
export const povertySeverity = defineMeasure<LineOptions>({
  name: 'povertySeverity',
  params: ['line'],
  defaultLine: populationLine,
  compute: (d, o) => fgtOf(d, 2, requireLine(o, 'povertySeverity')),
  ...fgtHooks(() => 2),
});
