import { arpr, random, distribution, selectQuantile, clearDistributionCache } from 'povineq';
const n = 1e6;
const rng = random(1);
const x = new Float64Array(n), w = new Float64Array(n);
for (let i = 0; i < n; i++) { x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100; w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal()); }
const cpu = (f) => { const c0 = process.cpuUsage(); const r = f(); const c = process.cpuUsage(c0); return [((c.user + c.system) / 1000).toFixed(1), r]; };
let tot = 0; for (let i = 0; i < n; i++) tot += w[i];
for (let r = 0; r < 12; r++) {
  const xs = x.slice(), ws = w.slice();
  const [tb, d] = cpu(() => distribution(xs, { weights: ws }));
  const [ts] = cpu(() => selectQuantile(x, w, tot, 0.5, 'laeken'));
  const [tw] = cpu(() => d.weightBelow(20000));
  const [tt] = cpu(() => d.totalWeight);
  const [tc] = cpu(() => x.slice());
  const [ta] = cpu(() => arpr(x.slice(), { weights: w.slice() }));
  if (r > 7) console.log(`build ${tb} select ${ts} weightBelow ${tw} total ${tt} copy ${tc} arpr(incl 2 copies) ${ta}`);
}
