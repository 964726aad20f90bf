import { CHART_OPTIONS } from './frame.js';
import { checkOptions } from '../data/index.js';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, distinct, field, frame } from './frame.js';
import { formatValue } from './format.js';
import { COLOURS } from './theme.js';

/** The columns {@link crossCheckChart} reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = { policy: { default: 'policy' }, outcome: { default: 'outcome' }, effect: { default: 'effect', numeric: true }, flag: { default: 'flag' } } as const;

/** The flags of crossCheck(), in legend order. */
export const CROSS_CHECK_FLAGS = ['harms', 'no detectable effect', 'helps'] as const;

/** Options of {@link crossCheckChart}. */
export interface CrossCheckChartOptions extends ChartOptions {
  /** Policy column (default `policy`), one row of cells per policy. */
  policy?: string;
  /** Outcome column (default `outcome`), one column of cells per outcome. */
  outcome?: string;
  /** Effect column (default `effect`), printed in each cell. */
  effect?: string;
  /** Flag column (default `flag`: `harms`, `no detectable effect`, `helps`). */
  flag?: string;
  /** d3-format for the printed effect (default '+.1%': a signed change in a rate). */
  effectFormat?: string;
}

/**
 * Cross-check heatmap: policies × outcomes, each cell coloured by whether the policy harms
 * (orange), helps (blue) or has no detectable effect on the outcome (grey), with the effect
 * printed in the cell. Reads crossCheck()'s matrix (`policy`, `outcome`, `effect`, `flag`).
 *
 * @example
 * crossCheckChart(crossCheck(households, { kept: carbonLevy({ rate: 0.1 }), dividend: carbonLevy({ rate: 0.1, recycling: 'dividend' }) }, { replicates: 50, seed: 1 }))
 */
export function crossCheckChart(table: ChartData, options: CrossCheckChartOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'crossCheckChart', { open: true });
  const chart = 'crossCheckChart';
  const { rows, col } = chartColumns(chart, table, options, COLUMNS, ['baseline', 'reform', 'ci_lower', 'ci_upper']);
  const { policy, outcome, effect, flag } = col;
  const flags: readonly string[] = CROSS_CHECK_FLAGS;
  const unknown = distinct(rows.map((r) => String(r[flag]))).filter((f) => !flags.includes(f));
  if (unknown.length) {
    throw new PovineqError('INVALID_CHART', `${chart}: column "${flag}" has unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => JSON.stringify(f)).join(', ')}; flags are ${flags.map((f) => JSON.stringify(f)).join(', ')}`, { chart, column: flag, values: unknown });
  }
  const policies = distinct(rows.map((r) => String(r[policy])));
  const outcomes = distinct(rows.map((r) => String(r[outcome])));
  const effectFormat = options.effectFormat ?? '+.1%';
  const cell = 58;
  const width = options.width ?? Math.max(240, 140 * outcomes.length);
  const height = options.height ?? Math.max(cell, cell * policies.length);
  const x = { field: field(outcome), type: 'nominal', title: 'Outcome', sort: outcomes, axis: { orient: 'top', labelAngle: 0, labelLimit: 160 } };
  const y = { field: field(policy), type: 'nominal', title: 'Policy', sort: policies };
  const layer = [
    {
      data: { name: 'cross_check' },
      mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
      encoding: {
        x,
        y,
        color: { field: field(flag), type: 'nominal', title: 'Effect', scale: { domain: [...flags], range: [COLOURS.harm, COLOURS.neutral, COLOURS.help] }, legend: { orient: 'right' } },
        tooltip: [
          { field: field(policy), type: 'nominal' },
          { field: field(outcome), type: 'nominal' },
          { field: field(effect), type: 'quantitative', format: effectFormat },
          { field: field(flag), type: 'nominal' },
        ],
      },
    },
    {
      data: { name: 'cross_check' },
      mark: { type: 'text', fontSize: 12, fontWeight: 'bold' },
      encoding: {
        x,
        y,
        text: { field: field(effect), type: 'quantitative', format: effectFormat },
        color: { condition: { test: `datum[${JSON.stringify(flag)}] === 'helps'`, value: 'white' }, value: 'black' },
      },
    },
  ];
  const by = (f: string) => rows.filter((r) => r[flag] === f).map((r) => `${r[policy]} on ${r[outcome]} (${formatValue(r[effect] as number, 'percent1')})`);
  const harms = by('harms');
  const helps = by('helps');
  const description =
    `Grid of ${policies.length} policies by ${outcomes.length} outcomes; each cell is coloured by whether the policy harms, helps or has no detectable effect on the outcome, and shows the estimated effect. ` +
    `Harms: ${harms.length ? harms.join('; ') : 'none'}. Helps: ${helps.length ? helps.join('; ') : 'none'}. ${rows.length - harms.length - helps.length} cells show no detectable effect.`;
  return frame({ kind: 'cross-check', body: { width, height, layer }, datasets: { cross_check: rows }, options, title: 'Policy cross-check', description, width });
}
