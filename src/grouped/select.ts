import type { LorenzForm } from './lorenz-fit.js';

/** What the selection rule needs to know about one fitted curve. */
export interface FitQuality {
  valid: boolean;
  normal: boolean;
  /** Σ squared Lorenz residuals over all points. */
  sse: number;
  /** The same up to the headcount (points below H, and the next). */
  ssez: number;
}

/**
 * The World Bank's rule for which fitted curve gives the poverty measures (PovcalNet; wbpip
 * `use_lq_for_poverty`). With Qv/Bv "the GQ/Beta curve is valid" and Qc/Bc "its poverty estimate is
 * normal", flag = 8·Qv + 4·Bv + 2·Qc + Bc:
 *
 * | Qv Bv Qc Bc | flag | use |    | Qv Bv Qc Bc | flag | use |
 * |---|---|---|---|---|---|
 * | X X X X | 15 | smaller SSEz | | O X X X | 7 | Beta |
 * | X X X O | 14 | GQ | | O X X O | 6 | GQ |
 * | X X O X | 13 | Beta | | O X O X | 5 | Beta |
 * | X X O O | 12 | GQ | | O X O O | 4 | Beta |
 * | X O X X | 11 | GQ | | O O X X | 3 | smaller SSEz |
 * | X O X O | 10 | GQ | | O O X O | 2 | GQ |
 * | X O O X | 9 | Beta | | O O O X | 1 | Beta |
 * | X O O O | 8 | GQ | | O O O O | 0 | GQ (no usable estimate) |
 *
 * Ties in SSEz go to the GQ curve.
 */
export function selectForPoverty(quadratic: FitQuality, beta: FitQuality): { form: LorenzForm; flag: number; reason: string } {
  const flag = (quadratic.valid ? 8 : 0) + (beta.valid ? 4 : 0) + (quadratic.normal ? 2 : 0) + (beta.normal ? 1 : 0);
  if ([13, 9, 7, 5, 4, 1].includes(flag)) return { form: 'beta', flag, reason: describe(flag) };
  if (flag === 15 || flag === 3) {
    const q = quadratic.ssez <= beta.ssez;
    return { form: q ? 'quadratic' : 'beta', flag, reason: `${describe(flag)}; the ${q ? 'General Quadratic' : 'Beta'} curve fits better up to the headcount (smaller SSEz)` };
  }
  return { form: 'quadratic', flag, reason: describe(flag) };
}

/**
 * The World Bank's rule for distributional measures (Gini, shares, quantiles; wbpip
 * `use_lq_for_distributional`): both curves valid → the smaller SSE; one valid → that one; neither →
 * no estimate (`form` null).
 */
export function selectForDistribution(quadratic: FitQuality, beta: FitQuality): { form: LorenzForm | null; reason: string } {
  if (quadratic.valid && beta.valid) {
    const q = quadratic.sse <= beta.sse;
    return { form: q ? 'quadratic' : 'beta', reason: `both curves are valid; the ${q ? 'General Quadratic' : 'Beta'} curve has the smaller SSE` };
  }
  if (quadratic.valid) return { form: 'quadratic', reason: 'only the General Quadratic curve is valid' };
  if (beta.valid) return { form: 'beta', reason: 'only the Beta curve is valid' };
  return { form: null, reason: 'neither curve is valid' };
}

function describe(flag: number): string {
  const q = (flag & 8 ? 'valid' : 'invalid') + (flag & 2 ? ' with a normal poverty estimate' : ' with no normal poverty estimate');
  const b = (flag & 4 ? 'valid' : 'invalid') + (flag & 1 ? ' with a normal poverty estimate' : ' with no normal poverty estimate');
  return `World Bank rule, case ${flag}: General Quadratic ${q}, Beta ${b}`;
}
