import fs from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { packageFile } from './assets.js';
import { chartData } from './csv.js';
import type { ChartRow } from './frame.js';

/** Charts for a page or briefing pack: by name, or a list of { name, spec }. */
export type NamedCharts = Record<string, TopLevelSpec> | readonly { name: string; spec: TopLevelSpec }[];

/** Options of {@link toHTML}. */
export interface HTMLOptions {
  /** Page title and heading (default 'povineq charts'). */
  title?: string;
  /** A paragraph under the heading (plain text). */
  intro?: string;
  /** Rows shown in each chart's data table (default 500; the CSV has all of them). */
  tableRows?: number;
  /** Per chart name, files to link under the chart (e.g. its SVG, PNG and CSV), relative to the page. */
  files?: Record<string, readonly string[]>;
}

/** Normalises {@link NamedCharts} to a list, checking names are usable as file names and unique. */
export function namedCharts(charts: NamedCharts): { name: string; spec: TopLevelSpec }[] {
  const list = Array.isArray(charts) ? [...(charts as { name: string; spec: TopLevelSpec }[])] : Object.entries(charts).map(([name, spec]) => ({ name, spec }));
  if (list.length === 0) throw new PovineqError('EMPTY', 'no charts given: pass { name: spec, … } or [{ name, spec }, …]');
  const seen = new Set<string>();
  for (const { name, spec } of list) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
      throw new PovineqError('INVALID_OPTION', `chart name ${JSON.stringify(name)} cannot be a file name: use letters, digits, "-" and "_" (e.g. "lorenz-by-region")`, { name });
    }
    if (seen.has(name)) throw new PovineqError('INVALID_OPTION', `two charts are named ${JSON.stringify(name)}; names must be unique`, { name });
    if (spec == null || typeof spec !== 'object') throw new PovineqError('INVALID_CHART', `chart ${JSON.stringify(name)} is not a Vega-Lite spec`, { name });
    seen.add(name);
  }
  return list;
}

const escapeHTML = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
// JSON and scripts inside <script>: no "</script" or "<!--" can close or confuse the element
const scriptSafe = (s: string) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const jsonInScript = (x: unknown) => JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

function titleOf(spec: TopLevelSpec, fallback: string): string {
  const t = (spec as { title?: string | { text?: string | string[] } }).title;
  if (typeof t === 'string') return t;
  if (t && t.text) return Array.isArray(t.text) ? t.text.join(' ') : t.text;
  return fallback;
}

function dataTable(name: string, rows: ChartRow[], limit: number): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) =>
    v == null ? '' : typeof v === 'number' ? v.toLocaleString('en-GB', { maximumFractionDigits: 4 }) : escapeHTML(String(v));
  const shown = rows.slice(0, limit);
  const more = rows.length > limit ? `<p>First ${limit} of ${rows.length.toLocaleString('en-GB')} rows; the CSV has all of them.</p>` : '';
  return (
    `<table><caption>${escapeHTML(name)} (${rows.length.toLocaleString('en-GB')} rows)</caption>` +
    `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHTML(c)}</th>`).join('')}</tr></thead>` +
    `<tbody>${shown.map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join('')}</tr>`).join('')}</tbody></table>${more}`
  );
}

let libraries: string | undefined;
/** vega, vega-lite and vega-embed browser bundles from node_modules, as inline scripts. */
function inlineLibraries(): string {
  libraries ??= [
    ['vega', 'build/vega.min.js'],
    ['vega-lite', 'build/vega-lite.min.js'],
    ['vega-embed', 'build/vega-embed.min.js'],
  ]
    .map(([pkg, file]) => `<script>${scriptSafe(fs.readFileSync(packageFile(pkg!, file!), 'utf8'))}</script>`)
    .join('\n');
  return libraries;
}

