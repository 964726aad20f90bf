import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { svgToPNG, toSVG } from './render.js';

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

type WriteDisplayData = (data: { data: MimeBundle; metadata: object; transient: object }, update?: boolean) => void;

/**
 * tslab's display writer for the running cell (`jupyter.lastWriteDisplayData`, which takes a whole
 * MIME bundle), found among the modules the kernel has loaded, so povineq needs no tslab import.
 */
function tslabWriter(): WriteDisplayData | undefined {
  const cache = createRequire(import.meta.url).cache ?? {};
  for (const [file, mod] of Object.entries(cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) {
      const w = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
      if (typeof w === 'function') return w as WriteDisplayData;
    }
  }
  return undefined;
}

/**
 * Shows a chart in a tslab notebook cell as one display: the interactive Vega-Lite chart
 * (JupyterLab renders `application/vnd.vegalite.v5+json`) with a static PNG (or SVG) fallback
 * for GitHub and nbconvert, and the description as plain text. Await it so the output lands in
 * the cell that called it.
 *
 * @example
 * await show(lorenzChart(curves, { group: 'region' }));
 */
export async function show(spec: TopLevelSpec, options: ShowOptions = {}): Promise<void> {
  const write = tslabWriter();
  const display = write ? undefined : tslabDisplay();
  if (!write && !display) {
    throw new PovineqError(
      'RENDER_FAILED',
      'show() needs a running tslab (Jupyter) kernel; outside a notebook use toSVG(spec), toPNG(spec), toHTML(specs) or mimeBundle(spec)',
    );
  }
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

interface TslabDisplay {
  raw(contentType: string, content: string | Uint8Array): void;
}

/** tslab's public `display`, when tslab can be loaded and a cell is running. */
function tslabDisplay(): TslabDisplay | undefined {
  try {
    const tslab = createRequire(import.meta.url)('tslab') as { display?: TslabDisplay };
    const jupyter = createRequire(import.meta.url)('tslab/dist/jupyter') as { lastWriteDisplayData?: unknown };
    return tslab.display && typeof jupyter.lastWriteDisplayData === 'function' ? tslab.display : undefined;
  } catch {
    return undefined;
  }
}
