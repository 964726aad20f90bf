import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { type ChoroplethOptions, councilMap } from './choropleth.js';
import { type ChartData, type ChartRow, chartRows, field, requireNumbers } from './frame.js';
import { COLOURS } from './theme.js';

/** Options of {@link reliabilityMap}. */
export interface ReliabilityMapOptions extends ChoroplethOptions {
  /** Column of coefficients of variation (default `cv`, a fraction). */
  cv?: string;
  /** CV above which an area is outlined as "use with caution" (default 0.2). */
  flag?: number;
  /** CV above which an area's estimate is suppressed and drawn grey (default 0.3; Infinity to show all). */
  suppress?: number;
}

/**
 * Council map of small-area estimates with their reliability, as official statistics publish
 * them: areas coloured by the estimate (default column `eblup`), areas whose CV is above `flag`
 * (20%) outlined with a dashed black line ("use with caution"), and areas above `suppress` (30%)
 * left grey with their value withheld. Reads a table with S12 council codes (`code`), the estimate
 * and `cv`, e.g. fayHerriot()'s areas joined to council codes.
 *
 * @example
 * reliabilityMap(fh.areas, { code: 'council', label: 'Child poverty (model)' })
 */
export function reliabilityMap(table: ChartData, options: ReliabilityMapOptions = {}): TopLevelSpec {
  const chart = 'reliabilityMap';
  const code = options.code ?? 'code';
  const value = options.value ?? 'eblup';
  const cv = options.cv ?? 'cv';
  const flag = options.flag ?? 0.2;
  const suppress = options.suppress ?? 0.3;
  if (!(flag > 0) || !(suppress >= flag)) {
    throw new PovineqError('INVALID_OPTION', `${chart} needs 0 < flag ≤ suppress (CVs as fractions), got flag ${flag}, suppress ${suppress}`, { chart, option: 'flag' });
  }
  const rows = chartRows(chart, table, { [code]: 'code', [value]: 'value', [cv]: 'cv' }, ['name']);
  requireNumbers(chart, rows, value, 'value');
  requireNumbers(chart, rows, cv, 'cv');
  const shown = rows.filter((r) => (r[cv] as number) <= suppress);
  const flagged: ChartRow[] = shown.filter((r) => (r[cv] as number) > flag).map((r) => ({ [code]: r[code]!, flagged: true }));
  const suppressed = rows.length - shown.length;
  const label = options.label ?? value;
  const note =
    `Dashed outline: CV above ${Math.round(flag * 100)}%, use with caution (${flagged.length} area${flagged.length === 1 ? '' : 's'}). ` +
    `Grey: CV above ${Math.round(suppress * 100)}%, estimate suppressed (${suppressed}), or no estimate.` +
    (options.note ? ` ${options.note}` : '');
  const spec = councilMap(shown, {
    ...options,
    code,
    value,
    label,
    note,
    title: options.title === undefined ? `${label} by council, with reliability` : options.title,
  }) as unknown as { vconcat: { layer: unknown[] }[]; datasets: Record<string, unknown>; description: string; usermeta: { povineq: { chart: string } } };
  spec.datasets.flagged = flagged;
  spec.vconcat[0]!.layer.push({
    data: { name: 'areas', format: { type: 'topojson', feature: options.feature ?? 'council_areas' } },
    transform: [
      { lookup: 'properties.code', from: { data: { name: 'flagged' }, key: field(code), fields: ['flagged'] } },
      { filter: 'datum.flagged === true' },
    ],
    mark: { type: 'geoshape', filled: false, stroke: COLOURS.target, strokeWidth: 1.4, strokeDash: [3, 2] },
  });
  if (options.description === undefined) {
    spec.description += ` ${flagged.length} council${flagged.length === 1 ? ' is' : 's are'} outlined as use with caution (CV above ${Math.round(flag * 100)}%); ${suppressed} ${suppressed === 1 ? 'is' : 'are'} suppressed (CV above ${Math.round(suppress * 100)}%).`;
  }
  spec.usermeta.povineq.chart = 'reliability-map';
  return spec as unknown as TopLevelSpec;
}
