// Briefing section: how sure are the regional numbers? Domain estimates of the at-risk-of-poverty
// rate by region with 95% intervals from the survey design (EU-SILC example: strata = region,
// PSU = household), by linearization.
import { eusilc, estimate, arpr, measureChart } from 'povineq';

const SOURCE = 'EU-SILC example data from R package laeken (synthetic, based on Austrian EU-SILC 2006; GPL-2)';

export async function uncertaintySection({ log }) {
  const people = eusilc();
  const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
  const all = estimate(arpr, people, { value: 'eqIncome', design });
  const byRegion = estimate(arpr, people, { value: 'eqIncome', design, by: 'db040' });
  log(`ARPR, whole population: ${(100 * all.estimate).toFixed(2)}% (95% CI ${(100 * all.ci[0]).toFixed(2)}–${(100 * all.ci[1]).toFixed(2)}%, ${all.method})`);
  return [
    {
      name: 'uncertainty-poverty-by-region',
      spec: measureChart(byRegion, {
        group: 'db040',
        label: 'At-risk-of-poverty rate',
        format: 'percent',
        reference: { value: all.estimate, label: 'All regions' },
        title: 'Poverty by region, with 95% confidence intervals',
        subtitle: 'Linearization; strata = region, primary sampling units = households',
        source: SOURCE,
        note: 'Synthetic data: illustrates the methods, says nothing about Scotland.',
      }),
    },
  ];
}
