import type { ColumnTable } from 'arquero';
import { PovineqError, describeRows, plural, readColumn, toNumeric } from '../data/index.js';
import { checkFraction } from './poverty-lines.js';

/** Options of {@link absolutePovertyLine}. */
export interface AbsolutePovertyLineOptions {
  /**
   * The base year's person-weighted median equivalised income (e.g. the 2010/11 UK median, from
   * {@link personWeightedMedian} on that year's households), in base-year prices.
   */
  baseMedian: number;
  /** Price index table: one row per period, with the period and the index value. */
  prices: ColumnTable;
  /** Period the line is wanted for, as written in the price table (`'2021/22'`, 2022…). */
  period: string | number;
  /** Base period, default `'2010/11'` (the HBAI and Child Poverty (Scotland) Act base year). */
  basePeriod?: string | number;
  /** Column of periods in `prices`, default `'period'`. */
  periodColumn?: string;
  /** Column of index values in `prices`, default `'index'`. */
  indexColumn?: string;
  /** Fraction of the base median, default 0.6. */
  fraction?: number;
}

/**
 * HBAI absolute poverty line: a fraction (60%) of the base year's median, held constant in real
 * terms by a price index.
 *
 * line(t) = fraction × median(base) × I(t) / I(base). HBAI and the Child Poverty (Scotland) Act
 * 2017 (s. 4) use 60% of the 2010/11 UK median, uprated by CPI (HBAI since 2021: CPIH-based
 * deflators for BHC incomes, CPI excluding rent etc. for AHC). povineq ships no price index:
 * supply the series the analysis needs (ONS CPI/CPIH, or the HBAI deflators) as a table.
 * Reference: DWP, HBAI QMI ("absolute low income"); Child Poverty (Scotland) Act 2017, s. 4.
 *
 * @example
 * const prices = aq.table({ period: ['2010/11', '2021/22'], index: [100, 125] });
 * absolutePovertyLine({ baseMedian: 440, prices, period: '2021/22' }) // 0.6 × 440 × 1.25 = 330
 */
export function absolutePovertyLine(options: AbsolutePovertyLineOptions): number {
  const fraction = checkFraction(options.fraction, 0.6, 'absolutePovertyLine');
  const base = options.baseMedian;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0) {
    throw new PovineqError('INVALID_OPTION', `absolutePovertyLine: baseMedian must be a positive number, got ${JSON.stringify(base)}`, {
      option: 'baseMedian',
    });
  }
  const periodColumn = options.periodColumn ?? 'period';
  const indexColumn = options.indexColumn ?? 'index';
  const index = priceIndex(options.prices, periodColumn, indexColumn);
  const basePeriod = options.basePeriod ?? '2010/11';
  const at = (p: string | number, option: string) => {
    const v = index.get(String(p));
    if (v === undefined) {
      throw new PovineqError(
        'INVALID_INDEX',
        `price index column "${periodColumn}" has no row for ${option} ${JSON.stringify(p)}; it holds ` +
          `${[...index.keys()].slice(0, 8).map((k) => JSON.stringify(k)).join(', ')}${index.size > 8 ? ', …' : ''}; ` +
          `add that period to the table or pass { ${option} } as written there`,
        { column: periodColumn, option, value: p },
      );
    }
    return v;
  };
  return fraction * base * (at(options.period, 'period') / at(basePeriod, 'basePeriod'));
}

/** Reads a price index table into period → index, with errors for duplicates and bad values. */
export function priceIndex(prices: ColumnTable, periodColumn: string, indexColumn: string): Map<string, number> {
  const periods = readColumn(prices, periodColumn, 'periodColumn');
  const raw = readColumn(prices, indexColumn, 'indexColumn');
  const values = toNumeric(raw).values;
  const bad: number[] = [];
  for (let i = 0; i < values.length; i++) if (!(values[i]! > 0) || !Number.isFinite(values[i]!)) bad.push(i);
  if (bad.length > 0) {
    throw new PovineqError(
      'INVALID_INDEX',
      `price index column "${indexColumn}" has ${plural(bad.length, 'value')} that ${bad.length === 1 ? 'is' : 'are'} missing or not positive ` +
        `(${describeRows(bad)}); an index must be a positive number for every period (option indexColumn names the column)`,
      { column: indexColumn, count: bad.length, rows: bad.slice(0, 100), option: 'indexColumn' },
    );
  }
  const out = new Map<string, number>();
  const dup: number[] = [];
  for (let i = 0; i < periods.length; i++) {
    const k = String(periods[i]);
    if (out.has(k)) dup.push(i);
    else out.set(k, values[i]!);
  }
  if (dup.length > 0) {
    throw new PovineqError(
      'INVALID_INDEX',
      `price index column "${periodColumn}" repeats ${plural(dup.length, 'period')} (${describeRows(dup)}: ` +
        `${dup.slice(0, 3).map((r) => JSON.stringify(periods[r])).join(', ')}); keep one index value per period`,
      { column: periodColumn, count: dup.length, rows: dup.slice(0, 100) },
    );
  }
  return out;
}
