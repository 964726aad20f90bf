import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SCOTLAND_CODE,
  councilBoundaries,
  councils,
  dataZoneBoundaries,
  datasetPath,
  deprivationGroups,
  lgbf,
  lgbfCompare,
  lgbfSpread,
  nrsPopulation,
  readCSV,
  simd,
  simdGradient,
} from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';

const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);

describe('loader proof for area inequality', () => {
  const dz = simd();
  const simdCouncils = new Set(dz.array('council') as string[]);
  it('every council code of every LGBF series (helper series too) is a SIMD council', () => {
    const all = lgbf({ keyIndicators: false });
    const codes = new Set((all.array('council') as string[]).filter((c) => c !== SCOTLAND_CODE));
    expect(codes).toEqual(simdCouncils);
    expect(codes.size).toBe(32);
  });
  it('the 2016 edition has the same 6,976 zones as the boundaries', () => {
    const b = new Set(dataZoneBoundaries().objects.datazones.geometries.map((g) => g.properties.code));
    const z16 = simd({ vintage: '2016' }).array('data_zone') as string[];
    expect(z16.length).toBe(6976);
    expect(z16.every((z) => b.has(z))).toBe(true);
  });
  it('data zones per council agree between the lookup, SIMD and the council boundaries', () => {
    const perCouncil = dz.groupby('council').count().objects() as any[];
    const lookup = new Map((councils().objects() as any[]).map((d) => [d.code, d.n_datazones]));
    for (const d of perCouncil) expect(lookup.get(d.council)).toBe(d.count);
    expect(sum([...lookup.values()])).toBe(6976);
    expect(councilBoundaries().objects.council_areas.geometries.length).toBe(32);
  });
  it('SIMD 2016 council populations are within 0.2% of the NRS mid-2014 estimates, and the totals equal', () => {
    // 2011 data zones nest in councils only approximately (a zone belongs to the council holding most
    // of it), so council sums of the 2014 small-area estimates differ from council estimates by up to
    // about 130 people; the Scotland totals are both 5,347,600.
    const pop = nrsPopulation().filter((d: any) => d.year === 2014).groupby('council').rollup({ p: aq.op.sum('population') }).objects() as any[];
    const nrs = new Map(pop.map((d) => [d.council, d.p]));
    const s16 = simd({ vintage: '2016' }).groupby('council').rollup({ p: aq.op.sum('population') }).objects() as any[];
    expect(s16.length).toBe(32);
    for (const d of s16) expect(Math.abs(d.p - nrs.get(d.council)) / nrs.get(d.council)).toBeLessThan(0.002);
    expect(sum(s16.map((d) => d.p))).toBe(5347600);
    expect(sum([...nrs.values()].filter((_, i) => pop[i].council !== SCOTLAND_CODE))).toBe(5347600);
  });
});

