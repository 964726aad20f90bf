import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { type ColumnSource, type OptionSpec, PovineqError, checkOptions, describeRows, plural, readColumn, toNumeric } from '../data/index.js';

/** Options of {@link benchmark}. */
export interface BenchmarkOptions {
  /** The national (or regional) figure the population-weighted area estimates must add up to. */
  target: number;
  /** Column of area populations Nᵢ (the weights of the aggregate are Nᵢ / ΣN). */
  population: string;
  /** Column of model estimates to benchmark (default `eblup`). */
  estimate?: string;
  /** Column of their MSEs (default `mse`; pass null when there is none). */
  mse?: string | null;
  /** 'ratio' scales every estimate by target / Σwᵢθ̂ᵢ; 'difference' adds target − Σwᵢθ̂ᵢ (default 'ratio'). */
  method?: 'ratio' | 'difference';
}

const BENCHMARK_OPTIONS: OptionSpec = {
  target: { kind: 'number' },
  population: { kind: 'string' },
  estimate: { kind: 'string' },
  mse: { kind: 'check', check: (value, option, context) => {
    if (value !== null && typeof value !== 'string') {
      throw new PovineqError('INVALID_OPTION', `${context}: option ${option} must be a column name or null (no MSE), got ${typeof value}`, { option, context });
    }
  } },
  method: { kind: 'enum', values: ['ratio', 'difference'] },
};

/**
 * Benchmarks area estimates so that their population-weighted mean equals a trusted national
 * figure: ratio θ̂ᵢᴮ = θ̂ᵢ · T / Σwⱼθ̂ⱼ, or difference θ̂ᵢᴮ = θ̂ᵢ + (T − Σwⱼθ̂ⱼ), wⱼ = Nⱼ/ΣN.
 * Adds `benchmarked`, `benchmark_adjustment` (θ̂ᴮ − θ̂) and, when an MSE column is given,
 * `benchmarked_mse` = mse + (θ̂ᴮ − θ̂)²: the second-order approximation of Steorts & Ghosh (2013,
 * Statistica Sinica 23) for the difference benchmark, used for both methods (the benchmark's own
 * sampling error is ignored, so it is a lower bound when the target is itself estimated).
 * Reference: Pfeffermann & Barnard (1991); Rao & Molina (2015), §6.3. The input is not changed.
 *
 * @example
 * benchmark(fh.areas.join(population, 'council'), { target: 0.24, population: 'children' })
 */
export function benchmark(areas: ColumnTable, options: BenchmarkOptions): ColumnTable {
  options = checkOptions(options, BENCHMARK_OPTIONS, 'benchmark');
  const target = options.target;
  if (typeof target !== 'number' || !Number.isFinite(target)) {
    throw new PovineqError('INVALID_OPTION', `benchmark needs a finite { target }, got ${JSON.stringify(target)}`, { option: 'target' });
  }
  const method = options.method ?? 'ratio';
  const estimateColumn = options.estimate ?? 'eblup';
  const theta = numbers(areas, estimateColumn, 'estimate');
  const population = numbers(areas, options.population, 'population');
  const bad = Array.from(population).flatMap((v, i) => (v > 0 ? [] : [i]));
  if (bad.length > 0) {
    throw new PovineqError(
      'NON_POSITIVE_VALUE',
      `population column "${options.population}" has ${plural(bad.length, 'zero or negative value')} (${describeRows(bad)}); every area needs its population`,
      { column: options.population, count: bad.length, rows: bad.slice(0, 100), option: 'population' },
    );
  }
  const total = population.reduce((s, v) => s + v, 0);
  const aggregate = theta.reduce((s, v, i) => s + (v * population[i]!) / total, 0);
  if (method === 'ratio' && !(aggregate !== 0)) {
    throw new PovineqError('UNDEFINED_RESULT', 'ratio benchmarking needs a non-zero aggregate of the estimates; use { method: "difference" }', { option: 'method' });
  }
  const benchmarked = Array.from(theta, (v) => (method === 'ratio' ? (v * target) / aggregate : v + target - aggregate));
  const adjustment = benchmarked.map((v, i) => v - theta[i]!);
  const added: Record<string, number[]> = { benchmarked, benchmark_adjustment: adjustment };
  const mseColumn = options.mse === undefined ? 'mse' : options.mse;
  if (mseColumn !== null && (options.mse !== undefined || areas.columnNames().includes(mseColumn))) {
    const mse = numbers(areas, mseColumn, 'mse');
    added.benchmarked_mse = Array.from(mse, (v, i) => v + adjustment[i]! ** 2);
  }
  // reify so that a filtered or ordered table lines up with the new columns (read in table order)
  return areas.reify().assign(aq.table(added));
}

function numbers(source: ColumnSource, column: string, option: string): Float64Array {
  if (typeof column !== 'string') {
    throw new PovineqError('MISSING_OPTION', `benchmark needs { ${option} }: a column name`, { option });
  }
  const raw = readColumn(source, column, option);
  const col = toNumeric(raw);
  const bad = [...col.missing, ...col.nonNumeric, ...col.nonFinite].sort((a, b) => a - b);
  if (bad.length > 0) {
    throw new PovineqError(
      'MISSING_VALUE',
      `${option} column "${column}" has ${plural(bad.length, 'missing or non-numeric value')} (${describeRows(bad)}); every area needs one`,
      { column, count: bad.length, rows: bad.slice(0, 100), option },
    );
  }
  return col.values;
}
