import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { cv, gini } from '../measures/index.js';
import { SCOTLAND_CODE, councilCodes } from './councils.js';
import { lgbf, lgbfFamilies, lgbfIndicators } from './lgbf.js';

/** Options of {@link lgbfCompare}. */
export interface LgbfCompareOptions {
  /** LGBF indicator code, e.g. `'CHN4'` (lgbfIndicators() lists them). */
  indicator: string;
  /** End year of the period to compare (2020 for `2019-20`); default: the latest year with council values. */
  year?: number;
  /** Year to measure change from; default: the first year of the series. */
  since?: number;
  /** Only these councils (names or S12 codes) in the output; ranks and family figures still use all 32. */
  councils?: readonly string[];
  /** LGBF values as from {@link lgbf} (default: the bundled release). */
  data?: ColumnTable;
}

interface Indicator {
  code: string;
  title: string;
  higherIsBetter: boolean;
  category: string | null;
}

function indicatorInfo(code: string): Indicator {
  const meta = (lgbfIndicators().objects() as any[]).find((d) => d.indicator === code);
  if (!meta) {
    throw new PovineqError('UNKNOWN_CODE', `unknown LGBF indicator ${JSON.stringify(code)} (option indicator); lgbfIndicators() lists the codes`, { option: 'indicator', values: [code] });
  }
  if (typeof meta.higher_is_better !== 'boolean') {
    throw new PovineqError('INVALID_OPTION', `LGBF series ${JSON.stringify(code)} is a helper series with no direction; compare a key indicator (lgbfIndicators() with key_indicator true)`, { option: 'indicator' });
  }
  return { code, title: meta.title, higherIsBetter: meta.higher_is_better, category: meta.category };
}

interface Row {
  council: string;
  council_name: string;
  period: string;
  year: number;
  value: number | null;
}

function seriesOf(indicator: string, data: ColumnTable | undefined): Row[] {
  const t = data ?? lgbf({ indicators: [indicator] });
  for (const c of ['council', 'council_name', 'indicator', 'period', 'year', 'value']) {
    if (!t.columnNames().includes(c)) throw new PovineqError('MISSING_COLUMN', `LGBF data needs column "${c}" (as from lgbf())`, { column: c });
  }
  const rows = (t.objects() as any[]).filter((d) => d.indicator === indicator) as Row[];
  if (rows.length === 0) throw new PovineqError('EMPTY', `the LGBF data has no rows for indicator ${JSON.stringify(indicator)}`, { option: 'indicator' });
  return rows;
}

/** Competition ranks (1 = best; ties share the best rank); null values get null. */
function ranks(values: (number | null)[], higherIsBetter: boolean): (number | null)[] {
  const idx = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [i]));
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    let better = 0;
    for (const j of idx) if (higherIsBetter ? values[j]! > v : values[j]! < v) better++;
    return better + 1;
  });
}

/**
 * LGBF council comparison for one indicator and year: each council's value, its rank of 32
 * (1 = best, using the metadata's direction), the Scotland figure, its family group with the
 * group's mean, minimum and maximum, and change since an earlier year.
 *
 * Columns: `council` (name), `code` (S12), `indicator`, `period`, `year`, `value`, `rank`,
 * `scotland`, `family_group` (the people-services family for People Services indicators, the
 * other-services family otherwise), `family_mean` (unweighted mean of the family's councils),
 * `family_min`, `family_max`, `higher_is_better`, `since` (the base year), `value_since`,
 * `change` (value − value_since, in the indicator's unit), `rank_since`, `rank_change`
 * (rank_since − rank: positive = moved up). Ranks use competition ranking (ties share the best
 * rank); councils without a value get a null rank. Fractions, not percents, for percentage
 * indicators.
 * Reference: Improvement Service, LGBF National Benchmarking Overview Report (family groups,
 * ranking of councils).
 *
 * @example
 * lgbfCompare({ indicator: 'CHN4', year: 2020 }).orderby('rank').print()
 */
