import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, datasetPath, describeRows, readCSV } from '../data/index.js';
import { parseCells } from './cells.js';
import { councilCodes, councilName } from './councils.js';

/** SIMD editions bundled with povineq. */
export type SimdVintage = '2020v2' | '2016';

/** Options of {@link simd}. */
export interface SimdOptions {
  /** Edition: `'2020v2'` (default; 2017 population estimates) or `'2016'` (2014 population estimates). */
  vintage?: SimdVintage;
}

/** The seven SIMD domains, by the names povineq uses for their rank columns (`<domain>_rank`). */
export const SIMD_DOMAINS = ['income', 'employment', 'education', 'health', 'access', 'crime', 'housing'] as const;
/** One SIMD domain. */
export type SimdDomain = (typeof SIMD_DOMAINS)[number];

interface Indicator {
  /** povineq's column name. */
  name: string;
  /** Column in the 2020v2 and 2016 indicator files (undefined: not published in that edition). */
  source: Record<SimdVintage, string | undefined>;
  /** Published as a percent string ("8%"): parsed to a fraction. */
  percent?: boolean;
}

// One row per indicator: povineq name, source columns in each edition, whether it is a percent.
const INDICATORS: Indicator[] = [
  { name: 'income_rate', source: { '2020v2': 'income_rate', '2016': 'Income_rate' }, percent: true },
  { name: 'income_count', source: { '2020v2': 'income_count', '2016': 'Income_count' } },
  { name: 'employment_rate', source: { '2020v2': 'employment_rate', '2016': 'Employment_rate' }, percent: true },
  { name: 'employment_count', source: { '2020v2': 'employment_count', '2016': 'Employment_count' } },
  { name: 'cif', source: { '2020v2': 'CIF', '2016': 'CIF' } },
  { name: 'alcohol', source: { '2020v2': 'ALCOHOL', '2016': 'ALCOHOL' } },
  { name: 'drug', source: { '2020v2': 'DRUG', '2016': 'DRUG' } },
  { name: 'smr', source: { '2020v2': 'SMR', '2016': 'SMR' } },
  { name: 'depress', source: { '2020v2': 'DEPRESS', '2016': 'DEPRESS' }, percent: true },
  { name: 'lbwt', source: { '2020v2': 'LBWT', '2016': 'LBWT' }, percent: true },
  { name: 'emerg', source: { '2020v2': 'EMERG', '2016': 'EMERG' } },
  { name: 'attendance', source: { '2020v2': 'Attendance', '2016': 'Attendance' }, percent: true },
  { name: 'attainment', source: { '2020v2': 'Attainment', '2016': 'Attainment' } },
  { name: 'no_qualifications', source: { '2020v2': 'no_qualifications', '2016': 'Noquals' } },
  { name: 'not_participating', source: { '2020v2': 'not_participating', '2016': 'NEET' }, percent: true },
  { name: 'university', source: { '2020v2': 'University', '2016': 'HESA' }, percent: true },
  { name: 'crime_count', source: { '2020v2': 'crime_count', '2016': undefined } },
  { name: 'crime_rate', source: { '2020v2': 'crime_rate', '2016': 'crime_rate' } },
  { name: 'overcrowded_count', source: { '2020v2': 'overcrowded_count', '2016': 'overcrowded_count' } },
  { name: 'overcrowded_rate', source: { '2020v2': 'overcrowded_rate', '2016': 'overcrowded_rate' }, percent: true },
  { name: 'nocentralheating_count', source: { '2020v2': 'nocentralheating_count', '2016': 'nocentralheat_count' } },
  { name: 'nocentralheating_rate', source: { '2020v2': 'nocentralheating_rate', '2016': 'nocentralheat_rate' }, percent: true },
  { name: 'drive_petrol', source: { '2020v2': 'drive_petrol', '2016': 'drive_petrol' } },
  { name: 'drive_gp', source: { '2020v2': 'drive_GP', '2016': 'drive_GP' } },
  { name: 'drive_post', source: { '2020v2': 'drive_post', '2016': 'drive_PO' } },
  { name: 'drive_primary', source: { '2020v2': 'drive_primary', '2016': 'drive_primary' } },
  { name: 'drive_retail', source: { '2020v2': 'drive_retail', '2016': 'drive_retail' } },
  { name: 'drive_secondary', source: { '2020v2': 'drive_secondary', '2016': 'drive_secondary' } },
  { name: 'pt_gp', source: { '2020v2': 'PT_GP', '2016': 'PT_GP' } },
  { name: 'pt_post', source: { '2020v2': 'PT_post', '2016': 'PT_Post' } },
  { name: 'pt_retail', source: { '2020v2': 'PT_retail', '2016': 'PT_retail' } },
  { name: 'broadband', source: { '2020v2': 'broadband', '2016': undefined }, percent: true },
];

