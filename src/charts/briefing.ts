import fs from 'node:fs';
import path from 'node:path';
import { chartData, toCSV } from './csv.js';
import { type HTMLOptions, type NamedCharts, namedCharts, toHTML } from './html.js';
import { svgToPNG, toSVG } from './render.js';

/** Options of {@link briefing}. */
export interface BriefingOptions extends Omit<HTMLOptions, 'files'> {
  /** PNG pixel density (default 2). */
  scale?: number;
  /** Called with a line of progress for each file written (e.g. `console.log`). */
  onProgress?: (message: string) => void;
}

/** What {@link briefing} wrote. */
export interface BriefingResult {
  /** The folder. */
  dir: string;
  /** Every file written, relative to `dir`, in order. */
  files: string[];
}

/**
 * Writes a briefing pack to `dir`: for each chart `<name>.svg`, `<name>.png` and the numbers behind
 * it as `<name>.csv` (further datasets, such as reference or target lines, as
 * `<name>-<dataset>.csv`), then `index.html`, the offline page of every chart with its description,
 * data table and links to its files. Existing files of the same names are replaced; other files in
 * `dir` are left alone.
 *
 * @example
 * await briefing({ 'lorenz-by-region': lorenzChart(curves, { group: 'region' }) }, 'briefing', { onProgress: console.log });
 */
export async function briefing(charts: NamedCharts, dir: string, options: BriefingOptions = {}): Promise<BriefingResult> {
  const list = namedCharts(charts);
  const progress = options.onProgress ?? (() => {});
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const perChart: Record<string, string[]> = {};
  const write = (file: string, content: string | Uint8Array) => {
    fs.writeFileSync(path.join(dir, file), content);
    files.push(file);
    progress(`  wrote ${file}`);
  };
  for (const [k, { name, spec }] of list.entries()) {
    progress(`chart ${k + 1}/${list.length}: ${name}`);
    const svg = await toSVG(spec);
    write(`${name}.svg`, svg);
    write(`${name}.png`, await svgToPNG(svg, { scale: options.scale ?? 2 }));
    const mine = [`${name}.svg`, `${name}.png`];
    Object.entries(chartData(spec)).forEach(([dataset, rows], j) => {
      const file = j === 0 ? `${name}.csv` : `${name}-${dataset.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
      write(file, toCSV(rows));
      mine.push(file);
    });
    perChart[name] = mine;
  }
  write('index.html', toHTML(list, { ...options, files: perChart }));
  return { dir, files };
}
