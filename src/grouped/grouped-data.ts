import { type ColumnSource, PovineqError, assertClean, describeRows, plural, readColumn, rowCount, toNumeric } from '../data/index.js';

/**
 * Where the grouped distribution's columns are. Give one of three layouts (the World Bank's
 * grouped-data "types"):
 * - type 1: `cumulativePopulation` and `cumulativeIncome` (P and L, the points of the Lorenz curve);
 * - type 2: `populationShare` and `incomeShare` (each group's share of people and of income);
 * - type 5: `populationShare` and `groupMean` (each group's share of people and mean income);
 * or `groupMean` alone with `equalGroups: true` for published quantile tables (deciles, quintiles).
 * Groups run from poorest to richest.
 */
export interface GroupedOptions {
  cumulativePopulation?: string;
  cumulativeIncome?: string;
  populationShare?: string;
  incomeShare?: string;
  groupMean?: string;
  /** Every row is an equal share of the population (a decile or quintile table). */
  equalGroups?: boolean;
  /** Shares (and cumulative shares) are percents, 0–100, rather than fractions. */
  percent?: boolean;
  /**
   * Mean income of the whole population, in the units of the poverty line. Needed for poverty
   * measures and quantiles; with `groupMean` it defaults to the population-weighted mean of the
   * group means.
   */
  mean?: number;
  /** How far shares may sum from 1 (or cumulative shares end from 1) before it is an error. Default 1e-4. */
  tolerance?: number;
}

/**
 * A grouped (tabulated) distribution as the points (pᵢ, Lᵢ) of its Lorenz curve: the cumulative
 * population share and the cumulative income share at the top of each group, poorest first,
 * ending at (1, 1). Built by {@link groupedData}, which validates the table.
 */
export class GroupedDistribution {
  /** Cumulative population shares, increasing, the last equal to 1. */
  readonly p: Float64Array;
  /** Cumulative income shares at `p`, the last equal to 1. */
  readonly L: Float64Array;
  /** Mean income of the population, if known. */
  readonly mean: number | undefined;

  /** @internal Use {@link groupedData}. */
  constructor(p: Float64Array, L: Float64Array, mean: number | undefined) {
    this.p = p;
    this.L = L;
    this.mean = mean;
  }

  /** Number of groups. */
  get n(): number {
    return this.p.length;
  }

  /** The mean, or an error naming the option that supplies it. */
  requireMean(measure: string): number {
    if (this.mean === undefined) {
      throw new PovineqError(
        'MISSING_OPTION',
        `${measure} needs the population's mean income: pass { mean } to groupedData (in the units of the poverty line)`,
        { option: 'mean', measure },
      );
    }
    return this.mean;
  }
}

function numericColumn(table: ColumnSource, name: string, option: string): Float64Array {
  const raw = readColumn(table, name, option);
  const col = toNumeric(raw);
  assertClean(col, raw, name, option);
  return col.values;
}

function checkShares(values: Float64Array, name: string, scale: number, tolerance: number, percent: boolean): Float64Array {
  const negative: number[] = [];
  values.forEach((v, i) => v < 0 && negative.push(i));
  if (negative.length > 0) {
    throw new PovineqError('INVALID_GROUPED', `column "${name}" has ${plural(negative.length, 'negative share')} (${describeRows(negative)}); shares must be ≥ 0`, {
      column: name,
      rows: negative,
    });
  }
  let sum = 0;
  for (const v of values) sum += v;
  if (!percent && Math.abs(sum - 100) <= 100 * tolerance) {
    throw new PovineqError('INVALID_GROUPED', `the shares in column "${name}" sum to ${sum}, which looks like percents; pass { percent: true }`, {
      column: name,
      sum,
      option: 'percent',
    });
  }
  if (Math.abs(sum / scale - 1) > tolerance) {
    throw new PovineqError(
      'INVALID_GROUPED',
      `the shares in column "${name}" sum to ${sum}, not ${scale}${percent ? ' (percents)' : ''}; check the table for a missing or extra group ` +
        `(or raise { tolerance }, now ${tolerance}, for rounding in a published table)`,
      { column: name, sum, option: 'tolerance' },
    );
  }
  return values.map((v) => v / sum);
}

function cumulative(shares: Float64Array): Float64Array {
  const out = new Float64Array(shares.length);
  let s = 0;
  shares.forEach((v, i) => (out[i] = s += v));
  out[out.length - 1] = 1;
  return out;
}

/**
 * Reads a grouped distribution (population and income shares of income groups, from a published
 * table) and checks it: shares non-negative and summing to 1 (or 100 with `percent: true`),
 * cumulative shares increasing and ending at 1, groups in ascending order of mean income (so the
 * Lorenz points are convex), at least three groups below the top. Errors name the column, the rows
 * and the option that fixes the input. A leading (0, 0) row is accepted and ignored.
 *
 * @example
 * const g = groupedData(datt, { populationShare: 'pop_share_pct', groupMean: 'mean_welfare', percent: true, mean: 109.9 });
 * groupedPoverty(g, { line: 89 })
 */
