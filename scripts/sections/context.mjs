// Loads every dataset the briefing pack uses once, and computes what several pages share
// (each council's SIMD profile and slope index, ranks among councils). Sections read from it.
import {
  councils, lgbfFamilies, dwpChildPoverty, ecpChildPoverty, dwpChildPovertyWards, nrsPopulationCensus,
  simd, sii, cpop, cpopIntermediateZones, lgbf, lgbfIndicators, piis, piisPersistent, childPovertyTargets,
} from 'povineq';

export const SCOTLAND = 'S92000003';

/** Sources and editions, as printed under charts and in every page footer. */
export const SOURCES = {
  dwp2025: 'DWP/HMRC, Children in low income families: local area statistics, FYE 2015 to 2024 (released 27 March 2025; OGL v3)',
  dwp2026: 'DWP/HMRC, Children in low income families: local area statistics, FYE 2022 to 2025 (released 26 March 2026; OGL v3)',
  ecp: 'End Child Poverty / Loughborough University, Local indicators of child poverty after housing costs 2023/24 (Stone 2025)',
  simd: 'Scottish Government, Scottish Index of Multiple Deprivation 2020v2 (OGL v3)',
  cpop: 'Improvement Service, Community Planning Outcomes Profile, September 2023 update',
  lgbf: 'Improvement Service, Local Government Benchmarking Framework, January 2022 release (data to 2020-21; OGL v3)',
  nrs: 'National Records of Scotland, mid-year population estimates mid-2022 and mid-2024, 2022-Census basis (OGL v3)',
  piis: 'Scottish Government, Poverty and Income Inequality in Scotland 2019-22 (published 23 March 2023; OGL v3)',
  persistent: 'Scottish Government, Persistent Poverty in Scotland 2010-2021 (PIIS 2023 release, published 23 March 2023; OGL v3)',
};

/** One line per data edition for the footer. */
export const EDITIONS = [
  SOURCES.dwp2025, SOURCES.dwp2026, SOURCES.ecp, SOURCES.nrs, SOURCES.simd, SOURCES.cpop, SOURCES.lgbf, SOURCES.piis, SOURCES.persistent,
  'Boundaries: ONS council areas December 2024; Scottish Government 2011 data zones (OGL v3; contains OS data © Crown copyright and database right 2024)',
];

const FAMILY_NAMES = { 1: '1 (least deprived)', 2: '2', 3: '3', 4: '4 (most deprived)' };

/** A file-name stem for a council: "Na h-Eileanan Siar" → "na-h-eileanan-siar". */
export function slug(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Everything the sections need. `override` replaces any loaded table (tests pass changed data
 * to check that titles follow the numbers).
 */
export function loadContext(override = {}) {
  const list = override.councils ?? councils().select('code', 'name').orderby('name').objects();
  const families = new Map((override.families ?? lgbfFamilies().objects()).map((f) => [f.council, f.family_group_people]));
  const dwp = override.dwp ?? dwpChildPoverty().objects();
  const ecp = override.ecp ?? ecpChildPoverty().objects();
  const wards = override.wards ?? dwpChildPovertyWards().objects();
  const zones = override.zones ?? simd();
  const outcomes = override.cpop ?? cpop().filter((d) => d.value_flag === null).objects();
  const izOutcomes = override.cpopIZ ?? cpopIntermediateZones().filter((d) => d.value_flag === null && d.value !== null).objects();
  const children = new Map();
  for (const r of override.population ?? nrsPopulationCensus().filter((d) => d.year === 2024 && d.age < 16).objects()) {
    children.set(r.council, (children.get(r.council) ?? 0) + r.population);
  }

  // income deprivation by national SIMD decile: Scotland and each council, with its slope index
  const siiOptions = { group: 'decile', count: 'income_count', population: 'population', proportion: true, missing: 'drop' };
  const scotlandSii = sii(zones, siiOptions);
  const zoneRows = zones.select('data_zone', 'intermediate_zone', 'council', 'decile', 'population', 'income_count', 'income_rate').objects();
  const byCouncil = new Map(list.map((c) => [c.code, []]));
  for (const z of zoneRows) byCouncil.get(z.council)?.push(z);
  const councilSii = new Map();
  for (const c of list) councilSii.set(c.code, sii(zones.params({ code: c.code }).filter((d, $) => d.council === $.code), siiOptions));
  // the councils' slope indices as a chart and data table share them: the SII is a difference of
  // two rates, so it is drawn and tabulated in percentage points, not as a %
  const siiRanked = list.map((c) => {
    const r = councilSii.get(c.code);
    return { code: c.code, council: c.name, sii_points: 100 * r.sii, lower_points: 100 * r.ci[0], upper_points: 100 * r.ci[1], rii: r.rii };
  });

  const indicators = new Map(lgbfIndicators().objects().map((m) => [m.indicator, m]));
  const lgbfValues = override.lgbf ?? lgbf().filter((d) => d.value !== null).objects();

  return {
    councils: list,
    name: new Map(list.map((c) => [c.code, c.name])),
    families,
    familyName: (g) => FAMILY_NAMES[g] ?? String(g),
    dwp, ecp, wards, zones: byCouncil, scotlandSii, councilSii, siiRanked, outcomes, izOutcomes, children,
    indicators, lgbfValues,
    piis: override.piis ?? piis(),
    persistent: override.persistent ?? piisPersistent(),
    targets: childPovertyTargets(),
  };
}

/** How the data table of the councils' slope indices prints its columns. */
export const SII_COLUMNS = { sii_points: 'decimal1', lower_points: 'decimal1', upper_points: 'decimal1', rii: 'decimal' };

/** DWP rates as a Map council → rate for one release, basis and year. */
export function dwpRates(ctx, release, basis, year) {
  return new Map(ctx.dwp.filter((r) => r.release === release && r.basis === basis && r.year === year && r.rate !== null).map((r) => [r.council, r.rate]));
}

/** The latest observed CPOP value of an indicator per council: Map council → { value, period }. */
export function latestOutcome(ctx, indicator) {
  const out = new Map();
  for (const r of ctx.outcomes) {
    if (r.indicator !== indicator || r.value === null) continue;
    const had = out.get(r.council);
    if (!had || r.year > had.year) out.set(r.council, r);
  }
  return out;
}
