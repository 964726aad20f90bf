import { PovineqError, datasetPath, plural, readCSV } from '../data/index.js';

let known: Set<string> | undefined;

function dataZoneSet(): Set<string> {
  if (!known) {
    const t = readCSV(datasetPath('simd2020v2_datazone_lookup.csv'), { autoType: false });
    known = new Set(t.array('DZ') as string[]);
  }
  return known;
}

/** Options of {@link checkDataZones}. */
export interface CheckDataZonesOptions {
  /** Name of the column the codes came from, for messages. */
  column?: string;
  /** Codes that may appear besides the 6,976 2011 data zones. */
  allow?: Iterable<string>;
}

/**
 * Checks that every value is a 2011 data zone code (S01006506 … S01013481, 6,976 in all) and throws
 * a PovineqError (`UNKNOWN_CODE`) naming the unknown codes, how many rows hold them and the first
 * row of each. 2001 data zones (S01000001 … S01006505) are not 2011 zones and are reported as
 * unknown. Returns nothing when all are known.
 *
 * @example
 * checkDataZones(simd().array('data_zone'), { column: 'data_zone' }) // passes: every SIMD 2020 zone is a 2011 zone
 */
export function checkDataZones(values: ArrayLike<unknown>, options: CheckDataZonesOptions = {}): void {
  const zones = dataZoneSet();
  const allow = new Set(options.allow ?? []);
  const unknown = new Map<string, number[]>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' && (zones.has(v) || allow.has(v))) continue;
    const label = String(v);
    const rows = unknown.get(label) ?? [];
    rows.push(i);
    unknown.set(label, rows);
  }
  if (unknown.size === 0) return;
  const rows = [...unknown.values()].flat().sort((a, b) => a - b);
  const listed = [...unknown.entries()]
    .slice(0, 10)
    .map(([v, r]) => `${JSON.stringify(v)} (${plural(r.length, 'row')}, first ${r[0]})`)
    .join(', ');
  throw new PovineqError(
    'UNKNOWN_CODE',
    `${options.column ? `column "${options.column}" has ` : ''}${plural(unknown.size, 'unknown data zone')} in ${plural(rows.length, 'row')}: ` +
      `${listed}${unknown.size > 10 ? ` and ${unknown.size - 10} more` : ''}; data zones must be 2011 codes (S01006506 … S01013481), ` +
      `as in simd(); filter those rows out first`,
    { column: options.column, values: [...unknown.keys()], count: rows.length, rows: rows.slice(0, 100) },
  );
}
