import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, datasetPath, plural, readCSV } from '../data/index.js';

/** The ONS code for Scotland as a whole, used for the Scotland rows of LGBF, CPOP and NRS tables. */
export const SCOTLAND_CODE = 'S92000003';

/** One council in the crosswalk. */
export interface Council {
  /** Current (2019) S12 code. */
  code: string;
  /** Scottish Government name, the name povineq's loaders use. */
  name: string;
  /** The code before the 2018/19 changes (differs for Fife, Perth and Kinross, Glasgow, North Lanarkshire). */
  code2016: string;
}

let index: { byKey: Map<string, Council>; list: Council[] } | undefined;

/**
 * The 32 Scottish councils: current S12 code, the Scottish Government name, the pre-2018/19 code,
 * and the name each bundled dataset uses (`simd2020_name`, `simd2016_name`, `lgbf_name`,
 * `cpop_name`, `nrs_name`, `ons_2024_name`), with `n_datazones` (2011 data zones in the council).
 *
 * Four codes changed in 2018/19 with minor boundary changes: Fife S12000015 → S12000047, Perth and
 * Kinross S12000024 → S12000048, Glasgow S12000046 → S12000049, North Lanarkshire S12000044 →
 * S12000050. Source: datasets/scotland_council_areas_lookup.csv (derived from the SIMD lookups).
 *
 * @example
 * councils().numRows() // 32
 */
export function councils(): ColumnTable {
  const t = readCSV(datasetPath('scotland_council_areas_lookup.csv'), { autoType: false });
  return aq.table({
    code: t.array('code'),
    name: t.array('name'),
    code_2016: t.array('code_2016'),
    code_changed_since_2016: Array.from(t.array('code_changed_since_2016'), (v) => v === 'True'),
    simd2020_name: t.array('simd2020_indicators_name'),
    simd2016_name: t.array('simd2016_indicators_name'),
    lgbf_name: t.array('lgbf_name'),
    cpop_name: t.array('cpop_name'),
    nrs_name: t.array('nrs_mye_name'),
    ons_2024_name: t.array('ons_2024_name'),
    n_datazones: Array.from(t.array('n_datazones'), Number),
  });
}

/** Lower-case, `&` → `and`, underscores → spaces, single spaces: how council names are compared. */
export function normaliseCouncilName(name: string): string {
  return name.toLowerCase().replace(/&/g, ' and ').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

function councilIndex(): { byKey: Map<string, Council>; list: Council[] } {
  if (index) return index;
  const t = councils();
  const byKey = new Map<string, Council>();
  const list: Council[] = [];
  const n = t.numRows();
  const names = ['name', 'simd2020_name', 'simd2016_name', 'lgbf_name', 'cpop_name', 'nrs_name', 'ons_2024_name'];
  for (let i = 0; i < n; i++) {
    const c: Council = { code: t.get('code', i) as string, name: t.get('name', i) as string, code2016: t.get('code_2016', i) as string };
    list.push(c);
    byKey.set(c.code.toLowerCase(), c);
    byKey.set(c.code2016.toLowerCase(), c);
    for (const col of names) byKey.set(normaliseCouncilName(t.get(col, i) as string), c);
  }
  index = { byKey, list };
  return index;
}

/** Options of {@link councilCodes}. */
export interface CouncilCodeOptions {
  /** Name of the column the values came from, for messages. */
  column?: string;
  /** Whether `Scotland` (or S92000003) is accepted, as the national row of a table; default false. */
  scotland?: boolean;
  /** Values not recognised: `'error'` (default) throws listing them; `'null'` gives null for them. */
  unknown?: 'error' | 'null';
}

/**
 * Current S12 council codes for council names or codes as any bundled dataset writes them:
 * current or 2016 S12 codes, SG, ONS, LGBF, CPOP, NRS and SIMD names (`Argyll & Bute`,
 * `Edinburgh City`, `Edinburgh, City of`, `Eilean Siar`, `Na h-Eileanan an Iar`,
 * `Dumfries_and_Galloway` …). Case, `&`/`and` and underscores do not matter.
 *
 * Unknown values throw a PovineqError (code `UNKNOWN_CODE`) naming each distinct unknown value and
 * how many rows hold it; pass `{ unknown: 'null' }` to get null for them instead.
 *
 * @example
 * councilCodes(['Glasgow City', 'S12000046', 'Edinburgh City']) // ['S12000049', 'S12000049', 'S12000036']
 */
export function councilCodes(values: ArrayLike<unknown>, options: CouncilCodeOptions = {}): (string | null)[] {
  const { byKey } = councilIndex();
  const out: (string | null)[] = new Array(values.length);
  const unknown = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const key = typeof v === 'string' ? normaliseCouncilName(v) : '';
    const c = byKey.get(key);
    if (c) out[i] = c.code;
    else if (options.scotland && (key === 'scotland' || key === SCOTLAND_CODE.toLowerCase())) out[i] = SCOTLAND_CODE;
    else {
      out[i] = null;
      const label = v === null || v === undefined ? String(v) : String(v);
      const rows = unknown.get(label) ?? [];
      rows.push(i);
      unknown.set(label, rows);
    }
  }
  if (unknown.size > 0 && (options.unknown ?? 'error') === 'error') throw unknownCouncils(unknown, options.column);
  return out;
}

/** The current S12 code of one council name or code (see {@link councilCodes}). */
export function councilCode(nameOrCode: string): string {
  return councilCodes([nameOrCode])[0]!;
}

/** The Scottish Government name of a council given its current S12 code. */
export function councilName(code: string): string {
  if (code === SCOTLAND_CODE) return 'Scotland';
  const c = councilIndex().byKey.get(code.toLowerCase());
  if (!c) throw unknownCouncils(new Map([[code, [0]]]), undefined);
  return c.name;
}

function unknownCouncils(unknown: Map<string, number[]>, column: string | undefined): PovineqError {
  const rows = [...unknown.values()].flat().sort((a, b) => a - b);
  const listed = [...unknown.entries()]
    .slice(0, 10)
    .map(([v, r]) => `${JSON.stringify(v)} (${plural(r.length, 'row')}, first ${r[0]})`)
    .join(', ');
  const more = unknown.size > 10 ? ` and ${unknown.size - 10} more` : '';
  return new PovineqError(
    'UNKNOWN_CODE',
    `${column ? `column "${column}" has ` : ''}${plural(unknown.size, 'unknown council')} in ${plural(rows.length, 'row')}: ${listed}${more}; ` +
      `use a current or 2016 S12 code or a council name (councils() lists them), or pass { unknown: 'null' } to keep those rows with a null code`,
    { column, values: [...unknown.keys()], count: rows.length, rows: rows.slice(0, 100), option: "unknown: 'null'" },
  );
}
