import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  SCOTLAND_CODE,
  checkDataZones,
  councilBoundaries,
  councilCode,
  councils,
  cpop,
  dataZoneBoundaries,
  datasetPath,
  lgbf,
  lgbfFamilies,
  lgbfIndicators,
  nrsPopulation,
  readCSV,
  simd,
} from '../../src/index.js';
import { councilCodes, cpopIntermediateZones, simdIndicators } from '../../src/scotland/index.js';
import { thrown } from '../helpers/thrown.js';

const sum = (a: ArrayLike<unknown>) => Array.from(a as ArrayLike<number>).reduce((s, x) => s + x, 0);
const count = (a: ArrayLike<unknown>, v: unknown) => Array.from(a).filter((x) => x === v).length;
describe('simd() 2020v2', () => {
  const dz = simd();
  it('has the 6,976 2011 data zones once each, in 32 councils', () => {
    expect(dz.numRows()).toBe(6976);
    expect(new Set(dz.array('data_zone')).size).toBe(6976);
    expect(new Set(dz.array('council')).size).toBe(32);
  });
  it('population sums to the published Scotland total', () => {
    // 5,424,800: NRS mid-2017 population estimate for Scotland, the population SIMD 2020v2 uses
    expect(sum(dz.array('population'))).toBe(5424800);
  });
  it('ranks are a permutation of 1..6976 and the official bands follow them', () => {
    const rank = Array.from(dz.array('rank') as number[]).sort((a, b) => a - b);
    expect(rank.every((r, i) => r === i + 1)).toBe(true);
    // SG: decile = ceil(rank / 697.6), quintile = ceil(rank / 1395.2), vigintile = ceil(rank / 348.8)
    const ok = dz.objects().every((d: any) =>
      d.decile === Math.ceil(d.rank / 697.6) && d.quintile === Math.ceil(d.rank / 1395.2) && d.vigintile === Math.ceil(d.rank / 348.8));
    expect(ok).toBe(true);
  });
  it('parses percent strings to fractions and keeps counts as numbers', () => {
    // source row S01006506 (Culter - 01): income_rate "8%", income_count 71, Attendance "85%", broadband "11%"
    const row = dz.filter(aq.escape((d: any) => d.data_zone === 'S01006506')).object() as any;
    expect(row.income_rate).toBe(0.08);
    expect(row.income_count).toBe(71);
    expect(row.attendance).toBe(0.85);
    expect(row.broadband).toBe(0.11);
    expect(row.attainment).toBe(5.88);
    expect(row.council).toBe('S12000033');
    expect(row.council_name).toBe('Aberdeen City');
    expect(row.data_zone_name).toBe('Culter - 01');
    expect(row.income_rate_flag).toBe(null);
  });
  it('flags suppressed and missing cells and nulls their values', () => {
    // PROVENANCE: Attendance 565 '*', Attainment 178 '*', crime_count/crime_rate 500 '*' each
    expect(count(dz.array('attendance_flag'), 'suppressed')).toBe(565);
    expect(count(dz.array('attainment_flag'), 'suppressed')).toBe(178);
    expect(count(dz.array('crime_rate_flag'), 'suppressed')).toBe(500);
    expect(count(dz.array('crime_count_flag'), 'suppressed')).toBe(500);
    // 11 Attainment cells are 'n/a'; Attendance has 2 blanks (counted in the source CSV)
    expect(count(dz.array('attainment_flag'), 'missing')).toBe(11);
    expect(count(dz.array('attendance_flag'), 'missing')).toBe(2);
    for (const ind of simdIndicators()) {
      const v = dz.array(ind);
      const f = dz.array(`${ind}_flag`);
      for (let i = 0; i < v.length; i++) expect((v[i] === null) === (f[i] !== null)).toBe(true);
    }
  });
  it('rounded income rates agree with income counts over population', () => {
    const rows = dz.objects().filter((d: any) => d.population > 0) as any[];
    const worst = Math.max(...rows.map((d) => Math.abs(d.income_count / d.population - d.income_rate)));
    expect(worst).toBeLessThanOrEqual(0.005 + 1e-12); // published to whole percents
  });
  it('domain ranks are present for all seven domains', () => {
    for (const d of ['income', 'employment', 'education', 'health', 'access', 'crime', 'housing']) {
      const r = dz.array(`${d}_rank`) as number[];
      expect(Math.min(...r)).toBe(1);
      expect(Math.max(...r)).toBeGreaterThan(6900);
    }
  });
});

