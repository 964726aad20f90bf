import type { ValueFormat } from './theme.js';

/**
 * Formats a number as the chart axis would, for descriptions, data tables and CSV-side text:
 * UK style (£, "," thousands, "." decimal). Custom d3-format strings fall back to 4 significant
 * figures.
 *
 * @example
 * formatValue(0.2431, 'percent1') // "24.3%"
 * formatValue(12345.6, 'pounds')  // "£12,346"
 */
export function formatValue(x: number, format: ValueFormat = 'decimal'): string {
  if (!Number.isFinite(x)) return String(x);
  const sign = x < 0 ? '\u2212' : '';
  const a = Math.abs(x);
  const grouped = (v: number, digits: number) =>
    v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (format) {
    case 'percent':
      return `${sign}${grouped(a * 100, 0)}%`;
    case 'percent1':
      return `${sign}${grouped(a * 100, 1)}%`;
    case 'pounds':
      return `${sign}£${grouped(a, 0)}`;
    case 'pence':
      return `${sign}£${grouped(a, 2)}`;
    case 'number':
      return `${sign}${grouped(a, 0)}`;
    case 'decimal1':
      return `${sign}${a.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 1 })}`;
    case 'decimal':
      return `${sign}${a === 0 ? '0' : grouped(Number(a.toPrecision(3)), Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(a)))))}`;
    default:
      return `${sign}${Number(a.toPrecision(4))}`;
  }
}
