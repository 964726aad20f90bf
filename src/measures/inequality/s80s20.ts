import type { Distribution } from '../../core/index.js';
import { defineMeasure, positiveMean } from '../../core/index.js';
import { partialTotalInfluence, quantileOf } from '../../core/index.js';
import { PovineqError } from '../../data/index.js';

/**
 * S80/S20 on a Distribution, as laeken's `qsr`: with q₂₀ and q₈₀ the weighted quintiles by
 * laeken's rule, Σ wx over units with x > q₈₀ divided by Σ wx over units with x ≤ q₂₀.
 */
export function s80s20Of(d: Distribution): number {
  positiveMean(d, 's80s20');
  const q20 = quantileOf(d, 0.2, 'laeken');
  const q80 = quantileOf(d, 0.8, 'laeken');
  const bottom = d.totalAtOrBelow(q20);
  const top = d.total - d.totalAtOrBelow(q80);
  if (!(bottom > 0)) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `s80s20: the bottom quintile of column "${d.column}" has total income ${bottom}; the ratio needs a positive total`,
      { column: d.column },
    );
  }
  return top / bottom;
}

/**
 * S80/S20 income quintile share ratio (Eurostat's QSR): total income of the top fifth over total
 * income of the bottom fifth, S80/S20 = Σ_{xᵢ>q₈₀} wᵢxᵢ / Σ_{xᵢ≤q₂₀} wᵢxᵢ.
 *
 * Follows R laeken::qsr exactly: q₂₀, q₈₀ are weighted quantiles taking the first unit whose
 * cumulative weight share strictly exceeds p; the top group is x > q₈₀ and the bottom x ≤ q₂₀, so
 * ties at a cut-off all fall in the bottom group and out of the top group.
 * Reference: Eurostat (2004) EU-SILC common indicators; Alfons & Templ (2013), J. Stat. Softw. 54(15).
 *
 * @example
 * s80s20(households, { value: 'income', weight: 'w' })
 */
export const s80s20 = defineMeasure<{}>({ name: 's80s20', compute: (d) => s80s20Of(d), influence: (d) => s80s20Influence(d) });

/**
 * Influence function of S80/S20 = (T − T(q₈₀)) / T(q₂₀), with T(q) the income of units at or
 * below q: uᵢ = [xᵢ − I₈₀,ᵢ − R·I₂₀,ᵢ] / T(q₂₀), where I_p,ᵢ = (xᵢ − q_p)·1(xᵢ ≤ q_p) + p·q_p is the
 * partial total's influence. Reference: Osier (2009), Survey Research Methods 3(3), eq. for the
 * QSR; Hulliger & Münnich (2006); R convey::svyqsr.
 */
export function s80s20Influence(d: Distribution): Float64Array {
  const R = s80s20Of(d);
  const q20 = quantileOf(d, 0.2, 'laeken');
  const q80 = quantileOf(d, 0.8, 'laeken');
  const kLow = d.countAtOrBelow(q20);
  const bottom = kLow === 0 ? 0 : d.cumulativeTotals[kLow - 1]!;
  const i20 = partialTotalInfluence(d, 0.2, q20);
  const i80 = partialTotalInfluence(d, 0.8, q80);
  const x = d.values;
  return i20.map((v, i) => (x[i]! - i80[i]! - R * v) / bottom);
}