interface Edition {
  lookup: string;
  indicators: string;
  prefix: string;
  domainPrefix: Record<SimdDomain, string>;
  workingAge: string;
  indicatorZone: string;
}

const EDITIONS: Record<SimdVintage, Edition> = {
  '2020v2': {
    lookup: 'simd2020v2_datazone_lookup.csv',
    indicators: 'simd2020v2_indicators.csv',
    prefix: 'SIMD2020v2_',
    domainPrefix: {
      income: 'SIMD2020v2_Income_Domain_Rank',
      employment: 'SIMD2020_Employment_Domain_Rank',
      education: 'SIMD2020_Education_Domain_Rank',
      health: 'SIMD2020_Health_Domain_Rank',
      access: 'SIMD2020_Access_Domain_Rank',
      crime: 'SIMD2020_Crime_Domain_Rank',
      housing: 'SIMD2020_Housing_Domain_Rank',
    },
    workingAge: 'Working_Age_Population',
    indicatorZone: 'Data_Zone',
  },
  '2016': {
    lookup: 'simd2016_datazone_lookup.csv',
    indicators: 'simd2016_indicators.csv',
    prefix: 'SIMD16_',
    domainPrefix: {
      income: 'SIMD16_Income_Domain_Rank',
      employment: 'SIMD16_Employment_Domain_Rank',
      education: 'SIMD16_Education_Domain_Rank',
      health: 'SIMD16_Health_Domain_Rank',
      access: 'SIMD16_Access_Domain_Rank',
      crime: 'SIMD16_Crime_Domain_Rank',
      housing: 'SIMD16_Housing_Domain_Rank',
    },
    workingAge: 'Working_Age_Population_revised',
    indicatorZone: 'Data_Zone',
  },
};

/** Names of the indicator columns {@link simd} returns for an edition (each has a `<name>_flag` column). */
export function simdIndicators(vintage: SimdVintage = '2020v2'): string[] {
  checkVintage(vintage);
  return INDICATORS.filter((d) => d.source[vintage] !== undefined).map((d) => d.name);
}

function checkVintage(vintage: unknown): asserts vintage is SimdVintage {
  if (vintage !== '2020v2' && vintage !== '2016') {
    throw new PovineqError('INVALID_OPTION', `SIMD vintage must be '2020v2' or '2016', got ${JSON.stringify(vintage)}`, { option: 'vintage' });
  }
}