const STYLE = `
body { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; color: #1a1a1a; margin: 0; background: #fafafa; }
main { max-width: 1000px; margin: 0 auto; padding: 24px; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 0; }
figure { background: white; border: 1px solid #ddd; border-radius: 6px; margin: 0 0 28px; padding: 16px; }
figcaption { font-size: 0.95rem; line-height: 1.45; color: #333; max-width: 70ch; }
.chart { overflow-x: auto; }
.files a { margin-right: 1em; }
details { margin-top: 8px; } summary { cursor: pointer; }
table { border-collapse: collapse; font-size: 0.85rem; margin: 8px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: right; }
th { background: #f0f0f0; }
.error { color: #b00020; font-weight: bold; }
`;

/**
 * A standalone HTML page of charts that works offline: vega, vega-lite and vega-embed are inlined
 * from node_modules (no CDN, no network), each chart has its title, its description (the text a
 * screen reader reads) and a data table of every number behind it.
 *
 * @example
 * fs.writeFileSync('charts.html', toHTML({ lorenz: lorenzChart(curves) }, { title: 'Inequality' }));
 */
export function toHTML(charts: NamedCharts, options: HTMLOptions = {}): string {
  const list = namedCharts(charts);
  const title = options.title ?? 'povineq charts';
  const limit = options.tableRows ?? 500;
  const figures = list.map(({ name, spec }, i) => {
    const description = (spec as { description?: string }).description ?? '';
    const meta = (spec as { usermeta?: { povineq?: { source?: string; note?: string | null } } }).usermeta?.povineq;
    const data = chartData(spec);
    const tables = Object.entries(data).map(([d, rows]) => dataTable(d, rows, limit)).join('');
    const files = options.files?.[name] ?? [];
    return (
      `<figure id="${escapeHTML(name)}" aria-labelledby="title-${i}">` +
      `<h2 id="title-${i}">${escapeHTML(titleOf(spec, name))}</h2>` +
      `<div class="chart" id="vis-${i}" role="img" aria-label="${escapeHTML(description)}"></div>` +
      // without JavaScript, the static SVG beside the page (when there is one) stands in
      (files.includes(`${name}.svg`) ? `<noscript><img src="${escapeHTML(name)}.svg" alt="${escapeHTML(description)}"></noscript>` : '') +
      `<figcaption><p>${escapeHTML(description)}</p>` +
      (meta?.source ? `<p>Source: ${escapeHTML(meta.source)}.${meta.note ? ` ${escapeHTML(meta.note)}` : ''}</p>` : '') +
      (files.length ? `<p class="files">${files.map((f) => `<a href="${escapeHTML(f)}">${escapeHTML(f)}</a>`).join('')}</p>` : '') +
      `</figcaption>` +
      (tables ? `<details><summary>Data table for ${escapeHTML(titleOf(spec, name))}</summary>${tables}</details>` : '') +
      `<script type="application/json" id="spec-${i}">${jsonInScript(spec)}</script>` +
      `</figure>`
    );
  });
  const embed = `<script>
(function () {
  var n = ${list.length};
  window.povineqCharts = [];
  for (var i = 0; i < n; i++) {
    (function (i) {
      var spec = JSON.parse(document.getElementById('spec-' + i).textContent);
      var el = document.getElementById('vis-' + i);
      window.povineqCharts.push(vegaEmbed(el, spec, { actions: false, renderer: 'svg' }).catch(function (e) {
        el.innerHTML = '<p class="error">This chart could not be drawn: ' + String(e && e.message || e).replace(/</g, '&lt;') + '</p>';
        console.error(e);
      }));
    })(i);
  }
})();
</script>`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(title)}</title>
<style>${STYLE}</style>
${inlineLibraries()}
</head>
<body>
<main>
<h1>${escapeHTML(title)}</h1>
${options.intro ? `<p>${escapeHTML(options.intro)}</p>` : ''}
${figures.join('\n')}
</main>
${embed}
</body>
</html>
`;
}
