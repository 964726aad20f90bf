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
  /** PIIS 2019-22 severe poverty (below 50% of the UK median) for children, working-age adults, pensioners. */
  severe: Record<'BHC' | 'AHC', Record<'Children' | 'Working-age adults' | 'Pensioners', number>>;
  /**
   * Children by characteristic (PIIS 2019-22, relative poverty AHC, tables 17–29): `share` of all
   * children, `rate` of relative poverty AHC (NaN where PIIS suppresses it), `composition` (share
   * of poor children), `source`; `assumedShare` marks a share that is not published.
   */
  childGroups: Record<ChildGroup, { share: number; rate: number; severeRate: number; composition: number; assumedShare: boolean; source: string }>;
  /**
   * Share of people and of children by tenure, their relative poverty rate AHC and (children) their
   * severe poverty rate AHC (PIIS tables 14, 24; NaN suppressed).
   */
  tenure: Record<'people' | 'children', Record<Tenure, { share: number; rate: number; severeRate: number; composition: number }>>;
  /** Children by age band (PIIS table 19): share of children, relative and severe poverty rate AHC. */
  childAges: Record<'0-4' | '5-12' | '13-19', { share: number; rate: number; severeRate: number }>;
  /** Share of children in families receiving a qualifying benefit, by distance from the line: see {@link receiptTargets}. */
  receipt: ReceiptTargets;
}

/** Shares of children in families receiving a qualifying benefit (Universal Credit or a legacy benefit, in or out of work). */
export interface ReceiptTargets {
  /** Among children below 50% of the UK median AHC (severe poverty). */
  severe: number;
  /** Among children between 50% and 60% of the UK median AHC. */
  band: number;
  /** Among children below 60% of the UK median AHC (implied by the two above). */
  relative: number;
  source: string;
}

/** The tenures of the synthetic file (HBAI tenure groups). */
export const TENURES = ['owned outright', 'mortgage', 'social rent', 'private rent'] as const;
/** A tenure of the synthetic file. */
export type Tenure = (typeof TENURES)[number];

/** Child groups the synthetic file is calibrated on: the six priority family types and others. */
export type ChildGroup = 'lone parent' | 'disabled' | 'three or more children' | 'minority ethnic' | 'youngest under 1' | 'mother under 25';

/**
 * Shares of children in the two priority groups whose poverty rate PIIS suppresses (small samples):
 * youngest child under one — NRS births about 47,000 a year (4.9% of the 0–15 population) and
 * families with a baby have about two children; mother under 25 — about 1 birth in 9 is to a
 * mother under 25 (NRS Vital Events 2021), whose children are all young. Assumptions, stated as such.
 */
const ASSUMED_CHILD_SHARE = { 'youngest under 1': 0.09, 'mother under 25': 0.045 };

/** Housing costs by tenure (£/week, 2021/22, HBAI definition: rent net of housing support, mortgage interest, water and sewerage, structural insurance). */
export const HOUSING_COSTS_BY_TENURE: Record<Tenure, { mean: number; source: string }> = {
  'owned outright': { mean: 10, source: 'Scottish Water charges 2021/22 band D (£8.4/week) + structural insurance; assumption' },
  mortgage: { mean: 55, source: 'mortgage interest only (HBAI): FRS 2019-22 order of magnitude; assumption' },
  'social rent': { mean: 95, source: 'Scottish Housing Regulator, average weekly social rent 2021/22 (about £86) + water; approximate' },
  'private rent': { mean: 165, source: 'Scottish Government Private Sector Rent Statistics 2021 (2-bed about £160/week) + water; approximate' },
};

/**
 * The Scottish Child Payment: children under 16 actively receiving it at 30 September 2023
 * (Social Security Scotland, Scottish Child Payment statistics, published 28 November 2023: 323,315)
 * and the estimated take-up for children under 16 in 2023-24 (Scottish Government, "Take-up rates
 * of Scottish benefits: November 2024": 89%). Eligible children = recipients / take-up.
 */
export const SCOTTISH_CHILD_PAYMENT = { recipients: 323_315, takeUp: 0.89, eligible: 323_315 / 0.89 } as const;

/**
 * Assumed share of children in families receiving a qualifying benefit, by family economic status
 * (the categories of PIIS table 22). An assumption, not a published figure: out-of-work families
 * with children almost all receive Universal Credit or a legacy benefit; in-work receipt falls with
 * work intensity. PIIS publishes how poor (table 22b) and severely poor (table 22e) children split
 * across these categories, so receipt by distance from the line follows from published compositions.
 */
export const ASSUMED_RECEIPT_BY_STATUS: Readonly<Record<string, number>> = {
  'Inactive or retired': 0.95,
  Unemployed: 0.95,
  'Part-time work only': 0.85,
  'Couple: one full-time, one not in paid work': 0.65,
  'Self-employed (at least one full-time)': 0.5,
  'All in full-time work': 0.3,
  'Couple: one full-time, one part-time': 0.3,
};

