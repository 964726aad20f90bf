import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module of the main job
import { loadContext } from '../../scripts/sections/context.mjs';
// @ts-expect-error: plain JavaScript module of the main job
import { childPovertySection, deprivationSection } from '../../scripts/sections/council.mjs';

// The numbers the briefing pack computes for a council, against R: test/reference/briefing.R
// (lm(rate ~ rank, weights = population) on the council's national-decile groups; profile shares;
// the LGBF family group's simple mean of DWP FYE 2024 BHC rates). R 4.2.2, base packages.
const ref = JSON.parse(fs.readFileSync(new URL('../fixtures/briefing-reference.json', import.meta.url), 'utf8'));
const CODES: Record<string, string> = { 'Glasgow City': 'S12000049', Fife: 'S12000047', 'Shetland Islands': 'S12000027' };
type Row = Record<string, number | string>;

describe('briefing numbers against R', () => {
  let ctx: { councilSii: Map<string, { sii: number; ci: number[]; rii: number; table: { objects(): Row[] } }> };
  beforeAll(() => {
    ctx = loadContext();
  }, 120_000);

  for (const r of ref.sii as { council: string; decile: number[]; rate: number[]; rank: number[]; sii: number; sii_ci: number[]; rii: number; people_share: number[]; zones_share: number[] }[]) {
    it(`${r.council}: SII, its 95% CI and RII of income deprivation within the council (R lm)`, () => {
      const s = ctx.councilSii.get(CODES[r.council]!)!;
      expect(s.sii).toBeCloseTo(r.sii, 10);
      expect(s.ci[0]).toBeCloseTo(r.sii_ci[0]!, 10);
      expect(s.ci[1]).toBeCloseTo(r.sii_ci[1]!, 10);
      expect(s.rii).toBeCloseTo(r.rii, 10);
      const t = s.table.objects();
      expect(t.map((d) => d.decile)).toEqual(r.decile);
      t.forEach((d, i) => {
        expect(d.rate as number).toBeCloseTo(r.rate[i]!, 12);
        expect(d.rank as number).toBeCloseTo(r.rank[i]!, 12);
      });
    });
    it(`${r.council}: share of people and data zones in each national SIMD decile (R)`, () => {
      const profile = deprivationSection(ctx, CODES[r.council]).charts[0].table as Row[];
      profile.forEach((p, i) => {
        expect(p.people_share as number).toBeCloseTo(r.people_share[i]!, 12);
        expect(p.zones_share as number).toBeCloseTo(r.zones_share[i]!, 12);
      });
    });
  }

  for (const f of ref.family as { council: string; family_group: number; members: number; mean: number }[]) {
    it(`${f.council}: the family group ${f.family_group} average of FYE 2024 child poverty (R mean of ${f.members} councils)`, () => {
      const trend = childPovertySection(ctx, f.council).charts[0].table as Row[];
      const row = trend.find((d) => String(d.series).startsWith('Family group') && d.year === 2024)!;
      expect(row.series).toBe(`Family group ${f.family_group} average`);
      expect(row.rate as number).toBeCloseTo(f.mean, 12);
    });
  }
});
