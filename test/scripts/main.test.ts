import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The main job (npm start) builds the briefing pack from the built package, printing progress.
describe('the main job', () => {
  it('writes an offline index.html and an SVG, PNG and CSV per chart, with progress lines', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-main-'));
    try {
      const r = spawnSync('node', ['scripts/main.mjs', '--out', dir], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/\[1\/\d+\] EU-SILC example/);
      expect(r.stdout).toMatch(/Gini\s+0\.264896/); // laeken::gini(eqIncome, rb050) = 26.48962%
      expect(r.stdout).toMatch(/chart 1\/\d+: eusilc-lorenz-by-region/);
      expect(r.stdout).toMatch(/Done in .*: \d+ files/);
      const files = fs.readdirSync(dir);
      const charts = files.filter((f) => f.endsWith('.svg')).map((f) => f.slice(0, -4));
      expect(charts.length).toBeGreaterThanOrEqual(12);
      for (const c of charts) {
        expect(files).toContain(`${c}.png`);
        expect(files).toContain(`${c}.csv`);
      }
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
      expect(html).not.toMatch(/<script[^>]+src=/);
      for (const c of charts) expect(html).toContain(`id="${c}"`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
