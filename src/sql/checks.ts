import { PovineqError, plural } from '../data/index.js';
import { AUX } from './compile.js';
import type { Normalized } from './options.js';

/** Counts returned by the checks query, by name. */
export type CheckCounts = Record<string, number>;

function option(name: string): string {
  return `pass { ${name}: 'drop' } to exclude those rows`;
}

/** Raises the in-memory error for the first kind of bad row the checks query counted. */
export function assertCleanCounts(counts: CheckCounts, o: Normalized): void {
  const roles: [role: 'value' | 'weight', column: string | undefined][] = [
    ['value', o.value],
    ['weight', o.weight],
  ];
  if (o.missing === 'error') {
    for (const [role, column] of roles) {
      if (column === undefined) continue;
      const missing = counts[`${role}_missing`] ?? 0;
      const text = counts[`${role}_text`] ?? 0;
      const infinite = counts[`${role}_infinite`] ?? 0;
      const details = (count: number) => ({ column, count, option: "missing: 'drop'" });
      if (missing > 0) {
        throw new PovineqError('MISSING_VALUE', `${role} column "${column}" has ${plural(missing, 'missing value')} (NULL or NaN); ${option('missing')}`, details(missing));
      }
      if (text > 0) {
        throw new PovineqError(
          'NON_NUMERIC',
          `${role} column "${column}" has ${plural(text, 'non-numeric value')}; convert the column to numbers, or ${option('missing')}`,
          details(text),
        );
      }
      if (infinite > 0) {
        throw new PovineqError('NON_FINITE', `${role} column "${column}" has ${plural(infinite, 'infinite value')}; ${option('missing')}`, details(infinite));
      }
    }
  }
  const nonPositiveWeights = counts.weight_nonpositive ?? 0;
  if (o.nonPositiveWeights === 'error' && nonPositiveWeights > 0) {
    throw new PovineqError(
      'NON_POSITIVE_WEIGHT',
      `weight column "${o.weight}" has ${plural(nonPositiveWeights, 'zero or negative weight')}; ${option('nonPositiveWeights')}`,
      { column: o.weight, count: nonPositiveWeights, option: "nonPositiveWeights: 'drop'" },
    );
  }
  if (!(counts.rows_kept! > 0)) {
    const dropped = counts.rows_in! > 0 ? ` after dropping ${plural(counts.rows_in!, 'bad row')}` : '';
    throw new PovineqError('EMPTY', `column "${o.value}" has no rows to measure${dropped}`, { column: o.value });
  }
  if (o.nonPositive === 'error') {
    const m = o.measures;
    const positive = m.has('theil') ? 'theil' : m.has('mld') ? 'mld' : m.has('atkinson') && o.epsilon.some((e) => e >= 1) ? 'atkinson' : undefined;
    const nonNegative = m.has('atkinson') && o.epsilon.some((e) => e > 0 && e < 1);
    const [measure, count, domain, noun] =
      positive !== undefined
        ? [positive, counts.value_nonpositive ?? 0, 'positive', 'zero or negative value']
        : nonNegative
          ? ['atkinson', counts.value_negative ?? 0, 'non-negative', 'negative value']
          : ['', 0, '', ''];
    if (count > 0) {
      throw new PovineqError(
        'NON_POSITIVE_VALUE',
        `${measure} needs ${domain} values, but column "${o.value}" has ${plural(count, noun)}; pass { nonPositive: 'drop' } to exclude them`,
        { column: o.value, count, option: "nonPositive: 'drop'", measure },
      );
    }
  }
}

/**
 * Raises the in-memory error where a measure is undefined for a group (a mean that is not
 * positive, nobody in the bottom share, nobody below the threshold), instead of returning NULL.
 */
export function assertDefined(row: Record<string, unknown>, o: Normalized, group: string): void {
  const m = o.measures;
  const where = group ? `in group ${group}: ` : '';
  const num = (k: string) => row[k] as number | null;
  const relative = ['gini', 'palma', 's80s20'].filter((k) => m.has(k as never));
  if (m.has('atkinson') && o.epsilon.includes(0)) relative.push('atkinson');
  const mean = num(AUX.mean);
  if (relative.length && !(mean! > 0)) {
    throw new PovineqError(
      'NON_POSITIVE_MEAN',
      `${where}${relative[0]} is relative to the mean, but the weighted mean of column "${o.value}" is ${mean}; it is defined only for a positive mean`,
      { column: o.value, measure: relative[0], mean },
    );
  }
  const domainMeans: [string, boolean, string][] = [
    ['theil', m.has('theil'), AUX.meanPositive],
    ['mld', m.has('mld'), AUX.meanPositive],
    ['atkinson', m.has('atkinson') && o.epsilon.some((e) => e >= 1), AUX.meanPositive],
    ['atkinson', m.has('atkinson') && o.epsilon.some((e) => e > 0 && e < 1), AUX.meanNonNegative],
  ];
  for (const [measure, used, key] of domainMeans) {
    if (used && !(num(key)! > 0)) {
      throw new PovineqError(
        'NON_POSITIVE_MEAN',
        `${where}${measure} is relative to the mean, but the weighted mean of column "${o.value}" over its domain is ${num(key)}; it is defined only for a positive mean`,
        { column: o.value, measure, mean: num(key) },
      );
    }
  }
  if (m.has('palma') && !(num(AUX.lorenz40)! > 0)) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `${where}palma: the bottom 40% of column "${o.value}" hold a share of ${num(AUX.lorenz40)} of total income; the ratio needs a positive share`,
      { column: o.value },
    );
  }
  if (m.has('s80s20') && !(num(AUX.bottom20)! > 0)) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `${where}s80s20: the bottom quintile of column "${o.value}" has total income ${num(AUX.bottom20) ?? 0}; the ratio needs a positive total`,
      { column: o.value },
    );
  }
  if (m.has('rmpg') && !(num(AUX.poor)! > 0)) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `${where}rmpg: no unit of column "${o.value}" is below the threshold, so the median of the poor is undefined`,
      { column: o.value },
    );
  }
}
