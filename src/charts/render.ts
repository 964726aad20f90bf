import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { fontFiles } from './fonts.js';
import { measureTextWidth } from './text-metrics.js';

// vega and vega-lite are ESM-only: load them with import() so the CommonJS build works too.
type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let engines: Promise<{ vega: Vega; vl: VegaLite }> | undefined;

/** Loads vega and vega-lite once. */
export function loadVega(): Promise<{ vega: Vega; vl: VegaLite }> {
  engines ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => {
    // Without a canvas Vega estimates text as 0.8 × size per character; measure the house font
    // instead (unless a canvas is installed and already measuring real text).
    const metrics = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;
    if (metrics.width === metrics.estimateWidth) metrics.width = measureTextWidth;
    return { vega, vl };
  });
  return engines;
}

/** A Vega-Lite spec compiled to Vega, with the warnings Vega-Lite logged on the way. */
export interface Compiled {
  vega: object;
  warnings: string[];
}

/**
 * Compiles a Vega-Lite spec to Vega, collecting Vega-Lite's warnings (unknown fields, dropped
 * encodings…). Throws RENDER_FAILED with Vega-Lite's message when the spec does not compile.
 *
 * @example
 * const { warnings } = await compileChart(lorenzChart(curves)); // warnings: []
 */
export async function compileChart(spec: TopLevelSpec): Promise<Compiled> {
  const { vl } = await loadVega();
  const warnings: string[] = [];
  const logger = {
    level(): number { return 2; },
    error(...args: unknown[]) { warnings.push(args.map(String).join(' ')); return logger; },
    warn(...args: unknown[]) { warnings.push(args.map(String).join(' ')); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  try {
    const out = vl.compile(spec, { logger: logger as never });
    return { vega: out.spec, warnings };
  } catch (e) {
    throw new PovineqError('RENDER_FAILED', `the chart spec does not compile with Vega-Lite: ${(e as Error).message}`, {
      cause: (e as Error).message,
    });
  }
}

async function view(spec: TopLevelSpec) {
  const { vega } = await loadVega();
  const { vega: compiled } = await compileChart(spec);
  try {
    // Vega tags every data row it ingests (Symbol(vega_id)); a clone keeps the caller's spec untouched
    return new vega.View(vega.parse(structuredClone(compiled) as never), { renderer: 'none' });
  } catch (e) {
    throw new PovineqError('RENDER_FAILED', `Vega could not parse the compiled chart: ${(e as Error).message}`, { cause: (e as Error).message });
  }
}

/**
 * Renders a Vega-Lite spec to an SVG string, headless (no browser, no canvas). Text is set in the
 * theme's font family; {@link toPNG} supplies the font so PNGs do not depend on system fonts.
 *
 * @example
 * fs.writeFileSync('lorenz.svg', await toSVG(lorenzChart(curves)));
 */
export async function toSVG(spec: TopLevelSpec): Promise<string> {
  const v = await view(spec);
  try {
    return describeSVG(await v.toSVG(), spec);
  } catch (e) {
    throw new PovineqError('RENDER_FAILED', `Vega could not render the chart: ${(e as Error).message}`, { cause: (e as Error).message });
  } finally {
    v.finalize();
  }
}

const xmlEscape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Gives the standalone SVG an accessible name: role="img", aria-label and <desc> from the spec's description. */
function describeSVG(svg: string, spec: TopLevelSpec): string {
  const description = (spec as { description?: unknown }).description;
  if (typeof description !== 'string' || !description) return svg;
  const d = xmlEscape(description);
  return svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => `<svg${attrs} role="img" aria-label="${d}"><desc>${d}</desc>`);
}

/** Options of {@link toPNG}. */
export interface PNGOptions {
  /** Pixel density: 2 (default) doubles the SVG's size for sharp print and retina screens. */
  scale?: number;
  /** Background colour; default white. */
  background?: string;
}

/**
 * Renders a Vega-Lite spec to PNG bytes: SVG from Vega, rasterised by resvg with the DejaVu Sans
 * font loaded from the package (system fonts are not used, so the same PNG comes out on any
 * machine).
 *
 * @example
 * fs.writeFileSync('lorenz.png', await toPNG(lorenzChart(curves), { scale: 2 }));
 */
export async function toPNG(spec: TopLevelSpec, options: PNGOptions = {}): Promise<Uint8Array> {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && scale <= 10)) {
    throw new PovineqError('INVALID_OPTION', `toPNG: scale must be a number in (0, 10], got ${scale}; pass { scale: 2 } for double density`, { option: 'scale' });
  }
  return svgToPNG(await toSVG(spec), { ...options, scale });
}

/** Rasterises an SVG string (e.g. from {@link toSVG}) with the packaged DejaVu fonts. */
export async function svgToPNG(svg: string, options: PNGOptions = {}): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: options.background ?? 'white',
    font: {
      fontFiles: fontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return new Uint8Array(r.render().asPng());
}
