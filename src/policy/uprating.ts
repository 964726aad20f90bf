import { PovineqError } from '../data/index.js';

/** How a money amount is uprated: an index table (year → level) and the two years. */
export interface UprateOptions {
  /**
   * Price or earnings index by year, e.g. CPIH or the September CPI used for benefits:
   * `{ '2021/22': 100, '2024/25': 119.2 }` or `{ 2021: 100, 2024: 119.2 }`. Any base.
   */
  index: Record<string | number, number>;
  /** The year the amount is given in (a key of `index`). */
  from: string | number;
  /** The policy year to uprate to (a key of `index`). */
  to: string | number;
}

/**
 * Uprates a money amount from one year to another with a user-supplied index:
 * amount × index[to] / index[from]. Used by the scenarios' `uprate` option to express
 * amounts in the prices of the household file (or of the policy year).
 *
 * @example
 * uprate(25, { index: { '2021/22': 100, '2023/24': 117.6 }, from: '2023/24', to: '2021/22' }) // 21.26…
 */
export function uprate(amount: number, options: UprateOptions): number {
  const by = 'uprate';
  if (options == null || typeof options.index !== 'object' || options.index === null) {
    throw new PovineqError('MISSING_OPTION', `${by}: pass { index: { year: level, … }, from, to }`, { option: 'index' });
  }
  const level = (year: string | number, option: 'from' | 'to') => {
    const v = options.index[String(year)];
    if (v === undefined) {
      throw new PovineqError('INVALID_OPTION', `${by}: ${option} year ${JSON.stringify(year)} is not in the index table (years: ${Object.keys(options.index).join(', ')}); add it or choose another year`, {
        option,
      });
    }
    if (!(typeof v === 'number' && Number.isFinite(v) && v > 0)) {
      throw new PovineqError('INVALID_OPTION', `${by}: index for ${JSON.stringify(year)} must be a positive number, got ${JSON.stringify(v)}`, { option: 'index' });
    }
    return v;
  };
  return (amount * level(options.to, 'to')) / level(options.from, 'from');
}
