import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';

/**
 * One row of a decomposition result. `value` holds an additive part (or null where a row only
 * describes a group); `share` is `value / total` (a fraction).
 */
export interface DecompositionRow {
  /** What the row is: a group label, an income source, `between`, `within`, `total`… */
  component: string;
  /** `group`, `source`, `between`, `within`, `overlap`, `interaction`, `growth`, … or `total`. */
  kind: string;
  /** The additive part, or null when the row only describes a group. */
  value: number | null;
  /** Further columns (population_share, index, …), in the order they should appear. */
  [column: string]: unknown;
}

/**
 * Builds the Arquero result table of a decomposition: columns `component`, `kind`, `value`,
 * `share` (value / total), then any further columns in first-seen order. `total` is the value
 * shares are taken of (the decomposed quantity).
 */
export function decompositionTable(rows: DecompositionRow[], total: number, keyColumns?: Record<string, unknown[]>): ColumnTable {
  const out: Record<string, unknown[]> = {};
  const reserved = new Set(['component', 'kind', 'value', 'share', ...rows.flatMap((r) => Object.keys(r))]);
  for (const name of Object.keys(keyColumns ?? {})) {
    if (reserved.has(name)) {
      throw new PovineqError(
        'INVALID_OPTION',
        `the grouping column "${name}" has the name of a result column; rename it (e.g. with table.rename) before decomposing`,
        { option: 'by', column: name },
      );
    }
  }
  if (keyColumns) for (const [name, values] of Object.entries(keyColumns)) out[name] = values;
  out.component = rows.map((r) => r.component);
  out.kind = rows.map((r) => r.kind);
  out.value = rows.map((r) => r.value);
  out.share = rows.map((r) => (r.value === null ? null : total === 0 ? null : r.value / total));
  const extra: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!(k in out) && !extra.includes(k)) extra.push(k);
  for (const k of extra) out[k] = rows.map((r) => (r[k] === undefined ? null : r[k]));
  return aq.table(out);
}
