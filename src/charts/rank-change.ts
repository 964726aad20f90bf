import type { TopLevelSpec } from 'vega-lite';
import { type ChartData, type ChartOptions, chartRows, field, frame, requireNumbers, wrapToWidth } from './frame.js';
import { COLOURS } from './theme.js';

/** Options of {@link rankChangeChart}. */
export interface RankChangeChartOptions extends ChartOptions {
  /** Column naming each indicator (default `indicator`). */
  name?: string;
  /** Earlier and latest rank columns (default `rank_then`, `rank_now`; 1 = best). */
  then?: string;
  now?: string;
  /** Number of areas ranked (default 32). */
  of?: number;
  /** Labels of the two times (default 'earlier', 'latest'). */
  thenLabel?: string;
  nowLabel?: string;
}

/**
 * Ranks among councils, then and now: for each indicator a hollow circle at the earlier rank, a
 * filled circle at the latest and a line between, with the bottom quartile shaded. Rank 1 is the
 * best-performing council (the direction each indicator counts as better is the caller's).
 *
 * @example
 * // one council's rank among the 32 on three indicators (illustrative ranks)
 * const rows = [
 *   { indicator: 'Children in low income families', rank_then: 20, rank_now: 26 },
 *   { indicator: 'Pupils gaining 5+ awards at level 5', rank_then: 14, rank_now: 9 },
 *   { indicator: 'Unemployed people assisted into work', rank_then: 27, rank_now: 29 },
 * ];
 * rankChangeChart(rows, { thenLabel: '2015-16', nowLabel: '2020-21' })
 */
export function rankChangeChart(table: ChartData, options: RankChangeChartOptions = {}): TopLevelSpec {
  const chart = 'rankChangeChart';
  const name = options.name ?? 'indicator';
  const then = options.then ?? 'rank_then';
  const now = options.now ?? 'rank_now';
  const rows = chartRows(chart, table, { [name]: 'name', [then]: 'then', [now]: 'now' }, ['period_then', 'period_now', 'value_then', 'value_now', 'direction']);
  requireNumbers(chart, rows, then, 'then');
  requireNumbers(chart, rows, now, 'now');
  const of = options.of ?? 32;
  const quartile = Math.ceil((of * 3) / 4) + 1;
  const width = options.width ?? 400;
  // long indicator names wrap onto up to three lines beside their row instead of being cut off
  const labelWidth = 300;
  const wrapped = new Map(rows.map((r) => [String(r[name]), wrapLabel(String(r[name]), labelWidth)]));
  const maxLines = Math.max(1, ...[...wrapped.values()].map((l) => l.length));
  const height = options.height ?? Math.max(80, (maxLines > 1 ? 14 * maxLines + 12 : 26) * rows.length);
  const thenLabel = options.thenLabel ?? 'earlier';
  const nowLabel = options.nowLabel ?? 'latest';
  const x = { type: 'quantitative', scale: { domain: [1, of], nice: false }, title: `Rank among ${of} councils (1 = best)`, axis: { values: [1, 8, 16, 24, of], format: 'd', orient: 'top' } };
  const labelExpr = `${JSON.stringify(Object.fromEntries(wrapped))}[datum.value] || datum.value`;
  const y = { field: field(name), type: 'nominal', title: null, sort: null, axis: { labelLimit: labelWidth + 10, labelExpr, labelLineHeight: 14 } };
  const layer = [
    {
      data: { values: [{ from: quartile - 0.5, to: of + 0.01 }] },
      mark: { type: 'rect', color: '#EFEFEF' },
      encoding: { x: { field: 'from', ...x }, x2: { field: 'to' } },
    },
    {
      data: { values: [{ at: (quartile + of) / 2, text: 'bottom quartile' }] },
      mark: { type: 'text', baseline: 'bottom', y: height, dy: -2, fontSize: 10, color: COLOURS.muted },
      encoding: { x: { field: 'at', type: 'quantitative' }, text: { field: 'text' } },
    },
    { data: { name: 'ranks' }, mark: { type: 'rule', color: COLOURS.rangeMark, strokeWidth: 2 }, encoding: { y, x: { field: field(then), ...x }, x2: { field: field(now) } } },
    { data: { name: 'ranks' }, mark: { type: 'point', filled: false, size: 90, strokeWidth: 2, color: COLOURS.primary }, encoding: { y, x: { field: field(then), ...x } } },
    {
      data: { name: 'ranks' },
      mark: { type: 'point', filled: true, size: 110, color: COLOURS.harm, opacity: 1 },
      encoding: {
        y,
        x: { field: field(now), ...x },
        tooltip: [
          { field: field(name), type: 'nominal' },
          { field: field(then), type: 'quantitative', title: `Rank ${thenLabel}` },
          { field: field(now), type: 'quantitative', title: `Rank ${nowLabel}` },
        ],
      },
    },
  ];
  const description =
    `Dot chart of the council's rank among ${of} councils on ${rows.length} indicators (1 = best), hollow circle ${thenLabel}, filled circle ${nowLabel}, bottom quartile shaded. ` +
    rows.map((r) => `${r[name]}: ${r[then]} to ${r[now]}`).join('; ') + '.';
  return frame({ kind: 'rank-change', body: { width, height, layer }, datasets: { ranks: rows }, options, title: 'Rank among councils', description, width });
}

/** An axis label wrapped to `width` pixels (12 px labels), at most three lines, the last shortened with an ellipsis. */
function wrapLabel(text: string, width: number): string[] {
  const lines = wrapToWidth(text, width, 12);
  if (lines.length <= 3) return lines;
  const kept = lines.slice(0, 3);
  // keep a trailing code such as "(CHN10)" visible: it names the indicator in the data table
  const code = /\s(\([^()]+\))$/.exec(text)?.[1];
  const last = wrapToWidth(`${kept[2]} ${lines.slice(3).join(' ')}`, width - (code ? 60 : 12), 12)[0]!;
  kept[2] = `${last}…${code ? ` ${code}` : ''}`;
  return kept;
}
