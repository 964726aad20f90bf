import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, type ChartRow, distinct, field, frame, listing, pct } from './frame.js';
import { COLOURS, FORMATS, PALETTE } from './theme.js';

/** The columns {@link lorenzChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = { p: { default: 'p', numeric: true }, L: { default: 'L', numeric: true }, group: {} } as const;

/** Options of {@link lorenzChart}. */
export interface LorenzChartOptions extends ChartOptions {
  /** Column of cumulative population shares (default `p`, as `lorenz()` returns). */
  p?: string;
  /** Column of cumulative income shares (default `L`). */
  L?: string;
  /** Column naming the group each curve belongs to; omit for a single curve. */
  group?: string;
  /** Legend title for the groups (default: the group column's name). */
  groupTitle?: string;
}

/**
 * Lorenz curves, one line per group, with the line of equality: the cumulative share of income
 * held by the poorest p of people. Reads `lorenz()` output (`p`, `L`); stack several groups'
 * curves into one table with a group column (e.g. `region`) and pass `{ group: 'region' }`.
 *
 * Reference: Lorenz (1905), "Methods of measuring the concentration of wealth", JASA 9(70).
 *
 * @example
 * const curves = aq.table({ p: [0, 0.5, 1], L: [0, 0.3, 1] });
 * lorenzChart(curves, { title: 'Income is unequally shared' })
 */
export function lorenzChart(table: ChartData, options: LorenzChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'lorenzChart', { open: true });
  const chart = 'lorenzChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS);
  const { p, L } = col;
  const group = options.group;
  const groups = group ? distinct(rows.map((r) => String(r[group]))) : [];
  const width = options.width ?? 380;
  const height = options.height ?? 380;

  const curve: Record<string, unknown> = {
    data: { name: 'lorenz' },
    mark: { type: 'line', interpolate: 'linear' },
    encoding: {
      x: { field: field(p), type: 'quantitative', title: 'Cumulative share of people, poorest first', scale: { domain: [0, 1] }, axis: { format: FORMATS.percent, tickCount: 5 } },
      y: { field: field(L), type: 'quantitative', title: 'Cumulative share of income', scale: { domain: [0, 1] }, axis: { format: FORMATS.percent, tickCount: 5 } },
      order: { field: field(p), type: 'quantitative' },
    },
  };
  const enc = curve.encoding as Record<string, unknown>;
  if (group) {
    enc.color = { field: field(group), type: 'nominal', title: options.groupTitle ?? group, sort: groups, scale: { range: [...PALETTE] } };
    // more groups than colours: dashes tell them apart too (one merged legend shows both)
    if (groups.length > PALETTE.length) enc.strokeDash = { field: field(group), type: 'nominal', title: options.groupTitle ?? group, sort: groups };
    enc.detail = { field: field(group), type: 'nominal' };
  } else {
    curve.mark = { type: 'line', interpolate: 'linear', color: COLOURS.primary };
  }
  const equality = {
    data: { values: [{ [p]: 0, [L]: 0 }, { [p]: 1, [L]: 1 }] },
    mark: { type: 'line', color: COLOURS.reference, strokeDash: [4, 4], strokeWidth: 1.5 },
    encoding: { x: { field: field(p), type: 'quantitative' }, y: { field: field(L), type: 'quantitative' } },
  };
  const label = {
    data: { values: [{ [p]: 0.55, [L]: 0.55, text: 'Line of equality' }] },
    mark: { type: 'text', angle: 0, align: 'right', dx: -6, dy: -8, color: COLOURS.reference, fontSize: 11 },
    encoding: { x: { field: field(p), type: 'quantitative' }, y: { field: field(L), type: 'quantitative' }, text: { field: 'text' } },
  };

  const halves = (group ? groups : ['all']).map((g) => {
    const pts = rows.filter((r) => !group || String(r[group]) === g);
    return { g, half: interpolate(pts, p, L, 0.5) };
  });
  const halfText = halves
    .filter((h) => h.half !== undefined)
    .map((h) => (group ? `${pct(h.half!)} in ${h.g}` : pct(h.half!)));
  const description =
    `Lorenz curve${groups.length > 1 ? 's' : ''}${group ? ` for ${groups.length} group${groups.length > 1 ? 's' : ''} of ${group} (${listing(groups)})` : ''}. ` +
    'Each curve plots the cumulative share of income (vertical axis) against the cumulative share of people ranked from poorest to richest (horizontal axis). ' +
    'The dashed diagonal is perfect equality; the further a curve sags below it, the more unequal the incomes. ' +
    (halfText.length ? `Share of income held by the poorest half of people: ${listing(halfText, 12)}.` : '');

  return frame({
    kind: 'lorenz',
    body: { width, height, layer: [equality, label, curve] },
    datasets: { lorenz: rows },
    options,
    title: 'Lorenz curves',
    description: description.trim(),
    width,
  });
}

/** L at population share `at` by linear interpolation along a curve's points. */
function interpolate(points: ChartRow[], p: string, L: string, at: number): number | undefined {
  const pts = points.map((r) => [r[p] as number, r[L] as number] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < pts.length; i++) {
    const [p0, l0] = pts[i - 1]!;
    const [p1, l1] = pts[i]!;
    if (p0 <= at && at <= p1) return p1 === p0 ? l1 : l0 + ((at - p0) / (p1 - p0)) * (l1 - l0);
  }
  return undefined;
}
