import { inspect, type InspectOptions } from 'node:util';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import type { MimeBundle } from './show.js';
import { tslabWriter } from './tslab.js';
import { type TableDisplayOptions, tableHTML, tableText } from './table-format.js';

/** Whether a value is an Arquero table (any version: it is recognised by its methods). */
export function isTable(x: unknown): x is ColumnTable {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ColumnTable).numRows === 'function' &&
    typeof (x as ColumnTable).columnNames === 'function' &&
    typeof (x as ColumnTable).array === 'function'
  );
}

/**
 * The Jupyter display bundle of a table: an HTML table (`text/html`) and the same table as aligned
 * text (`text/plain`), numbers formatted by column kind, the first `limit` rows and "… n more rows".
 *
 * @example
 * tableBundle(aq.table({ year: [2024], rate: [0.236] })) // an HTML table (text/html) and the same as text (text/plain)
 */
export function tableBundle(table: ColumnTable, options: TableDisplayOptions = {}): MimeBundle {
  if (!isTable(table)) {
    throw new PovineqError('INVALID_INPUT', 'tableBundle() needs an Arquero table (aq.table, aq.from, or a povineq result table)');
  }
  return { 'text/html': tableHTML(table, options), 'text/plain': tableText(table, options) };
}

let settings: TableDisplayOptions = {};

/**
 * Drops the lone newline `console.log` writes after a value whose inspection returned '' (the
 * table was sent as a display instead): the next write only, whatever it is.
 */
function swallowNextNewline(): void {
  const stream = process.stdout;
  const original = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]): boolean {
    stream.write = original;
    if (chunk === '\n') return true;
    return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stream.write;
}

/**
 * What `console.log(table)`, `util.inspect(table)` and a notebook cell ending in a table show. In
 * a running tslab cell the table is sent as an HTML display (with its text form) and nothing is
 * printed; elsewhere, and for a table nested inside another value, the aligned text is returned.
 */
function inspectTable(this: ColumnTable, depth: number, options: InspectOptions): string {
  const text = tableText(this, settings);
  const top = depth === (options?.depth ?? 2) || options?.depth === null || options?.depth === Infinity;
  const write = top ? tslabWriter() : undefined;
  if (!write) return text;
  write({ data: tableBundle(this, settings), metadata: {}, transient: {} }, false);
  swallowNextNewline();
  return '';
}

/**
 * Makes Arquero tables display themselves: in a tslab notebook a cell that ends with a table (or
 * `console.log(table)`) shows an HTML table with formatted numbers (24.3%, £312, 12,345, 2024) and
 * "… n more rows"; in Node and elsewhere `console.log(table)` prints the same table as text.
 * Importing povineq calls it; call it again to change the row limit or a column's kind.
 *
 * @example
 * displayTables({ limit: 20 });
 */
export function displayTables(options: TableDisplayOptions = {}): void {
  if (options.limit !== undefined && !(Number.isInteger(options.limit) && options.limit >= 0)) {
    throw new PovineqError('INVALID_OPTION', `displayTables: limit must be a whole number of rows (0 or more), got ${String(options.limit)}`, { option: 'limit' });
  }
  settings = { ...options };
  const proto = aq.ColumnTable.prototype as unknown as Record<symbol, unknown>;
  proto[inspect.custom] = inspectTable;
}
