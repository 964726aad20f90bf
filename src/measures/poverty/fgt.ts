import type { Distribution } from '../../core/index.js';
import { defineMeasure, requireLine, requireNumber } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';
import { povertyLineOf } from './poverty-line.js';

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

/** The line FGT-family measures use by default in grouped computations: 60% of the median. */
export const populationLine = (d: Distribution): number => povertyLineOf(d);

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
});
