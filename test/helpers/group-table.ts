import { random } from '../../src/core/index.js';

/**
 * A seeded table for byGroup across threads: `rows` lognormal incomes (pence), weights, a
 * council-like column of 32 groups and a data-zone-like column of about 7,000 groups.
 */
export function groupTable(rows = 2_000_000, seed = 2026) {
  const rng = random(seed);
  const income = new Float64Array(rows);
  const w = new Float64Array(rows);
  const council: string[] = new Array(rows);
  const zone = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    income[i] = Math.round(Math.exp(9.8 + 0.7 * rng.normal()) * 100) / 100;
    w[i] = Math.round(Math.exp(0.4 * rng.normal()) * 1000) / 1000 + 0.1;
    council[i] = `S${rng.integer(32)}`;
    zone[i] = rng.integer(7000);
  }
  return { income, w, council, zone: Array.from(zone) };
}
