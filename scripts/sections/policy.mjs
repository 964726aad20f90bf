// Briefing section: does a climate measure harm child poverty? A 10% carbon levy on SYNTHETIC
// households (seeded), its impact by decile, winners and losers, and the cross-check of every
// recycling option against poverty and inequality outcomes.
import { syntheticHouseholds, compare, crossCheck, carbonLevy, RECYCLING_OPTIONS, PIIS_2019_22_THRESHOLDS as T, decileImpactChart, winnersLosersChart, crossCheckChart } from 'povineq';

const SOURCE = 'povineq synthetic households (seed 20230323), calibrated to published Scottish totals';
const NOTE = 'Synthetic data: illustrates the method, not an estimate for Scotland.';

export async function policySection({ log }) {
  const households = syntheticHouseholds({ seed: 20230323, households: 20_000 });
  const lines = { referenceMedian: { BHC: T.medianBHC, AHC: T.medianAHC } };
  const policies = Object.fromEntries(RECYCLING_OPTIONS.map((r) => [`levy 10%, recycling: ${r}`, carbonLevy({ rate: 0.1, recycling: r })]));
  const levy = compare(households, policies['levy 10%, recycling: none'], lines);
  log(`${households.numRows().toLocaleString('en-GB')} synthetic households; ${Object.keys(policies).length} levy options`);
  const matrix = crossCheck(households, policies, { ...lines, replicates: 100, seed: 1, minimumEffect: 0.001 });
  log(`cross-check: ${matrix.numRows()} policy × outcome cells`);
  return [
    { name: 'policy-levy-deciles', spec: decileImpactChart(levy.deciles, { value: 'pct_change', title: 'A 10% carbon levy without recycling: change in income by decile', source: SOURCE, note: NOTE }) },
    { name: 'policy-levy-winners-losers', spec: winnersLosersChart(levy.winnersLosers, { title: 'A 10% carbon levy without recycling: winners and losers', source: SOURCE, note: NOTE }) },
    { name: 'policy-cross-check', spec: crossCheckChart(matrix, { title: 'Carbon levy options: effects on poverty and inequality', source: SOURCE, note: `${NOTE} Flags from 100 seeded bootstrap replicates.` }) },
  ];
}
