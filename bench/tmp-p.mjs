import { selectQuantile, random, distribution } from 'povineq';
const n = Number(process.argv[2] ?? 1e6);
const rng = random(1);
const x = new Float64Array(n), w = new Float64Array(n);
for (let i = 0; i < n; i++) { x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100; w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal()); }
let tot = 0; for (let i = 0; i < n; i++) tot += w[i];
for (let r = 0; r < 4; r++) {
  const xc = x.slice(), wc = w.slice();
  let t0 = performance.now(); const q = selectQuantile(xc, wc, tot, 0.5, 'laeken'); const t1 = performance.now();
  const c = x.slice(); const t2 = performance.now();
  const d = distribution(x.slice(), {weights: w.slice()}); const t3 = performance.now();
  let s = 0; for (let i = 0; i < n; i++) if (x[i] < q) s += w[i]; const t4 = performance.now();
  console.log(`select ${(t1-t0).toFixed(1)} copy ${(t2-t1).toFixed(1)} build ${(t3-t2).toFixed(1)} pass ${(t4-t3).toFixed(1)}`);
}