describe('simd() 2016', () => {
  const dz = simd({ vintage: '2016' });
  it('has 6,976 zones whose population is the NRS mid-2014 total', () => {
    expect(dz.numRows()).toBe(6976);
    expect(sum(dz.array('population'))).toBe(5347600); // NRS mid-2014 Scotland, SIMD16's population
  });
  it('harmonises the 2016 council codes to current ones', () => {
    // the file has Glasgow as S12000046 and Fife as S12000015
    const now = new Map((simd().objects() as any[]).map((d) => [d.data_zone, d.council]));
    expect((dz.objects() as any[]).every((d) => now.get(d.data_zone) === d.council)).toBe(true);
    expect(dz.array('council')).not.toContain('S12000046');
    expect(dz.array('council')).toContain('S12000049');
  });
  it('reads thousands separators and spreadsheet errors', () => {
    // ALCOHOL has "2,351" and "1,703"; Income_rate has 2 "#VALUE!"
    expect(dz.array('alcohol')).toContain(2351);
    expect(dz.array('alcohol')).toContain(1703);
    expect(count(dz.array('income_rate_flag'), 'error')).toBe(2);
    expect(dz.columnNames()).not.toContain('broadband');
  });
  it('rejects an unknown vintage', () => {
    expect(thrown(() => simd({ vintage: '2012' as never })).message).toMatch(/vintage must be '2020v2' or '2016', got "2012"/);
  });
});

describe('councils', () => {
  it('has 32 councils with unique current and 2016 codes', () => {
    const c = councils();
    expect(c.numRows()).toBe(32);
    expect(new Set(c.array('code')).size).toBe(32);
    expect(new Set(c.array('code_2016')).size).toBe(32);
  });
  it('maps the names and codes every dataset uses', () => {
    expect(councilCodes(['Glasgow City', 'S12000046', 'Edinburgh City', 'Edinburgh, City of', 'Eilean Siar', 'Na h-Eileanan an Iar', 'Argyll & Bute', 'Perth_and_Kinross']))
      .toEqual(['S12000049', 'S12000049', 'S12000036', 'S12000036', 'S12000013', 'S12000013', 'S12000035', 'S12000048']);
    expect(councilCode('s12000015')).toBe('S12000047');
  });
  it('reports unknown councils by value, count and first row', () => {
    const e = thrown(() => councilCodes(['Fife', 'Atlantis', 'Atlantis', 'S12000099'], { column: 'la' }));
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.message).toContain('column "la" has 2 unknown councils in 3 rows');
    expect(e.message).toContain('"Atlantis" (2 rows, first 1)');
    expect(e.message).toContain('"S12000099" (1 row, first 3)');
    expect(e.message).toContain("{ unknown: 'null' }");
    expect(councilCodes(['Fife', 'Atlantis'], { unknown: 'null' })).toEqual(['S12000047', null]);
    expect(thrown(() => councilCodes(['Scotland'])).code).toBe('UNKNOWN_CODE');
    expect(councilCodes(['Scotland'], { scotland: true })).toEqual([SCOTLAND_CODE]);
  });
});

describe('boundaries and code matching across datasets', () => {
  const zones = new Set(simd().array('data_zone') as string[]);
  const simdCouncils = new Set(simd().array('council') as string[]);
  it('data-zone boundaries hold exactly the SIMD data zones', () => {
    const g = dataZoneBoundaries().objects.datazones.geometries;
    expect(g.length).toBe(6976);
    const codes = new Set(g.map((x) => x.properties.code));
    expect(codes.size).toBe(6976);
    expect([...codes].filter((c) => !zones.has(c))).toEqual([]);
  });
  it('council boundaries, LGBF, CPOP and NRS hold exactly the SIMD councils', () => {
    const b = new Set(councilBoundaries().objects.council_areas.geometries.map((x) => x.properties.code));
    expect(b).toEqual(simdCouncils);
    const withoutScotland = (t: aq.ColumnTable) => new Set((t.array('council') as string[]).filter((c) => c !== SCOTLAND_CODE));
    expect(withoutScotland(lgbf({ indicators: ['CHN4'] }))).toEqual(simdCouncils);
    expect(new Set(lgbfFamilies().array('council'))).toEqual(simdCouncils);
    expect(withoutScotland(cpop())).toEqual(simdCouncils);
    expect(new Set(cpopIntermediateZones().array('council'))).toEqual(simdCouncils);
    expect(withoutScotland(nrsPopulation())).toEqual(simdCouncils);
  });
  it('checkDataZones reports unknown codes', () => {
    expect(() => checkDataZones(['S01006506', 'S01013481'])).not.toThrow();
    const e = thrown(() => checkDataZones(['S01006506', 'S01000001', 'X', 'S01000001'], { column: 'dz' }));
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.message).toContain('column "dz" has 2 unknown data zones in 3 rows');
    expect(e.message).toContain('"S01000001" (2 rows, first 1)');
    expect(e.message).toContain('"X" (1 row, first 2)');
  });
});

describe('NRS population', () => {
  const pop = nrsPopulation();
  const total = (year: number, council?: string) =>
    sum(pop.filter(aq.escape((d: any) => d.year === year && (council ? d.council === council : d.council !== SCOTLAND_CODE))).array('population'));
  it('matches the published Scotland totals and the SIMD populations', () => {
    expect(total(2017, SCOTLAND_CODE)).toBe(5424800); // NRS mid-2017
    expect(total(2014, SCOTLAND_CODE)).toBe(5347600); // NRS mid-2014
    expect(total(2018, SCOTLAND_CODE)).toBe(5438100); // NRS mid-2018
    for (const y of [2016, 2017, 2018]) expect(total(y)).toBe(total(y, SCOTLAND_CODE));
  });
  it('council totals for 2017 equal the SIMD 2020v2 data-zone sums', () => {
    const dz = simd().groupby('council').rollup({ p: aq.op.sum('population') }).objects() as any[];
    for (const d of dz) expect(total(2017, d.council)).toBe(d.p);
  });
});

