import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { fromColumns } from '../core/index.js';
import { giniOf } from '../measures/index.js';
import { validateHouseholds } from './households.js';
import { type Basis, equivalenceFactors, equivalisedIncome, personWeights } from '../income/index.js';
import { householdDeciles } from './synthetic.js';
import { type ChildGroup, HOUSING_COSTS_BY_TENURE, SCOTTISH_CHILD_PAYMENT, type SyntheticTargets, TENURES, syntheticTargets } from './synthetic-targets.js';
import { takeUpSelection } from './take-up.js';

/**
 * The calibration table of a synthetic household file: each published figure it was built to
 * match, with the value achieved. Columns: `topic`, `item`, `target`, `achieved`, `difference`,
 * `tolerance` (the largest |difference| the file promises on the default seed and size),
 * `fitted` (true when the weights are calibrated to it; false when it is an outcome of the model),
 * `source`. Rates and shares are fractions; populations are people.
 *
 * @example
 * syntheticCalibration(syntheticHouseholds({ seed: 1 })).filter((d) => d.topic === 'poverty').print()
 */
export function syntheticCalibration(households: ColumnTable): ColumnTable {
  const T = syntheticTargets();
  const h = validateHouseholds(households, { by: 'syntheticCalibration()' });
  const has = (c: string) => households.columnNames().includes(c);
  const num = (c: string) => Float64Array.from(households.array(c) as ArrayLike<number>, (v) => (v == null ? NaN : Number(v)));
  const rows: Row[] = [];
  const add = (topic: string, item: string, target: number, achieved: number, fitted: boolean, tolerance: number, source: string) =>
    rows.push({ topic, item, target, achieved, fitted, tolerance, source });
  const pw = personWeights(h);
  const sum = (x: Float64Array, keep?: (i: number) => boolean) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) if (!keep || keep(i)) s += x[i]!;
    return s;
  };
  const under16 = has('children_under_16') ? num('children_under_16') : h.children;
  const EXACT = 1e-6;

  // populations (NRS 0–15 children = children under 16; 16–19 dependants count as working age)
  const nrs = 'NRS mid-2018 population estimates';
  const tot = (k: number) => T.councils.children[k]! + T.councils.workingAge[k]! + T.councils.pensioners[k]!;
  const allTarget = T.councils.code.reduce((s, _, k) => s + tot(k), 0);
  const childTarget = T.councils.children.reduce((s, x) => s + x, 0);
  const wChildren16 = Float64Array.from(under16, (c, i) => c * h.weight[i]!);
  add('population', 'Scotland, people', allTarget, sum(pw.all), true, EXACT * allTarget, nrs);
  add('population', 'Scotland, children under 16 share', childTarget / allTarget, sum(wChildren16) / sum(pw.all), true, EXACT, nrs);
  add('population', 'Scotland, pensioner share (65+)', T.councils.pensioners.reduce((s, x) => s + x, 0) / allTarget, sum(pw.pensioners) / sum(pw.all), true, EXACT, nrs);
  T.councils.code.forEach((code, k) => {
    const inCouncil = (i: number) => h.council[i] === code;
    add('council population', code, tot(k), sum(pw.all, inCouncil), true, EXACT * tot(k), nrs);
  });

  // poverty: PIIS 2019-22 rates against the UK thresholds
  const piis = 'PIIS 2019-22 (3-year average), UK thresholds for a couple (table 54); tables 1a–6a';
  const groups = [
    ['All people', pw.all, false],
    ['Children', pw.children, true],
    ['Working-age adults', pw['working-age'], true],
    ['Pensioners', pw.pensioners, true],
  ] as const;
  const eq = { BHC: equivalisedIncome(h.incomeBhc, h.housingCosts, equivalenceFactors(h, 'BHC'), 'BHC'), AHC: equivalisedIncome(h.incomeBhc, h.housingCosts, equivalenceFactors(h, 'AHC'), 'AHC') };
  for (const basis of ['AHC', 'BHC'] as const) {
    const relative = basis === 'BHC' ? T.lines.relativeBHC : T.lines.relativeAHC;
    const lines = { relative, absolute: basis === 'BHC' ? T.lines.absoluteBHC : T.lines.absoluteAHC, severe: (relative * 5) / 6 };
    for (const measure of ['relative', 'absolute', 'severe'] as const) {
      for (const [group, w, fitted] of groups) {
        const target = measure === 'severe' ? (group === 'All people' ? NaN : T.severe[basis][group]) : T.poverty[measure][basis][group];
        if (Number.isNaN(target)) continue;
        const rate = sum(w, (i) => eq[basis][i]! < lines[measure]) / sum(w);
        add('poverty', `${measure} ${basis}, ${group}`, target, rate, fitted, fitted ? EXACT : 0.01, piis);
      }
    }
  }

  const poorChild = (i: number) => eq.AHC[i]! < T.lines.relativeAHC;
  const severeChild = (i: number) => eq.AHC[i]! < (T.lines.relativeAHC * 5) / 6;
  const childW = pw.children;
  const poorChildren = sum(childW, poorChild);
  // the Scottish Child Payment
  const means = num('means_tested');
  const eligible = Float64Array.from(under16, (c, i) => (means[i]! > 0 ? c : 0));
  const scp = 'Social Security Scotland (323,315 children at 30 Sep 2023); take-up 89% (Scottish Government, Take-up rates of Scottish benefits, Nov 2024)';
  add('scottish child payment', 'eligible children under 16 (recipients / take-up)', SCOTTISH_CHILD_PAYMENT.eligible, sum(Float64Array.from(eligible, (c, i) => c * h.weight[i]!)), true, EXACT * SCOTTISH_CHILD_PAYMENT.eligible, scp);
  const takes = takeUpSelection(households.array('household_id') as ArrayLike<unknown>, eligible, h.weight, { share: SCOTTISH_CHILD_PAYMENT.takeUp });
  add('scottish child payment', 'children receiving at 89% take-up', SCOTTISH_CHILD_PAYMENT.recipients, sum(Float64Array.from(eligible, (c, i) => (takes[i] ? c * h.weight[i]! : 0))), true, 0.001 * SCOTTISH_CHILD_PAYMENT.recipients, scp);
  const R = T.receipt;
  const receiving = (i: number) => means[i]! > 0;
  const bandChild = (i: number) => poorChild(i) && !severeChild(i);
  add('scottish child payment', 'share of children below 50% of the median (AHC) in receiving families', R.severe, sum(childW, (i) => severeChild(i) && receiving(i)) / sum(childW, severeChild), true, EXACT, R.source);
  add('scottish child payment', 'share of children between 50% and 60% of the median (AHC) in receiving families', R.band, sum(childW, (i) => bandChild(i) && receiving(i)) / sum(childW, bandChild), true, EXACT, R.source);
  add('scottish child payment', 'share of poor children (relative AHC) in receiving families (implied)', R.relative, sum(childW, (i) => poorChild(i) && receiving(i)) / poorChildren, false, EXACT, R.source);

  // priority family types, child ages, tenure
  const flag = (c: string) => (has(c) ? num(c) : undefined);
  const youngest = flag('youngest_child_age');
  const member: Record<ChildGroup, ((i: number) => boolean) | undefined> = {
    'lone parent': ((d) => (i: number) => (d ? d[i]! > 0 : h.adults[i] === 1 && h.children[i]! > 0))(flag('lone_parent')),
    disabled: has('disabled') ? ((d) => (i: number) => d[i]! > 0)(num('disabled')) : undefined,
    'three or more children': (i) => h.children[i]! >= 3,
    'minority ethnic': has('minority_ethnic') ? ((d) => (i: number) => d[i]! > 0)(num('minority_ethnic')) : undefined,
    'youngest under 1': youngest ? (i) => youngest[i]! < 1 : undefined,
    'mother under 25': has('mother_under_25') ? ((d) => (i: number) => d[i]! > 0)(num('mother_under_25')) : undefined,
  };
  const totalChildren = sum(childW);
  for (const [g, t] of Object.entries(T.childGroups) as Array<[ChildGroup, SyntheticTargets['childGroups'][ChildGroup]]>) {
    const inGroup = member[g];
    if (!inGroup) continue;
    const groupChildren = sum(childW, inGroup);
    add('family types', `${g}: share of children`, t.share, groupChildren / totalChildren, true, EXACT, t.source);
    if (Number.isFinite(t.rate)) add('family types', `${g}: child poverty rate (relative AHC)`, t.rate, sum(childW, (i) => inGroup(i) && poorChild(i)) / groupChildren, true, EXACT, t.source);
    else add('family types', `${g}: share of poor children`, t.composition, sum(childW, (i) => inGroup(i) && poorChild(i)) / poorChildren, true, EXACT, t.source);
    if (Number.isFinite(t.severeRate)) add('family types', `${g}: severe child poverty rate (below 50% of the median AHC)`, t.severeRate, sum(childW, (i) => inGroup(i) && severeChild(i)) / groupChildren, true, EXACT, `${t.source}, severe: table d`);
  }
  if (has('tenure')) {
    const tenure = households.array('tenure') as ArrayLike<string>;
    for (const t of TENURES) {
      const inT = (i: number) => tenure[i] === t;
      const P = T.tenure.people[t];
      const C = T.tenure.children[t];
      const people = sum(pw.all, inT);
      // owned outright is implied by the other three (PIIS's derived shares sum to 1.0005, rounding)
      add('tenure', `${t}: share of people`, P.share, people / sum(pw.all), true, t === 'owned outright' ? 0.001 : EXACT, 'PIIS 2019-22 table 14a/14b (share = composition × rate of all ÷ rate)');
      add('tenure', `${t}: poverty rate of people (relative AHC)`, P.rate, sum(pw.all, (i) => inT(i) && eq.AHC[i]! < T.lines.relativeAHC) / people, true, EXACT, 'PIIS 2019-22 table 14a');
      add('tenure', `${t}: share of children`, C.share, sum(childW, inT) / totalChildren, true, EXACT, 'PIIS 2019-22 table 24a/24b');
      if (Number.isFinite(C.rate)) add('tenure', `${t}: child poverty rate (relative AHC)`, C.rate, sum(childW, (i) => inT(i) && poorChild(i)) / sum(childW, inT), true, EXACT, 'PIIS 2019-22 table 24a');
      if (Number.isFinite(C.severeRate)) add('tenure', `${t}: severe child poverty rate (below 50% of the median AHC)`, C.severeRate, sum(childW, (i) => inT(i) && severeChild(i)) / sum(childW, inT), true, EXACT, 'PIIS 2019-22 table 24d');
      let s = 0;
      let w = 0;
      for (let i = 0; i < h.n; i++) if (inT(i)) { s += h.weight[i]! * h.housingCosts[i]!; w += h.weight[i]!; }
      add('housing costs', `${t}: mean weekly housing costs (£)`, HOUSING_COSTS_BY_TENURE[t].mean, s / w, true, 0.01, HOUSING_COSTS_BY_TENURE[t].source);
    }
  }

  // income distribution
  for (const basis of ['BHC', 'AHC'] as const) {
    const d = fromColumns(eq[basis], pw.all, `equivalised income ${basis}`, 'person weight');
    add('inequality', `Gini ${basis}`, T.gini[basis as Basis], giniOf(d), false, 0.03, 'PIIS 2019-22 table 53b');
    T.decilePoints[basis].forEach((target, k) => {
      add('income distribution', `${basis} share of people below decile point ${k + 1} (£${target}/week)`, (k + 1) / 10, sum(pw.all, (i) => eq[basis][i]! < target) / sum(pw.all), true, EXACT, 'PIIS 2019-22 tables 51a/51b (Scottish decile points)');
    });
  }

  // spends by household decile of equivalised BHC income
  const logEq = eq.BHC.map((x) => Math.log(Math.max(x, 1e-9)));
  const decile = householdDeciles(logEq, h.weight);
  const motor = num('motor_fuel_spend');
  for (const [name, values, target] of [
    ['domestic energy', h.energySpend, T.lcf.energy],
    ['motor fuel', motor, T.lcf.motorFuel],
  ] as const) {
    for (let k = 0; k < 10; k++) {
      let s = 0;
      let w = 0;
      for (let i = 0; i < h.n; i++) if (decile[i] === k) { s += h.weight[i]! * values[i]!; w += h.weight[i]!; }
      add('spending', `${name}, decile ${k + 1} (£/week; share of LCF total expenditure ${(target[k]! / T.lcf.totalExpenditure[k]!).toFixed(4)})`, target[k]!, s / w, true, 0.01, 'ONS LCF FYE 2018, Family Spending table 3.1E (UK)');
    }
  }
  return aq.from(rows.map((r) => ({ topic: r.topic, item: r.item, target: r.target, achieved: r.achieved, difference: r.achieved - r.target, tolerance: r.tolerance, fitted: r.fitted, source: r.source })));
}

interface Row {
  topic: string;
  item: string;
  target: number;
  achieved: number;
  fitted: boolean;
  tolerance: number;
  source: string;
}
