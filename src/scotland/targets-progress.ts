import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, columnNames, describeRows, plural, readColumn, toNumeric } from '../data/index.js';
import { CHILD_POVERTY_TARGETS } from './child-poverty-targets.js';

/** Options of {@link targetsProgress}. */
export interface TargetsProgressOptions {
  /** Measure column, default `'measure'` (values `relative`, `absolute`, `combined`, `persistent`). */
  measure?: string;
  /** End-year column, default `'year'` (2022 for 2021/22 or 2019-22). */
  year?: string;
  /** Rate column (fractions), default `'rate'`. */
  rate?: string;
  /** Period label column, passed through when present, default `'period'`. */
  period?: string;
  /**
   * Rows kept when the series has these columns: `group` = `'Children'` and `basis` = `'AHC'`,
   * the statutory basis: the Child Poverty (Scotland) Act 2017, s. 7(1), deducts housing costs in
   * calculating net household income. `{ basis: 'BHC' }` compares before-housing-costs figures with
   * the same targets; the result's `statutory` column is then false, since BHC is not the Act's
   * measure (it is the UK HBAI headline basis).
   */
  group?: string;
  basis?: string;
  /** Years of the recent trend: the least-squares slope over the last `trendYears` years, default 5. */
  trendYears?: number;
}

/** Least-squares slope of y on x. */
function slope(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : null;
}

/**
 * Progress of a child poverty rate series towards the Child Poverty (Scotland) Act 2017 targets.
 *
 * For each measure in the series with a statutory target, and each target (interim 2023/24, final
 * 2030/31), from the latest year with a rate:
 * - `distance` = rate − target (fraction points still to fall; ≤ 0 once below the target);
 * - `years_left` = target year − latest year; `change_needed` = (target − rate) / years_left,
 *   the average change a year needed to reach the target (null once the target year is reached);
 * - `recent_change` = least-squares slope of the rate on the year over the last `trendYears` (5)
 *   years of the series; `projected` = rate + recent_change × years_left;
 * - `met` = rate < target (the Act's "less than"); `on_track` = projected < target (for a target
 *   year already reached, the same as `met`).
 * CI columns (`ci_lower`, `ci_upper`) of the latest row are passed through when present.
 *
 * The series is a table of year × measure × rate (docs/result-tables.md "poverty rate series"),
 * e.g. {@link piis} (relative, absolute, combined) concatenated with {@link piisPersistent}
 * (persistent); rows of other groups than `Children` and other bases than `AHC` are set aside
 * when the series has `group`/`basis` columns. All four targets are after housing costs: the Act,
 * s. 7(1), deducts housing costs from net household income (Explanatory Notes, para 19, contrast
 * this with the UK Child Poverty Act 2010). The result's `basis` column says which basis was read
 * and `statutory` whether it is the Act's (AHC). A three-year-average series gives the
 * trend of the averages (smoother, lagging the single years).
 * Reference: Child Poverty (Scotland) Act 2017 (asp 6), ss. 1–6 (targets) and s. 7(1) (incomes
 * after housing costs).
 *
 * @example
 * targetsProgress(piis().concat(piisPersistent()))   // AHC, the statutory basis
 */
