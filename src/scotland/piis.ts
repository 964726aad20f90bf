import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, datasetPath, readCSV } from '../data/index.js';
import { periodEndYear } from './lgbf.js';

/** Which PIIS workbook: three-year averages (the headline series) or single years. */
export type PiisAveraging = '3-year' | 'single-year';

/** Options of {@link piis} and {@link piisTable}. */
export interface PiisOptions {
  /** `'3-year'` (default: PIIS headline three-year averages, 1994-97 … 2019-22) or `'single-year'` (1994/95 … 2021/22). */
  averaging?: PiisAveraging;
}

const FILES: Record<PiisAveraging, string> = {
  '3-year': 'piis2023_3yr_values.csv',
  'single-year': 'piis2023_1yr_values.csv',
};

function file(averaging: unknown): string {
  const a = averaging ?? '3-year';
  const f = FILES[a as PiisAveraging];
  if (!f) {
    throw new PovineqError('INVALID_OPTION', `averaging must be '3-year' or 'single-year', got ${JSON.stringify(a)}`, { option: 'averaging' });
  }
  return f;
}

/** Official markers kept in the flag columns; the one typo in the source (`51.[low]%`) reads as `[low]`. */
function cleanFlag(flag: unknown): string | null {
  if (flag === null || flag === undefined || flag === '') return null;
  const m = /\[(x|u|b|low|c)\]/.exec(String(flag));
  return m ? `[${m[1]}]` : String(flag);
}

/**
 * One table of the PIIS 2019-22 workbooks in long form: `table_id`, `row_label`, `column_label`,
 * `value` (number or null), `flag` (the official marker when there is no value: `[x]` not
 * available, `[u]` unreliable, `[b]` break in series, `[low]` below 0.5%). Table ids and titles are
 * in {@link piisCatalog}.
 * Source: Scottish Government, Poverty and Income Inequality in Scotland 2019-22 (March 2023), OGL v3.
 *
 * @example
 * piisTable('50a') // median weekly equivalised household income BHC, 3-year averages
 */
export function piisTable(tableId: string, options: PiisOptions = {}): ColumnTable {
  const t = readCSV(datasetPath(file(options.averaging)), { autoType: false });
  const out = t.params({ id: tableId }).filter((d: { table_id: string }, $: { id: string }) => d.table_id === $.id).reify();
  if (out.numRows() === 0) {
    throw new PovineqError('INVALID_OPTION', `no PIIS table ${JSON.stringify(tableId)} in ${file(options.averaging)}; see piisCatalog() for the ids`, {
      option: 'tableId',
    });
  }
  return aq.table({
    table_id: out.array('table_id'),
    row_label: out.array('row_label'),
    column_label: out.array('column_label'),
    value: Array.from(out.array('value'), (v) => (v === null || v === '' ? null : Number(v))),
    flag: Array.from(out.array('flag'), cleanFlag),
  });
}

/**
 * The catalog of PIIS 2019-22 tables: `file`, `sheet`, `sheet_title`, `table_id`, `table_title`
 * (full definition, units and price base), `row_dimension`.
 *
 * @example
 * piisCatalog().filter((d) => d.file === 'piis2023_1yr_values.csv')
 */
export function piisCatalog(): ColumnTable {
  return readCSV(datasetPath('piis2023_table_catalog.csv'), { autoType: false });
}

interface SeriesSource {
  sheet: number;
  measure: string;
  basis: 'BHC' | 'AHC' | null;
}

/** Sheets 1–6: rate (a), composition (b), number (c), sample size (d) by group. */
const POVERTY_SHEETS: SeriesSource[] = [
  { sheet: 1, measure: 'relative', basis: 'AHC' },
  { sheet: 2, measure: 'absolute', basis: 'AHC' },
  { sheet: 3, measure: 'severe', basis: 'AHC' },
  { sheet: 4, measure: 'relative', basis: 'BHC' },
  { sheet: 5, measure: 'absolute', basis: 'BHC' },
  { sheet: 6, measure: 'severe', basis: 'BHC' },
];

/**
 * The PIIS 2019-22 poverty series as one tidy table (docs/result-tables.md "poverty rate series"):
 * `averaging`, `period` (`2019-22` or `2021/22`), `year` (end year, 2022), `measure` (`relative`,
 * `absolute`, `severe`, `combined`, `combined-old`, `material-deprivation`), `basis` (`BHC`/`AHC`;
 * null for pensioner material deprivation), `group` (`All people`, `Children`, `Working-age
 * adults`, `Pensioners`), `rate` (a fraction), `rate_flag`, `composition` (share of the poor in
 * the group; sheets 1–6 only), `number` (people, rounded to 10,000 by PIIS), `number_flag`,
 * `sample_size` (families in the survey sample; three-year values pool three years).
 *
 * Sources: sheets 1–6 (relative, absolute, severe poverty BHC and AHC), 7 (children's combined low
 * income, below 70% of the UK median, and material deprivation: `combined` is the "new measure"
 * of 2010/11 onwards, the statutory one on the AHC basis (the Act, s. 7(1)); `combined-old` the
 * pre-2010/11 one) and
 * 8 (pensioners aged 65+ with limited access to goods and services).
 *
 * **2020/21 is missing.** The FRS sample for 2020/21 was collected by telephone during the COVID-19
 * pandemic, was much smaller and not representative for Scotland, and PIIS does not publish it:
 * single-year rows for 2020/21 are kept, with a null rate and `rate_flag` `[x]`. The three-year
 * averages `2018-21` and `2019-22` therefore average two years each (see {@link threeYearAverages}).
 * Persistent poverty (Understanding Society) is published separately: {@link piisPersistent}.
 * Source: Scottish Government, Poverty and Income Inequality in Scotland 2019-22 (March 2023), OGL v3;
 * datasets/PROVENANCE.md.
 *
 * @example
 * piis().filter((d) => d.group === 'Children' && d.basis === 'AHC')   // the Act's basis, s. 7(1)
 */
