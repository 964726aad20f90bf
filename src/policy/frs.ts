import fs from 'node:fs';
import path from 'node:path';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, describeRows, plural } from '../data/index.js';
import { householdDeciles } from './synthetic.js';
import { syntheticTargets } from './synthetic-targets.js';

/** Options of {@link readFRS}. */
export interface ReadFRSOptions {
  /** Survey year, for messages and the `year` column (e.g. `'2021/22'`). */
  year?: string | number;
  /**
   * The HBAI derived file (tab-delimited, one row per benefit unit), a path relative to `dir` or
   * absolute, e.g. `'h2122.tab'`. Needed: household income and housing costs come from it
   * (`ESNINCHH`, `ES_HCOST`), as HBAI defines them, and the grossing factor `GS_NEWHH`.
   */
  hbai: string;
  /**
   * Council and SIMD decile per household, which the end-user release does not carry: a
   * tab-delimited file (relative to `dir`) or a table with columns `SERNUM`, `council` (S12 code)
   * and `simd_decile` (1–10), e.g. from the Special Licence release's data zone.
   */
  areas: string | ColumnTable;
  /** Keep Scottish households only (`GVTREGN` = 299999999, default true). */
  scotlandOnly?: boolean;
  /**
   * The FRS benefits file (one row per benefit received), relative to `dir`, default
   * `'benefits.tab'`: `means_tested` also counts the legacy qualifying benefits recorded there
   * ({@link FRS_QUALIFYING_BENEFITS}). `false` reads Universal Credit (`BUUC`) only.
   */
  benefits?: string | false;
}

/**
 * FRS `BENEFIT` codes (benefits file) of the benefits that qualify a family for the Scottish Child
 * Payment, besides Universal Credit: Pension Credit, Income Support, Working Tax Credit, Child Tax
 * Credit, Universal Credit. Income-based Jobseeker's Allowance and income-related ESA share their
 * codes (14, 16) with the contributory ones and are not read: families with children on them
 * receive Child Tax Credit (or Universal Credit) for the children, which is read.
 */
export const FRS_QUALIFYING_BENEFITS: Readonly<Record<number, string>> = {
  4: 'Pension Credit',
  19: 'Income Support',
  90: 'Working Tax Credit',
  91: 'Child Tax Credit',
  95: 'Universal Credit',
};

/** Every FRS/HBAI variable readFRS uses, by file (see docs/guides/frs.md for their meaning). */
export const FRS_VARIABLES = {
  'househol.tab': ['SERNUM', 'GVTREGN', 'ADULTH', 'DEPCHLDH', 'PTENTYP2', 'DISCHHA1', 'DISCHHC1'],
  'benunit.tab': ['SERNUM', 'BENUNIT', 'FAMTYPBU', 'BUUC'],
  'adult.tab': ['SERNUM', 'BENUNIT', 'PERSON', 'AGE80', 'SEX', 'ETHGR3'],
  'child.tab': ['SERNUM', 'BENUNIT', 'PERSON', 'AGE'],
  'benefits.tab': ['SERNUM', 'BENEFIT'],
  hbai: ['SERNUM', 'BENUNIT', 'GS_NEWHH', 'ESNINCHH', 'ES_HCOST'],
  areas: ['SERNUM', 'council', 'simd_decile'],
} as const;

const SCOTLAND = 299999999;
const TENURE: Record<number, string> = { 1: 'social rent', 2: 'social rent', 3: 'private rent', 4: 'private rent', 5: 'mortgage', 6: 'owned outright' };
const LONE_PARENT = 5; // FAMTYPBU: lone parent

