import type { ColumnTable } from 'arquero';
import {
  type ColumnSource,
  PovineqError,
  assertClean,
  describeRows,
  plural,
  readColumn,
  toNumeric,
  requireFinite,
} from '../data/index.js';
import { argsort } from '../core/index.js';
import { type DecompositionRow, decompositionTable } from './decomposition-table.js';

/** Options of {@link giniBySource}. */
export interface GiniBySourceOptions {
  /** The income-source columns; total income is their sum, row by row. */
  sources: readonly string[];
  /** Weight column, for weighted data. */
  weight?: string;
  /** Rows with a missing value in any source or the weight: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

/**
 * Σ wᵢ aᵢ Fᵢ / W − ā/2 = cov_w(a, F), with F the weighted mid-rank of `key` (ties share the mid-rank
 * of their block, so the result does not depend on how ties are ordered).
 */
function covarianceWithRank(a: Float64Array, key: Float64Array, w: Float64Array, W: number): number {
  const order = argsort(key);
  const n = a.length;
  let below = 0;
  let s = 0;
  let meanA = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    let wBlock = 0;
    let waBlock = 0;
    while (j < n && key[order[j]!] === key[order[i]!]) {
      const o = order[j]!;
      wBlock += w[o]!;
      waBlock += w[o]! * a[o]!;
      j++;
    }
    const F = (below + wBlock / 2) / W;
    s += waBlock * F;
    meanA += waBlock;
    below += wBlock;
    i = j;
  }
  return s / W - meanA / W / 2;
}

/**
 * Gini coefficient by income source (Lerman & Yitzhaki 1985): G = Σ_k S_k G_k R_k for total income
 * y = Σ_k y_k built from the `sources` columns.
 *
 * S_k = μ_k / μ is source k's share of total income, G_k = 2 cov(y_k, F_k) / μ_k the Gini of the
 * source itself, and R_k = cov(y_k, F) / cov(y_k, F_k) the Gini correlation between the source and
 * total income (F, F_k the weighted mid-ranks of y and y_k). S_k G_k R_k = 2 cov(y_k, F) / μ is the
 * source's contribution (its concentration index times its share), so the contributions add up to
 * the Gini of total income exactly. The marginal effect of a 1% increase in source k (every y_k
 * scaled by 1 + e, e → 0) on the Gini, relative to the Gini, is S_k G_k R_k / G − S_k: negative for
 * equalizing sources. Uses the same weighted Gini as {@link gini}.
 *
 * Returns an Arquero table: one row per source (kind `source`, `value` the contribution, `share`
 * its fraction of G, with `income_share` = S_k, `gini` = G_k, `gini_correlation` = R_k,
 * `concentration` = G_k R_k, `marginal_effect`), then `total` (value G). Contributions sum to G;
 * marginal effects sum to zero (a marginal effect is null when G = 0, where no relative change is defined). A source with zero mean or no spread has no Gini or correlation
 * (null) but still its contribution.
 * Reference: Lerman & Yitzhaki (1985) Review of Economics and Statistics 67(1); Stark, Taylor &
 * Yitzhaki (1986) Economic Journal 96.
 *
 * @example
 * giniBySource(households, { sources: ['earnings', 'benefits', 'pensions'], weight: 'w' })
 */
export function giniBySource(table: ColumnSource, options: GiniBySourceOptions): ColumnTable {
  const name = 'giniBySource';
  const sources = options?.sources;
  if (!Array.isArray(sources) || sources.length === 0) {
    throw new PovineqError('MISSING_OPTION', `${name} needs { sources: ["earnings", "benefits", …] } naming the income-source columns`, {
      option: 'sources',
    });
  }
  const missing = options.missing ?? 'error';
  const raws = sources.map((s) => readColumn(table, s, 'sources'));
  const cols = raws.map((r) => toNumeric(r));
  const rawW = options.weight !== undefined ? readColumn(table, options.weight, 'weight') : undefined;
  const colW = rawW ? toNumeric(rawW) : undefined;
  const n = raws[0]!.length;
  if (missing === 'error') {
    cols.forEach((c, k) => assertClean(c, raws[k]!, sources[k]!, 'source'));
    if (colW) assertClean(colW, rawW!, options.weight!, 'weight');
  }
  const keep: number[] = [];
  const bad = new Set<number>();
  for (const c of colW ? [...cols, colW] : cols) for (const r of [...c.missing, ...c.nonNumeric, ...c.nonFinite]) bad.add(r);
  for (let i = 0; i < n; i++) if (!bad.has(i)) keep.push(i);
  if (colW) {
    const nonPositive = keep.filter((i) => !(colW.values[i]! > 0));
    if (nonPositive.length > 0) {
      throw new PovineqError(
        'NON_POSITIVE_WEIGHT',
        `weight column "${options.weight}" has ${plural(nonPositive.length, 'zero or negative weight')} (${describeRows(nonPositive)}); ` +
          `remove those rows before decomposing`,
        { column: options.weight, count: nonPositive.length, rows: nonPositive.slice(0, 100) },
      );
    }
  }
  if (keep.length === 0) {
    throw new PovineqError(
      'EMPTY',
      `${name}: no rows to measure in the sources ${sources.map((s) => `"${s}"`).join(', ')} (the table has none, or every row was dropped); check the table and the sources option`,
      { option: 'sources' },
    );
  }
  const m = keep.length;
  const w = new Float64Array(m);
  const y = new Float64Array(m);
  const ys = cols.map(() => new Float64Array(m));
  let W = 0;
  keep.forEach((r, i) => {
    w[i] = colW ? colW.values[r]! : 1;
    W += w[i]!;
    cols.forEach((c, k) => {
      ys[k]![i] = c.values[r]!;
      y[i] += c.values[r]!;
    });
  });
  let T = 0;
  for (let i = 0; i < m; i++) T += w[i]! * y[i]!;
  const mu = T / W;
  if (!(mu > 0)) {
    throw new PovineqError('NON_POSITIVE_MEAN', `${name}: the weighted mean of total income (the sum of the sources) is ${mu}; the Gini needs a positive mean`, {
      measure: name,
      mean: mu,
    });
  }
  const total = (2 * covarianceWithRank(y, y, w, W)) / mu;
  const rows: DecompositionRow[] = sources.map((source, k) => {
    const yk = ys[k]!;
    let Tk = 0;
    for (let i = 0; i < m; i++) Tk += w[i]! * yk[i]!;
    const muK = Tk / W;
    const covTotal = covarianceWithRank(yk, y, w, W);
    const covOwn = covarianceWithRank(yk, yk, w, W);
    const contribution = (2 * covTotal) / mu;
    const gini = muK !== 0 ? (2 * covOwn) / muK : null;
    const correlation = covOwn !== 0 ? covTotal / covOwn : null;
    return {
      component: source,
      kind: 'source',
      value: contribution,
      income_share: muK / mu,
      gini,
      gini_correlation: correlation,
      concentration: muK !== 0 ? (2 * covTotal) / muK : null,
      // with no inequality at all (G = 0) a relative marginal effect is undefined: null, flagged by kind
      marginal_effect: total !== 0 ? contribution / total - muK / mu : null,
    };
  });
  rows.push({
    component: 'total',
    kind: 'total',
    value: total,
    income_share: 1,
    gini: total,
    gini_correlation: 1,
    concentration: total,
    marginal_effect: 0,
  });
  return requireFinite(decompositionTable(rows, total), name, 'the source values are too extreme for double precision; rescale them (e.g. to thousands)');
}
