import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { svgToPNG, toSVG } from './render.js';
import { isTable, tableBundle } from './table-display.js';
import type { TableDisplayOptions } from './table-format.js';
import { tslabDisplay, tslabWriter } from './tslab.js';
import type { ColumnTable } from 'arquero';

/** The MIME type JupyterLab renders Vega-Lite with. */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/** Options of {@link show} and {@link mimeBundle}. */
export interface ShowOptions {
  /**
   * Static image sent with the interactive spec, shown where Vega-Lite is not rendered (GitHub,
   * nbconvert HTML, VS Code without the renderer): 'png' (default), 'svg' or 'both'.
   */
  fallback?: 'png' | 'svg' | 'both';
  /** PNG pixel density (default 1). */
  scale?: number;
}

/** A Jupyter display bundle: MIME type → content (JSON object, text, or base64 for PNG). */
export type MimeBundle = Record<string, unknown>;

/**
 * The Jupyter display bundle of a chart: the Vega-Lite spec under
 * `application/vnd.vegalite.v5+json`, a static PNG and/or SVG, and the chart's description as
 * `text/plain` (what screen readers and plain-text front ends show).
 */
export async function mimeBundle(spec: TopLevelSpec, options: ShowOptions = {}): Promise<MimeBundle> {
  const fallback = options.fallback ?? 'png';
  const svg = await toSVG(spec);
  const s = spec as unknown as Record<string, unknown>;
  const bundle: MimeBundle = {
    // JupyterLab's renderer is Vega-Lite 5; the specs povineq builds use nothing newer.
    [VEGA_LITE_MIME]: { ...s, $schema: 'https://vega.github.io/schema/vega-lite/v5.json' },
  };
  if (fallback === 'png' || fallback === 'both') {
    bundle['image/png'] = Buffer.from(await svgToPNG(svg, { scale: options.scale ?? 1 })).toString('base64');
  }
  if (fallback === 'svg' || fallback === 'both') bundle['image/svg+xml'] = svg;
  bundle['text/plain'] = typeof s.description === 'string' ? s.description : 'Vega-Lite chart';
  return bundle;
}

/**
 * Shows a chart or a table in a tslab notebook cell as one display. A chart: the interactive
 * Vega-Lite chart (JupyterLab renders `application/vnd.vegalite.v5+json`) with a static PNG (or
 * SVG) fallback for GitHub and nbconvert, and the description as plain text. A table: an HTML
 * table with formatted numbers and "… n more rows" (options `limit`, `kinds`), with its text form.
 * Await it so the output lands in the cell that called it.
 *
 * @example
 * await show(lorenzChart(curves, { group: 'region' }));
 * await show(byGroup(gini, people, { by: 'region', value: 'income' }), { limit: 5 });
 */
export async function show(item: TopLevelSpec | ColumnTable, options: ShowOptions & TableDisplayOptions = {}): Promise<void> {
  const write = tslabWriter();
  const display = write ? undefined : tslabDisplay();
  if (!write && !display) {
    throw new PovineqError(
      'RENDER_FAILED',
      'show() needs a running tslab (Jupyter) kernel; outside a notebook use toSVG(spec), toPNG(spec), toHTML(specs) or mimeBundle(spec), and tableText(table) or console.log(table) for a table',
    );
  }
  if (isTable(item)) {
    const t = tableBundle(item, options);
    if (write) write({ data: t, metadata: {}, transient: {} }, false);
    else display!.raw('text/html', t['text/html'] as string);
    return;
  }
  const spec = item as TopLevelSpec;
  const bundle = await mimeBundle(spec, options);
  if (write) {
    write({ data: bundle, metadata: {}, transient: {} }, false);
    return;
  }
  // tslab's public API sends one MIME type per display: send the chart, then its static image
  display!.raw(VEGA_LITE_MIME, bundle[VEGA_LITE_MIME] as never);
  if (bundle['image/png']) display!.raw('image/png', Buffer.from(bundle['image/png'] as string, 'base64'));
  if (bundle['image/svg+xml']) display!.raw('image/svg+xml', bundle['image/svg+xml'] as string);
}