describe('LGBF', () => {
  const raw = readCSV(datasetPath('lgbf_indicator_values.csv'), { autoType: false });
  it('key indicators have one row per council, indicator and period', () => {
    const t = lgbf();
    const keys = new Set((t.objects() as any[]).map((d) => `${d.council}|${d.indicator}|${d.period}`));
    expect(keys.size).toBe(t.numRows());
    expect(new Set(t.array('indicator')).size).toBe(129);
  });
  it('keeps the helper series with their column instance when asked', () => {
    const t = lgbf({ keyIndicators: false });
    expect(t.numRows()).toBe(68442);
    expect(t.columnNames()).toContain('column_instance');
  });
  it('gives percentages as fractions and other units as published', () => {
    // source rows: "Glasgow City,CHN11,2011-12,87.9925390533924" and "Scotland,CHN1,2010-11,4834.49586327145"
    const t = lgbf({ indicators: ['CHN11', 'CHN1'] }).objects() as any[];
    const chn11 = t.find((d) => d.council === 'S12000049' && d.indicator === 'CHN11' && d.period === '2011-12');
    expect(chn11.value).toBeCloseTo(0.879925390533924, 15);
    expect(chn11.year).toBe(2012);
    const chn1 = t.find((d) => d.council === SCOTLAND_CODE && d.indicator === 'CHN1' && d.period === '2010-11');
    expect(chn1.value).toBe(4834.49586327145);
    expect(chn1.council_name).toBe('Scotland');
  });
  it('flags blank values', () => {
    const t = lgbf({ keyIndicators: false });
    const blanks = count(raw.array('value'), null);
    expect(blanks).toBe(2185); // PROVENANCE: 2,185 blank values
    expect(count(t.array('value_flag'), 'missing')).toBe(blanks);
  });
  it('metadata: 129 key indicators, each with a direction and a unit', () => {
    const m = lgbfIndicators().filter((d: any) => d.key_indicator).objects() as any[];
    expect(m.length).toBe(129);
    expect(m.every((d) => typeof d.higher_is_better === 'boolean')).toBe(true);
    expect(m.filter((d) => d.unit === 'fraction').length).toBe(65);
    // every indicator read as a fraction stays within [−0.1, 4] (FINSUS1 reserves reach 375% of budget)
    const fr = new Set(m.filter((d) => d.unit === 'fraction').map((d) => d.indicator));
    const vals = (lgbf().objects() as any[]).filter((d) => fr.has(d.indicator) && d.value !== null).map((d) => d.value);
    expect(Math.min(...vals)).toBeGreaterThanOrEqual(-0.1);
    expect(Math.max(...vals)).toBeLessThanOrEqual(3.76);
  });
  it('rejects unknown indicator codes by name', () => {
    expect(thrown(() => lgbf({ indicators: ['CHN4', 'XYZ9'] })).message).toMatch(/unknown LGBF indicator "XYZ9"/);
  });
  it('family groups: 32 councils, groups 1–4', () => {
    const f = lgbfFamilies();
    expect(f.numRows()).toBe(32);
    expect(new Set(f.array('family_group_people'))).toEqual(new Set([1, 2, 3, 4]));
    expect(new Set(f.array('family_group_other'))).toEqual(new Set([1, 2, 3, 4]));
  });
});

describe('CPOP', () => {
  const t = cpop();
  it('flags imputed and projected rows', () => {
    // PROVENANCE: Raw data 6,897, Imputed 1,023, Projected 891 (two raw cells are NA)
    expect(t.numRows()).toBe(8811);
    expect(count(t.array('value_flag'), 'imputed')).toBe(1023);
    expect(count(t.array('value_flag'), 'projected')).toBe(891);
    expect(count(t.array('value_flag'), 'missing')).toBe(2);
    expect(count(t.array('value_flag'), null)).toBe(6897 - 2);
  });
  it('gives percentage outcomes as fractions', () => {
    const cp = (t.objects() as any[]).filter((d) => d.indicator === 'Child Poverty' && d.value !== null).map((d) => d.value);
    expect(Math.max(...cp)).toBeLessThan(0.36); // published maximum 35.3%
    const earnings = (t.objects() as any[]).filter((d) => d.indicator === 'Median Earnings').map((d) => d.value);
    expect(Math.max(...earnings)).toBeGreaterThan(600); // £ per week, as published
  });
  it('intermediate zones: 1,279 zones, 8 outcomes', () => {
    const iz = cpopIntermediateZones();
    expect(new Set(iz.array('intermediate_zone')).size).toBe(1279);
    expect(new Set(iz.array('indicator')).size).toBe(8);
    const simdIz = new Set(simd().array('intermediate_zone'));
    expect((iz.array('intermediate_zone') as string[]).every((z) => simdIz.has(z))).toBe(true);
  });
});