/**
 * Reads the Family Resources Survey end-user release (UK Data Service, tab-delimited: househol,
 * benunit, adult and child files) with the HBAI derived file into the household schema
 * (docs/schema/households.md): one row per household, £ per week.
 *
 * - `weight` = HBAI `GS_NEWHH`; `income_bhc` = HBAI `ESNINCHH` (household net income BHC, HBAI
 *   definition); `housing_costs` = HBAI `ES_HCOST` (household variables, repeated on each benefit
 *   unit's row of the HBAI file: taken once, and checked to agree).
 * - `adults` = `ADULTH`; `children` = `DEPCHLDH`; `children_under_14`, `children_under_16`,
 *   `youngest_child_age` from the child file's `AGE`; `pensioners` = adults with `AGE80` ≥ 66
 *   (state pension age from 2020/21).
 * - `tenure` from `PTENTYP2`; `disabled` = `DISCHHA1` + `DISCHHC1` > 0; `lone_parent` from
 *   `FAMTYPBU` = 5; `minority_ethnic` = household reference person's `ETHGR3` ≠ 1 (PIIS uses
 *   "White – British"; ETHGR3 1 is all White groups); `mother_under_25` = a female adult (`SEX`
 *   2) aged under 25 in a benefit unit with children; `means_tested` = a qualifying benefit
 *   received by anyone in the household: Universal Credit (`BUUC` > 0 in any benefit unit) or a
 *   `BENEFIT` code of {@link FRS_QUALIFYING_BENEFITS} in the benefits file (tax credits, Income
 *   Support, Pension Credit; `benefits: false` reads UC only).
 * - `council` and `simd_decile` from `areas`; `energy_spend` and `motor_fuel_spend` are not in
 *   the FRS: imputed as the LCF FYE 2018 mean by household income decile (as the synthetic file),
 *   flagged by `spend_imputed` = 1.
 *
 * Errors name the file and the variable (missing file, missing variable, values that are not
 * numbers, households without HBAI rows or areas).
 *
 * @example
 * const households = readFRS('UKDA-9073-tab/tab', { hbai: 'h2122.tab', areas: 'areas.tab', year: '2021/22' });
 */
