import fs from 'node:fs';
import path from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { PovineqError } from '../data/index.js';
import { chartData, toCSV } from './csv.js';
import { formatValue } from './format.js';
import { type ChartRow, wrapToWidth } from './frame.js';
import { namedCharts } from './html.js';
import { svgToPNG, toSVG } from './render.js';

/** How a data-table column is printed: years as 2024, rates as 24.5%, money as £1,234. */
export type ColumnKind = 'year' | 'percent' | 'percent1' | 'pounds' | 'pence' | 'number' | 'decimal' | 'decimal1' | 'text';

/** One chart of a briefing page. */
export interface PackChart {
  /** File name stem, named for what it shows (`glasgow-city-child-poverty-trend`). */
  name: string;
  spec: TopLevelSpec;
  /** The numbers behind the chart, written as `<name>.csv` and shown as the data table (default: the spec's datasets). */
  table?: readonly ChartRow[];
  /** How each table column is printed (default: by name — `year`, `*_year` as years; other numbers to 3 significant figures). */
  columns?: Record<string, ColumnKind>;
}

/** A section of a briefing page: a heading, paragraphs of plain text and its charts. */
export interface PackSection {
  id: string;
  heading: string;
  paragraphs?: readonly string[];
  charts: readonly PackChart[];
}

/** The footer every page carries. */
export interface PackFooter {
  /** One line per data source with its edition. */
  editions: readonly string[];
  /** The povineq version that built the page. */
  version: string;
  /** When it was built (ISO date). */
  built: string;
  /** How to rebuild (a shell command). */
  rebuild: string;
}

/** A page of the pack. */
export interface PackPage {
  /** Path of the HTML file relative to the pack folder (`index.html`, `councils/S12000049.html`); charts go beside it. */
  file: string;
  title: string;
  /** Paragraphs under the title. */
  lede?: readonly string[];
  /** Links in the page's navigation bar (relative to the page). */
  nav?: readonly { href: string; text: string }[];
  sections: readonly PackSection[];
  /** An extra list of links after the sections (e.g. every council). */
  links?: { heading: string; items: readonly { href: string; text: string }[] };
  footer: PackFooter;
}

/** Options of {@link writeBriefingPage}. */
export interface WritePageOptions {
  /** PNG pixel density (default 2). */
  scale?: number;
  /** Called with a line of progress per chart. */
  onProgress?: (message: string) => void;
}

const escapeHTML = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A cell as the data table prints it: years without a thousands separator (2024), fractions as
 * percentages (24.5%), money in pounds (£1,234), counts with separators (12,345).
 *
 * @example
 * formatCell(2024, 'year') // "2024";  formatCell(0.2455, 'percent1') // "24.6%"
 */
export function formatCell(v: unknown, kind: ColumnKind): string {
  if (v == null || v === '') return '';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return '';
  switch (kind) {
    case 'year':
      return String(v);
    case 'text':
      return String(v);
    case 'percent':
      return formatValue(v, 'percent1');
    default:
      return formatValue(v, kind);
  }
}

/** The kind of a column when the page does not say: year-like names print as years. */
export function columnKind(name: string, values: readonly unknown[]): ColumnKind {
  if (/^(year|.*_year|year_.*|rank.*|.*_rank|decile|quintile|family_group)$/.test(name)) return 'year';
  if (values.every((v) => v == null || typeof v !== 'number')) return 'text';
  if (values.every((v) => v == null || (typeof v === 'number' && Number.isInteger(v)))) return 'number';
  return 'decimal';
}

/**
 * The spec with its title and subtitle wrapped to lines no wider than the chart (a finding is a
 * sentence, often longer than the chart is wide). Returns a copy; the input is not changed.
 */
