import type { ColumnTable } from 'arquero';
import { formatValue } from './format.js';

/**
 * How a column of a displayed table is formatted: `'percent'` (fractions as 24.3%), `'pounds'`
 * (£312 or £1.25), `'count'` (12,345), `'year'` (2024, no separator), `'decimal'` (3 significant
 * figures), or `'text'`.
 */
export type TableColumnKind = 'percent' | 'pounds' | 'count' | 'year' | 'decimal' | 'text';

/** Options of {@link tableHTML}, {@link tableText} and the notebook display of tables. */
export interface TableDisplayOptions {
  /** Rows shown before "… n more rows" (default 10). */
  limit?: number;
  /** A kind per column, overriding the one read from its name (see {@link columnKind}). */
  kinds?: Record<string, TableColumnKind>;
  /** Currency symbol of money columns (default '£'; '€' for the EU-SILC example). */
  currency?: string;
}

// Column names of povineq's result tables (docs/result-tables.md), by what their numbers are.
const PERCENT_PREFIX = /^(arpr|rmpg|rate|share|headcount|pct)_/;
const YEAR = /(^|_)year$|^(first_)?wave$/;
const PERCENT = /(^|_)(rate|rates|share|pct|percent|headcount|arpr|rmpg|poverty_gap|poverty_severity|target|composition|cumulative|before|after|baseline|reform|package|distance|achieved|projected|recent_change|change_needed)$|^pct_/;
// columns measured in the units of another column of the same table
const RELATIVE = /^(change|effect|difference|ci_lower|ci_upper|se)$/;
const REFERENCE = ['rate', 'before', 'baseline', 'estimate', 'value', 'target'];
const POUNDS = /(^|_)(income|incomes|mean_change|cost|costs|line|line_before|line_after|median|spend|earnings|benefits|pensions|amount|setting|housing|housing_costs|net_cost_weekly|net_cost_annual|income_change_annual|mean_income_before)$|_annual$|_weekly$|_bhc$|_ahc$|^(reform|package|compensation)_annual$/;
const COUNT = /^(n|number|count|population|people|households|sample_size|moved_in|moved_out|replicates|years|years_left|councils|n_zones|n_domains|n_datazones|data_zones)$|_count$|^n_/;

/**
 * The kind of a column, read from its name as povineq's result tables use them
 * (docs/result-tables.md): rates and shares → percent, incomes, lines and costs → pounds,
 * counts and populations → count, `year` → year; other numbers → decimal; the rest → text.
 * Names describe fractions in povineq (0.24, not 24), so a percent column is always × 100.
 *
 * @example
 * columnKind('rate', [0.24]) // 'percent'
 */
export function columnKind(name: string, values: ArrayLike<unknown>): TableColumnKind {
  let numbers = 0;
  let others = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    if (typeof v === 'number') numbers++;
    else others++;
  }
  if (others > 0 || numbers === 0) return 'text';
  const n = name.toLowerCase();
  if (YEAR.test(n)) return 'year';
  if (COUNT.test(n)) return 'count';
  if (PERCENT_PREFIX.test(n)) return 'percent';
  if (POUNDS.test(n)) return 'pounds';
  if (PERCENT.test(n)) return 'percent';
  return 'decimal';
}

/** One value as the table display shows it. */
export function formatCell(v: unknown, kind: TableColumnKind, pence = false, currency = '£'): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    switch (kind) {
      case 'percent':
        return formatValue(v, 'percent1');
      case 'pounds':
        return formatValue(v, pence ? 'pence' : 'pounds').replace('£', currency);
      case 'count':
        return Number.isInteger(v) ? formatValue(v, 'number') : v.toLocaleString('en-GB', { maximumFractionDigits: 1 });
      case 'year':
        return String(v);
      default:
        // whole numbers and large values keep their units digit (16,091, not 16,100; 34, not 34.0);
        // the rest three significant figures
        return Number.isInteger(v) || Math.abs(v) >= 1000 ? (v < 0 ? '\u2212' : '') + Math.abs(v).toLocaleString('en-GB', { maximumFractionDigits: 0 }) : formatValue(v, 'decimal');
    }
  }
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** A table's first rows as formatted strings, with the column kinds and the count of rows left out. */
export interface FormattedTable {
  columns: string[];
  kinds: TableColumnKind[];
  rows: string[][];
  /** Rows not shown. */
  more: number;
  numRows: number;
}

