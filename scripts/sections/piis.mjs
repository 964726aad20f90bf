// Briefing section: child poverty in Scotland against the Child Poverty (Scotland) Act 2017 targets,
// from the bundled PIIS 2019-22 release (published March 2023). The Act measures all four targets
// after housing costs (s. 7(1)), so the rates are AHC.
import { op } from 'arquero';
import { piis, piisPersistent, childPovertyTargets, povertyTrendChart, targetsProgress } from 'povineq';

const SOURCE =
  'Scottish Government, Poverty and Income Inequality in Scotland 2019-22 (published March 2023; persistent poverty from its Understanding Society tables), OGL v3; targets: Child Poverty (Scotland) Act 2017, ss. 1–2';

const LABELS = {
  relative: 'Relative poverty',
  absolute: 'Absolute poverty',
  combined: 'Low income and material deprivation',
  persistent: 'Persistent poverty',
};

export async function piisSection({ log }) {
  const measures = Object.keys(LABELS);
  const series = piis()
    .concat(piisPersistent())
    .params({ measures })
    .filter((d, $) => d.group === 'Children' && d.basis === 'AHC' && op.includes($.measures, d.measure) && d.rate != null && d.year >= 2010)
    .select('period', 'year', 'measure', 'rate');
  const targets = childPovertyTargets();
  const interim = targetsProgress(piis().concat(piisPersistent()))
    .filter((d) => d.kind === 'interim')
    .objects();
  const above = interim.filter((r) => !r.met).length;
  const title =
    above === interim.length
      ? `Child poverty in Scotland is above all ${interim.length === 4 ? "four" : interim.length} of the Act’s interim targets`
      : above === 0
        ? 'Child poverty in Scotland is below every interim target of the Act'
        : `Child poverty in Scotland is above ${above} of the Act’s ${interim.length} interim targets`;
  const rows = series.orderby('year').objects();
  const latest = measures.map((m) => rows.filter((r) => r.measure === m).at(-1));
  for (const r of latest) log(`children in ${r.measure} poverty (AHC, the statutory basis), ${r.period}: ${(100 * r.rate).toFixed(1)}%`);
  return [
    {
      name: 'piis-child-poverty-targets',
      spec: povertyTrendChart(series, {
        targets,
        panels: true,
        seriesLabels: LABELS,
        label: 'Children in poverty',
        title,
        subtitle: 'Share of children, after housing costs (the Act’s basis, s. 7(1)); three-year averages (persistent: four-year panel periods); interim targets 2023/24, final 2030/31',
        source: SOURCE,
        note: 'Three-year averages smooth survey noise; 2020/21 is excluded from PIIS averages. Persistent poverty: in relative poverty in at least 3 of 4 years (the latest period is 2017-2021).',
      }),
    },
  ];
}
