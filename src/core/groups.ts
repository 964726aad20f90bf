import { type ColumnSource, PovineqError, checkValue, readColumn } from '../data/index.js';
import type { Distribution } from './distribution.js';

/** Rows of a source assigned to groups by the values of one or more columns. */
export interface Grouping {
  /** Column names grouped by. */
  by: string[];
  /** Group index of each input row. */
  index: Int32Array;
  /** Key values of each group, one array per `by` column, in order of first appearance. */
  keys: unknown[][];
  /** Number of groups. */
  size: number;
}

/**
 * Assigns every row of a source to a group by the values in the `by` columns (in order of first
 * appearance; null is a group of its own, as in Arquero's groupby).
 */
export function groupRows(source: ColumnSource, by: string | readonly string[]): Grouping {
  checkValue(by, { kind: 'columns' }, 'by', 'grouping');
  const names = typeof by === 'string' ? [by] : Array.from(by);
  if (names.length === 0) throw new PovineqError('MISSING_OPTION', 'by needs at least one column name', { option: 'by' });
  const columns = names.map((name) => readColumn(source, name, 'by'));
  const n = columns[0]!.length;
  const index = new Int32Array(n);
  const keys: unknown[][] = names.map(() => []);
  const seen = new Map<unknown, number>();
  for (let r = 0; r < n; r++) {
    const key = columns.length === 1 ? normaliseKey(columns[0]![r]) : JSON.stringify(columns.map((c) => normaliseKey(c[r])));
    let g = seen.get(key);
    if (g === undefined) {
      g = seen.size;
      seen.set(key, g);
      columns.forEach((c, j) => keys[j]!.push(c[r] === undefined ? null : c[r]));
    }
    index[r] = g;
  }
  return { by: names, index, keys, size: seen.size };
}

function normaliseKey(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return `date:${v.getTime()}`;
  return v;
}

/** A readable name for group g, e.g. `council = "S12000033"`. */
export function groupLabel(grouping: Grouping, g: number): string {
  return grouping.by.map((name, j) => `${name} = ${JSON.stringify(grouping.keys[j]![g])}`).join(', ');
}

/**
 * Splits a sorted Distribution into one sorted Distribution per group without re-sorting
 * (a stable partition of the sorted order). Throws naming any group left with no units.
 */
/** Throws naming the first group left with no units (`counts`: units per group). */
export function checkNoEmptyGroup(d: Distribution, grouping: Grouping, counts: Int32Array): void {
  for (let g = 0; g < grouping.size; g++) {
    if (counts[g] === 0) {
      throw new PovineqError(
        'EMPTY_GROUP',
        `group ${groupLabel(grouping, g)} has no rows left to measure in column "${d.column}"` +
          (d.inputRows > d.n ? ` after dropping ${d.inputRows - d.n} rows` : ''),
        { group: grouping.keys.map((k) => k[g]), column: d.column },
      );
    }
  }
}

export function partition(d: Distribution, grouping: Grouping): Distribution[] {
  const counts = new Int32Array(grouping.size);
  const gOf = new Int32Array(d.n);
  for (let i = 0; i < d.n; i++) {
    const g = grouping.index[d.rows[i]!]!;
    gOf[i] = g;
    counts[g]!++;
  }
  checkNoEmptyGroup(d, grouping, counts);
  const positions = Array.from(counts, (c) => new Int32Array(c));
  const fill = new Int32Array(grouping.size);
  for (let i = 0; i < d.n; i++) {
    const g = gOf[i]!;
    positions[g]![fill[g]!++] = i;
  }
  return positions.map((p) => d.select(p));
}
