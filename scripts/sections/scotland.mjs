// Briefing section: Scottish areas from the bundled SIMD 2020v2 and boundaries. Council map of the
// share of people in Scotland's 20% most deprived data zones; data-zone map of income deprivation
// in Glasgow City; the income deprivation gradient across SIMD deciles with its slope index of
// inequality.
import { op } from 'arquero';
import { simd, sii, councilMap, dataZoneMap, simdGradientChart } from 'povineq';

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

  // income deprivation by SIMD decile and its slope index of inequality (population-weighted fit)
  const slope = sii(zones, { group: 'decile', count: 'income_count', population: 'population', proportion: true, missing: 'drop' });
  const missingIncome = zones.filter((d) => d.income_count == null).numRows();
  log(`SII of income deprivation across SIMD deciles: ${(100 * slope.sii).toFixed(1)} percentage points (95% CI ${(100 * slope.ci[0]).toFixed(1)}–${(100 * slope.ci[1]).toFixed(1)}), RII ${slope.rii.toFixed(2)}`);

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
      spec: simdGradientChart(slope.table, {
        value: 'rate', label: 'Share of people income deprived', format: 'percent', groupLabel: 'SIMD decile', sii: slope,
        title: 'Income deprivation falls steeply with area deprivation',
        subtitle: `SIMD 2020v2 deciles, 1 = most deprived; slope index of inequality ${(100 * slope.sii).toFixed(1)} percentage points`,
        source: SIMD_SOURCE,
        note: missingIncome ? `${missingIncome} data zones without an income count are left out.` : undefined,
      }),
    },
  ];
}