export function targetsProgress(series: ColumnTable, options: TargetsProgressOptions = {}): ColumnTable {
  const names = columnNames(series);
  const mCol = options.measure ?? 'measure';
  const yCol = options.year ?? 'year';
  const rCol = options.rate ?? 'rate';
  const pCol = options.period ?? 'period';
  const trendYears = options.trendYears ?? 5;
  if (!Number.isInteger(trendYears) || trendYears < 2) {
    throw new PovineqError('INVALID_OPTION', `trendYears must be a whole number ≥ 2, got ${JSON.stringify(trendYears)}`, { option: 'trendYears' });
  }
  const measures = readColumn(series, mCol, 'measure');
  const years = toNumeric(readColumn(series, yCol, 'year'));
  const rates = toNumeric(readColumn(series, rCol, 'rate'));
  const periods = names.includes(pCol) ? readColumn(series, pCol, 'period') : undefined;
  const groups = names.includes('group') ? readColumn(series, 'group') : undefined;
  const bases = names.includes('basis') ? readColumn(series, 'basis') : undefined;
  const lower = names.includes('ci_lower') ? toNumeric(readColumn(series, 'ci_lower')).values : undefined;
  const upper = names.includes('ci_upper') ? toNumeric(readColumn(series, 'ci_upper')).values : undefined;
  const badYears = [...years.missing, ...years.nonNumeric, ...years.nonFinite];
  if (badYears.length > 0) {
    throw new PovineqError('INVALID_INPUT', `year column "${yCol}" has ${plural(badYears.length, 'missing or non-numeric value')} (${describeRows(badYears)}); years are end years such as 2022`, {
      column: yCol,
      option: 'year',
    });
  }
  const group = options.group ?? 'Children';
  const basis = options.basis ?? 'AHC';
  const targeted = new Set(CHILD_POVERTY_TARGETS.map((t) => t.measure as string));
  const byMeasure = new Map<string, number[]>();
  for (let i = 0; i < measures.length; i++) {
    const m = String(measures[i]);
    if (!targeted.has(m)) continue;
    if (groups && groups[i] !== group) continue;
    if (bases && bases[i] !== basis) continue;
    const r = rates.values[i]!;
    if (!Number.isFinite(r)) continue; // years without a value (2020/21) are not observations
    let list = byMeasure.get(m);
    if (!list) byMeasure.set(m, (list = []));
    list.push(i);
  }
  if (byMeasure.size === 0) {
    throw new PovineqError(
      'EMPTY',
      `the series has no rates for relative, absolute, combined or persistent poverty (column "${mCol}")` +
        `${groups ? ` for group "${group}"` : ''}${bases ? ` on basis "${basis}"` : ''}; name the columns with { measure, year, rate } or pass { group, basis }`,
      { column: mCol },
    );
  }
  const out: Record<string, unknown>[] = [];
  for (const target of CHILD_POVERTY_TARGETS) {
    const rows = byMeasure.get(target.measure);
    if (!rows) continue;
    const dupYears = new Set<number>();
    const seen = new Set<number>();
    for (const i of rows) {
      const y = years.values[i]!;
      if (seen.has(y)) dupYears.add(y);
      seen.add(y);
    }
    if (dupYears.size > 0) {
      throw new PovineqError(
        'INVALID_INPUT',
        `measure "${target.measure}" has more than one rate for year ${[...dupYears].join(', ')}; filter the series to one group, basis and averaging first`,
        { column: yCol },
      );
    }
    const latest = rows.reduce((a, b) => (years.values[b]! > years.values[a]! ? b : a));
    const year = years.values[latest]!;
    const rate = rates.values[latest]!;
    const recent = rows.filter((i) => years.values[i]! > year - trendYears);
    const trend = slope(recent.map((i) => years.values[i]!), recent.map((i) => rates.values[i]!));
    const yearsLeft = target.target_year - year;
    const projected = trend === null ? null : rate + trend * Math.max(yearsLeft, 0);
    const row: Record<string, unknown> = {
      measure: target.measure,
      period: periods ? periods[latest] : null,
      year,
      rate,
      basis: bases ? basis : null,
      statutory: bases ? basis === 'AHC' : null,
    };
    if (lower) row.ci_lower = lower[latest];
    if (upper) row.ci_upper = upper[latest];
    Object.assign(row, {
      kind: target.kind,
      target_period: target.period,
      target_year: target.target_year,
      target: target.target,
      distance: rate - target.target,
      met: rate < target.target,
      years_left: yearsLeft,
      change_needed: yearsLeft > 0 ? (target.target - rate) / yearsLeft : null,
      recent_change: trend,
      trend_years: recent.length,
      projected,
      on_track: yearsLeft <= 0 ? rate < target.target : projected === null ? null : projected < target.target,
    });
    out.push(row);
  }
  return aq.from(out);
}
