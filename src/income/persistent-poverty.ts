import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import { PovineqError, describeRows, plural, readColumn, rowCount } from '../data/index.js';
import { missingOption, readHouseholdWeights, readIncome } from './households.js';
import { readPoorFlags } from './person-weighted-rates.js';

/** Options of {@link persistentPoverty}. */
export interface PersistentPovertyOptions {
  /** Person identifier column. */
  id: string;
  /** Wave (or year) column; waves are ordered by value (numbers numerically, text as text). */
  wave: string;
  /** Column of poverty flags (true/false, 1/0) per person and wave. */
  poor?: string;
  /** Instead of `poor`: equivalised income per person and wave… */
  income?: string;
  /** …and the line: one number, or the name of a column holding each wave's line. */
  line?: number | string;
  /** Weight column; the weight at the last wave of each window is used (longitudinal weight). */
  weight?: string;
  /** Waves in a window, default 4. */
  window?: number;
  /** Poor in at least this many waves of the window, default 3. */
  minimum?: number;
  /** Rows with a missing income or weight: `'error'` (default) or `'drop'`. */
  missing?: 'error' | 'drop';
}

/**
 * Persistent poverty on panel data: the share of people who were poor in at least 3 of 4
 * consecutive waves.
 *
 * For each window of `window` (4) consecutive waves in the data, over the people observed in every
 * wave of the window: rate = Σ wᵢ [#poor waves ≥ minimum] / Σ wᵢ, with wᵢ the weight at the
 * window's last wave. This is the Child Poverty (Scotland) Act 2017 s. 6 measure (relative poverty,
 * BHC, in 3 of the last 4 years; Understanding Society), and DWP's Income Dynamics definition.
 * People missing from a wave of a window are left out of that window (the balanced panel), as
 * Income Dynamics does. A person-wave appearing twice is an error.
 * Reference: Child Poverty (Scotland) Act 2017, s. 6; DWP, Income Dynamics: background information.
 *
 * Returns an Arquero table, one row per window: `first_wave`, `wave` (the last wave), `rate`
 * (a fraction), `number` (weighted people in persistent poverty), `population` (weighted people in
 * the balanced panel), `sample_size` (people in the balanced panel).
 *
 * @example
 * persistentPoverty(panel, { id: 'pidp', wave: 'wave', poor: 'poor_bhc', weight: 'lw' })
 */
export function persistentPoverty(panel: ColumnTable, options: PersistentPovertyOptions): ColumnTable {
  const window = options.window ?? 4;
  const minimum = options.minimum ?? 3;
  if (!Number.isInteger(window) || window < 1) {
    throw new PovineqError('INVALID_OPTION', `window must be a whole number ≥ 1, got ${JSON.stringify(window)}`, { option: 'window' });
  }
  if (!Number.isInteger(minimum) || minimum < 1 || minimum > window) {
    throw new PovineqError('INVALID_OPTION', `minimum must be a whole number from 1 to window (${window}), got ${JSON.stringify(minimum)}`, {
      option: 'minimum',
    });
  }
  const missing = missingOption(options.missing);
  const n = rowCount(panel);
  const ids = readColumn(panel, options.id, 'id');
  const waves = readColumn(panel, options.wave, 'wave');
  const used = new Uint8Array(n).fill(1);
  for (const [col, values, opt] of [[options.id, ids, 'id'], [options.wave, waves, 'wave']] as const) {
    const bad: number[] = [];
    for (let i = 0; i < n; i++) if (values[i] === null || values[i] === undefined || values[i] === '' || Number.isNaN(values[i])) bad.push(i);
    if (bad.length > 0) {
      throw new PovineqError('INVALID_PANEL', `column "${col}" (option ${opt}) has ${plural(bad.length, 'missing value')} (${describeRows(bad)}); every row needs a person and a wave`, {
        column: col,
        count: bad.length,
        rows: bad.slice(0, 100),
      });
    }
  }
  const weights = readHouseholdWeights(panel, options.weight, missing);
  for (const r of weights.missingRows) used[r] = 0;
  let poor: Uint8Array;
  if (options.poor !== undefined) {
    poor = readPoorFlags(panel, options.poor, used);
  } else if (options.income !== undefined && options.line !== undefined) {
    const income = readIncome(panel, options.income, 'income', missing);
    for (const r of income.missingRows) used[r] = 0;
    const line = typeof options.line === 'string' ? readIncome(panel, options.line, 'line', 'error').values : undefined;
    poor = new Uint8Array(n);
    for (let i = 0; i < n; i++) poor[i] = income.values[i]! < (line ? line[i]! : (options.line as number)) ? 1 : 0;
  } else {
    throw new PovineqError('MISSING_OPTION', 'persistentPoverty needs a column of poverty flags ({ poor }) or an income and a line ({ income, line })', {
      option: 'poor',
    });
  }

  // person → wave → row, refusing duplicates
  const byPerson = new Map<unknown, Map<unknown, number>>();
  const dup: number[] = [];
  for (let i = 0; i < n; i++) {
    let m = byPerson.get(ids[i]);
    if (!m) byPerson.set(ids[i], (m = new Map()));
    if (m.has(waves[i])) dup.push(i);
    else m.set(waves[i], i);
  }
  if (dup.length > 0) {
    throw new PovineqError(
      'INVALID_PANEL',
      `the panel has ${plural(dup.length, 'duplicated person-wave')} (columns "${options.id}" and "${options.wave}": ${describeRows(dup)}, ` +
        `e.g. person ${JSON.stringify(ids[dup[0]!])} in wave ${JSON.stringify(waves[dup[0]!])}); keep one row per person and wave`,
      { column: options.id, count: dup.length, rows: dup.slice(0, 100) },
    );
  }
  const distinct = [...new Set(Array.from(waves))];
  const numeric = distinct.every((w) => typeof w === 'number');
  distinct.sort(numeric ? (a, b) => (a as number) - (b as number) : (a, b) => String(a).localeCompare(String(b)));

  const out = { first_wave: [] as unknown[], wave: [] as unknown[], rate: [] as (number | null)[], number: [] as number[], population: [] as number[], sample_size: [] as number[] };
  for (let end = window - 1; end < distinct.length; end++) {
    const span = distinct.slice(end - window + 1, end + 1);
    let number = 0;
    let population = 0;
    let sample = 0;
    for (const m of byPerson.values()) {
      let count = 0;
      let complete = true;
      for (const w of span) {
        const r = m.get(w);
        if (r === undefined || !used[r]) { complete = false; break; }
        count += poor[r]!;
      }
      if (!complete) continue;
      const w = weights.weights[m.get(span[span.length - 1])!]!;
      if (w > 0) sample++;
      population += w;
      if (count >= minimum) number += w;
    }
    out.first_wave.push(span[0]);
    out.wave.push(span[span.length - 1]);
    out.rate.push(population > 0 ? number / population : null);
    out.number.push(number);
    out.population.push(population);
    out.sample_size.push(sample);
  }
  if (out.wave.length === 0) {
    throw new PovineqError('INVALID_PANEL', `column "${options.wave}" has ${plural(distinct.length, 'wave')}, fewer than the window of ${window}; pass a smaller { window }`, {
      column: options.wave,
      option: 'window',
    });
  }
  return aq.table(out);
}
