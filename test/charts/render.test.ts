import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PovineqError,
  FORMATS,
  briefing,
  formatValue,
  lorenzChart,
  measureChart,
  toCSV,
  toHTML,
  toPNG,
  toSVG,
} from '../../src/index.js';
import { chartData, compileChart, fontFiles } from '../../src/charts/index.js';
import { domainTable, lorenzTable } from './cases.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const pngSize = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
};

describe('toSVG and toPNG', () => {
  it('the SVG carries the title, the axis text and the description as aria-label', async () => {
    const svg = await toSVG(measureChart(domainTable, { group: 'council', title: 'Poverty by council', format: 'percent' }));
    expect(svg).toContain('Poverty by council');
    expect(svg).toContain('>Fife<');
    expect(svg).toMatch(/aria-label="[^"]*Highest: Fife/);
    expect(svg).toContain('font-family="DejaVu Sans, Verdana, Arial, sans-serif"');
  });
  it('formats axes the UK way: £ and thousands separators', async () => {
    const spec = measureChart({ group: ['a', 'b'], estimate: [12000, 31000] }, { format: 'pounds' });
    const svg = await toSVG(spec);
    expect(svg).toContain('>£20,000<');
    expect(svg).not.toContain('$');
  });
  it('PNG text renders with the packaged font: a titled chart differs from the same chart untitled', async () => {
    const titled = await toPNG(lorenzChart(lorenzTable, { group: 'area', title: 'A title' }), { scale: 1 });
    const untitled = await toPNG(lorenzChart(lorenzTable, { group: 'area', title: null }), { scale: 1 });
    expect([...titled.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(Buffer.from(titled).equals(Buffer.from(untitled))).toBe(false);
    // same title text, different words: differ too (glyphs are drawn, not boxes of one shape)
    const other = await toPNG(lorenzChart(lorenzTable, { group: 'area', title: 'B title' }), { scale: 1 });
    expect(Buffer.from(titled).equals(Buffer.from(other))).toBe(false);
  });
  it('scale multiplies the pixel size', async () => {
    const spec = lorenzChart(lorenzTable);
    const [w1, h1] = pngSize(await toPNG(spec, { scale: 1 }));
    const [w2, h2] = pngSize(await toPNG(spec, { scale: 2 }));
    expect(w2).toBe(2 * w1!);
    expect(h2).toBe(2 * h1!);
  });
  it('rejects a silly scale, naming the option', async () => {
    await expect(toPNG(lorenzChart(lorenzTable), { scale: 0 })).rejects.toThrow(/scale must be a number in \(0, 10\]/);
  });
  it('the DejaVu font files ship with the package', () => {
    for (const f of fontFiles()) expect(fs.existsSync(f), f).toBe(true);
  });
  it('a spec that does not compile is a clear RENDER_FAILED error', async () => {
    const bad = { mark: 'bogus', data: { values: [] } };
    const e = await compileChart(bad as never).catch((x) => x);
    expect(e).toBeInstanceOf(PovineqError);
    expect(e.code).toBe('RENDER_FAILED');
    expect(e.message).toMatch(/does not compile with Vega-Lite/);
  });
});

describe('formatValue', () => {
  it('writes UK formats', () => {
    expect(formatValue(0.2431, 'percent1')).toBe('24.3%');
    expect(formatValue(0.2431, 'percent')).toBe('24%');
    expect(formatValue(12345.6, 'pounds')).toBe('£12,346');
    expect(formatValue(-3.456, 'pence')).toBe('−£3.46');
    expect(formatValue(1234567, 'number')).toBe('1,234,567');
    expect(formatValue(0.26490, 'decimal')).toBe('0.265');
    expect(formatValue(30.2926, 'decimal1')).toBe('30.3');
    expect(formatValue(5, 'decimal1')).toBe('5');
    expect(formatValue(-1234.56, 'decimal1')).toBe('−1,234.6');
  });
  it('prints decimal1 as the axis does (d3-format ,.1~f, the format Vega uses)', async () => {
    // @ts-expect-error d3-format (vega's own formatter) ships no type declarations
    const { format } = (await import('d3-format')) as { format: (specifier: string) => (v: number) => string };
    const d3 = format(FORMATS.decimal1);
    for (const v of [30.2926, 5, 1234.56, 0.04, 12.0]) expect(formatValue(v, 'decimal1')).toBe(d3(v));
  });
});

describe('toCSV and chartData', () => {
  it('quotes per RFC 4180 and leaves missing cells empty', () => {
    expect(toCSV([{ a: 1, b: 'x,y' }, { a: null, b: 'say "hi"', c: 0.5 }])).toBe('a,b,c\r\n1,"x,y",\r\n,"say ""hi""",0.5\r\n');
  });
  it('keeps numbers at full precision', () => {
    expect(toCSV([{ x: 0.1 + 0.2 }])).toBe('x\r\n0.30000000000000004\r\n');
  });
  it('chartData returns the datasets with rows, not geometry', () => {
    const spec = measureChart(domainTable, { group: 'council', reference: 0.19 });
    const data = chartData(spec);
    expect(Object.keys(data)).toEqual(['measures', 'reference']);
    expect(data.measures!.map((r) => r.council)).toEqual(['Fife', 'Angus', 'Moray']);
    expect(data.reference).toEqual([{ label: 'All', value: 0.19 }]);
  });
});

describe('toHTML', () => {
  const html = toHTML({ lorenz: lorenzChart(lorenzTable, { group: 'area', title: 'Curves </script><b>' }) }, { title: 'Test & page' });
  it('inlines vega, vega-lite and vega-embed: no external script or stylesheet', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toContain('vegaEmbed');
    expect(html.length).toBeGreaterThan(500_000);
  });
  it('escapes text and keeps the spec JSON from closing its script element', () => {
    expect(html).toContain('<title>Test &amp; page</title>');
    expect(html).toContain('Curves &lt;/script&gt;&lt;b&gt;');
    const specJson = html.match(/<script type="application\/json" id="spec-0">(.*?)<\/script>/s)![1]!;
    expect(JSON.parse(specJson).title.text).toBe('Curves </script><b>');
  });
  it('has each chart\'s description and a data table', () => {
    expect(html).toContain('Share of income held by the poorest half of people: 50.0% in Equal and 20.0% in Unequal.');
    expect(html).toMatch(/<details><summary>Data table for/);
    expect(html).toContain('<th scope="col">area</th>');
  });
  it('rejects unusable or duplicate chart names', () => {
    expect(() => toHTML({ 'a b': lorenzChart(lorenzTable) })).toThrow(/cannot be a file name/);
    const spec = lorenzChart(lorenzTable);
    expect(() => toHTML([{ name: 'x', spec }, { name: 'x', spec }])).toThrow(/two charts are named "x"/);
    expect(() => toHTML({})).toThrow(/no charts given/);
  });
});

describe('briefing', () => {
  it('writes index.html, an SVG, a PNG and CSVs per chart, reporting progress', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-brief-'));
    try {
      const lines: string[] = [];
      const r = await briefing({ measures: measureChart(domainTable, { group: 'council', reference: 0.19 }) }, dir, { scale: 1, onProgress: (l) => lines.push(l) });
      expect(r.files).toEqual(['measures.svg', 'measures.png', 'measures.csv', 'measures-reference.csv', 'index.html']);
      expect(fs.readFileSync(path.join(dir, 'measures.csv'), 'utf8').split('\r\n')[0]).toBe('council,estimate,ci_lower,ci_upper,level');
      expect(lines[0]).toBe('chart 1/1: measures');
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      expect(html).toContain('href="measures.png"');
      expect(html).toContain('<noscript><img src="measures.svg"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
