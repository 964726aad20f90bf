import type { TopLevelSpec } from 'vega-lite';
import { type ChartData, type ChartOptions, chartRows, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS } from './theme.js';

/** Options of {@link deprivationProfileChart}. */
export interface DeprivationProfileChartOptions extends ChartOptions {
  /** National deprivation group column (default `decile`, 1 = most deprived). */
  group?: string;
  /** Share of the area's people in the group (default `people_share`), a fraction. */
  people?: string;
  /** Share of the area's data zones in the group (default `zones_share`), a fraction. */
  zones?: string;
  /** Where the area is (for the description; default 'the area'). */
  area?: string;
}

/**
 * An area's deprivation profile: the share of its people (bars) and of its data zones (diamonds)
 * in each national SIMD decile, against the 10% each decile holds nationally (dashed line). An
 * area with bars above the line on the left has more than its share of Scotland's most deprived
 * places. Reads one row per decile (`decile`, `people_share`, `zones_share`).
 *
 * @example
 * // Inverclyde's data zones and people by national SIMD 2020v2 decile
 * const profile = simd()
 *   .filter((d) => d.council_name === 'Inverclyde')
 *   .groupby('decile')
 *   .rollup({ zones: aq.op.count(), people: aq.op.sum('population') })
 *   .derive({ zones_share: (d) => d.zones / aq.op.sum(d.zones), people_share: (d) => d.people / aq.op.sum(d.people) })
 *   .orderby('decile');
 * deprivationProfileChart(profile, { area: 'Inverclyde' })
 */
export function deprivationProfileChart(table: ChartData, options: DeprivationProfileChartOptions = {}): TopLevelSpec {
  const chart = 'deprivationProfileChart';
  const group = options.group ?? 'decile';
  const people = options.people ?? 'people_share';
  const zones = options.zones ?? 'zones_share';
  const rows = chartRows(chart, table, { [group]: 'group', [people]: 'people', [zones]: 'zones' }, ['people', 'zones']);
  requireNumbers(chart, rows, people, 'people');
  requireNumbers(chart, rows, zones, 'zones');
  const width = options.width ?? 520;
  const height = options.height ?? 260;
  const area = options.area ?? 'the area';
  const top = Math.max(0.1, ...rows.map((r) => Math.max(r[people] as number, r[zones] as number)));
  const y = { scale: { domain: [0, top * 1.08], nice: false } };
  const xEnc = { field: field(group), type: 'ordinal', title: 'National SIMD decile (1 = most deprived 10% of Scotland)', sort: 'ascending', axis: { labelAngle: 0 } };
  const layer = [
    {
      data: { name: 'profile' },
      mark: { type: 'bar', color: COLOURS.primary, width: { band: 0.7 } },
      encoding: {
        x: xEnc,
        y: { field: field(people), type: 'quantitative', title: 'Share of the area', axis: { format: '.0%', tickMinStep: 0.01 }, ...y },
        tooltip: [
          { field: field(group), type: 'ordinal', title: 'Decile' },
          { field: field(people), type: 'quantitative', title: 'Share of people', format: '.1%' },
          { field: field(zones), type: 'quantitative', title: 'Share of data zones', format: '.1%' },
        ],
      },
    },
    {
      data: { name: 'profile' },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 90, color: COLOURS.harm, stroke: 'white', strokeWidth: 1 },
      encoding: { x: xEnc, y: { field: field(zones), type: 'quantitative', ...y } },
    },
    {
      data: { values: [{ share: 0.1 }] },
      mark: { type: 'rule', strokeDash: [5, 4], color: COLOURS.reference },
      encoding: { y: { field: 'share', type: 'quantitative', ...y } },
    },
  ];
  const fmt = (v: number) => formatValue(v, 'percent1');
  const sorted = [...rows].sort((a, b) => Number(a[group]) - Number(b[group]));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const description =
    `Bar chart of the share of ${area}'s people in each national SIMD decile, with diamonds for the share of its data zones and a dashed line at 10%, each decile's share of Scotland. ` +
    sorted.map((r) => `decile ${r[group]}: ${fmt(r[people] as number)} of people, ${fmt(r[zones] as number)} of data zones`).join('; ') +
    `. Most deprived decile ${fmt(first[people] as number)}, least deprived ${fmt(last[people] as number)}.`;
  return frame({ kind: 'deprivation-profile', body: { width, height, layer }, datasets: { profile: rows }, options, title: `Deprivation profile of ${area}`, description, width });
}
