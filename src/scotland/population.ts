import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { datasetPath, readCSV } from '../data/index.js';
import { councilCodes, councilName } from './councils.js';

/**
 * National Records of Scotland mid-year population estimates by council, sex and single year of
 * age, 1998–2018 (126,126 rows): `council` (S12; `S92000003` for Scotland), `council_name`, `year`,
 * `sex` (`F`/`M`), `age` (0–90; 90 means 90 and over) and `population` (persons at 30 June).
 *
 * This is the 2019 vintage, not rebased to the 2022 Census: later NRS releases revise 2012–2018.
 * Scotland 2017 = 5,424,800, the population SIMD 2020v2 uses; Scotland 2014 = 5,347,600, the
 * population of SIMD 2016. Source: NRS (OGL v3); datasets/PROVENANCE.md.
 *
 * @example
 * nrsPopulation().filter((d) => d.year === 2017 && d.council === 'S92000003')
 *   .rollup({ total: aq.op.sum('population') }).get('total', 0)   // 5,424,800
 */
export function nrsPopulation(): ColumnTable {
  return readNrsPopulation('nrs_mid_year_population_estimates_council_1998_2018.csv', 'area');
}

/** An NRS council × year × sex × age file as a table with current S12 codes and council names. */
export function readNrsPopulation(file: string, areaColumn: string): ColumnTable {
  const t = readCSV(datasetPath(file), { autoType: false });
  const council = councilCodes(t.array(areaColumn), { column: areaColumn, scotland: true }) as string[];
  const names = new Map<string, string>();
  for (const c of new Set(council)) names.set(c, councilName(c));
  return aq.table({
    council,
    council_name: council.map((c) => names.get(c)!),
    year: Array.from(t.array('year'), Number),
    sex: t.array('sex'),
    age: Array.from(t.array('age'), Number),
    population: Array.from(t.array('population'), Number),
  });
}
