import { arpr, random } from 'povineq';
const n = 1e6;
const rng = random(1);
const x = new Float64Array(n), w = new Float64Array(n);
for (let i = 0; i < n; i++) { x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100; w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal()); }
for (let r = 0; r < 15; r++) { const c0 = process.cpuUsage(); arpr(x.slice(), { weights: w.slice() }); const c = process.cpuUsage(c0); if (r > 10) console.log(((c.user + c.system) / 1000).toFixed(1)); }
