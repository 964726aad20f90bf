import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';

/**
 * A new table with the given columns added (or replaced), rows in the caller's row order (filters
 * and orderby applied). With `rows`, only those row positions are kept, in that order. The input
 * table is not changed.
 */
export function withColumns(table: ColumnTable, columns: Record<string, ArrayLike<unknown>>, rows?: number[]): ColumnTable {
  if (typeof (table as { reify?: unknown })?.reify !== 'function') {
    throw new PovineqError('INVALID_INPUT', 'expected an Arquero table (aq.table(...), readCSV(...))');
  }
  let base = table;
  if (rows) {
    // reify takes positions in the table's data; map from the caller's row order
    const order = positions(table);
    base = table.reify(rows.map((r) => order[r]!));
  } else if (table.isFiltered() || table.isOrdered()) {
    base = table.reify();
  }
  const cols: Record<string, ArrayLike<unknown>> = {};
  for (const [name, values] of Object.entries(columns)) cols[name] = rows ? rows.map((r) => values[r]) : values;
  return base.assign(cols as unknown as Parameters<ColumnTable['assign']>[0]);
}

/** Data positions of the table's rows, in row order. */
function positions(table: ColumnTable): number[] {
  const out: number[] = [];
  table.scan((row) => {
    out.push(row as number);
  }, true);
  return out;
}

/** Row positions 0..n−1 except the given ones. */
export function keptRows(n: number, dropped: ArrayLike<number>): number[] | undefined {
  if (dropped.length === 0) return undefined;
  const out = new Uint8Array(n).fill(1);
  for (let i = 0; i < dropped.length; i++) out[dropped[i]!] = 0;
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (out[i]) rows.push(i);
  return rows;
}
