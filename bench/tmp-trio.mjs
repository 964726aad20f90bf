import * as cur from 'povineq';
const old = await import('/tmp/povineq-baseline/dist/index.js');
const n = Number(process.argv[2] ?? 1e6);
const rng = cur.random(1);
const x = new Float64Array(n), w = new Float64Array(n);
for (let i = 0; i < n; i++) { x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100; w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal()); }
const trio = (p) => (a, b) => { const d = p.distribution(a, { weights: b }); return [p.gini(d), p.arpr(d), p.s80s20(d)]; };
const cpu = (f) => { const xs = x.slice(), ws = w.slice(); globalThis.gc?.(); const c0 = process.cpuUsage(); f(xs, ws); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const best = { cur: Infinity, old: Infinity };
for (let r = 0; r < 8; r++) { best.cur = Math.min(best.cur, cpu(trio(cur))); best.old = Math.min(best.old, cpu(trio(old))); }
console.log(n, 'trio cpu ms: current', best.cur.toFixed(1), 'baseline', best.old.toFixed(1));
