import { estimate, eusilc, gini } from 'povineq';
const table = eusilc();
const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
for (let i = 0; i < 5; i++) estimate(gini, table, { value: 'eqIncome', design, method: 'bootstrap', replicates: 1000, seed: 1000, threads: 1 });