export function readFRS(dir: string, options: ReadFRSOptions): ColumnTable {
  if (!options || typeof options.hbai !== 'string') {
    throw new PovineqError('MISSING_OPTION', 'readFRS(): pass { hbai: "<HBAI file>.tab", areas } — incomes and weights come from the HBAI derived file', { option: 'hbai' });
  }
  if (options.areas === undefined) {
    throw new PovineqError('MISSING_OPTION', 'readFRS(): pass { areas }: a file or table of SERNUM, council, simd_decile (the end-user release has no council or data zone)', { option: 'areas' });
  }
  const file = (name: string) => (path.isAbsolute(name) ? name : path.join(dir, name));
  const hh = readTab(file('househol.tab'), 'househol.tab', FRS_VARIABLES['househol.tab']);
  const bu = readTab(file('benunit.tab'), 'benunit.tab', FRS_VARIABLES['benunit.tab']);
  const ad = readTab(file('adult.tab'), 'adult.tab', FRS_VARIABLES['adult.tab']);
  const ch = readTab(file('child.tab'), 'child.tab', FRS_VARIABLES['child.tab']);
  const hb = readTab(file(options.hbai), options.hbai, FRS_VARIABLES.hbai);
  const benefitsFile = options.benefits ?? 'benefits.tab';
  if (benefitsFile !== false && typeof benefitsFile !== 'string') {
    throw new PovineqError('INVALID_OPTION', `readFRS(): benefits must be a file name (default 'benefits.tab') or false, got ${JSON.stringify(benefitsFile)}`, { option: 'benefits' });
  }
  const be = benefitsFile === false ? undefined : readTab(file(benefitsFile), benefitsFile, FRS_VARIABLES['benefits.tab']);
  const ar = typeof options.areas === 'string' ? readTab(file(options.areas), options.areas, ['SERNUM', 'simd_decile'], ['council']) : tableColumns(options.areas, 'areas', ['SERNUM', 'simd_decile'], ['council']);

  const scotlandOnly = options.scotlandOnly ?? true;
  const rows: number[] = [];
  for (let i = 0; i < hh.n; i++) if (!scotlandOnly || hh.num.GVTREGN![i] === SCOTLAND) rows.push(i);
  const index = new Map(rows.map((i, k) => [hh.num.SERNUM![i]!, k]));
  const n = rows.length;
  if (n === 0) throw new PovineqError('EMPTY', `readFRS(): househol.tab has no Scottish households (GVTREGN = ${SCOTLAND}); pass { scotlandOnly: false } for the UK`, { column: 'GVTREGN' });

  const weight = new Float64Array(n).fill(NaN);
  const income = new Float64Array(n);
  const housing = new Float64Array(n);
  const seenHbai = new Uint8Array(n);
  for (let j = 0; j < hb.n; j++) {
    const k = index.get(hb.num.SERNUM![j]!);
    if (k === undefined) continue;
    // household variables, repeated on each benefit unit's row: take them once, check they agree
    const values = [hb.num.GS_NEWHH![j]!, hb.num.ESNINCHH![j]!, hb.num.ES_HCOST![j]!];
    if (seenHbai[k]) {
      const names = ['GS_NEWHH', 'ESNINCHH', 'ES_HCOST'];
      const prior = [weight[k]!, income[k]!, housing[k]!];
      const v = values.findIndex((x, m) => x !== prior[m]);
      if (v >= 0) {
        throw new PovineqError('INVALID_INPUT', `readFRS(): ${options.hbai} variable ${names[v]} differs between the benefit units of SERNUM ${hb.num.SERNUM![j]} (${prior[v]} and ${values[v]}); it is a household variable, the same on every benefit unit`, {
          file: options.hbai,
          column: names[v],
        });
      }
      continue;
    }
    seenHbai[k] = 1;
    [weight[k], income[k], housing[k]] = values as [number, number, number];
  }
  const noHbai = rows.filter((_, k) => !seenHbai[k]);
  if (noHbai.length > 0) {
    throw new PovineqError('MISSING_VALUE', `readFRS(): ${plural(noHbai.length, 'household')} of househol.tab have no row in ${options.hbai} (SERNUM ${noHbai.slice(0, 5).map((i) => hh.num.SERNUM![i]).join(', ')}); variables GS_NEWHH, ESNINCHH, ES_HCOST come from it: use the HBAI file of the same year`, {
      file: options.hbai,
      column: 'SERNUM',
      count: noHbai.length,
    });
  }

  const adults = new Float64Array(n);
  const children = new Float64Array(n);
  const pensioners = new Float64Array(n);
  const under14 = new Float64Array(n);
  const under16 = new Float64Array(n);
  const youngest = new Array<number | null>(n).fill(null);
  const tenure = new Array<string>(n);
  const disabled = new Uint8Array(n);
  const lone = new Uint8Array(n);
  const minority = new Uint8Array(n);
  const youngMother = new Uint8Array(n);
  const means = new Uint8Array(n);
  rows.forEach((i, k) => {
    adults[k] = hh.num.ADULTH![i]!;
    children[k] = hh.num.DEPCHLDH![i]!;
    const t = TENURE[hh.num.PTENTYP2![i]!];
    if (t === undefined) throw new PovineqError('INVALID_INPUT', `readFRS(): househol.tab variable PTENTYP2 is ${hh.num.PTENTYP2![i]} for SERNUM ${hh.num.SERNUM![i]}; expected 1–6`, { file: 'househol.tab', column: 'PTENTYP2' });
    tenure[k] = t;
    disabled[k] = hh.num.DISCHHA1![i]! + hh.num.DISCHHC1![i]! > 0 ? 1 : 0;
  });
  const buChildren = new Map<string, number>();
  for (let j = 0; j < ch.n; j++) {
    const k = index.get(ch.num.SERNUM![j]!);
    if (k === undefined) continue;
    const age = ch.num.AGE![j]!;
    if (age < 14) under14[k]!++;
    if (age < 16) under16[k]!++;
    if (youngest[k] === null || age < youngest[k]!) youngest[k] = age;
    const key = `${ch.num.SERNUM![j]}|${ch.num.BENUNIT![j]}`;
    buChildren.set(key, (buChildren.get(key) ?? 0) + 1);
  }
  for (let j = 0; j < bu.n; j++) {
    const k = index.get(bu.num.SERNUM![j]!);
    if (k === undefined) continue;
    if (bu.num.FAMTYPBU![j] === LONE_PARENT) lone[k] = 1;
    if (bu.num.BUUC![j]! > 0) means[k] = 1;
  }
  if (be) {
    for (let j = 0; j < be.n; j++) {
      const k = index.get(be.num.SERNUM![j]!);
      if (k !== undefined && FRS_QUALIFYING_BENEFITS[be.num.BENEFIT![j]!] !== undefined) means[k] = 1;
    }
  }
  for (let j = 0; j < ad.n; j++) {
    const k = index.get(ad.num.SERNUM![j]!);
    if (k === undefined) continue;
    const age = ad.num.AGE80![j]!;
    if (age >= 66) pensioners[k]!++;
    // the household reference person is taken as person 1 (the FRS numbers the HRP first in most households)
    if (ad.num.PERSON![j] === 1 && ad.num.ETHGR3![j] !== 1) minority[k] = 1;
    if (ad.num.SEX![j] === 2 && age < 25 && (buChildren.get(`${ad.num.SERNUM![j]}|${ad.num.BENUNIT![j]}`) ?? 0) > 0) youngMother[k] = 1;
  }
  const bad = rows.map((_, k) => k).filter((k) => under16[k]! > children[k]! || pensioners[k]! > adults[k]!);
  if (bad.length > 0) {
    throw new PovineqError('INVALID_INPUT', `readFRS(): ${plural(bad.length, 'household')} have more children in child.tab (AGE) than househol.tab DEPCHLDH, or more adults aged 66+ in adult.tab (AGE80) than ADULTH (${describeRows(bad)}); the files are from different years or releases`, {
      file: 'child.tab',
      column: 'DEPCHLDH',
      count: bad.length,
    });
  }

  const areaIndex = new Map<number, number>();
  for (let j = 0; j < ar.n; j++) areaIndex.set(ar.num.SERNUM![j]!, j);
  const council = new Array<string>(n);
  const simd = new Float64Array(n);
  const noArea: number[] = [];
  rows.forEach((i, k) => {
    const j = areaIndex.get(hh.num.SERNUM![i]!);
    if (j === undefined) return noArea.push(hh.num.SERNUM![i]!);
    council[k] = String(ar.text.council![j]);
    simd[k] = ar.num.simd_decile![j]!;
  });
  if (noArea.length > 0) {
    throw new PovineqError('MISSING_VALUE', `readFRS(): ${plural(noArea.length, 'household')} have no row in areas (SERNUM ${noArea.slice(0, 5).join(', ')}); council and simd_decile come from it`, { file: 'areas', column: 'SERNUM', count: noArea.length });
  }

  // energy and motor fuel: LCF FYE 2018 mean by household decile of equivalised BHC income
  const T = syntheticTargets();
  const logEq = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const factor = 0.67 + 0.33 * (adults[k]! - 1) + 0.33 * (children[k]! - under14[k]!) + 0.2 * under14[k]!;
    logEq[k] = Math.log(Math.max(income[k]! / factor, 1e-9));
  }
  const decile = householdDeciles(logEq, weight);
  const energy = Float64Array.from(decile, (d) => T.lcf.energy[d]!);
  const motor = Float64Array.from(decile, (d) => T.lcf.motorFuel[d]!);
  return aq.table({
    household_id: rows.map((i) => hh.num.SERNUM![i]!),
    weight,
    adults,
    children,
    children_under_14: under14,
    children_under_16: under16,
    youngest_child_age: youngest,
    pensioners,
    income_bhc: income,
    housing_costs: housing,
    energy_spend: energy,
    motor_fuel_spend: motor,
    spend_imputed: new Uint8Array(n).fill(1),
    means_tested: means,
    two_child_limit_children: new Float64Array(n),
    council,
    simd_decile: simd,
    tenure,
    lone_parent: lone,
    disabled,
    minority_ethnic: minority,
    mother_under_25: youngMother,
    year: new Array(n).fill(options.year === undefined ? null : String(options.year)),
  });
}

