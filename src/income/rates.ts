/*
 * Person-weighted poverty rates of household rows: the share of people whose household's
 * equivalised income is strictly below a line, overall or by area group, and the people who move
 * across the line between two incomes of the same households. The one place the package counts
 * people below a line; compare(), crossCheck()'s outcomes and personWeightedRates build on it.
 */

/** Options of {@link shareBelow}. */
export interface ShareBelowOptions {
  /**
   * Group of each row, 0 … groups − 1 (e.g. a council index); a negative group leaves the row
   * out. Default: every row in group 0.
   */
  group?: ArrayLike<number>;
  /** Number of groups (default 1). */
  groups?: number;
  /** Multiplicity of each row (a bootstrap draw counts row i mᵢ times): weights wᵢ·mᵢ. */
  multiplicity?: ArrayLike<number>;
}

/**
 * Person-weighted share below a line, by group: rate_g = Σ_{i∈g} wᵢ [yᵢ < line] / Σ_{i∈g} wᵢ, with
 * wᵢ the person weight (household weight × people of the group). A group with no weight is NaN.
 * Strictly below, as HBAI counts poverty. A fraction, not a percent.
 *
 * @example
 * shareBelow(eq, childWeights, 300)[0] // child poverty rate against a line of £300 a week
 */
export function shareBelow(income: ArrayLike<number>, weights: ArrayLike<number>, line: number, options: ShareBelowOptions = {}): Float64Array {
  const groups = options.groups ?? 1;
  const group = options.group;
  const m = options.multiplicity;
  const poor = new Float64Array(groups);
  const total = new Float64Array(groups);
  for (let i = 0; i < income.length; i++) {
    const w = m ? weights[i]! * m[i]! : weights[i]!;
    if (w === 0) continue;
    const g = group ? group[i]! : 0;
    if (g < 0) continue;
    total[g]! += w;
    if (income[i]! < line) poor[g]! += w;
  }
  for (let g = 0; g < groups; g++) poor[g] = total[g]! > 0 ? poor[g]! / total[g]! : NaN;
  return poor;
}

/** People below a line before and after a change, and who crossed it, weighted. */
export interface PovertyFlows {
  /** Σ wᵢ: the people of the group. */
  population: number;
  /** Share below the line before (NaN with no people). */
  before: number;
  /** Share below the line after (NaN with no people). */
  after: number;
  /** Weighted people below the line after but not before. */
  movedIn: number;
  /** Weighted people below the line before but not after. */
  movedOut: number;
}

/**
 * Person-weighted poverty before and after a change of the same households' incomes, with the
 * people moving into and out of poverty: yᵢ < line before and yᵢ′ < line′ after (each side against
 * its own line). One pass. `multiplicity` counts row i mᵢ times (a bootstrap replicate).
 *
 * @example
 * povertyFlows(eqBefore, eqAfter, childWeights, 300, 300) // { population, before, after, movedIn, movedOut }
 */
export function povertyFlows(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  weights: ArrayLike<number>,
  lineBefore: number,
  lineAfter: number,
  multiplicity?: ArrayLike<number>,
): PovertyFlows {
  let population = 0;
  let poorBefore = 0;
  let poorAfter = 0;
  let movedIn = 0;
  let movedOut = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = multiplicity ? weights[i]! * multiplicity[i]! : weights[i]!;
    if (w === 0) continue;
    population += w;
    const b = before[i]! < lineBefore;
    const a = after[i]! < lineAfter;
    if (b) poorBefore += w;
    if (a) poorAfter += w;
    if (a !== b) {
      if (a) movedIn += w;
      else movedOut += w;
    }
  }
  return {
    population,
    before: population > 0 ? poorBefore / population : NaN,
    after: population > 0 ? poorAfter / population : NaN,
    movedIn,
    movedOut,
  };
}
