import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module of the main job
import { loadContext } from '../../scripts/sections/context.mjs';
// @ts-expect-error: plain JavaScript module of the main job
import { childPovertySection, deprivationSection, neighbourhoodsSection } from '../../scripts/sections/council.mjs';
// @ts-expect-error: plain JavaScript module of the main job
import { councilsComparedSection, targetsSection } from '../../scripts/sections/scotland-page.mjs';
// @ts-expect-error: plain JavaScript module of the main job
import * as f from '../../scripts/sections/findings.mjs';

// Chart titles state findings computed from the numbers: the same section on changed data gets a
// different title. Expected titles are worked out by hand from datasets/*.csv, not copied from output.
type Row = Record<string, unknown>;
const titleOf = (spec: { title: { text: string } }) => spec.title.text;
const DUNDEE = 'S12000042';

describe('finding sentences', () => {
  it('compare with a reference and describe movement with stated thresholds', () => {
    expect(f.comparedWith(0.2, 0.15)).toBe('above');
    expect(f.comparedWith(0.15, 0.2)).toBe('below');
    expect(f.comparedWith(0.152, 0.15)).toBe('close to');
    expect(f.movement(0.17, 0.19)).toBe('has risen');
    expect(f.movement(0.19, 0.17)).toBe('has fallen');
    expect(f.movement(0.17, 0.175)).toBe('is little changed');
  });
  it('read the trend against Scotland', () => {
    const s = [{ year: 2015, rate: 0.2 }, { year: 2024, rate: 0.25 }];
    expect(f.trendFinding('Dundee City', s, [{ year: 2024, rate: 0.16 }])).toBe("Child poverty in Dundee City is above Scotland's and has risen since 2015");
    expect(f.trendFinding('Dundee City', [{ year: 2015, rate: 0.2 }, { year: 2024, rate: 0.12 }], [{ year: 2024, rate: 0.16 }])).toBe("Child poverty in Dundee City is below Scotland's and has fallen since 2015");
  });
  it('count the interim targets missed and quote the relative one', () => {
    const rows = [
      { measure: 'relative', rate: 0.245, period: '2019-22', target: 0.18, met: false },
      { measure: 'absolute', rate: 0.13, period: '2019-22', target: 0.14, met: true },
    ];
    expect(f.targetsFinding(rows, { relative: 'Relative poverty' })).toBe('Child poverty in Scotland is above one of the two interim targets of the Act: relative poverty 24.5% in 2019-22 against 18%');
    expect(f.targetsFinding(rows.map((r) => ({ ...r, met: false })))).toMatch(/^Child poverty in Scotland is above both interim targets/);
  });
  it('describe the SIMD profile relative to the national tenth', () => {
    expect(f.profileFinding('Inverclyde', 0.3)).toBe("30.0% of Inverclyde's people live in Scotland's most deprived tenth of data zones, 3.0 times its share of Scotland");
    expect(f.profileFinding('Shetland Islands', 0)).toBe("None of Shetland Islands's data zones is in Scotland's most deprived tenth");
  });
});

