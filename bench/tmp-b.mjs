import { estimate, eusilc, gini } from 'povineq';
const table = eusilc();
const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
for (let i = 0; i < 5; i++) {
  const c0 = process.cpuUsage(); const t0 = performance.now();
  const r = estimate(gini, table, { value: 'eqIncome', design, method: 'bootstrap', replicates: 1000, seed: 1000 });
  const c = process.cpuUsage(c0);
  console.log(((performance.now() - t0)/1000).toFixed(3), 'cpu', ((c.user+c.system)/1e6).toFixed(3), r.se);
}