export function groupedData(table: ColumnSource, options: GroupedOptions): GroupedDistribution {
  const o = options ?? {};
  const scale = o.percent ? 100 : 1;
  const tolerance = o.tolerance ?? 1e-4;
  const n = rowCount(table);
  let p: Float64Array;
  let L: Float64Array;
  let mean = o.mean;
  if (mean !== undefined && !(typeof mean === 'number' && Number.isFinite(mean) && mean > 0)) {
    throw new PovineqError('INVALID_OPTION', `groupedData: mean must be a positive number, got ${JSON.stringify(mean)}`, { option: 'mean' });
  }
  if (o.cumulativePopulation !== undefined || o.cumulativeIncome !== undefined) {
    if (o.cumulativePopulation === undefined || o.cumulativeIncome === undefined) {
      throw new PovineqError('MISSING_OPTION', 'groupedData: give both cumulativePopulation and cumulativeIncome (the Lorenz points)', {
        option: o.cumulativePopulation === undefined ? 'cumulativePopulation' : 'cumulativeIncome',
      });
    }
    p = numericColumn(table, o.cumulativePopulation, 'cumulativePopulation').map((v) => v / scale);
    L = numericColumn(table, o.cumulativeIncome, 'cumulativeIncome').map((v) => v / scale);
    for (const [name, c] of [
      [o.cumulativePopulation, p],
      [o.cumulativeIncome, L],
    ] as const) {
      const bad: number[] = [];
      for (let i = 0; i < c.length; i++) if (c[i]! < (i > 0 ? c[i - 1]! : 0) || (name === o.cumulativePopulation && i > 0 && c[i] === c[i - 1])) bad.push(i);
      if (bad.length > 0) {
        throw new PovineqError(
          'INVALID_GROUPED',
          `cumulative shares in column "${name}" must increase from group to group, but ${plural(bad.length, 'row does', 'rows do')} not (${describeRows(bad)}); ` +
            `sort the groups from poorest to richest, or give per-group shares as { populationShare, incomeShare }`,
          { column: name, rows: bad },
        );
      }
      const last = c[c.length - 1]!;
      if (Math.abs(last - 1) > tolerance) {
        throw new PovineqError(
          'INVALID_GROUPED',
          `cumulative shares in column "${name}" end at ${last * scale}, not ${scale}; ${!o.percent && Math.abs(last - 100) < 1 ? 'pass { percent: true } for percents' : 'the table is missing its top group'}`,
          { column: name, last, option: 'percent' },
        );
      }
      c[c.length - 1] = 1;
    }
  } else {
    let pop: Float64Array;
    if (o.equalGroups) {
      if (o.populationShare !== undefined) {
        throw new PovineqError('INVALID_OPTION', 'groupedData: give either populationShare or equalGroups: true, not both', { option: 'equalGroups' });
      }
      pop = new Float64Array(n).fill(1 / n);
    } else {
      if (o.populationShare === undefined) {
        throw new PovineqError(
          'MISSING_OPTION',
          'groupedData needs the layout of the table: { cumulativePopulation, cumulativeIncome }, { populationShare, incomeShare }, ' +
            '{ populationShare, groupMean }, or { groupMean, equalGroups: true }',
          { option: 'populationShare' },
        );
      }
      pop = checkShares(numericColumn(table, o.populationShare, 'populationShare'), o.populationShare, scale, tolerance, !!o.percent);
    }
    let income: Float64Array;
    if (o.incomeShare !== undefined) {
      income = checkShares(numericColumn(table, o.incomeShare, 'incomeShare'), o.incomeShare, scale, tolerance, !!o.percent);
    } else if (o.groupMean !== undefined) {
      const x = numericColumn(table, o.groupMean, 'groupMean');
      const neg: number[] = [];
      x.forEach((v, i) => v < 0 && neg.push(i));
      if (neg.length > 0) {
        throw new PovineqError('INVALID_GROUPED', `column "${o.groupMean}" has ${plural(neg.length, 'negative mean')} (${describeRows(neg)})`, {
          column: o.groupMean,
          rows: neg,
        });
      }
      let total = 0;
      x.forEach((v, i) => (total += v * pop[i]!));
      if (!(total > 0)) throw new PovineqError('INVALID_GROUPED', `column "${o.groupMean}" gives a total income of ${total}`, { column: o.groupMean });
      income = x.map((v, i) => (v * pop[i]!) / total);
      mean ??= total;
    } else {
      throw new PovineqError('MISSING_OPTION', 'groupedData needs incomeShare or groupMean with populationShare', { option: 'incomeShare' });
    }
    p = cumulative(pop);
    L = cumulative(income);
  }
  // drop a leading (0, 0) point and zero-population groups at the bottom
  let start = 0;
  while (start < p.length && p[start] === 0) {
    if (L[start] !== 0) {
      throw new PovineqError('INVALID_GROUPED', `row ${start} has no population but a positive income share`, { rows: [start] });
    }
    start++;
  }
  p = p.subarray(start);
  L = L.subarray(start);
  // convexity: group means (slopes ΔL/Δp) must not fall
  const falling: number[] = [];
  let prevSlope = -Infinity;
  for (let i = 0; i < p.length; i++) {
    const dp = p[i]! - (i > 0 ? p[i - 1]! : 0);
    const slope = (L[i]! - (i > 0 ? L[i - 1]! : 0)) / dp;
    if (slope < prevSlope * (1 - 1e-9)) falling.push(i + start);
    prevSlope = slope;
  }
  if (falling.length > 0) {
    throw new PovineqError(
      'INVALID_GROUPED',
      `groups must run from poorest to richest, but the mean income falls at ${describeRows(falling)} ` +
        `(the Lorenz points are not convex); sort the groups by mean income`,
      { rows: falling },
    );
  }
  if (p.length < 4) {
    throw new PovineqError(
      'TOO_FEW_GROUPS',
      `a Lorenz curve with three parameters needs at least 4 groups (3 points below the top); the table has ${p.length}`,
      { groups: p.length },
    );
  }
  return new GroupedDistribution(new Float64Array(p), new Float64Array(L), mean);
}