export function lgbfCompare(options: LgbfCompareOptions): ColumnTable {
  const info = indicatorInfo(options?.indicator);
  const rows = seriesOf(info.code, options.data);
  const councilRows = rows.filter((d) => d.council !== SCOTLAND_CODE);
  const withValues = councilRows.filter((d) => d.value !== null);
  if (withValues.length === 0) throw new PovineqError('EMPTY', `indicator ${info.code} has no council values`, { option: 'indicator' });
  const years = [...new Set(withValues.map((d) => d.year))].sort((a, b) => a - b);
  const year = options.year ?? years[years.length - 1]!;
  const since = options.since ?? years[0]!;
  for (const [y, opt] of [[year, 'year'], [since, 'since']] as const) {
    if (!years.includes(y)) {
      throw new PovineqError('INVALID_OPTION', `indicator ${info.code} has no council values for ${opt} ${y}; years with values: ${years.join(', ')}`, { option: opt });
    }
  }
  const families = new Map((lgbfFamilies().objects() as any[]).map((d) => [d.council, info.category === 'People Services' ? d.family_group_people : d.family_group_other]));
  const at = (y: number) => {
    const byCode = new Map(councilRows.filter((d) => d.year === y).map((d) => [d.council, d]));
    return byCode;
  };
  const now = at(year);
  const before = at(since);
  const codes = [...families.keys()].sort();
  const value = codes.map((c) => now.get(c)?.value ?? null);
  const valueSince = codes.map((c) => before.get(c)?.value ?? null);
  const rank = ranks(value, info.higherIsBetter);
  const rankSince = ranks(valueSince, info.higherIsBetter);
  const scotland = rows.find((d) => d.council === SCOTLAND_CODE && d.year === year)?.value ?? null;
  const family = codes.map((c) => families.get(c)!);
  const famStats = new Map<number, { mean: number | null; min: number | null; max: number | null }>();
  for (const f of new Set(family)) {
    const v = codes.flatMap((_, i) => (family[i] === f && value[i] !== null ? [value[i]!] : []));
    famStats.set(f, v.length === 0 ? { mean: null, min: null, max: null } : { mean: v.reduce((s, x) => s + x, 0) / v.length, min: Math.min(...v), max: Math.max(...v) });
  }
  const keep = options.councils ? new Set(councilCodes(options.councils, { column: 'councils' })) : undefined;
  const period = now.values().next().value?.period ?? null;
  const rowsOut = codes.map((c, i) => ({
    council: now.get(c)?.council_name ?? before.get(c)?.council_name ?? c,
    code: c,
    indicator: info.code,
    period: now.get(c)?.period ?? period,
    year,
    value: value[i],
    rank: rank[i],
    scotland,
    family_group: family[i],
    family_mean: famStats.get(family[i]!)!.mean,
    family_min: famStats.get(family[i]!)!.min,
    family_max: famStats.get(family[i]!)!.max,
    higher_is_better: info.higherIsBetter,
    since,
    value_since: valueSince[i],
    change: value[i] !== null && valueSince[i] !== null ? value[i]! - valueSince[i]! : null,
    rank_since: rankSince[i],
    rank_change: rank[i] !== null && rankSince[i] !== null ? rankSince[i]! - rank[i]! : null,
  }));
  return aq.from(keep ? rowsOut.filter((d) => keep.has(d.code)) : rowsOut);
}

/** Options of {@link lgbfSpread}. */
export interface LgbfSpreadOptions {
  /** LGBF indicator code. */
  indicator: string;
  /** LGBF values as from {@link lgbf} (default: the bundled release). */
  data?: ColumnTable;
}

/**
 * Inequality across councils through time for one LGBF indicator: per year, the number of
 * councils with a value, the Scotland figure, the unweighted mean, minimum and maximum of council
 * values, the coefficient of variation (population SD / mean, as {@link cv}), the max/min ratio
 * and the Gini coefficient of council values (each council counts once, unweighted).
 *
 * Columns: `indicator`, `period`, `year`, `n`, `scotland`, `mean`, `min`, `max`, `cv`,
 * `max_min_ratio`, `gini`, `higher_is_better`. `cv` and `gini` are null in a year whose mean is not
 * positive or that has negative values, `max_min_ratio` where the minimum is not positive: those
 * ratios are undefined there, and povineq does not make up a number.
 * Reference: Cowell (2011) Measuring Inequality (CV, Gini); LGBF National Benchmarking Overview
 * Report (variation between councils).
 *
 * @example
 * lgbfSpread({ indicator: 'CHN4' }).print()
 */
export function lgbfSpread(options: LgbfSpreadOptions): ColumnTable {
  const info = indicatorInfo(options?.indicator);
  const rows = seriesOf(info.code, options.data);
  const years = [...new Set(rows.map((d) => d.year))].sort((a, b) => a - b);
  const out = years.flatMap((year) => {
    const inYear = rows.filter((d) => d.year === year);
    const v = inYear.filter((d) => d.council !== SCOTLAND_CODE && d.value !== null).map((d) => d.value!);
    if (v.length === 0) return [];
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const min = Math.min(...v);
    const max = Math.max(...v);
    const ok = min >= 0 && mean > 0;
    return [{
      indicator: info.code,
      period: inYear[0]!.period,
      year,
      n: v.length,
      scotland: inYear.find((d) => d.council === SCOTLAND_CODE)?.value ?? null,
      mean,
      min,
      max,
      cv: ok ? cv(v) : null,
      max_min_ratio: min > 0 ? max / min : null,
      gini: ok ? gini(v) : null,
      higher_is_better: info.higherIsBetter,
    }];
  });
  return aq.from(out);
}