describe('deprivationGroups', () => {
  const dz = simd();
  it('national groups by zones reproduce the published SIMD deciles and quintiles', () => {
    const d = deprivationGroups(dz, { groups: 10, as: 'd10' });
    const q = deprivationGroups(dz, { groups: 5, as: 'q5' });
    expect(d.array('d10')).toEqual(dz.array('decile'));
    expect(q.array('q5')).toEqual(dz.array('quintile'));
    const z16 = simd({ vintage: '2016' });
    expect(deprivationGroups(z16, { groups: 10 }).array('group')).toEqual(z16.array('decile'));
    expect(dz.columnNames()).not.toContain('d10'); // input unchanged
  });
  it('population basis by hand', () => {
    // populations 10, 80, 10 ranked 1..3, two groups: midpoints 5/100, 50/100, 95/100 → groups 1, 2, 2
    const t = aq.table({ rank: [3, 1, 2], population: [10, 10, 80] });
    expect(deprivationGroups(t, { groups: 2, basis: 'population' }).array('group')).toEqual([2, 1, 2]);
    // four equal zones, two groups: midpoints 1/8, 3/8, 5/8, 7/8 → 1, 1, 2, 2
    const u = aq.table({ rank: [1, 2, 3, 4], population: [5, 5, 5, 5] });
    expect(deprivationGroups(u, { groups: 2, basis: 'population' }).array('group')).toEqual([1, 1, 2, 2]);
  });
  it('local quintiles hold a fifth of each council\'s people, give or take one zone', () => {
    const t = deprivationGroups(dz, { groups: 5, within: 'council', as: 'local' }).objects() as any[];
    const byCouncil = new Map<string, any[]>();
    for (const d of t) byCouncil.set(d.council, [...(byCouncil.get(d.council) ?? []), d]);
    expect(byCouncil.size).toBe(32);
    for (const rows of byCouncil.values()) {
      const total = sum(rows.map((d) => d.population));
      const biggest = Math.max(...rows.map((d) => d.population));
      for (let q = 1; q <= 5; q++) {
        const share = sum(rows.filter((d) => d.local === q).map((d) => d.population)) / total;
        expect(Math.abs(share - 0.2)).toBeLessThanOrEqual(biggest / total + 1e-12);
      }
      // within a council the local quintile never decreases with the SIMD rank
      const sorted = rows.slice().sort((a, b) => a.rank - b.rank);
      expect(sorted.every((d, i) => i === 0 || d.local >= sorted[i - 1].local)).toBe(true);
    }
  });
  it('properties: zone groups differ in size by at most one; population groups follow rank', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 5, maxLength: 60 }), fc.integer({ min: 2, max: 10 }), (pops, g) => {
        const n = pops.length;
        const rank = pops.map((_, i) => ((i * 7919) % n) + 1); // a permutation of 1..n (7919 is prime)
        if (new Set(rank).size !== n) return true;
        const t = aq.table({ rank, population: pops.map((p) => p + 1) });
        const zonesBasis = deprivationGroups(t, { groups: g }).array('group') as number[];
        const counts = Array.from({ length: g }, (_, k) => zonesBasis.filter((x) => x === k + 1).length);
        const populationBasis = deprivationGroups(t, { groups: g, basis: 'population' }).array('group') as number[];
        const byRank = rank.map((r, i) => [r, populationBasis[i]!] as const).sort((a, b) => a[0] - b[0]);
        return Math.max(...counts) - Math.min(...counts) <= 1 && byRank.every((d, i) => i === 0 || d[1] >= byRank[i - 1]![1]);
      }),
    );
  });
  it('bad input', () => {
    expect(thrown(() => deprivationGroups(dz, { groups: 1 })).message).toContain('groups must be a whole number ≥ 2');
    expect(thrown(() => deprivationGroups(dz, { rank: 'nope' })).code).toBe('MISSING_COLUMN');
    const t = aq.table({ rank: [1, null, 3], population: [1, 1, 1] });
    expect(thrown(() => deprivationGroups(t)).message).toContain('rank column "rank" has 1 missing or non-numeric value (row 1)');
  });
});

describe('simdGradient', () => {
  it('income deprivation by decile from the data-zone counts', () => {
    const g = simdGradient({ count: 'income_count' }).objects() as any[];
    const rows = simd().objects() as any[];
    expect(g.map((d) => d.group)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const d of g) {
      const inDecile = rows.filter((r) => r.decile === d.group);
      expect(d.population).toBe(sum(inDecile.map((r) => r.population)));
      expect(d.rate).toBeCloseTo(sum(inDecile.map((r) => r.income_count)) / d.population, 14);
      expect(d.n).toBe(inDecile.length);
    }
    expect(sum(g.map((d) => d.population))).toBe(5424800);
    // decile 1 is most deprived: the income-deprivation rate falls decile by decile
    expect(g.every((d, i) => i === 0 || d.rate < g[i - 1].rate)).toBe(true);
  });
  it('rejects tables with unknown data zones, naming them', () => {
    const t = aq.table({ data_zone: ['S01006506', 'S01000001', 'S01006507'], decile: [1, 2, 3], population: [10, 10, 10], income_count: [1, 2, 3] });
    const e = thrown(() => simdGradient({ table: t, count: 'income_count' }));
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.message).toContain('"S01000001" (1 row, first 1)');
  });
});

