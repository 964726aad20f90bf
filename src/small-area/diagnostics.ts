import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import type { FayHerriot } from './fay-herriot.js';
import { fitFayHerriot } from './fit.js';
import { chiSquareUpper, moments, shapiroWilk } from './normality.js';

/** Result of {@link fayHerriotDiagnostics}. */
export interface FayHerriotDiagnostics {
  /**
   * Normality of the standardised residuals (direct − eblup)/√D and of the standardised random
   * effects (eblup − synthetic, centred and scaled by their SD): rows `residuals`, `random effects`;
   * columns what, skewness, kurtosis (3 if normal), shapiro_w, shapiro_p.
   */
  normality: ColumnTable;
  /** R² = 1 − Â/Â₀, the share of between-area variance the covariates explain (Â₀: intercept-only model, same method). */
  rsq: number;
  /** Random-effect variance of the intercept-only model. */
  variance0: number;
  /**
   * Brown et al. (2001) test that the model estimates do not differ from the direct ones beyond
   * their combined error: W = Σ (yᵢ − θ̂ᵢ)²/(Dᵢ + mseᵢ) ~ χ²(m); a small p signals model bias.
   */
  brown: { statistic: number; df: number; p: number };
  /** Pearson correlation of direct and model estimates over the sampled areas (emdi's comparison). */
  correlation: number;
}

/**
 * Diagnostics of a {@link fayHerriot} fit: normality summaries of residuals and random effects,
 * R² of the model, and the direct-vs-model comparison (Brown's test and the correlation).
 * References: Brown, Chambers, Heady & Heasman (2001), Statistics Canada Symposium; Kreutzmann et
 * al. (2019), JSS 91 (emdi); Royston (1995) for Shapiro–Wilk.
 *
 * @example
 * const d = fayHerriotDiagnostics(fayHerriot(direct, { area: 'council', covariates: ['simd'] }));
 * d.brown.p; d.rsq;
 */
export function fayHerriotDiagnostics(result: FayHerriot): FayHerriotDiagnostics {
  if (result === undefined || result === null || result.areas === undefined || result.model === undefined) {
    throw new PovineqError('INVALID_INPUT', 'fayHerriotDiagnostics takes the result of fayHerriot(): { areas, model }', {});
  }
  const rows = result.areas.objects().filter((o) => (o as { in_sample: boolean }).in_sample) as {
    direct: number; direct_variance: number; eblup: number; synthetic: number; mse: number;
  }[];
  const m = rows.length;
  const residuals = rows.map((r) => (r.direct - r.eblup) / Math.sqrt(r.direct_variance));
  const u = rows.map((r) => r.eblup - r.synthetic);
  const uMean = u.reduce((s, v) => s + v, 0) / m;
  const uSd = Math.sqrt(u.reduce((s, v) => s + (v - uMean) ** 2, 0) / (m - 1));
  const standardU = u.map((v) => (v - uMean) / uSd);
  const summary = (values: number[]) => ({ ...moments(values), ...renameShapiro(shapiroWilk(values)) });
  const normality = aq.from([
    { what: 'residuals', ...summary(residuals) },
    { what: 'random effects', ...summary(standardU) },
  ]);
  const y = Float64Array.from(rows, (r) => r.direct);
  const d = Float64Array.from(rows, (r) => r.direct_variance);
  const variance0 = fitFayHerriot(y, d, new Float64Array(m).fill(1), 1, result.model.method).variance;
  const rsq = variance0 > 0 ? 1 - result.model.variance / variance0 : NaN;
  const statistic = rows.reduce((s, r) => s + (r.direct - r.eblup) ** 2 / (r.direct_variance + r.mse), 0);
  const brown = { statistic, df: m, p: chiSquareUpper(statistic, m) };
  return { normality, rsq, variance0, brown, correlation: pearson(y, Float64Array.from(rows, (r) => r.eblup)) };
}

function renameShapiro(s: { statistic: number; p: number }): { shapiro_w: number; shapiro_p: number } {
  return { shapiro_w: s.statistic, shapiro_p: s.p };
}

function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
