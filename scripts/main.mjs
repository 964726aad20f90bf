// The main job. For now: the headline panel of every core measure on the bundled EU-SILC example,
// printed as a table. (The briefing pack grows from here.)
import { performance } from 'node:perf_hooks';
import {
  eusilc, distribution, gini, theil, mld, atkinson, palma, s80s20, percentileRatio, median, mean,
  povertyLine, headcount, povertyGap, povertySeverity, watts, sen, sst, arpr, rmpg, cv, hoover, topShare,
} from 'povineq';

const t0 = performance.now();
const table = eusilc();
const d = distribution(table, { value: 'eqIncome', weight: 'rb050' });
const positive = { nonPositive: 'drop' };
const line = povertyLine(d);
const rows = [
  ['Mean income (EUR/year)', mean(d)],
  ['Median income (EUR/year)', median(d)],
  ['Poverty line: 60% of median', line],
  ['Gini', gini(d)],
  ['Theil (positive incomes)', theil(d, positive)],
  ['Mean log deviation (positive incomes)', mld(d, positive)],
  ['Atkinson, epsilon = 1 (positive incomes)', atkinson(d, { epsilon: 1, ...positive })],
  ['Palma ratio', palma(d)],
  ['S80/S20', s80s20(d)],
  ['P90/P10', percentileRatio(d, { upper: 0.9, lower: 0.1 })],
  ['Coefficient of variation', cv(d)],
  ['Hoover index', hoover(d)],
  ['Top 10% income share', topShare(d, { p: 0.1 })],
  ['At-risk-of-poverty rate (ARPR)', arpr(d)],
  ['Headcount below the line', headcount(d, { line })],
  ['Poverty gap index', povertyGap(d, { line })],
  ['Poverty severity index', povertySeverity(d, { line })],
  ['Watts index (positive incomes)', watts(d, { line, ...positive })],
  ['Sen index', sen(d, { line })],
  ['Sen-Shorrocks-Thon index', sst(d, { line })],
  ['Relative median poverty gap', rmpg(d)],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log('povineq headline panel: EU-SILC example (synthetic Austrian data from R laeken; weights rb050)');
console.log(`${d.n} persons, weighted population ${Math.round(d.totalWeight).toLocaleString('en-GB')}\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.toFixed(6).padStart(14)}`);
console.log(`\nDone in ${Math.round(performance.now() - t0)} ms.`);
