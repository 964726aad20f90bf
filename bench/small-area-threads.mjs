// The small-area parametric bootstrap MSE (fayHerriotArcsine's `bootstrap`) with 1 and 2 threads,
// in the same run, and the SII's Monte Carlo interval split into its two parts (the draws of the
// group rates and the line fits), to show which is worth threads.
//
//   npx tsup && node bench/small-area-threads.mjs
//   node bench/small-area-threads.mjs --areas 52,500,2000 --replicates 200 --reps 3
//
// Areas: sae's 52 provincial poverty rates as shipped (datasets/), and larger seeded synthetic sets
// (rates from a logistic model on one covariate, effective sample sizes 20–400). Reports the best
// of `reps` runs of each; the MSEs are checked to be identical for 1 and 2 threads.
import { performance } from 'node:perf_hooks';
import * as aq from 'arquero';
import { datasetPath, fayHerriotArcsine, random, readCSV, simd, sii } from 'povineq';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const sizes = (args.areas ?? '52,500,2000').split(',').map(Number);
const replicates = Number(args.replicates ?? 200);
const reps = Number(args.reps ?? 3);

function areas(m) {
  if (m === 52) return readCSV(datasetPath('sae_incomedata_poverty_direct.csv')).derive({ x: (d) => Math.log(d.Nd) });
  const rng = random(m);
  const rows = Array.from({ length: m }, (_, i) => {
    const x = rng.normal();
    const n = 20 + rng.integer(380);
    const p = 1 / (1 + Math.exp(-(-1.2 + 0.4 * x + 0.3 * rng.normal())));
    return { prov: i + 1, x, n, direct: rng.binomial(n, p) / n };
  });
  return aq.from(rows);
}

function best(f) {
  let t = Infinity;
  let out;
  for (let r = 0; r < reps; r++) {
    const s = performance.now();
    out = f();
    t = Math.min(t, performance.now() - s);
  }
  return [t, out];
}

// start the workers once, outside the timings
fayHerriotArcsine(areas(500), { area: 'prov', estimate: 'direct', sampleSize: 'n', covariates: ['x'], bootstrap: { replicates: 200, threads: 2 } });

console.log(`parametric bootstrap MSE, ${replicates} replicates (REML refits), best of ${reps}`);
console.log('areas | 1 thread (ms) | 2 threads (ms) | ratio | identical');
for (const m of sizes) {
  const t = areas(m);
  const run = (threads) => fayHerriotArcsine(t, { area: 'prov', estimate: 'direct', sampleSize: 'n', covariates: ['x'], bootstrap: { replicates, seed: 1, threads } }).areas.array('mse');
  const [one, a] = best(() => run(1));
  const [two, b] = best(() => run(2));
  const same = a.every((v, i) => Object.is(v, b[i]));
  console.log(`${m} | ${one.toFixed(1)} | ${two.toFixed(1)} | ${(one / two).toFixed(2)} | ${same}`);
}

// SII Monte Carlo: the draws against the fits (binomial draws of 10 deciles' rates, then a weighted line)
const dz = simd();
const o = { group: 'decile', count: 'income_count', population: 'population', proportion: true, interval: 'monte-carlo', simulations: 10_000, seed: 1 };
const [whole] = best(() => sii(dz, o));
const [regression] = best(() => sii(dz, { ...o, interval: 'regression' }));
const k = 10;
const rates = sii(dz, { ...o, interval: 'regression' }).table.array('rate');
const pops = sii(dz, { ...o, interval: 'regression' }).table.array('population').map(Math.round);
const rng = random(1);
const y = new Float64Array(k);
const [draws] = best(() => {
  for (let s = 0; s < 10_000; s++) for (let i = 0; i < k; i++) y[i] = rng.binomial(pops[i], rates[i]) / pops[i];
});
const x = Float64Array.from({ length: k }, (_, i) => (i + 0.5) / k);
const w = new Float64Array(k).fill(1 / k);
const [fits] = best(() => {
  let acc = 0;
  for (let s = 0; s < 10_000; s++) {
    let W = 0, sx = 0, sy = 0;
    for (let i = 0; i < k; i++) { W += w[i]; sx += w[i] * x[i]; sy += w[i] * y[i]; }
    const mx = sx / W, my = sy / W;
    let sxx = 0, sxy = 0;
    for (let i = 0; i < k; i++) { const dx = x[i] - mx; sxx += w[i] * dx * dx; sxy += w[i] * dx * (y[i] - my); }
    acc += sxy / sxx;
  }
  return acc;
});
console.log(`\nSII Monte Carlo, 10 deciles, 10,000 simulations (binomial rates), best of ${reps}`);
console.log(`whole sii() call: ${whole.toFixed(1)} ms (regression interval alone: ${regression.toFixed(1)} ms)`);
console.log(`draws alone: ${draws.toFixed(1)} ms; line fits alone: ${fits.toFixed(2)} ms`);
