import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, distinct, field, frame } from './frame.js';
import { formatValue } from './format.js';
import { DIVERGING_FIVE, FORMATS } from './theme.js';

/** The columns {@link winnersLosersChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = { decile: { default: 'decile' }, band: { default: 'band' }, share: { default: 'share', numeric: true } } as const;

/** The five bands of compare()'s winners and losers table, from most gain to most loss. */
export const WINNER_LOSER_BANDS = ['Gain more than 5%', 'Gain 0.1-5%', 'No change', 'Lose 0.1-5%', 'Lose more than 5%'] as const;

/** Options of {@link winnersLosersChart}. */
export interface WinnersLosersChartOptions extends ChartOptions {
  /** ChartRow label column (default `decile`: `All` and 1…10). */
  decile?: string;
  /** Band column (default `band`, values as {@link WINNER_LOSER_BANDS}). */
  band?: string;
  /** Share column (default `share`, fraction of people). */
  share?: string;
}

/**
 * Winners and losers: for everyone ("All") and each income decile, a bar split into five bands
 * from big gain (dark blue) through no change (grey) to big loss (dark orange). Reads compare()'s
 * winners and losers table (`decile`, `band`, `share`).
 *
 * @example
 * winnersLosersChart(compare(baseline, reform).winnersLosers)
 */
export function winnersLosersChart(table: ChartData, options: WinnersLosersChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'winnersLosersChart', { open: true });
  const chart = 'winnersLosersChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS);
  const { decile, band, share } = col;
  const bands: readonly string[] = WINNER_LOSER_BANDS;
  const unknown = distinct(rows.map((r) => String(r[band]))).filter((b) => !bands.includes(b));
  if (unknown.length) {
    throw new PovineqError(
      'INVALID_CHART',
      `${chart}: column "${band}" has ${unknown.length} unknown band${unknown.length > 1 ? 's' : ''} (${unknown.map((b) => JSON.stringify(b)).join(', ')}); bands are ${bands.map((b) => JSON.stringify(b)).join(', ')}`,
      { chart, column: band, values: unknown },
    );
  }
  const labels = distinct(rows.map((r) => String(r[decile])));
  const order = [...labels.filter((l) => l === 'All'), ...labels.filter((l) => l !== 'All')];
  const width = options.width ?? 520;
  const height = options.height ?? Math.max(160, 26 * order.length);
  const layer = [
    {
      data: { name: 'winners_losers' },
      transform: [
        { calculate: `indexof(${JSON.stringify(bands)}, datum[${JSON.stringify(band)}])`, as: 'band_order' },
        { calculate: `datum[${JSON.stringify(decile)}] + ''`, as: 'row_label' },
      ],
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'row_label', type: 'nominal', title: 'Income decile (1 = poorest)', sort: order },
        x: { field: field(share), type: 'quantitative', title: 'Share of people', stack: 'zero', axis: { format: FORMATS.percent }, scale: { domain: [0, 1] } },
        color: { field: field(band), type: 'nominal', title: 'Change in income', sort: [...bands], scale: { domain: [...bands], range: [...DIVERGING_FIVE] }, legend: { orient: 'top', columns: 3, title: null } },
        order: { field: 'band_order', type: 'quantitative' },
        tooltip: [
          { field: 'row_label', type: 'nominal', title: 'decile' },
          { field: field(band), type: 'nominal', title: 'band' },
          { field: field(share), type: 'quantitative', title: 'share of people', format: FORMATS.percent1 },
        ],
      },
    },
  ];
  const describeRow = (label: string) => {
    const mine = rows.filter((r) => String(r[decile]) === label);
    const sum = (names: string[]) => mine.filter((r) => names.includes(String(r[band]))).reduce((s, r) => s + (r[share] as number), 0);
    return `${label === 'All' ? 'everyone' : `decile ${label}`}: ${formatValue(sum([bands[0]!, bands[1]!]), 'percent')} gain, ${formatValue(sum([bands[3]!, bands[4]!]), 'percent')} lose`;
  };
  const description =
    `Stacked bars of the share of people who gain, see no change or lose, for ${order.includes('All') ? 'everyone and ' : ''}each income decile, in five bands from "${bands[0]}" to "${bands[4]}". ` +
    `${order.map(describeRow).join('; ')}.`;
  return frame({ kind: 'winners-losers', body: { width, height, layer }, datasets: { winners_losers: rows }, options, title: 'Winners and losers', description, width });
}
