// Coverage of compare()'s 95% bootstrap intervals in repeated sampling (SYNTHETIC data).
//
// The population: syntheticHouseholds({ seed: 5, households: 20_000 }); the known effects are
// compare() on the whole population of a £25/week Scottish Child Payment at full take-up (UK median
// lines of PIIS 2019-22): the change in child relative poverty AHC and the decile-1 mean change.
// Each sample draws n households with probability ∝ weight, with replacement, each weighted N/n, and
// computes 95% percentile intervals from B household-bootstrap replicates. Coverage is the share of
// samples whose interval contains the known effect; its Monte Carlo standard error is
// √(c(1 − c)/S), 1.4 points at c = 0.95 and S = 250.
//
// Run: npx tsup --silent && node bench/compare-coverage.mjs
//      (SAMPLES=250 N=4000 REPLICATES=150 by default; about 4 minutes on a quiet 2-core machine)
// test/policy/compare-intervals.test.ts runs a smaller version of the same simulation.
import { coverageOfCompare } from './compare-coverage-sim.mjs';
import * as povineq from 'povineq';

const samples = Number(process.env.SAMPLES ?? 250);
const n = Number(process.env.N ?? 4000);
const replicates = Number(process.env.REPLICATES ?? 150);
const t0 = Date.now();
const r = coverageOfCompare(povineq, { samples, n, replicates });
const se = (c) => Math.sqrt((c * (1 - c)) / samples);
console.log(`population: 20,000 synthetic households (seed 5); ${samples} samples of ${n} households; ${replicates} replicates each; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
console.log(`true effects: child relative poverty AHC ${r.trueChild.toFixed(5)}, decile-1 mean change £${r.trueDecile1.toFixed(3)}/week`);
console.log(`coverage of 95% intervals: child poverty change ${r.child.toFixed(3)} (Monte Carlo SE ${se(r.child).toFixed(3)}), decile-1 mean change ${r.decile1.toFixed(3)} (SE ${se(r.decile1).toFixed(3)})`);