/**
 * The Scottish Index of Multiple Deprivation by 2011 data zone (6,976 rows), tidy and typed: the
 * official lookup joined to the published indicators.
 *
 * Columns: `data_zone` (S01), `data_zone_name`, `intermediate_zone` (S02), `intermediate_zone_name`,
 * `council` (current S12 code, also for the 2016 edition, whose file has the 2016 codes),
 * `council_name` (Scottish Government name), `health_board`, `health_board_name`, `ward`,
 * `ward_name`, `constituency`, `constituency_name`, `urban_rural` (SG 6-fold class 1–6),
 * `urban_rural_name`, `population` (2017 small-area estimate for 2020v2, 2014 for 2016),
 * `working_age_population`, `rank` (1 = most deprived … 6,976), `vigintile`, `decile`, `quintile`
 * (the official bands: equal numbers of data zones, 1 = most deprived), the seven domain ranks
 * `income_rank` … `housing_rank`, and the indicators ({@link simdIndicators}) each with a
 * `<indicator>_flag` column: null where a number was published, `'suppressed'` where the cell was
 * `*`, `'missing'` where it was blank or `n/a`, `'error'` where the file holds a spreadsheet error
 * (`#VALUE!`, 2016 only); the value is null in each of those cases.
 *
 * Percent strings (`"8%"`) become fractions (0.08); `"2,351"` becomes 2351. Rates such as
 * `income_rate` are published rounded to whole percents: `income_count / population` gives the
 * unrounded rate. `crime_count` and `broadband` are not in the 2016 edition.
 * Source and licence: datasets/PROVENANCE.md (Scottish Government, OGL v3).
 *
 * @example
 * const dz = simd();                 // 2020v2
 * dz.numRows()                       // 6976
 * simd({ vintage: '2016' })          // same columns, 2016 ranks and 2014 populations
 */
export function simd(options: SimdOptions = {}): ColumnTable {
  const vintage = options.vintage ?? '2020v2';
  checkVintage(vintage);
  const e = EDITIONS[vintage];
  const lookup = readCSV(datasetPath(e.lookup), { autoType: false });
  const inds = readCSV(datasetPath(e.indicators), { autoType: false });

  const zones = lookup.array('DZ') as string[];
  const n = zones.length;
  // align indicator rows with lookup rows by data zone code
  const indZones = inds.array(e.indicatorZone) as string[];
  const at = new Map<string, number>();
  indZones.forEach((z, i) => at.set(z, i));
  const order = zones.map((z) => at.get(z));
  const missing = order.flatMap((o, i) => (o === undefined ? [zones[i]!] : []));
  if (missing.length > 0 || indZones.length !== n) {
    throw new PovineqError(
      'UNKNOWN_CODE',
      `SIMD ${vintage}: ${missing.length} data zones of the lookup are not in the indicator file (${missing.slice(0, 5).join(', ')})`,
      { values: missing },
    );
  }
  const aligned = (col: string): unknown[] => {
    const raw = inds.array(col);
    return order.map((o) => raw[o!]);
  };
  const num = (col: string): number[] => Array.from(lookup.array(col), Number);

  const council = councilCodes(lookup.array('LAcode'), { column: 'LAcode' }) as string[];
  const out: Record<string, ArrayLike<unknown>> = {
    data_zone: zones,
    data_zone_name: lookup.array('DZname'),
    intermediate_zone: lookup.array('IZcode'),
    intermediate_zone_name: lookup.array('IZname'),
    council,
    council_name: council.map(councilName),
    health_board: lookup.array('HBcode'),
    health_board_name: lookup.array('HBname'),
    ward: lookup.array('MMWcode'),
    ward_name: lookup.array('MMWname'),
    constituency: lookup.array('SPCcode'),
    constituency_name: lookup.array('SPCname'),
    urban_rural: num('URclass'),
    urban_rural_name: lookup.array('URname'),
    population: num('Population'),
    working_age_population: num(e.workingAge),
    rank: num(`${e.prefix}Rank`),
    vigintile: num(`${e.prefix}Vigintile`),
    decile: num(`${e.prefix}Decile`),
    quintile: num(`${e.prefix}Quintile`),
  };
  for (const d of SIMD_DOMAINS) out[`${d}_rank`] = num(e.domainPrefix[d]);
  for (const ind of INDICATORS) {
    const src = ind.source[vintage];
    if (src === undefined) continue;
    const parsed = parseCells(aligned(src), ind.percent);
    if (parsed.unparsed.length > 0) {
      throw new PovineqError(
        'NON_NUMERIC',
        `SIMD ${vintage} column "${src}" has ${parsed.unparsed.length} cells that are neither numbers nor known markers (${describeRows(parsed.unparsed)})`,
        { column: src, rows: parsed.unparsed.slice(0, 100) },
      );
    }
    out[ind.name] = parsed.values;
    out[`${ind.name}_flag`] = parsed.flags;
  }
  return aq.table(out);
}
