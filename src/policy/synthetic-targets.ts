import { datasetPath, readCSV } from '../data/index.js';
import { nrsPopulation, simd } from '../scotland/index.js';

/**
 * The published figures the synthetic household file is calibrated to, read from the bundled
 * datasets (never from outside the package). Money in £ per week.
 *
 * - NRS mid-2018 population by council: children 0–15, working age 16–64, pensioners 65+.
 * - SIMD 2020v2: data-zone populations, deciles and income-deprived counts (income_count).
 * - PIIS 2019-22 (Scottish Government, March 2023): relative and absolute poverty rates BHC/AHC,
 *   the UK relative and absolute thresholds for a couple without children (table 54), the
 *   Scottish decile points (table 51) and Gini (table 53b).
 * - ONS Living Costs and Food Survey FYE 2018 (Family Spending, table 3.1E): weekly domestic energy
 *   and motor fuel spend by equivalised income decile (UK), and total expenditure by decile.
 */
export interface SyntheticTargets {
  zones: {
    council: string[];
    decile: Int8Array;
    population: Float64Array;
    incomeRate: Float64Array;
  };
  councils: {
    code: string[];
    children: number[];
    workingAge: number[];
    pensioners: number[];
    /** SIMD income-deprived people / SIMD population. */
    incomeDeprived: number[];
  };
  /** PIIS 2019-22 three-year averages, fractions. */
  poverty: Record<'relative' | 'absolute', Record<'BHC' | 'AHC', Record<'All people' | 'Children' | 'Working-age adults' | 'Pensioners', number>>>;
  /** Thresholds for a couple without children (equivalence factor 1), £/week, 2021/22 prices. */
  lines: { relativeBHC: number; relativeAHC: number; absoluteBHC: number; absoluteAHC: number; ukMedianBHC: number; ukMedianAHC: number };
  /** Scottish decile points 1–9, £/week equivalised, 2019-22. */
  decilePoints: { BHC: number[]; AHC: number[] };
  gini: { BHC: number; AHC: number };
  /** LCF FYE 2018 mean weekly spend by decile 1–10, and total expenditure. */
  lcf: { energy: number[]; motorFuel: number[]; totalExpenditure: number[] };
}

let cached: SyntheticTargets | undefined;

