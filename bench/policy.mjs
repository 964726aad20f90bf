// Benchmark of compare() (every output table) on synthetic Scottish households, 100k → 1M rows.
//
//   node --expose-gc bench/policy.mjs                 # sizes 1e5, 2e5, 5e5, 1e6; best of 3
//   node --expose-gc bench/policy.mjs --sizes 1e5,1e6 --reps 5
//
// For each size it generates the SYNTHETIC household file (seeded; not timed), applies a carbon
// levy with a child top-up (not timed) and times compare(baseline, reform) — poverty (3 measures ×
// BHC/AHC × 4 groups, moved in/out), fuel poverty, Gini/Palma/S80S20 BHC and AHC, deciles, winners
// and losers overall, by decile, council and SIMD quintile, council and SIMD tables, cost. As a
// peer in the same run it times one distribution() of the same number of person-weighted incomes
// (one validated sort): compare() needs four such sorts plus linear passes, so the ratio tells
// how close to that floor it is. Needs a built package (npx tsup). Read the ratios: timings depend
// on the machine and its load.
import { carbonLevy, compare, distribution, syntheticHouseholds } from 'povineq';
import { best as timed, parseArgs } from './timing.mjs';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '1e5,2e5,5e5,1e6').split(',').map(Number);
const reps = Number(args.reps ?? 3);
const gc = globalThis.gc ?? (() => {});

const best = (f) => timed(f, reps, gc);

const rows = [];
for (const n of sizes) {
  const h = syntheticHouseholds({ seed: 20230323, households: n });
  const reform = carbonLevy({ rate: 0.1, recycling: 'child' })(h);
  const c = best(() => compare(h, reform));
  const income = Float64Array.from(h.array('income_bhc'));
  const weights = Float64Array.from(h.array('weight'));
  const d = best(() => distribution(income, { weights }));
  const tables = Object.entries(c.out).filter(([, v]) => v && typeof v.numRows === 'function').length;
  rows.push({ households: n, compare_ms: Math.round(c.ms), one_sort_ms: Math.round(d.ms), ratio: +(c.ms / d.ms).toFixed(1), tables });
  console.log(JSON.stringify(rows.at(-1)));
}
const first = rows[0];
const last = rows.at(-1);
console.log(`\nscaling ${first.households} → ${last.households}: compare() ×${(last.compare_ms / first.compare_ms).toFixed(1)} for ×${last.households / first.households} rows`);
console.table(rows);
