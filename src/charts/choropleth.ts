import type { TopLevelSpec } from 'vega-lite';
import { checkOptions, checkValue } from '../data/index.js';
import { PovineqError } from '../data/index.js';
import { type AreaTopology, councilBoundaries, dataZoneBoundaries } from '../scotland/index.js';
import { chartColumns } from './columns.js';
import { type ChartData, type ChartOptions, type ChartRow, CHART_OPTIONS, field, frame, listing } from './frame.js';
import { formatValue } from './format.js';
import { drawableTopology, geometryExtent } from './geometry.js';
import { COLOURS, type ValueFormat, formatString } from './theme.js';

/** The columns the choropleth builders reads, by option (a column declaration, as Plot declares channels). */
const COLUMNS = { code: { default: 'code' }, value: { default: 'value', numeric: true } } as const;

/** Options of {@link councilMap} and {@link dataZoneMap}. */
export interface ChoroplethOptions extends ChartOptions {
  /** Area code column (default `code`: S12 council or S01 data zone codes). */
  code?: string;
  /** Value column to colour by (default `value`). */
  value?: string;
  /** Legend format (default 'percent'). */
  format?: ValueFormat;
  /** Legend title (default: the value column). */
  label?: string;
  /** Boundaries to draw (default: the bundled council or data zone boundaries). */
  topology?: AreaTopology;
  /** Name of the topology object holding the areas (default `council_areas` / `datazones`). */
  feature?: string;
  /**
   * Areas drawn: 'all' draws every area in the boundaries (those without a value in grey);
   * 'table' only those in the table, so a map of one council's data zones is zoomed to it.
   * Default 'all' for councils, 'table' for data zones.
   */
  extent?: 'all' | 'table';
  /**
   * Detail kept when simplifying boundaries for drawing, in pixels of the drawn map (default
   * 0.25: no visible change, far smaller files); 0 keeps every point.
   */
  simplify?: number;
  /** Vega colour scheme (default 'viridis', reversed so higher values are darker). */
  scheme?: string;
}

/**
 * Choropleth of the 32 council areas: each council coloured by a value from the table, joined on
 * the S12 code; councils without a value are grey. Reads the choropleth input shape (`code`, a
 * value column). Boundaries: ONS December 2024 council areas (OGL v3).
 *
 * @example
 * councilMap(rates, { value: 'rate', label: 'Children in poverty' })
 */
export function councilMap(table: ChartData, options: ChoroplethOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'councilMap', { open: true });
  return choropleth('councilMap', table, options, {
    topology: () => councilBoundaries(),
    feature: 'council_areas',
    extent: 'all',
    areaNoun: 'council',
    stroke: { stroke: 'white', strokeWidth: 0.6 },
    boundarySource: 'council boundaries © ONS (OGL v3), contains OS data © Crown copyright 2024',
  });
}

/**
 * Choropleth of 2011 data zones, joined on the S01 code. By default only the data zones in the
 * table are drawn, so a table of one council's zones gives a map of that council. Boundaries:
 * Scottish Government data zones 2011, simplified (OGL v3).
 *
 * @example
 * dataZoneMap(simd().select('data_zone', 'rank'), { code: 'data_zone', value: 'rank', format: 'number' })
 */
export function dataZoneMap(table: ChartData, options: ChoroplethOptions = {}): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, 'dataZoneMap', { open: true });
  return choropleth('dataZoneMap', table, options, {
    topology: () => dataZoneBoundaries(),
    feature: 'datazones',
    extent: 'table',
    areaNoun: 'data zone',
    stroke: { strokeWidth: 0 },
    boundarySource: 'data zone boundaries © Scottish Government (OGL v3), contains OS data © Crown copyright',
  });
}

interface Kind {
  topology: () => AreaTopology;
  feature: string;
  extent: 'all' | 'table';
  areaNoun: string;
  stroke: Record<string, unknown>;
  boundarySource: string;
}

/**
 * Vega's colour scheme names (vega-scale 8; a test checks each against Vega). Read here rather
 * than asked of Vega, which is ESM-only and would break the CommonJS build.
 */
export const SCHEMES: readonly string[] = [
  'viridis', 'magma', 'inferno', 'plasma', 'cividis', 'turbo', 'blues', 'greens', 'greys', 'oranges', 'purples', 'reds',
  'bluegreen', 'bluepurple', 'goldgreen', 'goldorange', 'goldred', 'greenblue', 'orangered', 'purplebluegreen', 'purpleblue',
  'purplered', 'redpurple', 'yellowgreenblue', 'yellowgreen', 'yelloworangebrown', 'yelloworangered', 'darkblue', 'darkgold',
  'darkgreen', 'darkmulti', 'darkred', 'lightgreyred', 'lightgreyteal', 'lightmulti', 'lightorange', 'lighttealblue',
  'blueorange', 'brownbluegreen', 'purplegreen', 'pinkyellowgreen', 'purpleorange', 'redblue', 'redgrey', 'redyellowblue',
  'redyellowgreen', 'spectral', 'rainbow', 'sinebow', 'accent', 'category10', 'category20', 'category20b', 'category20c',
  'dark2', 'observable10', 'paired', 'pastel1', 'pastel2', 'set1', 'set2', 'set3', 'tableau10', 'tableau20',
];

