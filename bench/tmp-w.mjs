import { estimate, eusilc, gini } from 'povineq';
const t = eusilc(); const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
for (let i = 0; i < 4; i++) for (const threads of [1, 2]) { const c0 = process.cpuUsage(); const t0 = performance.now(); const e = estimate(gini, t, { value: 'eqIncome', design, method: 'bootstrap', replicates: 1000, seed: 1000, threads }); const c = process.cpuUsage(c0); console.log('esm', threads, e.se, (performance.now()-t0).toFixed(0), 'cpu', ((c.user+c.system)/1000).toFixed(0)); }
