import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRS_VARIABLES, readFRS, validateHouseholds } from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';

// test/fixtures/frs: GENERATED values in the FRS end-user release layout (see its README.md).
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'frs');
const options = { hbai: 'h2122.tab', areas: 'areas.tab', year: '2021/22' };

describe('readFRS() on the generated fixture', () => {
  const t = readFRS(dir, options);
  const rows = t.objects() as any[];
  const row = (id: number) => rows.find((r) => r.household_id === id);

  it('reads into a valid household table (Scottish households only)', () => {
    expect(validateHouseholds(t).n).toBe(5);
    expect(rows.map((r) => r.household_id)).toEqual([101, 102, 103, 104, 106]);
  });

  it('maps the variables as documented (values worked by hand from the fixture files)', () => {
    // 101: ADULTH 2, DEPCHLDH 2, children aged 3 and 15, PTENTYP2 5 mortgage; HBAI GS_NEWHH 1250, ESNINCHH 910.4, ES_HCOST 160.25;
    // BUUC 0 but benefits.tab BENEFIT 91 (Child Tax Credit) and 90 (Working Tax Credit) → means_tested 1
    expect(row(101)).toMatchObject({ weight: 1250, adults: 2, children: 2, children_under_14: 1, children_under_16: 2, youngest_child_age: 3, pensioners: 0, income_bhc: 910.4, housing_costs: 160.25, tenure: 'mortgage', lone_parent: 0, means_tested: 1, council: 'S12000036', simd_decile: 8 });
    // 102: FAMTYPBU 5 lone parent, BUUC 120.5, mother aged 22 (SEX 2) with children 0 and 2, ETHGR3 3, DISCHHA1 1, PTENTYP2 1
    expect(row(102)).toMatchObject({ lone_parent: 1, means_tested: 1, mother_under_25: 1, minority_ethnic: 1, disabled: 1, youngest_child_age: 0, tenure: 'social rent' });
    // 103: AGE80 71 and 68 → 2 pensioners; outright; State Pension only (BENEFIT 5) → not means-tested
    expect(row(103)).toMatchObject({ pensioners: 2, tenure: 'owned outright', mother_under_25: 0, means_tested: 0 });
    // 104: two benefit units, HBAI household values repeated (900, 175); child aged 17 → not under 16; DISCHHC1 1
    expect(row(104)).toMatchObject({ income_bhc: 900, housing_costs: 175, children: 1, children_under_16: 0, children_under_14: 0, disabled: 1, means_tested: 1, tenure: 'private rent', minority_ethnic: 1 });
    expect(rows.every((r) => r.spend_imputed === 1 && r.energy_spend > 0)).toBe(true);
  });

  it('means_tested: Universal Credit (BUUC) or a qualifying BENEFIT code; { benefits: false } reads UC only', () => {
    // qualifying: 102 BUUC 120.5, 104 BUUC 45, 106 BUUC 80, 101 CTC/WTC; not: 103 State Pension, 106's Housing Benefit alone would not count
    expect(rows.map((r) => r.means_tested)).toEqual([1, 1, 0, 1, 1]);
    const ucOnly = readFRS(dir, { ...options, benefits: false }).objects() as any[];
    expect(ucOnly.map((r) => r.means_tested)).toEqual([0, 1, 0, 1, 1]);
    expect(thrown(() => readFRS(dir, { ...options, benefits: 3 as never })).details.option).toBe('benefits');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'frs-'));
    for (const f of fs.readdirSync(dir)) if (f !== 'benefits.tab') fs.copyFileSync(path.join(dir, f), path.join(tmp, f));
    expect(thrown(() => readFRS(tmp, options)).message).toMatch(/benefits\.tab not found.*benefits: false/);
    fs.writeFileSync(path.join(tmp, 'benefits.tab'), 'SERNUM\tBENUNIT\tPERSON\tBENEFIT\n101\t1\t1\tCTC\n');
    expect(thrown(() => readFRS(tmp, options)).message).toContain('benefits.tab variable BENEFIT');
    fs.rmSync(tmp, { recursive: true });
  });

  it('uses every documented variable: dropping any one is an error naming its file and variable', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'frs-'));
    const files: Record<string, string> = { 'househol.tab': 'househol.tab', 'benunit.tab': 'benunit.tab', 'adult.tab': 'adult.tab', 'child.tab': 'child.tab', 'benefits.tab': 'benefits.tab', hbai: 'h2122.tab', areas: 'areas.tab' };
    for (const [key, variables] of Object.entries(FRS_VARIABLES)) {
      for (const v of variables) {
        for (const f of Object.values(files)) fs.copyFileSync(path.join(dir, f), path.join(tmp, f));
        const file = path.join(tmp, files[key]!);
        const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
        const c = lines[0]!.indexOf(v);
        expect(c).toBeGreaterThanOrEqual(0);
        fs.writeFileSync(file, lines.map((l) => l.filter((_, k) => k !== c).join('\t')).join('\n') + '\n');
        const e = thrown(() => readFRS(tmp, options));
        expect(e.message).toContain(files[key]!);
        expect(e.message).toContain(v);
      }
    }
    fs.rmSync(tmp, { recursive: true });
  });

  it('a missing file, a non-numeric value and a household without HBAI rows are named', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'frs-'));
    for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(tmp, f));
    fs.rmSync(path.join(tmp, 'child.tab'));
    expect(thrown(() => readFRS(tmp, options)).message).toMatch(/child\.tab not found/);
    fs.copyFileSync(path.join(dir, 'child.tab'), path.join(tmp, 'child.tab'));
    fs.writeFileSync(path.join(tmp, 'adult.tab'), fs.readFileSync(path.join(dir, 'adult.tab'), 'utf8').replace('\t41\t', '\tforty-one\t'));
    const e = thrown(() => readFRS(tmp, options));
    expect(e.message).toContain('adult.tab variable AGE80');
    fs.copyFileSync(path.join(dir, 'adult.tab'), path.join(tmp, 'adult.tab'));
    fs.writeFileSync(path.join(tmp, 'h2122.tab'), fs.readFileSync(path.join(dir, 'h2122.tab'), 'utf8').split('\n').filter((l) => !l.startsWith('106\t')).join('\n'));
    expect(thrown(() => readFRS(tmp, options)).message).toMatch(/SERNUM 106.*h2122\.tab|h2122\.tab.*106/);
    expect(thrown(() => readFRS(tmp, { areas: 'areas.tab' } as never)).details.option).toBe('hbai');
    fs.rmSync(tmp, { recursive: true });
  });
});