/** Loads (once) the calibration targets of the synthetic household file. */
export function syntheticTargets(): SyntheticTargets {
  if (cached) return cached;
  const z = simd();
  const zoneCouncil = Array.from(z.array('council'), String);
  const zonePop = Float64Array.from(z.array('population') as ArrayLike<number>, Number);
  const zoneDecile = Int8Array.from(z.array('decile') as ArrayLike<number>, Number);
  const incomeCount = Array.from(z.array('income_count') as ArrayLike<number | null>);
  const incomeRate = new Float64Array(zonePop.length);
  const deprivedByCouncil = new Map<string, [number, number]>();
  for (let i = 0; i < zonePop.length; i++) {
    const count = incomeCount[i];
    const pop = zonePop[i]!;
    // a suppressed or missing count: the zone gets the council rate below (never dropped)
    incomeRate[i] = count == null || !Number.isFinite(count) ? NaN : pop > 0 ? count / pop : 0;
    const acc = deprivedByCouncil.get(zoneCouncil[i]!) ?? [0, 0];
    if (count != null && Number.isFinite(count)) {
      acc[0] += count;
      acc[1] += pop;
    }
    deprivedByCouncil.set(zoneCouncil[i]!, acc);
  }
  for (let i = 0; i < zonePop.length; i++) {
    if (Number.isNaN(incomeRate[i]!)) {
      const [c, p] = deprivedByCouncil.get(zoneCouncil[i]!)!;
      incomeRate[i] = c / p;
    }
  }

  const nrs = nrsPopulation();
  const codes = [...new Set(zoneCouncil)].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const children = new Array<number>(codes.length).fill(0);
  const workingAge = new Array<number>(codes.length).fill(0);
  const pensioners = new Array<number>(codes.length).fill(0);
  const nc = nrs.array('council') as ArrayLike<string>;
  const ny = nrs.array('year') as ArrayLike<number>;
  const na = nrs.array('age') as ArrayLike<number>;
  const np = nrs.array('population') as ArrayLike<number>;
  for (let i = 0; i < nc.length; i++) {
    if (ny[i] !== 2018) continue;
    const k = index.get(nc[i]!);
    if (k === undefined) continue; // the Scotland rows
    const age = na[i]!;
    if (age <= 15) children[k]! += np[i]!;
    else if (age <= 64) workingAge[k]! += np[i]!;
    else pensioners[k]! += np[i]!;
  }
  const incomeDeprived = codes.map((c) => {
    const [d, p] = deprivedByCouncil.get(c)!;
    return d / p;
  });

  const piis = readCSV(datasetPath('piis2023_headline_poverty_and_inequality.csv'));
  const poverty = { relative: { BHC: {}, AHC: {} }, absolute: { BHC: {}, AHC: {} } } as SyntheticTargets['poverty'];
  let giniBHC = NaN;
  let giniAHC = NaN;
  for (const r of piis.objects() as Array<Record<string, unknown>>) {
    if (r.averaging !== '3-year average' || r.period !== '2019-22') continue;
    const m = r.measure as string;
    const basis = r.housing_costs as 'BHC' | 'AHC';
    if (m === 'relative' || m === 'absolute') (poverty[m][basis] as Record<string, number>)[r.group as string] = Number(r.rate);
    if (m === 'gini') basis === 'BHC' ? (giniBHC = Number(r.rate)) : (giniAHC = Number(r.rate));
  }

  const v3 = readCSV(datasetPath('piis2023_3yr_values.csv'), { autoType: false });
  const lookup = new Map<string, number>();
  for (const r of v3.objects() as Array<Record<string, string>>) lookup.set(`${r.table_id}|${r.row_label}|${r.column_label}`, Number(r.value));
  const couple = 'Couple with no children';
  const get = (key: string) => {
    const v = lookup.get(key);
    if (v === undefined) throw new Error(`synthetic targets: PIIS value ${key} not found`);
    return v;
  };
  const lines = {
    relativeBHC: get(`54a|Relative poverty threshold (60% of UK median income)|${couple}`),
    relativeAHC: get(`54c|Relative poverty threshold (60% of UK median income)|${couple}`),
    absoluteBHC: get(`54a|Absolute poverty threshold (60% of inflation-adjusted 2010/11 UK median income)|${couple}`),
    absoluteAHC: get(`54c|Absolute poverty threshold (60% of inflation-adjusted 2010/11 UK median income)|${couple}`),
    ukMedianBHC: get(`54a|UK median income|${couple}`),
    ukMedianAHC: get(`54c|UK median income|${couple}`),
  };
  const decilePoints = {
    BHC: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => get(`51a|${d}|2019-22`)),
    AHC: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => get(`51b|${d}|2019-22`)),
  };

  const lcfTable = readCSV(datasetPath('ons_lcf_fye2018_energy_share_of_expenditure_by_decile.csv'));
  const energy = new Array<number>(10).fill(NaN);
  const motorFuel = new Array<number>(10).fill(NaN);
  const totalExpenditure = new Array<number>(10).fill(NaN);
  for (const r of lcfTable.objects() as Array<Record<string, unknown>>) {
    const m = /^decile_(\d+)$/.exec(String(r.income_group));
    if (!m) continue;
    const d = Number(m[1]) - 1;
    if (r.item === 'domestic_energy_electricity_gas_other_fuels') {
      energy[d] = Number(r.weekly_spend_gbp);
      totalExpenditure[d] = Number(r.total_weekly_expenditure_gbp);
    }
    if (r.item === 'motor_fuels_petrol_diesel_oils') motorFuel[d] = Number(r.weekly_spend_gbp);
  }

  cached = {
    zones: { council: zoneCouncil, decile: zoneDecile, population: zonePop, incomeRate },
    councils: { code: codes, children, workingAge, pensioners, incomeDeprived },
    poverty,
    lines,
    decilePoints,
    gini: { BHC: giniBHC, AHC: giniAHC },
    lcf: { energy, motorFuel, totalExpenditure },
  };
  return cached;
}