function choropleth(chart: string, table: ChartData, options: ChoroplethOptions, kind: Kind): TopLevelSpec {
  options = checkOptions(options, CHART_OPTIONS, chart, { open: true });
  if (options.scheme !== undefined) checkValue(options.scheme, { kind: 'enum', values: SCHEMES }, 'scheme', `${chart} (a Vega colour scheme)`);
  const { rows, col } = chartColumns(chart, table, options, COLUMNS, ['name', 'council']);
  const { code, value } = col;
  const topology = options.topology ?? kind.topology();
  const feature = options.feature ?? kind.feature;
  const object = topology.objects?.[feature];
  if (!object) {
    throw new PovineqError('INVALID_OPTION', `${chart}: the topology has no object "${feature}" (it has ${listing(Object.keys(topology.objects ?? {}))}); pass { feature: '<name>' }`, { chart, option: 'feature' });
  }
  const known = new Set(object.geometries.map((g) => g.properties.code));
  const unmatched = rows.flatMap((r, i) => (known.has(String(r[code])) ? [] : [i]));
  if (unmatched.length) {
    const shown = unmatched.slice(0, 5).map((i) => `${rows[i]![code]} (row ${i})`).join(', ');
    throw new PovineqError(
      'UNKNOWN_CODE',
      `${chart}: ${unmatched.length} code${unmatched.length > 1 ? 's' : ''} in column "${code}" match no ${kind.areaNoun} in the boundaries: ${shown}${unmatched.length > 5 ? ', …' : ''}; ` +
        (kind.areaNoun === 'council' ? 'council codes changed in 2018 and 2019: convert with councilCodes()' : 'data zone codes must be 2011 S01 codes'),
      { chart, column: code, rows: unmatched },
    );
  }
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const c = String(r[code]);
    if (seen.has(c)) throw new PovineqError('INVALID_CHART', `${chart}: code ${c} appears twice in column "${code}" (rows ${seen.get(c)} and ${i}); a map needs one value per area`, { chart, column: code });
    seen.set(c, i);
  });
  const extent = options.extent ?? kind.extent;
  const width = options.width ?? 420;
  const height = options.height ?? 480;
  const geometries = extent === 'table' ? object.geometries.filter((g) => seen.has(g.properties.code)) : object.geometries;
  // simplify to a quarter of a pixel at the drawn size (half a pixel in a scale-2 PNG)
  const [[x0, y0], [x1, y1]] = geometryExtent(topology, geometries);
  const degreesPerPixel = Math.max((x1 - x0) * Math.cos((((y0 + y1) / 2) * Math.PI) / 180) / width, (y1 - y0) / height);
  const drawn = drawableTopology(topology, feature, geometries, (options.simplify ?? 0.25) * degreesPerPixel);
  const format = options.format ?? 'percent';
  const fmt = (v: number) => formatValue(v, format === 'percent' ? 'percent1' : format);
  const label = options.label ?? value;
  const areas = { name: 'areas', format: { type: 'topojson', feature } };
  const lookup = { lookup: 'properties.code', from: { data: { name: 'map_values' }, key: field(code), fields: [value] } };
  const layer = [
    { data: areas, mark: { type: 'geoshape', fill: COLOURS.neutral, ...kind.stroke } },
    {
      data: areas,
      transform: [lookup, { filter: `isValid(datum[${JSON.stringify(value)}])` }],
      mark: { type: 'geoshape', ...kind.stroke },
      encoding: {
        color: { field: field(value), type: 'quantitative', title: label, scale: { scheme: options.scheme ?? 'viridis', reverse: true }, legend: { format: formatString(format), orient: 'top', direction: 'horizontal', titleLimit: width, gradientLength: Math.min(320, width - 40) } },
        tooltip: [
          { field: 'properties.name', type: 'nominal', title: kind.areaNoun },
          { field: field(value), type: 'quantitative', title: label, format: formatString(format) },
        ],
      },
    },
  ];
  const names = new Map(object.geometries.map((g) => [g.properties.code, g.properties.name]));
  const sorted = [...rows].sort((a, b) => (b[value] as number) - (a[value] as number));
  const describe = (r: ChartRow) => `${names.get(String(r[code])) ?? r[code]} (${fmt(r[value] as number)})`;
  const missing = extent === 'all' ? known.size - rows.length : 0;
  const description =
    `Map of ${rows.length} ${kind.areaNoun}${rows.length > 1 ? 's' : ''} in Scotland shaded by ${label}; darker means higher. ` +
    `Highest: ${sorted.slice(0, 3).map(describe).join(', ')}. Lowest: ${sorted.slice(-3).reverse().map(describe).join(', ')}.` +
    (missing > 0 ? ` ${missing} ${kind.areaNoun}${missing > 1 ? 's have' : ' has'} no value and ${missing > 1 ? 'are' : 'is'} grey.` : '');
  return frame({
    kind: chart === 'councilMap' ? 'council-map' : 'data-zone-map',
    body: { width, height, projection: { type: 'mercator' }, layer },
    datasets: { map_values: rows, areas: drawn as unknown as ChartRow[] },
    options,
    title: `${label} by ${kind.areaNoun}`,
    description,
    caveat: `Map: ${kind.boundarySource}.`,
    width,
  });
}
