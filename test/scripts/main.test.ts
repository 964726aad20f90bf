import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The main job (npm start) builds the council briefing pack from the built package. Built once
// here for the Scotland page and three councils, with PDFs; then checked file by file, against
// the source CSVs, and in headless Chromium with axe-core.
const CHROMIUM = process.env.POVINEQ_CHROMIUM ?? '/usr/bin/chromium';
const COUNCILS = [
  { code: 'S12000049', name: 'Glasgow City', slug: 'glasgow-city' },
  { code: 'S12000047', name: 'Fife', slug: 'fife' },
  { code: 'S12000027', name: 'Shetland Islands', slug: 'shetland-islands' },
];

/** Rows of a bundled CSV, read without povineq (a plain split: these files quote only text fields without commas inside numbers). */
function sourceRows(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join('datasets', file), 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  const header = split(text[0]!);
  return text.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

function csvRows(file: string): Record<string, string>[] {
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r\n/);
  const header = lines[0]!.split(',');
  return lines.slice(1).map((l) => {
    const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

describe('the main job builds the briefing pack', () => {
  let dir: string;
  let run: ReturnType<typeof spawnSync>;
  const seen: Record<string, { axe: { id: string; impact: string; nodes: number }[]; errors: string[]; requests: string[]; images: { label: string; table: boolean }[]; headings: string[] }> = {};

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-main-'));
    run = spawnSync('node', ['scripts/main.mjs', '--out', dir, '--council', 'Scotland', ...COUNCILS.flatMap((c) => ['--council', c.name])], { encoding: 'utf8' });
    if (run.status !== 0) return;
    const axe = fs.readFileSync(path.join('node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      for (const file of ['index.html', ...COUNCILS.map((c) => `councils/${c.code}.html`)]) {
        const page = await browser.newPage();
        const url = pathToFileURL(path.join(dir, file)).href;
        const info = { axe: [] as { id: string; impact: string; nodes: number }[], errors: [] as string[], requests: [] as string[], images: [] as { label: string; table: boolean }[], headings: [] as string[] };
        page.on('request', (r) => {
          if (r.url() !== url) info.requests.push(r.url());
        });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') info.errors.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => info.errors.push(`pageerror: ${e.message}`));
        await page.goto(url, { waitUntil: 'load' });
        // axe-core runs inside the page, injected as an inline script (no request)
        await page.evaluate(axe);
        const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: { id: string; impact: string; nodes: unknown[] }[] };
        info.axe = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        info.images = await page.$$eval('figure', (figs) =>
          figs.map((f) => ({ label: f.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? '', table: f.querySelector('details table tbody tr') !== null })),
        );
        info.headings = await page.$$eval('h1, h2', (hs) => hs.map((h) => h.textContent ?? ''));
        seen[file] = info;
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 600_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs and prints a progress line per page and per PDF', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(run.stdout).toMatch(/\[\d\/4\] Child poverty and inequality in Scotland: council briefing: \d+ charts, index\.html/);
    for (const c of COUNCILS) expect(run.stdout).toMatch(new RegExp(`\\[\\d/4\\] ${c.name}: child poverty and inequality briefing: 11 charts, councils/${c.code}\\.html`));
    expect(run.stdout).toMatch(/PDF 4\/4: /);
    expect(run.stdout).toMatch(/Done in [\d.]+ s: 4 pages/);
  });

  it('lays the pack out as index.html, councils/<S12 code>.html and a PDF per page', () => {
    expect(fs.existsSync(path.join(dir, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'scotland.pdf'))).toBe(true);
    for (const c of COUNCILS) {
      expect(fs.existsSync(path.join(dir, 'councils', `${c.code}.html`))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'councils', `${c.code}.pdf`))).toBe(true);
    }
  });

  it('writes an SVG, a PNG and a CSV for every chart, named for what it shows', () => {
    expect(fs.readdirSync(dir)).toContain('scotland-child-poverty-targets.csv');
    for (const folder of [dir, path.join(dir, 'councils')]) {
      const files = fs.readdirSync(folder);
      const charts = files.filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4));
      expect(charts.length).toBeGreaterThanOrEqual(5);
      for (const c of charts) {
        expect(files).toContain(`${c}.png`);
        expect(files).toContain(`${c}.csv`);
        expect(c).toMatch(/^(scotland|glasgow-city|fife|shetland-islands)-[a-z0-9-]+$/);
      }
    }
    for (const c of COUNCILS) expect(fs.readdirSync(path.join(dir, 'councils'))).toContain(`${c.slug}-child-poverty-bhc-trend.csv`);
  });

  it('links every council from the Scotland page', () => {
    const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
    const links = [...html.matchAll(/href="councils\/(S12\d{6})\.html"/g)].map((m) => m[1]);
    expect(new Set(links).size).toBe(32);
  });

  it('has 0 serious or critical axe-core violations on the Scotland page and three council pages', () => {
    expect(Object.keys(seen)).toHaveLength(4);
    for (const [file, info] of Object.entries(seen)) {
      expect(info.axe.filter((v) => v.impact === 'serious' || v.impact === 'critical'), file).toEqual([]);
    }
  });

  it('logs no console errors and makes no network requests', () => {
    for (const [file, info] of Object.entries(seen)) {
      expect(info.errors, file).toEqual([]);
      expect(info.requests, file).toEqual([]);
    }
  });

  it('gives every chart image non-empty alt text and a data table', () => {
    for (const [file, info] of Object.entries(seen)) {
      expect(info.images.length, file).toBe(file === "index.html" ? 5 : 11);
      for (const im of info.images) {
        expect(im.label.length, file).toBeGreaterThan(40);
        expect(im.table, file).toBe(true);
      }
    }
  });

  it('puts the footer (editions, version, date, rebuild command) on every page', () => {
    const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
    for (const file of ['index.html', ...COUNCILS.map((c) => `councils/${c.code}.html`)]) {
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      const footer = html.slice(html.indexOf('<footer'));
      expect(footer).toContain(`povineq ${version}`);
      expect(footer).toMatch(/on \d{4}-\d{2}-\d{2}/);
      expect(footer).toContain('bash scripts/setup.sh &amp;&amp; npm start');
      expect(footer).toContain('released 26 March 2026');
      expect(footer).toContain('Persistent Poverty in Scotland 2010-2021');
    }
  });

  it("shows each council's own numbers (spot-checked against the source CSVs)", () => {
    const dwp = sourceRows('dwp_cilif_children_low_income_council.csv');
    const ecp = sourceRows('ecp_loughborough_child_poverty_ahc_council.csv');
    for (const c of COUNCILS) {
      // the BHC trend CSV: every year of the 2025 release, as published (percent / 100)
      const trend = csvRows(path.join(dir, 'councils', `${c.slug}-child-poverty-bhc-trend.csv`)).filter((r) => r.series === c.name);
      const published = dwp.filter((r) => r.area_code === c.code && r.release.startsWith('DWP 2025'));
      expect(trend).toHaveLength(10);
      for (const p of published) {
        const row = trend.find((r) => r.year === p.year_ending)!;
        expect(Number(row.rate)).toBeCloseTo(Number(p.percent) / 100, 6);
      }
      // the AHC chart: DWP 2026 release and End Child Poverty, each as published
      const ahc = csvRows(path.join(dir, 'councils', `${c.slug}-child-poverty-ahc.csv`));
      const dwpAhc = dwp.find((r) => r.area_code === c.code && r.measure === 'relative_low_income_ahc' && r.year_ending === '2025')!;
      expect(Number(ahc.find((r) => r.series === `${c.name} (DWP)` && r.year === '2025')!.rate)).toBeCloseTo(Number(dwpAhc.percent) / 100, 4);
      const ecp24 = ecp.find((r) => r.area_code === c.code && r.year_ending === '2024')!;
      expect(Number(ahc.find((r) => r.series === `${c.name} (End Child Poverty)` && r.year === '2024')!.rate)).toBeCloseTo(Number(ecp24.rate), 6);
      // and the page's opening paragraph quotes the DWP AHC figure to 1 d.p.
      const html = fs.readFileSync(path.join(dir, 'councils', `${c.code}.html`), 'utf8');
      expect(html).toContain(`${(Math.round(Number(dwpAhc.percent) * 10) / 10).toFixed(1)}% of them lived in relative low income families in 2024/25`);
    }
    // Glasgow City FYE 2024 AHC: DWP 24.6% against End Child Poverty 36.1% (datasets/PROVENANCE.md)
    const glasgow = fs.readFileSync(path.join(dir, 'councils', 'S12000049.html'), 'utf8');
    expect(glasgow).toContain('End Child Poverty puts Glasgow City at 36.1%; DWP&#39;s figure for the same year is 24.6%');
  });

  it('formats data-table numbers by kind: years as 2024, rates as 26.4%', () => {
    const page = fs.readFileSync(path.join(dir, 'councils', 'S12000049.html'), 'utf8');
    const html = page.slice(page.indexOf('<figure id="glasgow-city-child-poverty-bhc-trend"'), page.indexOf('</figure>', page.indexOf('<figure id="glasgow-city-child-poverty-bhc-trend"')));
    expect(html).not.toMatch(/<td[^>]*>2,0\d\d<\/td>/);
    expect(html).toMatch(/<td class="num">2024<\/td>/);
    expect(html).toMatch(/<td class="num">26\.4%<\/td>/); // Glasgow City FYE 2024 BHC, 2025 release: 26.4
  });

  it('prints every page as a valid A4 PDF holding the page text', () => {
    for (const [pdf, html] of [['scotland.pdf', 'index.html'], ...COUNCILS.map((c) => [`councils/${c.code}.pdf`, `councils/${c.code}.html`])] as const) {
      const file = path.join(dir, pdf);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info.status, info.stderr).toBe(0);
      expect(info.stdout).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      const title = fs.readFileSync(path.join(dir, html), 'utf8').match(/<h1>([^<]+)<\/h1>/)![1]!.replace(/&#39;/g, "'");
      expect(text).toContain(title.split(':')[0]);
      expect(text).toContain('About this briefing');
    }
  });
});

describe('the main job, given an unknown council', () => {
  it('stops with a "did you mean" suggestion', () => {
    const r = spawnSync('node', ['scripts/main.mjs', '--out', os.tmpdir(), '--council', 'Glasgo', '--no-pdf'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no council is called "Glasgo"; did you mean "Glasgow City" \(S12000049\)/);
  });
});
