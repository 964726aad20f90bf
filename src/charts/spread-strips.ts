import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { type ChartData, type ChartOptions, type ChartRow, chartRows, distinct, field, frame, requireNumbers } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS, type ValueFormat, axisFormat, formatString } from './theme.js';

/** How one outcome of {@link spreadStripsChart} is drawn. */
export interface SpreadOutcome {
  /** Value of the outcome column this strip shows. */
  name: string;
  /** Axis title, with the unit ("Children in low income families, %"). */
  label: string;
  /** Axis format (default 'percent'). */
  format?: ValueFormat;
  /** Whether a higher value is better (the worst area is then the lowest). */
  higherIsBetter: boolean;
}

/** Options of {@link spreadStripsChart}. */
export interface SpreadStripsChartOptions extends ChartOptions {
  /** Outcome column (default `outcome`). */
  outcome?: string;
  /** Area name column (default `area`). */
  area?: string;
  /** Value column (default `value`). */
  value?: string;
  /** The outcomes, in the order drawn (each one strip with its own scale). */
  outcomes: readonly SpreadOutcome[];
  /** Where the areas are (for the description). */
  place?: string;
}

/**
 * The spread between small areas on several outcomes: one strip per outcome, on its own scale and
 * unit, a tick per area, the worst area marked with a diamond and named, the median dashed.
 * Shows at a glance how far apart a council's neighbourhoods are and which is worst on each.
 *
 * @example
 * // Fife's intermediate zones on two CPOP outcomes, each strip on its own scale
 * const rows = cpopIntermediateZones()
 *   .filter((d) => d.council_name === 'Fife' && (d.indicator === 'Child Poverty' || d.indicator === 'Crime Rate'))
 *   .select({ indicator: 'outcome', intermediate_zone_name: 'area', value: 'value' });
 * spreadStripsChart(rows, {
 *   outcomes: [
 *     { name: 'Child Poverty', label: 'Child poverty, %', higherIsBetter: false },
 *     { name: 'Crime Rate', label: 'Crimes per 10,000 people', format: 'number', higherIsBetter: false },
 *   ],
 *   place: "Fife's intermediate zones",
 * })
 */
export function spreadStripsChart(table: ChartData, options: SpreadStripsChartOptions): TopLevelSpec {
  const chart = 'spreadStripsChart';
  const outcome = options.outcome ?? 'outcome';
  const area = options.area ?? 'area';
  const value = options.value ?? 'value';
  const rows = chartRows(chart, table, { [outcome]: 'outcome', [area]: 'area', [value]: 'value' });
  requireNumbers(chart, rows, value, 'value');
  const present = distinct(rows.map((r) => String(r[outcome])));
  const outcomes = (options.outcomes ?? []).filter((o) => present.includes(o.name));
  if (outcomes.length === 0) {
    throw new PovineqError('INVALID_OPTION', `${chart}: none of the outcomes given matches a value of column "${outcome}" (${present.slice(0, 6).join(', ')}); pass { outcomes: [{ name, label, higherIsBetter }] }`, { chart, option: 'outcomes' });
  }
  const width = options.width ?? 480;
  const stripHeight = 34;
  const data: ChartRow[] = [];
  const worst: ChartRow[] = [];
  const medians: ChartRow[] = [];
  const summary: string[] = [];
  for (const o of outcomes) {
    const own = rows.filter((r) => String(r[outcome]) === o.name).sort((a, b) => (a[value] as number) - (b[value] as number));
    const w = o.higherIsBetter ? own[0]! : own[own.length - 1]!;
    const best = o.higherIsBetter ? own[own.length - 1]! : own[0]!;
    const mid = own.length % 2 ? (own[(own.length - 1) / 2]![value] as number) : ((own[own.length / 2 - 1]![value] as number) + (own[own.length / 2]![value] as number)) / 2;
    for (const r of own) data.push({ ...r, worst: r === w });
    worst.push({ [outcome]: o.name, [area]: w[area]!, [value]: w[value]!, label: `worst: ${w[area]}` });
    medians.push({ [outcome]: o.name, median: mid });
    const fmt = (v: number) => formatValue(v, (o.format ?? 'percent') === 'percent' ? 'percent1' : (o.format ?? 'percent'));
    summary.push(`${o.label}: worst ${w[area]} (${fmt(w[value] as number)}), best ${best[area]} (${fmt(best[value] as number)}), median ${fmt(mid)}`);
  }
  const units = outcomes.map((o) => {
    const format = o.format ?? 'percent';
    const x = { field: field(value), type: 'quantitative', title: o.label, axis: { ...axisFormat(format), tickCount: 5, titleFontSize: 12, labelOverlap: true }, scale: { zero: false, nice: true } };
    const only = { filter: `datum[${JSON.stringify(outcome)}] === ${JSON.stringify(o.name)}` };
    return {
      width,
      height: stripHeight,
      layer: [
        {
          data: { name: 'spread' },
          transform: [only],
          mark: { type: 'tick', thickness: 1.5, size: 22, color: COLOURS.primary, opacity: 0.55 },
          encoding: { x, tooltip: [{ field: field(area), type: 'nominal' }, { field: field(value), type: 'quantitative', title: o.label, format: formatString(format) }] },
        },
        { data: { name: 'medians' }, transform: [only], mark: { type: 'rule', strokeDash: [4, 3], color: COLOURS.reference, strokeWidth: 1.5 }, encoding: { x: { field: 'median', type: 'quantitative' } } },
        { data: { name: 'worst' }, transform: [only], mark: { type: 'point', shape: 'diamond', filled: true, size: 120, color: COLOURS.harm, opacity: 1 }, encoding: { x: { field: field(value), type: 'quantitative' } } },
        {
          data: { name: 'worst' },
          transform: [only],
          mark: { type: 'text', baseline: 'bottom', y: -2, fontSize: 11, color: '#1A1A1A', align: o.higherIsBetter ? 'left' : 'right' },
          encoding: { x: { field: field(value), type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    };
  });
  return frame({
    kind: 'spread-strips',
    body: { vconcat: units, spacing: 30, resolve: { scale: { x: 'independent' } } },
    datasets: { spread: data, worst, medians },
    options,
    title: `How far apart ${options.place ?? 'the areas'} are`,
    description: `Strip chart of ${outcomes.length} outcomes across ${distinct(rows.map((r) => String(r[area]))).length} areas${options.place ? ` of ${options.place}` : ''}, one tick per area, the worst area marked with a diamond and named, the median dashed. ${summary.join('; ')}.`,
    width,
  });
}
