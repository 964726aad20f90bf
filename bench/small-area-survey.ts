// A synthetic Scottish survey for small-area estimation: the population is the seeded synthetic
// household file (SYNTHETIC, not survey data); samples are drawn with a stratified two-stage
// design (strata = councils, PSUs = clusters of about 25 households within council × SIMD decile),
// child poverty (AHC, below 60% of the population's person-weighted median) is estimated directly
// by council with estimate({ by }), then with the Fay–Herriot model on council covariates from the
// bundled data (SIMD income deprivation, CPOP child low income and out-of-work benefits).
// Used by test/small-area/simulation.test.ts and bench/small-area.ts.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import {
  type Random, cpop, estimate, fayHerriot, headcount, hbaiIncomes, quantile, random, simd, surveyDesign, syntheticHouseholds,
} from '../src/index.js';

export interface Population {
  households: ColumnTable;
  line: number;
  /** True child poverty rate, children and PSUs by council (S12 code). */
  councils: ColumnTable;
  /** Household rows of each PSU, by council. */
  psus: Map<string, number[][]>;
}

/** The synthetic population with equivalised AHC incomes, its poverty line, true council rates and PSUs. */
export function scottishPopulation(seed = 20230323, households = 60_000, psuSize = 25): Population {
  const raw = syntheticHouseholds({ seed, households });
  const withIncomes = hbaiIncomes(raw.derive({ children_14_plus: (d: { children: number; children_under_14: number }) => d.children - d.children_under_14 }), { income: 'income_bhc', housingCosts: 'housing_costs' });
  const persons = withIncomes.derive({ persons: (d: { weight: number; adults: number; children: number }) => d.weight * (d.adults + d.children) });
  const line = 0.6 * quantile(persons, { value: 'equivalised_ahc', weight: 'persons', p: 0.5 });
  const hh = persons.derive({
    poor: aq.escape((d: { equivalised_ahc: number }) => (d.equivalised_ahc < line ? 1 : 0)),
    child_weight: (d: { weight: number; children: number }) => d.weight * d.children,
  });
  const council = hh.array('council') as string[];
  const decile = hh.array('simd_decile') as number[];
  const cells = new Map<string, number[]>();
  council.forEach((c, i) => {
    const key = `${c}|${decile[i]}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key)!.push(i);
  });
  const psus = new Map<string, number[][]>();
  for (const [key, rows] of cells) {
    const c = key.split('|')[0]!;
    if (!psus.has(c)) psus.set(c, []);
    const k = Math.max(1, Math.round(rows.length / psuSize));
    for (let j = 0; j < k; j++) psus.get(c)!.push(rows.filter((_, i) => i % k === j));
  }
  const councils = hh
    .groupby('council')
    .rollup({ children: aq.op.sum('child_weight'), poor_children: (d: { child_weight: number; poor: number }) => aq.op.sum(d.child_weight * d.poor) })
    .derive({ true_rate: (d: { poor_children: number; children: number }) => d.poor_children / d.children })
    .orderby('council');
  return { households: hh, line, councils, psus };
}

/** Council covariates from the bundled data: SIMD 2020v2 income deprivation, CPOP child low income and out-of-work benefits. */
export function councilCovariates(): ColumnTable {
  const income = simd()
    .groupby('council')
    .rollup({ income_count: aq.op.sum('income_count'), population: aq.op.sum('population') })
    .derive({ simd_income_rate: (d: { income_count: number; population: number }) => d.income_count / d.population })
    .select('council', 'simd_income_rate');
  const c = cpop().filter((d: { value_flag: string | null; year: number }) => d.value_flag === null && d.year <= 2021);
  const latest = (indicator: string, name: string) => {
    const t = c.params({ indicator }).filter((d: { indicator: string }, $: { indicator: string }) => d.indicator === $.indicator);
    const year = Math.max(...(t.array('year') as number[]));
    return t.params({ year }).filter((d: { year: number }, $: { year: number }) => d.year === $.year).select('council', 'value').rename({ value: name });
  };
  return income.join(latest('Child Poverty', 'cpop_child_poverty'), 'council').join(latest('Out of Work Benefits', 'cpop_out_of_work'), 'council').orderby('council');
}

/** Draws one stratified two-stage sample: `psusPerCouncil(c)` PSUs by SRS in each council, then `perPsu` households by SRS in each. */
export function drawSample(pop: Population, rng: Random, totalPsus = 400, perPsu = 8, minPsus = 3): ColumnTable {
  const sizes = [...pop.psus.entries()].map(([c, list]) => [c, list.length] as const);
  const scale = sizes.reduce((s, [, n]) => s + Math.sqrt(n), 0);
  const rows: number[] = [];
  const weights: number[] = [];
  const psuIds: string[] = [];
  const w = pop.households.array('weight') as number[];
  for (const [c, n] of sizes) {
    const take = Math.min(n, Math.max(minPsus, Math.round((totalPsus * Math.sqrt(n)) / scale)));
    const chosen = choose(rng, n, take);
    for (const j of chosen) {
      const members = pop.psus.get(c)![j]!;
      const m = Math.min(perPsu, members.length);
      for (const k of choose(rng, members.length, m)) {
        const r = members[k]!;
        rows.push(r);
        weights.push(w[r]! * (n / take) * (members.length / m));
        psuIds.push(`${c}-${j}`);
      }
    }
  }
  const columns: Record<string, unknown[]> = {};
  for (const name of ['council', 'children', 'equivalised_ahc']) {
    const values = pop.households.array(name) as unknown[];
    columns[name] = rows.map((r) => values[r]);
  }
  return aq.table({ ...columns, sample_weight: weights, psu: psuIds });
}

function choose(rng: Random, n: number, k: number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.integer(n - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k);
}

/**
 * Direct council estimates of child poverty from a sample, with smoothed sampling variances
 * D = deff · p̄(1 − p̄) / nᵢ (p̄ the national rate, nᵢ the sampled households with children, deff the
 * median of the councils' own design effects), as area-level practice does when small areas' own
 * variance estimates are unstable or zero. The national design effect would overstate deff: it also
 * carries the weighting effect of the unequal allocation between councils.
 */
export function directEstimates(sample: ColumnTable, line: number): ColumnTable {
  const children = sample.filter((d: { children: number }) => d.children > 0).derive({
    design_weight: (d: { sample_weight: number; children: number }) => d.sample_weight * d.children,
  });
  const design = surveyDesign(children, { strata: 'council', psu: 'psu', weight: 'design_weight', singlePsu: 'certainty' });
  const national = estimate(headcount, children, { value: 'equivalised_ahc', line, design });
  const counts = children.groupby('council').count({ as: 'households' });
  const byCouncil = estimate(headcount, children, { value: 'equivalised_ahc', line, design, by: 'council' }).join(counts, 'council');
  const deff = designEffect(byCouncil);
  const p = national.estimate;
  return byCouncil
    .params({ smooth: deff * p * (1 - p) })
    .derive({ smoothed_variance: (d: { households: number }, $: { smooth: number }) => $.smooth / d.households })
    .orderby('council');
}

/** Median over areas of se² / (p(1 − p)/n), skipping areas with p of 0 or 1 or a zero se. */
export function designEffect(direct: ColumnTable): number {
  const rows = direct.objects() as { estimate: number; se: number; households: number }[];
  const deffs = rows
    .filter((r) => r.estimate > 0 && r.estimate < 1 && r.se > 0)
    .map((r) => r.se ** 2 / ((r.estimate * (1 - r.estimate)) / r.households))
    .sort((a, b) => a - b);
  const k = deffs.length;
  return k % 2 === 1 ? deffs[(k - 1) / 2]! : (deffs[k / 2 - 1]! + deffs[k / 2]!) / 2;
}

/** One replicate: direct estimates and Fay–Herriot (REML) estimates with the truth, by council. */
export function oneReplicate(pop: Population, covariates: ColumnTable, rng: Random): ColumnTable {
  const direct = directEstimates(drawSample(pop, rng), pop.line).join(covariates, 'council');
  const fh = fayHerriot(direct, {
    area: 'council',
    estimate: 'estimate',
    variance: 'smoothed_variance',
    covariates: ['simd_income_rate', 'cpop_child_poverty', 'cpop_out_of_work'],
  });
  return fh.areas.join(pop.councils.select('council', 'true_rate'), 'council');
}

/** Runs `samples` seeded replicates and summarises: mean relative RMSE of direct and FH estimates, and the coverage of the FH intervals. */
export function simulate(samples: number, seed = 18, pop = scottishPopulation()): { directRrmse: number; fhRrmse: number; coverage: number; directCoverage: number; samples: number } {
  const rng = random(seed);
  const covariates = councilCovariates();
  const sq = new Map<string, { d: number; f: number; truth: number }>();
  let covered = 0;
  let directCovered = 0;
  let count = 0;
  for (let s = 0; s < samples; s++) {
    for (const r of oneReplicate(pop, covariates, rng).objects() as Record<string, number | string>[]) {
      const truth = r.true_rate as number;
      const acc = sq.get(r.council as string) ?? { d: 0, f: 0, truth };
      acc.d += ((r.direct as number) - truth) ** 2;
      acc.f += ((r.eblup as number) - truth) ** 2;
      sq.set(r.council as string, acc);
      if ((r.ci_lower as number) <= truth && truth <= (r.ci_upper as number)) covered++;
      if ((r.direct_ci_lower as number) <= truth && truth <= (r.direct_ci_upper as number)) directCovered++;
      count++;
    }
  }
  const rr = (key: 'd' | 'f') => [...sq.values()].reduce((s, a) => s + Math.sqrt(a[key] / samples) / a.truth, 0) / sq.size;
  return { directRrmse: rr('d'), fhRrmse: rr('f'), coverage: covered / count, directCoverage: directCovered / count, samples };
}
