import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { datasetPath, readCSV } from '../data/index.js';
import { councilCodes, councilName } from './councils.js';
import { readNrsPopulation } from './population.js';

const SCOTLAND = 'S92000003';

/** The DWP release a children-in-low-income-families figure comes from. */
export type DwpRelease = '2025' | '2026';

const num = (v: unknown): number | null => (v === '' || v == null ? null : Number(v));

/**
 * DWP/HMRC children in low income families (CiLIF), local area statistics: the share of children
 * aged 0–15 in relative low income families, for the 32 councils and Scotland. One row per
 * council, release, measure and year: `council` (S12; `S92000003` for Scotland), `council_name`,
 * `release` (`'2025'`: FYE 2015–2024, before housing costs only; `'2026'`: FYE 2022–2025, before
 * housing costs and the new after-housing-costs measure for FYE 2024–2025), `basis` (`BHC`/`AHC`),
 * `period` (`2023/24`), `year` (2024, the financial year's end), `rate` (a fraction: 0.246, not
 * 24.6) and `children` (the AHC count; null for BHC rows). UK rows are left out.
 *
 * The two releases are different series: the 2026 release changed the method and revised
 * FYE 2022–2024 down. Never join them into one trend; filter to one `release`.
 * Source: DWP (OGL v3); datasets/PROVENANCE.md section 9.
 *
 * @example
 * dwpChildPoverty().filter((d) => d.release === '2026' && d.basis === 'AHC' && d.council === 'S12000049')
 * // Glasgow City FYE 2024: rate 0.246, children 24,025
 */
export function dwpChildPoverty(): ColumnTable {
  const t = readCSV(datasetPath('dwp_cilif_children_low_income_council.csv'), { autoType: false }).filter((d: { area_code: string }) => d.area_code !== 'K02000001');
  const council = councilCodes(t.array('area_code'), { column: 'area_code', scotland: true }) as string[];
  const release = Array.from(t.array('release'), (r) => (String(r).startsWith('DWP 2026') ? '2026' : '2025'));
  return aq.table({
    council,
    council_name: council.map((c) => councilName(c)),
    release,
    basis: Array.from(t.array('measure'), (m) => (String(m).endsWith('_ahc') ? 'AHC' : 'BHC')),
    period: t.array('fye'),
    year: Array.from(t.array('year_ending'), Number),
    rate: Array.from(t.array('percent'), (v) => (num(v) === null ? null : Math.round(Number(v) * 1000) / 100000)),
    children: Array.from(t.array('children_aged_0_15'), num),
  });
}

/**
 * DWP children in low income families after housing costs for the 355 Scottish multi-member wards
 * (2026 release, FYE 2024 and 2025): `council`, `council_name`, `ward` (S13), `ward_name`, `period`,
 * `year`, `rate` (a fraction) and `children` (count). Ward rates rest on small populations and
 * move a lot from year to year. Source: DWP (OGL v3); datasets/PROVENANCE.md section 9.
 *
 * @example
 * dwpChildPovertyWards().filter((d) => d.council === 'S12000049' && d.year === 2025)
 */
export function dwpChildPovertyWards(): ColumnTable {
  const t = readCSV(datasetPath('dwp_cilif_children_relative_low_income_ahc_ward.csv'), { autoType: false });
  const council = councilCodes(t.array('la_code'), { column: 'la_code' }) as string[];
  return aq.table({
    council,
    council_name: council.map((c) => councilName(c)),
    ward: t.array('ward_code'),
    ward_name: t.array('ward_name'),
    period: t.array('fye'),
    year: Array.from(t.array('year_ending'), Number),
    rate: Array.from(t.array('percent'), (v) => Math.round(Number(v) * 10) / 1000),
    children: Array.from(t.array('children_aged_0_15'), Number),
  });
}

/**
 * End Child Poverty coalition (Loughborough University) local indicators of child poverty after
 * housing costs, FYE 2015–2024, for the 32 councils and Scotland: `council`, `council_name`,
 * `period`, `year`, `rate` (a fraction), `children` (count) and `derived` (true for the Scotland
 * rows, which are the sum of the council counts over the sum of the implied child populations,
 * not a published figure). These are modelled estimates constrained to survey totals and much
 * higher than the DWP AHC measure (Glasgow City FYE 2024: 36.1% against DWP's 24.6%): different
 * methods and child bases, not interchangeable. Source: Stone (2025), End Child Poverty
 * (licence not stated); datasets/PROVENANCE.md section 9.
 *
 * @example
 * ecpChildPoverty().filter((d) => d.council === 'S12000049' && d.year === 2024) // rate 0.361
 */
export function ecpChildPoverty(): ColumnTable {
  const t = readCSV(datasetPath('ecp_loughborough_child_poverty_ahc_council.csv'), { autoType: false });
  const council = councilCodes(t.array('area_code'), { column: 'area_code', scotland: true }) as string[];
  return aq.table({
    council,
    council_name: council.map((c) => councilName(c)),
    period: t.array('fye'),
    year: Array.from(t.array('year_ending'), Number),
    rate: Array.from(t.array('rate'), Number),
    children: Array.from(t.array('children_in_poverty'), Number),
    derived: council.map((c) => c === SCOTLAND),
  });
}

/**
 * NRS mid-year population estimates for mid-2022 and mid-2024 on the 2022-Census basis, by council
 * (and Scotland), sex and single year of age: `council`, `council_name`, `year`, `sex`, `age` (0–90,
 * 90 = 90 and over), `population`. Not comparable with {@link nrsPopulation} (the 2011-Census-based
 * 1998–2018 series). Scotland mid-2024 = 5,546,900. Source: NRS (OGL v3); datasets/PROVENANCE.md
 * section 9.
 *
 * @example
 * nrsPopulationCensus().filter((d) => d.year === 2024 && d.age < 16)
 */
export function nrsPopulationCensus(): ColumnTable {
  return readNrsPopulation('nrs_mid_year_population_estimates_council_2022_2024.csv', 'area_code');
}
