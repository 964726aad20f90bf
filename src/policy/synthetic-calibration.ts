import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { fromColumns, quantileOf } from '../core/index.js';
import { giniOf } from '../measures/index.js';
import { validateHouseholds } from './households.js';
import { type Basis, equivalenceFactors, equivalisedIncome, personWeights } from '../income/index.js';
import { householdDeciles } from './synthetic.js';
import { syntheticTargets } from './synthetic-targets.js';

/**
 * The calibration table of a synthetic household file: each published figure it was built to
 * approach, with the value achieved. Columns: `topic`, `item`, `target`, `achieved`, `difference`,
 * `fitted` (true when the generator fits it directly; false when it is an outcome of the model),
 * `source`.
 *
 * @example
 * syntheticCalibration(syntheticHouseholds({ seed: 1 })).filter((d) => d.topic === 'poverty').print()
 */
export function syntheticCalibration(households: ColumnTable): ColumnTable {
  const T = syntheticTargets();
  const h = validateHouseholds(households, { by: 'syntheticCalibration()' });
  const rows: Array<{ topic: string; item: string; target: number; achieved: number; fitted: boolean; source: string }> = [];
  const pw = personWeights(h);
  const sum = (x: Float64Array, keep?: (i: number) => boolean) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) if (!keep || keep(i)) s += x[i]!;
    return s;
  };

  // populations
  const nrs = 'NRS mid-2018 population estimates';
  const tot = (k: number) => T.councils.children[k]! + T.councils.workingAge[k]! + T.councils.pensioners[k]!;
  const allTarget = T.councils.code.reduce((s, _, k) => s + tot(k), 0);
  const childTarget = T.councils.children.reduce((s, x) => s + x, 0);
  rows.push({ topic: 'population', item: 'Scotland, people', target: allTarget, achieved: sum(pw.all), fitted: true, source: nrs });
  rows.push({ topic: 'population', item: 'Scotland, children share (0–15)', target: childTarget / allTarget, achieved: sum(pw.children) / sum(pw.all), fitted: true, source: nrs });
  rows.push({
    topic: 'population',
    item: 'Scotland, pensioner share (65+)',
    target: T.councils.pensioners.reduce((s, x) => s + x, 0) / allTarget,
    achieved: sum(pw.pensioners) / sum(pw.all),
    fitted: true,
    source: nrs,
  });
  const means = validateMeansTested(households);
  T.councils.code.forEach((code, k) => {
    const inCouncil = (i: number) => h.council[i] === code;
    rows.push({ topic: 'council population', item: code, target: tot(k), achieved: sum(pw.all, inCouncil), fitted: true, source: nrs });
    rows.push({
      topic: 'council income deprivation',
      item: code,
      target: T.councils.incomeDeprived[k]!,
      achieved: sum(pw.all, (i) => inCouncil(i) && means[i]! > 0) / sum(pw.all, inCouncil),
      fitted: true,
      source: 'SIMD 2020v2 income-deprived people / population (vs people in means-tested households)',
    });
  });

  // poverty and income distribution
  const piis = 'PIIS 2019-22 (3-year average), UK thresholds for a couple (table 54)';
  const groups = [
    ['All people', pw.all, false],
    ['Children', pw.children, true],
    ['Working-age adults', pw['working-age'], true],
    ['Pensioners', pw.pensioners, true],
  ] as const;
  for (const basis of ['BHC', 'AHC'] as const) {
    const eq = equivalisedIncome(h.incomeBhc, h.housingCosts, equivalenceFactors(h, basis), basis);
    const lines = basis === 'BHC' ? [T.lines.relativeBHC, T.lines.absoluteBHC] : [T.lines.relativeAHC, T.lines.absoluteAHC];
    for (const [m, measure] of (['relative', 'absolute'] as const).entries()) {
      for (const [group, w, fitted] of groups) {
        const rate = sum(w, (i) => eq[i]! < lines[m]!) / sum(w);
        rows.push({ topic: 'poverty', item: `${measure} ${basis}, ${group}`, target: T.poverty[measure][basis][group], achieved: rate, fitted: measure === 'relative' && fitted, source: piis });
      }
    }
    const d = fromColumns(eq, pw.all, `equivalised income ${basis}`, 'person weight');
    rows.push({ topic: 'inequality', item: `Gini ${basis}`, target: T.gini[basis as Basis], achieved: giniOf(d), fitted: basis === 'BHC', source: 'PIIS 2019-22 table 53b' });
    T.decilePoints[basis].forEach((target, k) => {
      rows.push({
        topic: 'income distribution',
        item: `${basis} decile point ${k + 1} (£/week, equivalised)`,
        target,
        achieved: quantileOf(d, (k + 1) / 10),
        fitted: false,
        source: 'PIIS 2019-22 tables 51a/51b (Scottish decile points)',
      });
    });
  }

  // spends by household decile of equivalised BHC income
  const eqB = equivalisedIncome(h.incomeBhc, h.housingCosts, equivalenceFactors(h, 'BHC'), 'BHC');
  const logEq = eqB.map((x) => Math.log(Math.max(x, 1e-9)));
  const decile = householdDeciles(logEq, h.weight);
  const motor = Float64Array.from(households.array('motor_fuel_spend') as ArrayLike<number>, Number);
  for (const [name, values, target] of [
    ['domestic energy', h.energySpend, T.lcf.energy],
    ['motor fuel', motor, T.lcf.motorFuel],
  ] as const) {
    for (let k = 0; k < 10; k++) {
      const inDecile = (i: number) => decile[i] === k;
      let s = 0;
      let w = 0;
      for (let i = 0; i < h.n; i++) if (inDecile(i)) { s += h.weight[i]! * values[i]!; w += h.weight[i]!; }
      rows.push({
        topic: 'spending',
        item: `${name}, decile ${k + 1} (£/week; share of LCF total expenditure ${(target[k]! / T.lcf.totalExpenditure[k]!).toFixed(4)})`,
        target: target[k]!,
        achieved: s / w,
        fitted: true,
        source: 'ONS LCF FYE 2018, Family Spending table 3.1E (UK)',
      });
    }
  }
  return aq.from(rows.map((r) => ({ topic: r.topic, item: r.item, target: r.target, achieved: r.achieved, difference: r.achieved - r.target, fitted: r.fitted, source: r.source })));
}

function validateMeansTested(households: ColumnTable): Float64Array {
  return Float64Array.from(households.array('means_tested') as ArrayLike<number>, Number);
}
