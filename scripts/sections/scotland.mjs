// Briefing section: Scottish areas from the bundled SIMD 2020v2 and boundaries. Council map of the
// share of people in Scotland's 20% most deprived data zones; data-zone map of income deprivation
// in Glasgow City; the income deprivation gradient across SIMD deciles.
import { op } from 'arquero';
import { simd, councilMap, dataZoneMap, simdGradientChart } from 'povineq';

const SIMD_SOURCE = 'Scottish Index of Multiple Deprivation 2020v2, Scottish Government (OGL v3); population: NRS 2017 estimates in the SIMD file';

export async function scotlandSection({ log }) {
  const zones = simd();
  log(`SIMD 2020v2: ${zones.numRows().toLocaleString('en-GB')} data zones`);

  const byCouncil = zones
    .derive({ deprived: (d) => (d.quintile === 1 ? d.population : 0) })
    .groupby('council', 'council_name')
    .rollup({ population: op.sum('population'), deprived: op.sum('deprived') })
    .derive({ share: (d) => d.deprived / d.population })
    .rename({ council: 'code' })
    .orderby('code');

  const withIncome = zones.filter((d) => d.income_count != null && d.population > 0);
  const missingIncome = zones.numRows() - withIncome.numRows();
  const deciles = withIncome
    .groupby('decile')
    .rollup({ population: op.sum('population'), income_deprived: op.sum('income_count') })
    .derive({ rate: (d) => d.income_deprived / d.population })
    .orderby('decile');
  const total = deciles.array('population').reduce((a, b) => a + b, 0);
  let cumulative = 0;
  const rank = Array.from(deciles.array('population'), (p) => ((cumulative += p) - p / 2) / total);
  const gradient = deciles.assign({ rank }).rename({ decile: 'group' });

  const glasgow = zones
    .filter((d) => d.council_name === 'Glasgow City' && d.income_rate != null)
    .select({ data_zone: 'code', data_zone_name: 'name', income_rate: 'income_rate' });
  const glasgowMissing = zones.filter((d) => d.council_name === 'Glasgow City' && d.income_rate == null).numRows();

  return [
    {
      name: 'scotland-council-deprivation-map',
      spec: councilMap(byCouncil, {
        value: 'share', label: 'People in the 20% most deprived data zones', format: 'percent',
        title: 'Where deprivation is concentrated',
        subtitle: "Share of each council's people living in Scotland's 20% most deprived data zones",
        source: SIMD_SOURCE,
        note: 'SIMD ranks areas, not people: many deprived people live outside deprived areas.',
      }),
    },
    {
      name: 'scotland-glasgow-income-deprivation-map',
      spec: dataZoneMap(glasgow, {
        value: 'income_rate', label: 'Income deprived', format: 'percent',
        title: 'Income deprivation in Glasgow City by data zone',
        source: SIMD_SOURCE,
        note: glasgowMissing ? `${glasgowMissing} data zones without a published rate are not drawn.` : undefined,
      }),
    },
    {
      name: 'scotland-income-deprivation-gradient',
      spec: simdGradientChart(gradient, {
        value: 'rate', label: 'Share of people income deprived', format: 'percent', groupLabel: 'SIMD decile',
        title: 'Income deprivation falls steeply with area deprivation',
        subtitle: 'SIMD 2020v2 deciles, 1 = most deprived; income-deprived count / population',
        source: SIMD_SOURCE,
        note: missingIncome ? `${missingIncome} data zones without an income count are left out.` : undefined,
      }),
    },
  ];
}