interface Tab {
  n: number;
  num: Record<string, Float64Array>;
  text: Record<string, string[]>;
}

/** Reads a tab-delimited FRS file; numeric variables must parse as numbers (names are matched case-insensitively). */
function readTab(file: string, label: string, numeric: readonly string[], text: readonly string[] = []): Tab {
  if (!fs.existsSync(file)) {
    const hint = numeric.includes('BENEFIT') ? "; pass { benefits: false } to read Universal Credit (benunit.tab BUUC) only" : '';
    throw new PovineqError('MISSING_COLUMN', `readFRS(): file ${label} not found (${file}); it holds ${[...numeric, ...text].join(', ')}${hint}`, { file: label });
  }
  const table = aq.fromCSV(fs.readFileSync(file, 'utf8'), { delimiter: '\t', autoType: false });
  return tableColumns(table, label, numeric, text);
}

function tableColumns(table: ColumnTable, label: string, numeric: readonly string[], text: readonly string[]): Tab {
  const names = new Map(table.columnNames().map((c) => [c.toUpperCase(), c]));
  const n = table.numRows();
  const find = (v: string) => {
    const c = names.get(v.toUpperCase());
    if (c === undefined) {
      throw new PovineqError('MISSING_COLUMN', `readFRS(): ${label} has no variable ${v} (it has ${table.columnNames().slice(0, 12).join(', ')}${table.numCols() > 12 ? ', …' : ''})`, { file: label, column: v });
    }
    return c;
  };
  const num: Record<string, Float64Array> = {};
  for (const v of numeric) {
    const raw = table.array(find(v)) as ArrayLike<unknown>;
    const x = new Float64Array(n);
    const bad: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = raw[i];
      x[i] = typeof s === 'number' ? s : s === null || s === undefined || String(s).trim() === '' ? NaN : Number(s);
      if (!Number.isFinite(x[i]!)) bad.push(i);
    }
    if (bad.length > 0) {
      throw new PovineqError('NON_NUMERIC', `readFRS(): ${label} variable ${v} has ${plural(bad.length, 'value')} that are not numbers (${describeRows(bad)}); check the file is the tab-delimited release`, {
        file: label,
        column: v,
        count: bad.length,
        rows: bad.slice(0, 100),
      });
    }
    num[v] = x;
  }
  const txt: Record<string, string[]> = {};
  for (const v of text) txt[v] = Array.from(table.array(find(v)) as ArrayLike<unknown>, String);
  return { n, num, text: txt };
}