describe('LGBF comparisons', () => {
  it('CHN4 2019-20: ranks (ties share the best), Scotland, family groups', () => {
    const t = lgbfCompare({ indicator: 'CHN4', year: 2020, since: 2012 });
    expect(t.numRows()).toBe(32);
    const by = new Map((t.objects() as any[]).map((d) => [d.council, d]));
    // source rows 2019-20: East Dunbartonshire 88.0 and East Renfrewshire 88.0 (joint best),
    // Clackmannanshire 51.0 (lowest), Dundee City and Orkney Islands 55.0 (joint 30th), Scotland 65.0
    expect(by.get('East Dunbartonshire').rank).toBe(1);
    expect(by.get('East Renfrewshire').rank).toBe(1);
    expect(by.get('Clackmannanshire').rank).toBe(32);
    expect(by.get('Dundee City').rank).toBe(30);
    expect(by.get('Orkney Islands').rank).toBe(30);
    expect(by.get('Glasgow City')).toMatchObject({ code: 'S12000049', period: '2019-20', higher_is_better: true });
    expect(by.get('Glasgow City').value).toBeCloseTo(0.58, 15);
    expect(by.get('Glasgow City').scotland).toBeCloseTo(0.65, 15);
    // family group (people services) from the groupings file, mean of its councils from the source rows
    const raw = readCSV(datasetPath('lgbf_council_groupings.csv'), { autoType: false }).objects() as any[];
    const values = readCSV(datasetPath('lgbf_indicator_values.csv'), { autoType: false }).objects() as any[];
    const glasgowFamily = raw.find((d) => d.council === 'Glasgow City').family_group_people;
    const members = raw.filter((d) => d.family_group_people === glasgowFamily).map((d) => d.council);
    const v = values.filter((d) => d.indicator === 'CHN4' && d.year === '2019-20' && members.includes(d.council)).map((d) => Number(d.value) / 100);
    expect(v.length).toBe(members.length);
    expect(by.get('Glasgow City').family_group).toBe(Number(glasgowFamily));
    expect(by.get('Glasgow City').family_mean).toBeCloseTo(sum(v) / v.length, 14);
    expect(by.get('Glasgow City').family_min).toBeCloseTo(Math.min(...v), 15);
    expect(by.get('Glasgow City').family_max).toBeCloseTo(Math.max(...v), 15);
    // change since 2011-12: Glasgow's 2011-12 value from the source
    const g12 = Number(values.find((d) => d.indicator === 'CHN4' && d.year === '2011-12' && d.council === 'Glasgow City').value) / 100;
    expect(by.get('Glasgow City').value_since).toBeCloseTo(g12, 15);
    expect(by.get('Glasgow City').change).toBeCloseTo(0.58 - g12, 14);
    expect(by.get('Glasgow City').rank_change).toBe(by.get('Glasgow City').rank_since - 27);
  });
  it('lower is better: CHN1 cost per primary pupil ranks the cheapest first', () => {
    const t = lgbfCompare({ indicator: 'CHN1' }).objects() as any[];
    const withValue = t.filter((d) => d.value !== null);
    const cheapest = withValue.reduce((a, b) => (b.value < a.value ? b : a));
    expect(cheapest.rank).toBe(1);
    expect(t[0].higher_is_better).toBe(false);
    expect(t[0].family_group).toBeGreaterThanOrEqual(1);
  });
  it('restricts the output to named councils, rejecting unknown ones', () => {
    expect(lgbfCompare({ indicator: 'CHN4', councils: ['Fife', 'S12000046'] }).array('council')).toEqual(['Fife', 'Glasgow City']);
    const e = thrown(() => lgbfCompare({ indicator: 'CHN4', councils: ['Fife', 'Gondor'] }));
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.message).toContain('"Gondor"');
    expect(thrown(() => lgbfCompare({ indicator: 'CHN4', year: 1999 })).message).toContain('no council values for year 1999');
    expect(thrown(() => lgbfCompare({ indicator: 'NOPE' })).code).toBe('UNKNOWN_CODE');
  });
  it('spread across councils through time', () => {
    const s = lgbfSpread({ indicator: 'CHN4' }).objects() as any[];
    const y = s.find((d) => d.year === 2020);
    // the 32 source values for 2019-20 (see above), as fractions
    const v = [60, 68, 61, 68, 51, 63, 55, 61, 88, 60, 88, 64, 67, 68, 58, 58, 62, 67, 58, 59, 61, 64, 55, 63, 69, 66, 70, 70, 66, 72, 59, 72].map((x) => x / 100);
    const mean = sum(v) / 32;
    expect(y.n).toBe(32);
    expect(y.mean).toBeCloseTo(mean, 14);
    expect(y.max_min_ratio).toBeCloseTo(88 / 51, 14);
    expect(y.cv).toBeCloseTo(Math.sqrt(sum(v.map((x) => (x - mean) ** 2)) / 32) / mean, 12);
    // Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ)
    let mad = 0;
    for (const a of v) for (const b of v) mad += Math.abs(a - b);
    expect(y.gini).toBeCloseTo(mad / (2 * 32 * 32 * mean), 12);
    expect(y.scotland).toBeCloseTo(0.65, 15);
    expect(s.map((d) => d.year)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
  });
});
