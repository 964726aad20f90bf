import { arpr, gini, s80s20, distribution, random } from 'povineq';
const n = Number(process.argv[2] ?? 1e6);
const rng = random(1);
const x = new Float64Array(n), w = new Float64Array(n);
for (let i = 0; i < n; i++) { x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100; w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal()); }
for (let r = 0; r < 4; r++) {
  const xc = x.slice(), wc = w.slice();
  let t0 = performance.now(); const a = arpr(xc, { weights: wc }); const t1 = performance.now();
  const g = gini(xc, { weights: wc }); const t2 = performance.now(); const s = s80s20(xc, { weights: wc }); const t3 = performance.now();
  const xd = x.slice(), wd = w.slice(); const t4 = performance.now(); const d = distribution(xd, { weights: wd }); void d.values; const t5 = performance.now();
  console.log(`arpr ${(t1-t0).toFixed(1)} gini ${(t2-t1).toFixed(1)} s80 ${(t3-t2).toFixed(1)} | dist+sort ${(t5-t4).toFixed(1)}`, a, g, s);
}
