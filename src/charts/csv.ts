import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import type { ChartRow } from './frame.js';

/**
 * The numbers behind a chart: its named datasets (`spec.datasets`), each an array of row
 * objects. Every povineq builder puts its numbers there; geometry and decoration are not
 * included.
 */
export function chartData(spec: TopLevelSpec): Record<string, ChartRow[]> {
  const datasets = (spec as { datasets?: Record<string, unknown> }).datasets ?? {};
  const out: Record<string, ChartRow[]> = {};
  for (const [name, values] of Object.entries(datasets)) {
    if (Array.isArray(values) && values.every((v) => v != null && typeof v === 'object' && !Array.isArray(v))) out[name] = values as ChartRow[];
  }
  return out;
}

/**
 * Rows as CSV (RFC 4180): a header of every column in first-seen order, numbers at full
 * precision, empty cells for missing values, fields quoted when they hold a comma, quote or
 * line break. Lines end with CRLF as the RFC asks. Text cells that a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) are written with a leading
 * apostrophe, so opening the file never runs them (OWASP, CSV injection).
 *
 * @example
 * toCSV([{ decile: 1, share: 0.25 }]) // "decile,share\r\n1,0.25\r\n"
 */
export function toCSV(rows: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), columns.push(k));
  const cell = (v: unknown): string => {
    if (v == null || (typeof v === 'number' && !Number.isFinite(v))) return '';
    if (typeof v === 'object') {
      throw new PovineqError('INVALID_INPUT', `toCSV: a cell holds an object (${JSON.stringify(v).slice(0, 40)}…); CSV cells must be numbers, text or booleans`);
    }
    // text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
    // apostrophe, as OWASP advises against CSV injection; numbers are written as numbers
    const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
