const { estimate, eusilc, gini } = require('povineq');
const t = eusilc(); const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
for (const threads of [1, 2]) { const t0 = performance.now(); const e = estimate(gini, t, { value: 'eqIncome', design, method: 'bootstrap', replicates: 1000, seed: 1000, threads }); console.log('cjs', threads, e.se, (performance.now()-t0).toFixed(0)); }