describe('section titles follow the data', () => {
  let ctx: Record<string, unknown> & { dwp: Row[]; izOutcomes: Row[] };
  beforeAll(() => {
    ctx = loadContext();
  }, 120_000);

  it("Dundee's trend title from the bundled DWP series (17.6% in 2015 → 18.7% in 2024; Scotland 16.3%)", () => {
    const s = childPovertySection(ctx, DUNDEE);
    // datasets/dwp_cilif_children_low_income_council.csv, 2025 release: Dundee City 17.6 (2015), 18.7 (2024); Scotland 16.3 (2024)
    expect(titleOf(s.charts[0].spec)).toBe("Child poverty in Dundee City is above Scotland's and has risen since 2015");
  });

  it('changes when the numbers change', () => {
    const dwp = ctx.dwp.map((r) => (r.council === DUNDEE && r.release === '2025' && r.basis === 'BHC' ? { ...r, rate: 0.3 - (Number(r.year) - 2015) * 0.02 } : r));
    const s = childPovertySection({ ...ctx, dwp }, DUNDEE);
    // 0.30 in 2015 falling to 0.12 in 2024, under Scotland's 16.3%
    expect(titleOf(s.charts[0].spec)).toBe("Child poverty in Dundee City is below Scotland's and has fallen since 2015");
    expect(s.charts[0].table.find((r: Row) => r.series === 'Dundee City' && r.year === 2024).rate).toBeCloseTo(0.12, 10);
  });

  it('the councils-compared title names the highest and lowest council, whatever they are', () => {
    const before = titleOf(councilsComparedSection(ctx).charts[0].spec);
    // DWP 2026 release, AHC FYE 2025: Glasgow City 23.3% highest, East Dunbartonshire 7.8% lowest
    expect(before).toMatch(/^Child poverty after housing costs ranges from 7\.\d% in East Dunbartonshire to 23\.3% in Glasgow City$/);
    const dwp = ctx.dwp.map((r) => (r.council === 'S12000027' && r.release === '2026' && r.basis === 'AHC' && r.year === 2025 ? { ...r, rate: 0.4 } : r));
    expect(titleOf(councilsComparedSection({ ...ctx, dwp }).charts[0].spec)).toMatch(/to 40\.0% in Shetland Islands$/);
  });

  it('the targets title reads the AHC three-year rates against all four interim targets (s. 7(1) of the Act)', () => {
    // PIIS 2019-22 children AHC: relative 24.5% (target 18%), absolute 20.8% (14%), combined 10.5% (8%); persistent 2017-2021 18% (8%)
    expect(titleOf(targetsSection(ctx).charts[0].spec)).toBe('Child poverty in Scotland is above all four interim targets of the Act: relative poverty 24.5% in 2019-22 against 18%');
  });

  it('the neighbourhood title names the highest and lowest intermediate zones', () => {
    const s = neighbourhoodsSection(ctx, DUNDEE);
    const title = titleOf(s.charts[0].spec);
    const iz = ctx.izOutcomes.filter((r) => r.council === DUNDEE && r.indicator === 'Child Poverty').sort((a, b) => Number(b.value) - Number(a.value));
    expect(title).toContain(`${(100 * Number(iz[0]!.value)).toFixed(1)}% in ${iz[0]!.intermediate_zone_name}`);
    const izOutcomes = ctx.izOutcomes.map((r) => (r.intermediate_zone === iz.at(-1)!.intermediate_zone && r.indicator === 'Child Poverty' ? { ...r, value: 0.99 } : r));
    expect(titleOf(neighbourhoodsSection({ ...ctx, izOutcomes }, DUNDEE).charts[0].spec)).toContain(`99.0% in ${iz.at(-1)!.intermediate_zone_name}`);
  });

  it('the outcomes-spread title names the zone worst on most outcomes, and follows the data', () => {
    const title = titleOf(neighbourhoodsSection(ctx, DUNDEE).charts[2].spec);
    expect(title).toMatch(/ is the worst of Dundee City's neighbourhoods on \d of 6 outcomes$|^No single neighbourhood/);
    // make one zone the worst on every outcome: child poverty, benefits, mortality, admissions and crime high, participation low
    const target = ctx.izOutcomes.find((r) => r.council === DUNDEE)!.intermediate_zone;
    const izOutcomes = ctx.izOutcomes.map((r) => (r.intermediate_zone === target ? { ...r, value: r.indicator === 'Participation Rate' ? 0 : 1e9 } : r));
    const name = ctx.izOutcomes.find((r) => r.intermediate_zone === target)!.intermediate_zone_name;
    expect(titleOf(neighbourhoodsSection({ ...ctx, izOutcomes }, DUNDEE).charts[2].spec)).toBe(`${name} is the worst of Dundee City's neighbourhoods on 6 of 6 outcomes`);
  });

  it('the SIMD profile is the share of the council population in each national decile', () => {
    const s = deprivationSection(ctx, DUNDEE);
    const profile = s.charts[0].table as { people_share: number; zones_share: number }[];
    expect(profile.reduce((a, r) => a + r.people_share, 0)).toBeCloseTo(1, 12);
    expect(profile.reduce((a, r) => a + r.zones_share, 0)).toBeCloseTo(1, 12);
  });
});