/**
 * Receipt by distance from the line from PIIS 2019-22 tables 22b and 22e (composition of children in
 * relative and in severe poverty AHC by family economic status) × {@link ASSUMED_RECEIPT_BY_STATUS}:
 * severe = Σ e_s r_s; relative = Σ b_s r_s; band (50–60%) = (R·relative − S·severe) / (R − S), with R
 * and S the child relative and severe poverty rates AHC (tables 1a, 3a).
 */
export function receiptTargets(composition: { relative: Record<string, number>; severe: Record<string, number> }, R: number, S: number): ReceiptTargets {
  let relative = 0;
  let severe = 0;
  for (const [status, r] of Object.entries(ASSUMED_RECEIPT_BY_STATUS)) {
    const b = composition.relative[status];
    const e = composition.severe[status];
    if (!Number.isFinite(b) || !Number.isFinite(e)) throw new Error(`synthetic targets: PIIS table 22 row "${status}" not found`);
    relative += b! * r;
    severe += e! * r;
  }
  return {
    severe,
    band: (R * relative - S * severe) / (R - S),
    relative,
    source: 'PIIS 2019-22 tables 22b/22e (poor and severely poor children by family economic status) × assumed receipt by status',
  };
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
  for (const r of v3.objects() as Array<Record<string, string>>) lookup.set(`${r.table_id}|${r.row_label}|${r.column_label}`, r.value === '' || r.value == null ? NaN : Number(r.value));
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

  const pair = (table: string, row: string) => ({
    rate: lookup.get(`${table}a|${row}|2019-22`) ?? NaN,
    composition: lookup.get(`${table}b|${row}|2019-22`) ?? NaN,
    severeRate: lookup.get(`${table}d|${row}|2019-22`) ?? NaN,
  });
  const childRate = poverty.relative.AHC.Children;
  const group = (table: string, row: string, label: ChildGroup) => {
    const { rate, composition, severeRate } = pair(table, row);
    const assumed = !Number.isFinite(rate);
    const share = assumed ? ASSUMED_CHILD_SHARE[label as keyof typeof ASSUMED_CHILD_SHARE] : (composition * childRate) / rate;
    return { share, rate, severeRate, composition, assumedShare: assumed, source: `PIIS 2019-22 table ${table}a/${table}b "${row}"${assumed ? ' (rate suppressed; share assumed)' : ''}` };
  };
  const childGroups = {
    'lone parent': group('17', 'Single parent in household', 'lone parent'),
    disabled: group('26', 'In household with disabled person(s)', 'disabled'),
    'three or more children': group('18', '3 or more children in the household', 'three or more children'),
    'minority ethnic': group('29', 'Minority ethnic', 'minority ethnic'),
    'youngest under 1': group('20', 'Youngest child is younger than 1', 'youngest under 1'),
    'mother under 25': group('21', 'Mother under 25 in household', 'mother under 25'),
  };
  const tenureRows: Record<Tenure, string> = {
    'owned outright': 'Owned outright',
    mortgage: 'Buying with a mortgage',
    'social rent': 'Rented from council or housing association',
    'private rent': 'Rented privately',
  };
  const tenureOf = (table: string, overall: number) => {
    const out = {} as Record<Tenure, { share: number; rate: number; severeRate: number; composition: number }>;
    let known = 0;
    for (const t of TENURES) {
      const { rate, composition, severeRate } = pair(table, tenureRows[t]);
      out[t] = { share: Number.isFinite(rate) ? (composition * overall) / rate : NaN, rate, severeRate, composition };
      if (Number.isFinite(rate)) known += out[t].share;
    }
    for (const t of TENURES) if (!Number.isFinite(out[t].share)) out[t].share = 1 - known;
    return out;
  };
  const tenure = { people: tenureOf('14', poverty.relative.AHC['All people']), children: tenureOf('24', childRate) };
  const ages = {} as SyntheticTargets['childAges'];
  for (const band of ['0-4', '5-12', '13-19'] as const) {
    const { rate, composition, severeRate } = pair('19', band);
    ages[band] = { share: (composition * childRate) / rate, rate, severeRate };
  }
  const severe = { BHC: {}, AHC: {} } as SyntheticTargets['severe'];
  for (const g of ['Children', 'Working-age adults', 'Pensioners'] as const) {
    severe.AHC[g] = get(`3a|${g}|2019-22`);
    severe.BHC[g] = get(`6a|${g}|2019-22`);
  }

  const statusRows = Object.keys(ASSUMED_RECEIPT_BY_STATUS);
  const receipt = receiptTargets(
    {
      relative: Object.fromEntries(statusRows.map((r) => [r, get(`22b|${r}|2019-22`)])),
      severe: Object.fromEntries(statusRows.map((r) => [r, get(`22e|${r}|2019-22`)])),
    },
    childRate,
    severe.AHC.Children,
  );

  cached = {
    receipt,
    severe,
    childGroups,
    tenure,
    childAges: ages,
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
