import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, columnNames, describeRows, plural, readColumn, toNumeric } from '../data/index.js';

/** Options of {@link threeYearAverages}. */
export interface ThreeYearAveragesOptions {
  /** End-year column, default `'year'` (2022 for 2021/22). */
  year?: string;
  /** Columns averaged over the available years, default `['rate']` plus `number` when present. */
  mean?: string[];
  /** Columns summed over the available years (pooled sample sizes), default `['sample_size']` when present. */
  sum?: string[];
  /** Key columns: one series per combination, default those of `measure`, `basis`, `group` present. */
  by?: string[];
  /** Years in a window, default 3. */
  window?: number;
  /** Fewest available years for a window to get a value, default 2 (PIIS: 2018-21 and 2019-22 use 2). */
  minYears?: number;
}

/**
 * Three-year averages of single-year rate series, as PIIS presents them.
 *
 * For the window of financial years ending in year t (e.g. 2019/20–2021/22, labelled `2019-22`),
 * each `mean` column is the plain mean of the years with a value, x̄ = Σ xₜ / k, and each `sum`
 * column is the sum (PIIS pools the three years' samples). A year with no value — 2020/21, which
 * PIIS does not publish because the FRS sample collected by telephone during COVID-19 was too small
 * and unrepresentative for Scotland — is left out of the mean, not counted as zero and not
 * interpolated: `2018-21` averages 2018/19 and 2019/20, and `2019-22` averages 2019/20 and 2021/22.
 * This reproduces the published PIIS 2019-22 three-year rates from the single-year ones.
 * Windows with fewer than `minYears` values get null.
 * Reference: Scottish Government, PIIS 2019-22, background notes ("three-year averages"; "2020/21 data").
 *
 * Returns an Arquero table: the `by` columns, `period` (`2019-22`), `year` (2022), the mean and sum
 * columns, and `years` (how many years had a value).
 *
 * @example
 * threeYearAverages(piis({ averaging: 'single-year' }).filter((d) => d.group === 'Children'))
 */
export function threeYearAverages(series: ColumnTable, options: ThreeYearAveragesOptions = {}): ColumnTable {
  const names = columnNames(series);
  const yCol = options.year ?? 'year';
  const window = options.window ?? 3;
  const minYears = options.minYears ?? Math.min(2, window);
  if (!Number.isInteger(window) || window < 1) {
    throw new PovineqError('INVALID_OPTION', `window must be a whole number ≥ 1, got ${JSON.stringify(window)}`, { option: 'window' });
  }
  if (!Number.isInteger(minYears) || minYears < 1 || minYears > window) {
    throw new PovineqError('INVALID_OPTION', `minYears must be a whole number from 1 to window (${window}), got ${JSON.stringify(minYears)}`, { option: 'minYears' });
  }
  const by = options.by ?? ['measure', 'basis', 'group'].filter((c) => names.includes(c));
  const mean = options.mean ?? ['rate', 'number'].filter((c) => names.includes(c));
  const sum = options.sum ?? ['sample_size'].filter((c) => names.includes(c));
  const years = toNumeric(readColumn(series, yCol, 'year'));
  const bad = Array.from(years.values.keys()).filter((i) => !Number.isInteger(years.values[i]));
  if (bad.length > 0) {
    throw new PovineqError('INVALID_INPUT', `year column "${yCol}" has ${plural(bad.length, 'value')} that ${bad.length === 1 ? 'is' : 'are'} not a whole year (${describeRows(bad)}); pass { year } naming the end-year column`, {
      column: yCol,
      option: 'year',
    });
  }
  const keys = by.map((c) => readColumn(series, c, 'by'));
  const values = [...mean, ...sum].map((c) => toNumeric(readColumn(series, c, mean.includes(c) ? 'mean' : 'sum')).values);
  const groups = new Map<string, { key: unknown[]; byYear: Map<number, number> }>();
  for (let i = 0; i < years.values.length; i++) {
    const key = keys.map((k) => k[i]);
    const id = JSON.stringify(key);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, byYear: new Map() }));
    const y = years.values[i]!;
    if (g.byYear.has(y)) {
      throw new PovineqError(
        'INVALID_INPUT',
        `the series has two rows for year ${y} in the same series (${by.map((c, k) => `${c} = ${JSON.stringify(key[k])}`).join(', ') || 'no by columns'}; rows ${g.byYear.get(y)}, ${i}); name the key columns with { by }`,
        { column: yCol, option: 'by', rows: [g.byYear.get(y), i] },
      );
    }
    g.byYear.set(y, i);
  }
  const out: Record<string, unknown>[] = [];
  for (const g of groups.values()) {
    const ys = [...g.byYear.keys()];
    const first = Math.min(...ys);
    const last = Math.max(...ys);
    for (let end = first + window - 1; end <= last; end++) {
      const row: Record<string, unknown> = {};
      by.forEach((c, k) => (row[c] = g.key[k]));
      row.period = `${end - window}-${String(end % 100).padStart(2, '0')}`;
      row.year = end;
      let k = 0;
      const acc = values.map(() => ({ s: 0, n: 0 }));
      for (let y = end - window + 1; y <= end; y++) {
        const i = g.byYear.get(y);
        if (i === undefined) continue;
        let any = false;
        values.forEach((v, j) => {
          const x = v[i]!;
          if (Number.isFinite(x)) {
            acc[j]!.s += x;
            acc[j]!.n++;
            any = true;
          }
        });
        if (any) k++;
      }
      [...mean, ...sum].forEach((c, j) => {
        const a = acc[j]!;
        row[c] = a.n >= minYears ? (j < mean.length ? a.s / a.n : a.s) : null;
      });
      row.years = k;
      out.push(row);
    }
  }
  return aq.from(out);
}