export function wrapTitle(spec: TopLevelSpec, minWidth = 480): TopLevelSpec {
  const s = spec as { title?: unknown; vconcat?: { width?: number }[] };
  if (!s.title || typeof s.title !== 'object') return spec;
  const t = s.title as { text?: string | string[]; subtitle?: string | string[] };
  const width = Math.max(minWidth, s.vconcat?.at(-1)?.width ?? minWidth);
  const wrap = (x: string | string[] | undefined, size: number) => (typeof x === 'string' ? wrapToWidth(x, width, size) : x);
  // bold text runs about a tenth wider than the regular face wrapToWidth measures
  return { ...spec, title: { ...t, text: wrap(t.text, 16 * 1.12), ...(t.subtitle ? { subtitle: wrap(t.subtitle, 13) } : {}) } } as TopLevelSpec;
}

function tableOf(chart: PackChart): ChartRow[] {
  if (chart.table) return [...chart.table];
  return Object.values(chartData(chart.spec))[0] ?? [];
}

function dataTable(caption: string, rows: readonly ChartRow[], kinds: Record<string, ColumnKind> = {}): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const kind = Object.fromEntries(columns.map((c) => [c, kinds[c] ?? columnKind(c, rows.map((r) => r[c]))]));
  const numeric = (c: string) => kind[c] !== 'text';
  return (
    `<table><caption>${escapeHTML(caption)}</caption>` +
    `<thead><tr>${columns.map((c) => `<th scope="col"${numeric(c) ? ' class="num"' : ''}>${escapeHTML(c.replace(/_/g, ' '))}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td${numeric(c) ? ' class="num"' : ''}>${escapeHTML(formatCell(r[c], kind[c]!))}</td>`).join('')}</tr>`).join('')}</tbody></table>`
  );
}

/**
 * Makes a Vega SVG safe to inline many times in one page: ids (clip paths, gradients) get a
 * per-chart prefix so charts do not borrow each other's clips, the inner ARIA roles Vega writes
 * are dropped, and the root is one image named by the chart's description.
 */
export function inlineSVG(svg: string, prefix: string, description: string): string {
  let body = svg.replace(/^<\?xml[^>]*>\s*/, '');
  body = body
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
  const open = body.match(/^<svg\b[^>]*>/);
  if (!open) throw new PovineqError('RENDER_FAILED', `inlineSVG: not an SVG document (starts ${JSON.stringify(body.slice(0, 20))})`);
  const inner = body
    .slice(open[0].length)
    .replace(/\s(role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '')
    .replace(/<desc>[\s\S]*?<\/desc>/, '');
  const attrs = open[0]
    .replace(/\s(role|aria-roledescription|aria-label)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg role="img" aria-label="${escapeHTML(description)}" focusable="false"`);
  return attrs + inner;
}

const STYLE = `
:root { --ink: #1a1a1a; --muted: #4d4d4d; --line: #cccccc; --accent: #0b5394; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Verdana, Arial, sans-serif; color: var(--ink); margin: 0; background: #ffffff; line-height: 1.45; }
a { color: var(--accent); }
a:focus, summary:focus { outline: 3px solid #e69f00; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px; z-index: 2; }
header.pack { background: #0b3d6b; color: #fff; padding: 12px 24px; }
header.pack a { color: #fff; }
header.pack nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 16px; }
main { max-width: 980px; margin: 0 auto; padding: 16px 24px 32px; }
h1 { font-size: 1.7rem; margin: 8px 0 12px; } h2 { font-size: 1.3rem; margin: 28px 0 8px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
.lede { font-size: 1.05rem; max-width: 75ch; }
section > p { max-width: 75ch; }
figure { margin: 0 0 24px; padding: 12px 0; border-top: 1px solid #e6e6e6; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.92rem; color: #333; max-width: 75ch; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.files a { margin-right: 1em; }
details { margin-top: 6px; } summary { cursor: pointer; color: var(--accent); }
table { border-collapse: collapse; font-size: 0.82rem; margin: 8px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid var(--line); padding: 2px 8px; text-align: left; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f0f0f0; }
ul.councils { columns: 3; padding-left: 1.2em; }
footer.pack { border-top: 2px solid var(--line); margin-top: 32px; padding: 12px 24px; font-size: 0.85rem; color: var(--muted); max-width: 980px; margin-left: auto; margin-right: auto; }
footer.pack code { background: #f3f3f3; padding: 1px 4px; }
@page { size: A4; margin: 12mm 12mm 14mm; }
@media print {
  body { font-size: 10pt; }
  header.pack { background: none; color: var(--ink); padding: 0 0 6px; border-bottom: 2px solid var(--ink); }
  header.pack nav, .skip, details, .files, figcaption .desc, figcaption .source { display: none; }
  figure { padding: 4px 0; margin: 0 0 8px; border-top: none; }
  figure svg { max-height: 118mm; width: auto; max-width: 100%; margin: 0 auto; }
  section > p, .lede { font-size: 9.5pt; }
  main { padding: 0; max-width: none; }
  figure { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; break-inside: avoid; }
  main > section + section { break-before: page; }
  ul.councils { columns: 3; font-size: 8.5pt; }
  footer.pack { break-inside: avoid; padding: 8px 0; }
}
`;

