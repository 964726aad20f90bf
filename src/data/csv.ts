import fs from 'node:fs';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from './errors.js';

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
 * Headers that are names of JavaScript object properties (`toString`, `valueOf`,
 * `hasOwnProperty`, `constructor` …) are read safely under their own names (Arquero's parser
 * alone turns them into "[object Undefined]" or crashes); `__proto__` cannot name a column and is
 * an error naming it and the fix.
 *
 * @example
 * const hh = readCSV('households.csv');
 */
export function readCSV(path: string | URL, options?: ReadCSVOptions): ColumnTable {
  return fromCSVText(fs.readFileSync(path, 'utf8'), options);
}

/** Names that collide with properties every JavaScript object inherits. */
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Parses CSV text as {@link readCSV} does (header names made safe). */
export function fromCSVText(text: string, options?: ReadCSVOptions): ColumnTable {
  const o = (options ?? {}) as Record<string, unknown>;
  if (o.header === false || o.names !== undefined) return aq.fromCSV(text, options);
  const names = headerNames(text, typeof o.delimiter === 'string' ? o.delimiter : ',', typeof o.skip === 'number' ? o.skip : 0);
  if (!names.some((n) => INHERITED.has(n))) return aq.fromCSV(text, options);
  const proto = names.indexOf('__proto__');
  if (proto >= 0) {
    throw new PovineqError(
      'INVALID_INPUT',
      `CSV header "__proto__" (column ${proto + 1}) cannot name a column of a JavaScript table; rename it in the file, ` +
        `or pass { names: [...] } to readCSV with a name for every column`,
      { column: '__proto__', option: 'names' },
    );
  }
  const placeholders = names.map((_, i) => `\u0000column${i}`);
  const table = aq.fromCSV(text, { ...o, header: false, names: placeholders, skip: ((o.skip as number | undefined) ?? 0) + 1 } as ReadCSVOptions);
  return table.rename(Object.fromEntries(placeholders.map((p, i) => [p, names[i]!])));
}

/** The fields of the header line (after `skip` lines), honouring quotes. */
function headerNames(text: string, delimiter: string, skip: number): string[] {
  let i = 0;
  for (let s = 0; s < skip; s++) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return [];
    i = nl + 1;
  }
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"', i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) (names.push(field), (field = ''));
    else if (c === '\n' || c === '\r') break;
    else field += c;
  }
  names.push(field);
  return names;
}
