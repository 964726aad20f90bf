import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { datasetPath, readCSV } from '../data/index.js';
import { parseCells } from './cells.js';
import { councilCodes, councilName } from './councils.js';
import { periodEndYear } from './lgbf.js';

/** CPOP indicators published as percentages (povineq gives them as fractions). */
const CPOP_PERCENT = new Set([
  'Healthy Birthweight',
  'Primary 1 Body Mass Index',
  'Child Poverty',
  'Positive Destinations',
  'Employment Rate',
  'Out of Work Benefits',
  'Business Survival',
  'Fuel Poverty',
  'Participation Rate',
]);

/** `Raw data` → null, `Imputed` → `'imputed'`, `Projected` → `'projected'`. */
function typeFlag(type: unknown): 'imputed' | 'projected' | null {
  if (type === 'Imputed') return 'imputed';
  if (type === 'Projected') return 'projected';
  return null;
}

function values(raw: ArrayLike<unknown>, indicator: ArrayLike<unknown>): { value: (number | null)[]; missing: boolean[] } {
  const parsed = parseCells(raw);
  return {
    value: parsed.values.map((v, i) => (v !== null && CPOP_PERCENT.has(indicator[i] as string) ? v / 100 : v)),
    missing: parsed.flags.map((f) => f !== null),
  };
}

/**
 * Community Planning Outcomes Profile (CPOP) council outcomes, one row per council (and Scotland),
 * indicator and year: `council` (S12; `S92000003` for Scotland), `council_name`, `indicator`
 * (20 outcomes: `Child Poverty`, `Fuel Poverty`, `Out of Work Benefits`, `Early Mortality`…),
 * `period` (as published, `2019/20`), `year` (end year, 2020), `value` (percentages as fractions:
 * child poverty 0.24, not 24), `value_flag` and `family_group` (CPOP family group 1–4; null for
 * Scotland).
 *
 * `value_flag` is null for observed values (`Raw data`), `'imputed'` or `'projected'` for CPOP's
 * own modelled values (projections run to 2024/25), and `'missing'` for the two blank cells. Use
 * only rows with a null flag for observed trends. Many years are the end of a 3-year rolling
 * period (cpop metadata `Raw Time-Period`).
 * Source: Improvement Service, CPOP September 2023; licence not stated (underlying statistics
 * OGL v3); datasets/PROVENANCE.md.
 *
 * @example
 * cpop().filter((d) => d.indicator === 'Child Poverty' && d.value_flag === null)
 */
export function cpop(): ColumnTable {
  const t = readCSV(datasetPath('cpop_council_outcomes.csv'), { autoType: false });
  const council = councilCodes(t.array('CPP'), { column: 'CPP', scotland: true }) as string[];
  const indicator = t.array('Indicator');
  const { value, missing } = values(t.array('value'), indicator);
  return aq.table({
    council,
    council_name: council.map(councilName),
    indicator,
    period: t.array('Year'),
    year: Array.from(t.array('Year'), (v) => periodEndYear(v as string)),
    value,
    value_flag: Array.from(t.array('Type'), (v, i) => (missing[i] ? 'missing' : typeFlag(v))),
    family_group: Array.from(t.array('FG'), (v) => (v === 'NA' || v === null ? null : Number(v))),
  });
}

/**
 * CPOP outcomes for the 1,279 intermediate zones (S02) in 2021/22: `intermediate_zone`,
 * `intermediate_zone_name`, `council` (S12), `council_name`, `typology_group`, `typology_name`,
 * `indicator` (8 outcomes), `period`, `year`, `value` (percentages as fractions), `value_flag`
 * (`'imputed'` where CPOP imputed a small-number value — all Attainment rows — otherwise null),
 * `higher_is_better`, and CPOP's standardised scores `council_score` and `typology_score`.
 *
 * @example
 * cpopIntermediateZones().filter((d) => d.indicator === 'Child Poverty')
 */
export function cpopIntermediateZones(): ColumnTable {
  const t = readCSV(datasetPath('cpop_intermediate_zone_latest.csv'), { autoType: false });
  const council = councilCodes(t.array('CPP'), { column: 'CPP' }) as string[];
  const indicator = t.array('Indicator');
  const { value, missing } = values(t.array('value'), indicator);
  return aq.table({
    intermediate_zone: t.array('InterZone'),
    intermediate_zone_name: t.array('InterZone_Name'),
    council,
    council_name: council.map(councilName),
    typology_group: Array.from(t.array('Typology_Group'), Number),
    typology_name: t.array('Typology_Name'),
    indicator,
    period: t.array('Year'),
    year: Array.from(t.array('Year'), (v) => periodEndYear(v as string)),
    value,
    value_flag: Array.from(t.array('Type'), (v, i) => (missing[i] ? 'missing' : typeFlag(v))),
    higher_is_better: Array.from(t.array('High is Positive'), (v) => v === 'Yes'),
    council_score: Array.from(t.array('CPPScore'), Number),
    typology_score: Array.from(t.array('TypeScore'), Number),
  });
}
