import { type ChartData, type ChartRow, chartRows, requireNumbers } from './frame.js';

/**
 * One column a chart builder reads, declared as data (as Observable Plot declares its channels):
 * the key is the option that names the column.
 */
export interface ColumnSpec {
  /** Column used when the option is not given; without one the column is read only when named. */
  default?: string;
  /** The column must hold numbers in every row. */
  numeric?: boolean;
  /**
   * `'always'` (default): the table must have the column. `'named'`: only when the option names
   * it; otherwise the default column is carried along when present.
   */
  need?: 'always' | 'named';
}

/**
 * Resolves a builder's columns from its options and declaration, reads the rows (errors name a
 * missing column and the option that names it) and checks the numeric columns, in declaration
 * order. `keep` lists further columns carried along when present.
 */
export function chartColumns<O extends object, K extends keyof O & string>(
  chart: string,
  table: ChartData,
  options: O,
  spec: Readonly<Record<K, ColumnSpec>>,
  keep: readonly string[] = [],
): { rows: ChartRow[]; col: Record<K, string> } {
  const col = {} as Record<K, string>;
  const needed: Record<string, string> = {};
  const carried: string[] = [];
  const checked: [string, K][] = [];
  for (const key of Object.keys(spec) as K[]) {
    const s = spec[key];
    const named = (options as Record<string, unknown>)[key] as string | undefined;
    const name = named ?? s.default;
    if (name === undefined) continue;
    col[key] = name;
    if (s.need === 'named' && named === undefined) {
      carried.push(name);
      continue;
    }
    needed[name] = key;
    if (s.numeric) checked.push([name, key]);
  }
  const rows = chartRows(chart, table, needed, [...carried, ...keep]);
  for (const [name, key] of checked) requireNumbers(chart, rows, name, key);
  return { rows, col };
}