/**
 * The HTML of a briefing page: landmarks (header, nav, main, footer), a skip link, one section
 * per topic with its charts inline as SVG images named by their descriptions, a data table per
 * chart with numbers formatted by kind, links to each chart's SVG, PNG and CSV, and the pack
 * footer. No script and no external resource: it works offline and prints to A4.
 */
export function briefingPageHTML(page: PackPage, svgs: Record<string, string>, files: Record<string, readonly string[]> = {}): string {
  let k = 0;
  const sections = page.sections.map((s) => {
    const figures = s.charts.map((c) => {
      const i = k++;
      const spec = c.spec as { description?: string; title?: { text?: string | string[]; subtitle?: string | string[] } | string; usermeta?: { povineq?: { source?: string; note?: string | null } } };
      const description = spec.description ?? '';
      const title = typeof spec.title === 'string' ? spec.title : [spec.title?.text ?? c.name].flat().join(' ');
      const subtitle = typeof spec.title === 'object' && spec.title.subtitle ? [spec.title.subtitle].flat().join(' ') : undefined;
      const svg = svgs[c.name];
      if (!svg) throw new PovineqError('INVALID_INPUT', `briefingPageHTML: no SVG for chart "${c.name}"; render it with toSVG first`, { name: c.name });
      const fileLinks = files[c.name] ?? [];
      return (
        `<figure id="${escapeHTML(c.name)}" aria-labelledby="fig-${i}">` +
        `<h3 id="fig-${i}" class="sr-only">${escapeHTML(title)}${subtitle ? `: ${escapeHTML(subtitle)}` : ''}</h3>` +
        inlineSVG(svg, `c${i}`, description) +
        `<figcaption><p class="desc">${escapeHTML(description)}</p>` +
        (spec.usermeta?.povineq?.source ? `<p class="source">Source: ${escapeHTML(spec.usermeta.povineq.source.replace(/[.\s]+$/, ''))}.${spec.usermeta.povineq.note ? ` ${escapeHTML(spec.usermeta.povineq.note)}` : ''}</p>` : '') +
        (fileLinks.length ? `<p class="files">Files: ${fileLinks.map((f) => `<a href="${escapeHTML(f)}">${escapeHTML(f)}</a>`).join(' ')}</p>` : '') +
        `</figcaption>` +
        `<details><summary>Data table: ${escapeHTML(title)}</summary>${dataTable(`Numbers behind “${title}”`, tableOf(c), c.columns)}</details>` +
        `</figure>`
      );
    });
    return (
      `<section id="${escapeHTML(s.id)}" aria-labelledby="h-${escapeHTML(s.id)}"><h2 id="h-${escapeHTML(s.id)}">${escapeHTML(s.heading)}</h2>` +
      (s.paragraphs ?? []).map((p) => `<p>${escapeHTML(p)}</p>`).join('') +
      figures.join('\n') +
      `</section>`
    );
  });
  const nav = page.nav?.length
    ? `<nav aria-label="Pack"><ul>${page.nav.map((n) => `<li><a href="${escapeHTML(n.href)}">${escapeHTML(n.text)}</a></li>`).join('')}</ul></nav>`
    : '';
  const links = page.links
    ? `<section id="councils" aria-labelledby="h-councils"><h2 id="h-councils">${escapeHTML(page.links.heading)}</h2><ul class="councils">${page.links.items.map((l) => `<li><a href="${escapeHTML(l.href)}">${escapeHTML(l.text)}</a></li>`).join('')}</ul></section>`
    : '';
  const f = page.footer;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="pack"><p><strong>Child poverty and inequality briefing</strong></p>${nav}</header>
<main id="content">
<h1>${escapeHTML(page.title)}</h1>
${(page.lede ?? []).map((p) => `<p class="lede">${escapeHTML(p)}</p>`).join('\n')}
${sections.join('\n')}
${links}
</main>
<footer class="pack">
<h2>About this briefing</h2>
<p>Data editions:</p>
<ul>${f.editions.map((e) => `<li>${escapeHTML(e)}</li>`).join('')}</ul>
<p>Built with povineq ${escapeHTML(f.version)} on ${escapeHTML(f.built)}. To rebuild: <code>${escapeHTML(f.rebuild)}</code>.</p>
<p>Contains public sector information licensed under the Open Government Licence v3.0. Boundaries contain OS data © Crown copyright and database right 2024.</p>
</footer>
</body>
</html>
`;
}

/**
 * Writes one briefing page and, beside it, each chart as `<name>.svg`, `<name>.png` and
 * `<name>.csv` (the numbers behind it). Returns the files written, relative to `dir`.
 *
 * @example
 * import { comparisonLinesChart, dwpChildPoverty, type PackPage, writeBriefingPage } from 'povineq';
 *
 * const rows = dwpChildPoverty().filter((d) => d.release === '2025' && d.basis === 'BHC' && (d.council_name === 'Fife' || d.council_name === 'Scotland'));
 * const page: PackPage = {
 *   file: 'index.html',
 *   title: 'Child poverty in Fife',
 *   sections: [{
 *     id: 'trend', heading: 'Child poverty over time',
 *     charts: [{ name: 'fife-child-poverty-trend', spec: comparisonLinesChart(rows, { series: 'council_name', highlight: 'Fife', title: 'Child poverty in Fife, before housing costs' }) }],
 *   }],
 *   footer: { editions: ['DWP children in low income families, 2025 release'], version: '1.0.0', built: '2026-12-05', rebuild: 'npm start' },
 * };
 * const { files } = await writeBriefingPage(page, 'briefing', { onProgress: console.log });
 * files.length // 4
 */
export async function writeBriefingPage(page: PackPage, dir: string, options: WritePageOptions = {}): Promise<{ files: string[] }> {
  const charts = page.sections.flatMap((s) => s.charts);
  if (charts.length) namedCharts(charts.map((c) => ({ name: c.name, spec: c.spec })));
  const pageFile = path.join(dir, page.file);
  const folder = path.dirname(pageFile);
  fs.mkdirSync(folder, { recursive: true });
  const rel = (f: string) => path.relative(dir, path.join(folder, f));
  const files: string[] = [];
  const svgs: Record<string, string> = {};
  const links: Record<string, string[]> = {};
  for (const c of charts) {
    const svg = await toSVG(wrapTitle(c.spec));
    svgs[c.name] = svg;
    fs.writeFileSync(path.join(folder, `${c.name}.svg`), svg);
    fs.writeFileSync(path.join(folder, `${c.name}.png`), await svgToPNG(svg, { scale: options.scale ?? 2 }));
    fs.writeFileSync(path.join(folder, `${c.name}.csv`), toCSV(tableOf(c)));
    links[c.name] = [`${c.name}.svg`, `${c.name}.png`, `${c.name}.csv`];
    files.push(...links[c.name]!.map(rel));
    options.onProgress?.(`${rel(c.name)} (.svg .png .csv)`);
  }
  fs.writeFileSync(pageFile, briefingPageHTML(page, svgs, links));
  files.push(page.file);
  return { files };
}
