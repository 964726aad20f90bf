import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, differences, listNotebooks } from '../../scripts/notebooks.mjs';

// Every published notebook is executed with the tslab kernel and must reproduce its committed
// outputs exactly (execution counts and timing metadata aside). Needs `bash scripts/setup.sh`.
describe('published notebooks reproduce their committed outputs', () => {
  const notebooks = listNotebooks();
  it('there are published notebooks', () => expect(notebooks.length).toBeGreaterThan(0));
  for (const file of notebooks) {
    it(file, () => {
      const r = check(file);
      expect(r.ok, r.report).toBe(true);
    }, 900_000);
  }
});

// What a reader must see, checked on the committed outputs (which the test above proves a fresh run
// reproduces): every notebook has a chart, and a cell that ends with a table displays it as HTML.
const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';
type Cell = { cell_type: string; source: string | string[]; outputs?: { output_type: string; data?: Record<string, unknown> }[] };
const committed = (file: string): Cell[] => JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../notebooks', file), 'utf8')).cells;
const displays = (c: Cell, mime: string) => (c.outputs ?? []).filter((o) => o.output_type === 'display_data' && o.data && mime in o.data);

describe('what the published notebooks show', () => {
  for (const file of listNotebooks()) {
    it(`${file} has at least one Vega-Lite chart`, () => {
      const charts = committed(file).filter((c) => displays(c, VEGA_LITE_MIME).length > 0);
      expect(charts.length, `${file}: no cell displays a Vega-Lite chart (await show(spec))`).toBeGreaterThan(0);
    });
  }

  it('a cell that ends with a result table displays an HTML table with formatted numbers', () => {
    const cells = committed('01-getting-started.ipynb').filter((c) => c.cell_type === 'code');
    // the getting-started cell that ends with estimate(…, { by }) — a result table, no show() call
    const cell = cells.find((c) => /^byArea\.select\(/m.test([].concat(c.source as never).join('')));
    expect(cell, 'notebook 01 has a cell ending with the table byArea.select(…)').toBeDefined();
    expect([].concat(cell!.source as never).join('')).not.toMatch(/show\(/);
    const html = displays(cell!, 'text/html');
    expect(html.length).toBe(1);
    const text = [].concat(html[0]!.data!['text/html'] as never).join('');
    expect(text).toMatch(/^<table class="povineq-table">/);
    expect(text).toContain('<th style="text-align:right">ci_lower</th>');
    expect(text).toMatch(/>1,317</); // a count with its separator (Tyrol's sample size)
    expect([].concat(html[0]!.data!['text/plain'] as never).join('')).toMatch(/^db040 +estimate +se +ci_lower +ci_upper +n\n/);
    // and a table with more rows than the limit says how many are left out
    const lorenzCell = cells.find((c) => /^lorenz\(d, \{ at: 10 \}\)/m.test([].concat(c.source as never).join('')))!;
    expect([].concat(displays(lorenzCell, 'text/html')[0]!.data!['text/html'] as never).join('')).toContain('… 1 more row');
  });
});

const notebook = (source: string) => ({
  cells: [{ cell_type: 'code', id: 'a1', metadata: {}, execution_count: null, outputs: [], source: [source] }],
  metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
  nbformat: 4,
  nbformat_minor: 5,
});

describe('notebook checks fail loudly', () => {
  it('a failing cell fails the check, showing the cell and the error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-nbtest-'));
    try {
      fs.writeFileSync(path.join(dir, '99-fails.ipynb'), JSON.stringify(notebook("throw new Error('deliberate failure 42');")));
      const r = check('99-fails.ipynb', dir);
      expect(r.ok).toBe(false);
      expect(r.report).toMatch(/deliberate failure 42/);
      expect(r.report).toMatch(/throw new Error/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('a changed output is reported as a difference', () => {
    const a = notebook('console.log(1)');
    const b = structuredClone(a) as typeof a;
    (a.cells[0]!.outputs as unknown[]).push({ output_type: 'stream', name: 'stdout', text: ['0.2649\n'] });
    (b.cells[0]!.outputs as unknown[]).push({ output_type: 'stream', name: 'stdout', text: ['0.2650\n'] });
    expect(differences(a, b).join('\n')).toMatch(/cell 1 .*outputs differ/);
    expect(differences(a, structuredClone(a))).toEqual([]);
  });
});