/** Formats the first `limit` rows of a table for display (numbers by {@link columnKind}). */
export function formatTable(table: ColumnTable, options: TableDisplayOptions = {}): FormattedTable {
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  const columns = table.columnNames();
  const numRows = table.numRows();
  const shown = Math.min(limit, numRows);
  const rows: string[][] = Array.from({ length: shown }, () => []);
  const kinds: TableColumnKind[] = [];
  for (const name of columns) {
    const all = table.array(name) as ArrayLike<unknown>;
    let kind = options.kinds?.[name] ?? columnKind(name, all);
    // a change or a confidence limit is in the units of the column it relates to (rate, before, …)
    if (!options.kinds?.[name] && kind === 'decimal' && RELATIVE.test(name)) {
      const kindOf = (c: string) => options.kinds?.[c] ?? columnKind(c, table.array(c) as ArrayLike<unknown>);
      const ref = REFERENCE.find((c) => c !== name && columns.includes(c)) ?? columns.find((c) => !RELATIVE.test(c) && kindOf(c) === 'percent');
      if (ref) {
        const k = kindOf(ref);
        if (k === 'percent' || k === 'pounds') kind = k;
      }
    }
    kinds.push(kind);
    // pounds below £100 (changes, payments) keep their pence
    let pence = false;
    if (kind === 'pounds') {
      let max = 0;
      for (let i = 0; i < all.length; i++) if (typeof all[i] === 'number') max = Math.max(max, Math.abs(all[i] as number));
      pence = max < 100;
    }
    for (let r = 0; r < shown; r++) rows[r]!.push(formatCell(table.get(name, r), kind, pence, options.currency));
  }
  return { columns, kinds, rows, more: numRows - shown, numRows };
}

const escapeHTML = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const moreRows = (n: number) => `… ${formatValue(n, 'number')} more row${n === 1 ? '' : 's'}`;

/**
 * A table as an HTML `<table>` for notebooks: a header row, numbers right-aligned and formatted
 * by column kind (24.3%, £312, 12,345, 2024), the first `limit` rows and "… n more rows".
 *
 * @example
 * tableHTML(aq.table({ year: [2023, 2024], rate: [0.241, 0.236] })) // rows 2023 | 24.1% and 2024 | 23.6%
 */
export function tableHTML(table: ColumnTable, options: TableDisplayOptions = {}): string {
  const f = formatTable(table, options);
  const align = (k: TableColumnKind) => (k === 'text' ? 'left' : 'right');
  const head = f.columns.map((c, i) => `<th style="text-align:${align(f.kinds[i]!)}">${escapeHTML(c)}</th>`).join('');
  const body = f.rows
    .map((r) => `<tr>${r.map((v, i) => `<td style="text-align:${align(f.kinds[i]!)}">${escapeHTML(v)}</td>`).join('')}</tr>`)
    .join('\n');
  const more = f.more > 0 ? `\n<tr><td colspan="${f.columns.length}" style="text-align:left;font-style:italic">${moreRows(f.more)}</td></tr>` : '';
  const caption = `<caption style="caption-side:bottom;text-align:left">${formatValue(f.numRows, 'number')} row${f.numRows === 1 ? '' : 's'} × ${f.columns.length} column${f.columns.length === 1 ? '' : 's'}</caption>`;
  return `<table class="povineq-table">${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}${more}\n</tbody>\n</table>`;
}

/**
 * A table as aligned plain text (what a terminal, or a notebook front end without HTML, shows):
 * the same formatting and row limit as {@link tableHTML}.
 *
 * @example
 * console.log(tableText(aq.table({ year: [2023, 2024], rate: [0.241, 0.236] })));
 */
export function tableText(table: ColumnTable, options: TableDisplayOptions = {}): string {
  const f = formatTable(table, options);
  const widths = f.columns.map((c, i) => Math.max(c.length, ...f.rows.map((r) => r[i]!.length)));
  const pad = (s: string, i: number) => (f.kinds[i] === 'text' ? s.padEnd(widths[i]!) : s.padStart(widths[i]!));
  const lines = [
    f.columns.map(pad).join('  ').trimEnd(),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...f.rows.map((r) => r.map(pad).join('  ').trimEnd()),
  ];
  if (f.more > 0) lines.push(moreRows(f.more));
  return lines.join('\n');
}
