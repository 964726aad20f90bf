// Briefing section: the EU-SILC example (synthetic Austrian data from R laeken). Prints the
// headline panel of every core measure and returns the charts: Lorenz curves by region, poverty
// and Gini by region against the whole population, the income distribution with poverty lines.
import * as aq from 'arquero';
import {
  eusilc, distribution, byGroup, lorenz, gini, theil, mld, atkinson, palma, s80s20, percentileRatio, median, mean,
  povertyLine, headcount, povertyGap, povertySeverity, watts, sen, sst, arpr, rmpg, cv, hoover, topShare,
  lorenzChart, measureChart, incomeDistributionChart,
} from 'povineq';

const SOURCE = 'EU-SILC example data from R package laeken (synthetic, based on Austrian EU-SILC 2006; GPL-2)';
const NOTE = 'Synthetic data: illustrates the methods, says nothing about Scotland.';

/** The headline panel of every core measure, printed as aligned text. */
function printPanel(d, log) {
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
  log('Headline panel: EU-SILC example (synthetic Austrian data from R laeken; weights rb050)');
  log(`${d.n} persons, weighted population ${Math.round(d.totalWeight).toLocaleString('en-GB')}`);
  for (const [k, v] of rows) log(`  ${k.padEnd(width)}  ${v.toFixed(6).padStart(14)}`);
}

export async function eusilcSection({ log }) {
  const people = eusilc();
  const o = { value: 'eqIncome', weight: 'rb050' };
  const d = distribution(people, o);
  printPanel(d, log);

  const regions = [...new Set(people.array('db040'))].sort();
  const curves = regions
    .map((region) => lorenz(people.params({ region }).filter((r, $) => r.db040 === $.region), { ...o, at: 100 }).derive({ region: aq.escape(() => region) }))
    .reduce((a, b) => a.concat(b));
  const byRegion = { ...o, by: 'db040' };
  const poverty = byGroup(arpr, people, byRegion).rename({ db040: 'region' });
  const inequality = byGroup(gini, people, byRegion).rename({ db040: 'region' });
  const line = povertyLine(d);

  return [
    {
      name: 'eusilc-lorenz-by-region',
      spec: lorenzChart(curves, { group: 'region', title: 'Lorenz curves by region', subtitle: 'EU-SILC example, equivalised disposable income', source: SOURCE, note: NOTE }),
    },
    {
      name: 'eusilc-poverty-by-region',
      spec: measureChart(poverty, {
        group: 'region', value: 'arpr', label: 'At-risk-of-poverty rate', format: 'percent',
        reference: { value: arpr(d), label: 'All regions' },
        title: 'At-risk-of-poverty rate by region',
        subtitle: 'Share of people below 60% of the national median, the same line for every region',
        source: SOURCE, note: NOTE,
      }),
    },
    {
      name: 'eusilc-gini-by-region',
      spec: measureChart(inequality, {
        group: 'region', value: 'gini', label: 'Gini coefficient', format: 'decimal',
        reference: { value: gini(d), label: 'All regions' },
        title: 'Income inequality by region', source: SOURCE, note: NOTE,
      }),
    },
    {
      name: 'eusilc-income-distribution',
      spec: incomeDistributionChart(people, {
        ...o, format: ',.0f', label: 'Equivalised disposable income (EUR a year)',
        lines: [{ value: line, label: 'Poverty line (60% of median)' }, { value: 0.5 * median(d), label: '50% of median' }],
        title: 'Income distribution and the poverty line', source: SOURCE, note: NOTE,
      }),
    },
  ];
}
