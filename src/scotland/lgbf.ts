import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, datasetPath, readCSV } from '../data/index.js';
import { councilCodes, councilName } from './councils.js';

/**
 * Key indicators published as percentages whose title does not say so: attendance rates, town
 * vacancy rates, the gender pay gap and the financing-cost ratios (all on a 0–100 scale).
 */
const PERCENT_WITHOUT_SIGN = new Set(['CHN19a', 'CHN19b', 'ECON9', 'CORP 3c', 'FINSUS3', 'FINSUS4']);

/** Whether a key LGBF indicator is published as a percentage (so povineq divides it by 100). */
function isPercent(code: string, title: string, key: boolean): boolean {
  return key && (/%|percentage|proportion/i.test(title) || PERCENT_WITHOUT_SIGN.has(code));
}

/**
 * LGBF indicator metadata (210 indicators, 129 of them published key indicators), one row per
 * indicator: `indicator` (code, e.g. `CHN4`), `title`, `category` (`People Services` or
 * `Other Services`: which family grouping applies), `domain`, `topic`, `update_frequency`,
 * `source`, `key_indicator` (true for the published indicators; false for numerators,
 * denominators and helper series), `description`, `corresponding_key_indicator`,
 * `higher_is_better` (from the metadata's `one_is_high`; null for helper series) and `unit`:
 * `'fraction'` where LGBF publishes a percentage (povineq's loaders divide those by 100) and
 * `'as published'` otherwise (£, days, rates per 1,000, scores…).
 *
 * Source: Improvement Service, LGBF January 2022 release (OGL v3); datasets/PROVENANCE.md.
 *
 * @example
 * lgbfIndicators().filter((d) => d.key_indicator).numRows() // 129
 */
export function lgbfIndicators(): ColumnTable {
  const t = readCSV(datasetPath('lgbf_indicator_metadata.csv'), { autoType: false });
  const code = t.array('indicator') as string[];
  const title = Array.from(t.array('title'), (v) => (v as string | null) ?? null);
  const key = Array.from(t.array('key_indicator'), (v) => v === 'Yes');
  const text = (col: string) => Array.from(t.array(col), (v) => (v === null || v === '' ? null : (v as string)));
  return aq.table({
    indicator: code,
    title,
    category: text('category'),
    domain: text('domain'),
    topic: text('topic'),
    update_frequency: Array.from(t.array('update_frequency'), (v) => (v === 'Anually' ? 'Annually' : (v as string | null) || null)),
    source: text('source'),
    key_indicator: key,
    description: text('description'),
    corresponding_key_indicator: text('corresponding_key_indicator'),
    higher_is_better: Array.from(t.array('one_is_high'), (v) => (v === 'Yes' ? true : v === 'No' ? false : null)),
    unit: code.map((c, i) => (isPercent(c, title[i] ?? '', key[i]!) ? 'fraction' : 'as published')),
  });
}

/** Options of {@link lgbf}. */
export interface LgbfOptions {
  /**
   * `true` (default): only the published key indicators, which have one row per council, indicator
   * and year. `false`: also the numerator, denominator and helper series, where four series
   * (`MYE Population`, `Number of Premises for Refuse Collection`, `Rent due in year`,
   * `Properties within scope of SHQS year end`) repeat a (council, year) with different vintages;
   * `column_instance` tells those copies apart.
   */
  keyIndicators?: boolean;
  /** Only these indicator codes (e.g. `['CHN4', 'ENV6']`). */
  indicators?: readonly string[];
}

/**
 * Local Government Benchmarking Framework values, one row per council (and Scotland), indicator
 * and period: `council` (current S12 code; `S92000003` for Scotland), `council_name` (Scottish
 * Government name; `Scotland`), `indicator`, `period` (as published: `2019-20`, or a multi-year
 * survey period such as `2016-19`), `year` (the period's end year, a number: 2020 for `2019-20`),
 * `value` (percentages as fractions, see {@link lgbfIndicators} `unit`), `value_flag` (`'missing'`
 * where the value is blank: not collected or not available; null otherwise), and with
 * `keyIndicators: false` also `column_instance`.
 *
 * Caveats (datasets/PROVENANCE.md): January 2022 release, data to 2020-21; later releases revise
 * earlier years; council names are mapped from LGBF spellings (`Argyll & Bute`, `Edinburgh City`,
 * `Eilean Siar`); `-Real` indicators are in constant prices.
 *
 * @example
 * lgbf({ indicators: ['CHN4'] }).filter((d) => d.period === '2019-20')
 */