export function piis(options: PiisOptions = {}): ColumnTable {
  const averaging = options.averaging ?? '3-year';
  const t = readCSV(datasetPath(file(averaging)), { autoType: false }).objects() as Record<string, string>[];
  const cell = new Map<string, Record<string, string>>();
  for (const r of t) cell.set(`${r.table_id}|${r.row_label}|${r.column_label}`, r);
  const num = (r: Record<string, string> | undefined) => (r && r.value !== '' && r.value != null ? Number(r.value) : null);
  const rows: Record<string, unknown>[] = [];
  const push = (src: SeriesSource, group: string, period: string, parts: { rate?: string; comp?: string; num?: string; sample?: string }) => {
    const rate = parts.rate ? cell.get(parts.rate) : undefined;
    const number = parts.num ? cell.get(parts.num) : undefined;
    rows.push({
      averaging,
      period,
      year: periodEndYear(period),
      measure: src.measure,
      basis: src.basis,
      group,
      rate: num(rate),
      rate_flag: cleanFlag(rate?.flag),
      composition: parts.comp ? num(cell.get(parts.comp)) : null,
      number: num(number),
      number_flag: cleanFlag(number?.flag),
      sample_size: parts.sample ? num(cell.get(parts.sample)) : null,
    });
  };
  for (const src of POVERTY_SHEETS) {
    const s = src.sheet;
    for (const r of t) {
      if (r.table_id !== `${s}a`) continue;
      const k = (x: string) => `${s}${x}|${r.row_label}|${r.column_label}`;
      push(src, r.row_label!, r.column_label!, { rate: k('a'), comp: k('b'), num: k('c'), sample: k('d') });
    }
  }
  for (const r of t) {
    if (r.table_id !== '7a') continue;
    const m = /^(New|Old) measure, (before|after) housing costs$/.exec(r.row_label!);
    if (!m) continue;
    const src: SeriesSource = { sheet: 7, measure: m[1] === 'New' ? 'combined' : 'combined-old', basis: m[2] === 'before' ? 'BHC' : 'AHC' };
    push(src, 'Children', r.column_label!, {
      rate: `7a|${r.row_label}|${r.column_label}`,
      num: `7b|${r.row_label}|${r.column_label}`,
      sample: `7c|${m[1]} measure|${r.column_label}`,
    });
  }
  for (const r of t) {
    if (r.table_id !== '8a') continue;
    push({ sheet: 8, measure: 'material-deprivation', basis: null }, 'Pensioners', r.column_label!, {
      rate: `8a|${r.row_label}|${r.column_label}`,
      num: `8b|${r.row_label}|${r.column_label}`,
      sample: `8c|${r.row_label}|${r.column_label}`,
    });
  }
  return aq.from(rows);
}

const PERSISTENT_GROUPS: Readonly<Record<string, string>> = { '1': 'All people', '2': 'Children', '3': 'Working-age adults', '4': 'Pensioners' };

/**
 * Persistent poverty in Scotland from the PIIS 2019-22 release's third workbook ("Persistent
 * Poverty in Scotland", March 2023; Understanding Society, DWP analysis), in the shape of
 * {@link piis}: `averaging` (`'4-year'`), `period` (`2017-2021`), `year` (end year, 2021),
 * `measure` (`persistent`), `basis` (`BHC`/`AHC`), `group`, `rate` (a fraction, rounded to two
 * decimals in the workbook), `rate_flag`, `sample_size` (people in the panel sample). A person is
 * in persistent poverty when in relative poverty in at least three of four consecutive years (the
 * Child Poverty (Scotland) Act 2017, s. 6). As for every target of the Act, the statutory figure
 * is the after-housing-costs one (s. 7(1)).
 *
 * Caveats: small panel samples (382 children in 2017-2021); later releases revised the series (the
 * 2026 release gives 16% of children for 2019-2023 after a seven-point revision), which the bundled
 * edition does not have. Source: Scottish Government, Poverty and Income Inequality in Scotland
 * 2019-22 (March 2023), persistent poverty tables 1a–4b, OGL v3; datasets/PROVENANCE.md.
 *
 * @example
 * piisPersistent().filter((d) => d.group === 'Children' && d.basis === 'AHC')
 */
export function piisPersistent(): ColumnTable {
  const t = readCSV(datasetPath('piis2023_persistent_values.csv'), { autoType: false }).objects() as Record<string, string>[];
  const sample = new Map<string, number>();
  for (const r of t) if (/^[1-4]b$/.test(r.table_id!)) sample.set(`${r.table_id![0]}|${r.row_label}`, Number(r.value));
  const rows: Record<string, unknown>[] = [];
  for (const r of t) {
    const m = /^([1-4])a$/.exec(r.table_id!);
    if (!m) continue;
    const basis = r.column_label === 'Before housing costs' ? 'BHC' : r.column_label === 'After housing costs' ? 'AHC' : null;
    if (!basis) continue;
    const period = r.row_label!;
    const hasValue = r.value !== '' && r.value != null;
    rows.push({
      averaging: '4-year',
      period,
      year: Number(period.slice(-4)),
      measure: 'persistent',
      basis,
      group: PERSISTENT_GROUPS[m[1]!],
      rate: hasValue ? Number(r.value) : null,
      rate_flag: cleanFlag(r.flag),
      sample_size: sample.get(`${m[1]}|${period}`) ?? null,
    });
  }
  return aq.from(rows);
}
