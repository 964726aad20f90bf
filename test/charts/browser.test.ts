import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefing, councilMap, councils } from '../../src/index.js';
import { cases } from './cases.js';

// A real browser (Debian's chromium, no download) opens the offline briefing page: every chart must
// draw marks, with no console errors and no network request at all.
const CHROMIUM = process.env.POVINEQ_CHROMIUM ?? '/usr/bin/chromium';

describe('the offline HTML page in headless Chromium', () => {
  let dir: string;
  let names: string[];
  const requests: string[] = [];
  const errors: string[] = [];
  let counts: { id: string; marks: number; error: boolean }[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-html-'));
    const codes = (councils().array('code') as string[]).slice(0, 32);
    const charts = [
      ...cases().map(({ name, spec }) => ({ name, spec })),
      { name: 'council-map', spec: councilMap(codes.map((code, i) => ({ code, value: i / 40 })), { label: 'Made-up share' }) },
    ];
    names = charts.map((c) => c.name);
    await briefing(charts, dir, { title: 'Browser test', scale: 1 });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const start = pathToFileURL(path.join(dir, 'index.html')).href;
      page.on('request', (r) => {
        if (r.url() !== start) requests.push(r.url());
      });
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      await page.goto(start, { waitUntil: 'load' });
      await page.evaluate(() => Promise.all((window as unknown as { povineqCharts: Promise<unknown>[] }).povineqCharts).then(() => true));
      counts = await page.$$eval('figure', (figs) =>
        figs.map((f) => ({
          id: f.id,
          marks: f.querySelectorAll('.chart svg .role-mark path, .chart svg .role-mark rect, .chart svg .role-mark line, .chart svg .role-mark text').length,
          error: f.querySelector('.error') !== null,
        })),
      );
    } finally {
      await browser.close();
    }
  }, 180_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('draws every chart with marks', () => {
    expect(counts.map((c) => c.id)).toEqual(names);
    for (const c of counts) {
      expect(c.error, c.id).toBe(false);
      expect(c.marks, c.id).toBeGreaterThan(0);
    }
  });
  it('logs no console errors or warnings', () => expect(errors).toEqual([]));
  it('makes no network requests', () => expect(requests).toEqual([]));
  it('writes an SVG, a PNG and a CSV per chart', () => {
    const files = fs.readdirSync(dir);
    for (const n of names) {
      expect(files).toContain(`${n}.svg`);
      expect(files).toContain(`${n}.png`);
      expect(files).toContain(`${n}.csv`);
    }
  });
});