export function lgbf(options: LgbfOptions = {}): ColumnTable {
  const keyOnly = options.keyIndicators ?? true;
  const meta = lgbfIndicators();
  const known = new Map<string, { key: boolean; unit: string }>();
  const metaCodes = meta.array('indicator') as string[];
  metaCodes.forEach((c, i) => known.set(c, { key: meta.get('key_indicator', i) as boolean, unit: meta.get('unit', i) as string }));
  if (options.indicators) {
    const unknown = options.indicators.filter((c) => !known.has(c));
    if (unknown.length > 0) {
      throw new PovineqError(
        'UNKNOWN_CODE',
        `unknown LGBF indicator${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')} (option indicators); ` +
          `lgbfIndicators() lists the ${known.size} codes`,
        { option: 'indicators', values: unknown },
      );
    }
  }
  const wanted = options.indicators ? new Set(options.indicators) : undefined;
  const t = readCSV(datasetPath('lgbf_indicator_values.csv'), { autoType: false });
  const ind = t.array('indicator') as string[];
  const keep: number[] = [];
  for (let i = 0; i < ind.length; i++) {
    const m = known.get(ind[i]!);
    if (keyOnly && !m?.key) continue;
    if (wanted && !wanted.has(ind[i]!)) continue;
    keep.push(i);
  }
  const pick = <T>(col: string, f: (v: unknown, i: number) => T): T[] => {
    const raw = t.array(col);
    return keep.map((i) => f(raw[i], i));
  };
  const council = councilCodes(pick('council', (v) => v), { column: 'council', scotland: true }) as string[];
  const out: Record<string, unknown[]> = {
    council,
    council_name: council.map(councilName),
    indicator: pick('indicator', (v) => v),
    period: pick('year', (v) => v),
    year: pick('year', (v) => periodEndYear(v as string)),
    value: pick('value', (v, i) => {
      if (v === null || v === '') return null;
      const x = Number(v);
      return known.get(ind[i]!)!.unit === 'fraction' ? x / 100 : x;
    }),
    value_flag: pick('value', (v) => (v === null || v === '' ? 'missing' : null)),
  };
  if (!keyOnly) out.column_instance = pick('column_instance', (v) => (v === null || v === '' ? null : Number(v)));
  return aq.table(out);
}

/** End year of an LGBF period: `2019-20` → 2020, `2016-19` → 2019, `2018` → 2018. */
export function periodEndYear(period: string): number {
  const m = /^(\d{4})(?:[-/](\d{2}|\d{4}))?$/.exec(period.trim());
  if (!m) throw new PovineqError('INVALID_INPUT', `cannot read the end year of period ${JSON.stringify(period)}`, { value: period });
  const start = Number(m[1]);
  if (m[2] === undefined) return start;
  if (m[2].length === 4) return Number(m[2]);
  const century = Math.floor(start / 100) * 100;
  let end = century + Number(m[2]);
  if (end < start) end += 100;
  return end;
}

/**
 * LGBF family groups and contextual groupings, one row per council: `council` (S12),
 * `council_name`, `family_group_people` and `family_group_other` (1–4: the family groups LGBF uses
 * to compare councils on people services — by deprivation — and other services — by rurality and
 * density), `urban_rural_2013` (Urban / Mixed / Rural), `size_group_2013`, `simd_group_2012`,
 * `income_deprived_2012` and `employment_deprived_2012` (fractions of the population, SIMD 2012).
 * The file's Scotland row is left out (its groupings are placeholders).
 *
 * @example
 * lgbfFamilies().filter((d) => d.family_group_people === 4).array('council_name')
 */
export function lgbfFamilies(): ColumnTable {
  const t = readCSV(datasetPath('lgbf_council_groupings.csv'), { autoType: false });
  const rows = Array.from(t.array('council') as string[], (_, i) => i).filter((i) => t.get('council', i) !== 'Scotland');
  const col = (name: string) => rows.map((i) => t.get(name, i) as string);
  const code = councilCodes(col('council'), { column: 'council' }) as string[];
  return aq.table({
    council: code,
    council_name: code.map(councilName),
    family_group_people: col('family_group_people').map(Number),
    family_group_other: col('family_group_other').map(Number),
    urban_rural_2013: col('urban_rural_audit_2013'),
    size_group_2013: col('size_group_2013').map(Number),
    simd_group_2012: col('simd_group_2012').map(Number),
    income_deprived_2012: col('simd_income_deprived_pct_2012').map((v) => Number(v) / 100),
    employment_deprived_2012: col('simd_employment_deprived_pct_2012').map((v) => Number(v) / 100),
  });
}
