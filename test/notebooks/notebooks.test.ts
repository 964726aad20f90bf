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
