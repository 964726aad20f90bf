// Briefing section: child poverty in Scotland against the Child Poverty (Scotland) Act 2017 targets,
// from the bundled PIIS 2023 three-year averages. The statutory measures are before housing costs.
import { piis, childPovertyTargets, povertyTrendChart } from 'povineq';

const SOURCE = 'Scottish Government, Poverty and Income Inequality in Scotland 2020-23 (OGL v3); targets: Child Poverty (Scotland) Act 2017';

export async function piisSection({ log }) {
  const measures = ['relative', 'absolute'];
  const series = piis()
    .params({ measures })
    .filter((d, $) => d.group === 'Children' && d.basis === 'BHC' && op.includes($.measures, d.measure) && d.rate != null)
    .select('period', 'year', 'measure', 'rate');
  const targets = childPovertyTargets().params({ measures }).filter((d, $) => op.includes($.measures, d.measure));
  const latest = series.orderby('year').objects().slice(-2);
  for (const r of latest) log(`children in ${r.measure} poverty (BHC), ${r.period}: ${(100 * r.rate).toFixed(1)}%`);
  return [
    {
      name: 'piis-child-poverty-targets',
      spec: povertyTrendChart(series, {
        targets,
        label: 'Children in poverty (before housing costs)',
        title: 'Child poverty and the statutory targets',
        subtitle: 'Scotland, three-year averages; interim targets 2023/24, final 2030/31',
        source: SOURCE,
        note: 'Three-year averages smooth survey noise; the 2020/21 survey year is excluded from PIIS averages.',
      }),
    },
  ];
}

import { op } from 'arquero';
