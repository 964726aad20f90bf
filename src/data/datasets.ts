import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColumnTable } from 'arquero';
import { PovineqError } from './errors.js';
import { readCSV } from './csv.js';

let root: string | undefined;

/** The povineq package folder (holding package.json and datasets/), found from this module's location. */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && fs.existsSync(path.join(dir, 'datasets'))) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'povineq') return (root = dir);
      } catch {
        // not a readable manifest: keep walking up
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new PovineqError('INVALID_INPUT', 'cannot find the povineq package folder holding datasets/');
    dir = up;
  }
}

/** Absolute path of a file in the bundled datasets/ folder; errors naming the file if absent. */
export function datasetPath(file: string): string {
  if (typeof file !== 'string' || file === '') {
    throw new PovineqError('INVALID_INPUT', `datasetPath needs a file name inside datasets/, got ${JSON.stringify(file) ?? String(file)}`, { option: 'file' });
  }
  const dir = path.join(packageRoot(), 'datasets');
  const p = path.resolve(dir, file);
  const inside = path.relative(dir, p);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new PovineqError(
      'INVALID_INPUT',
      `datasetPath("${file}") points outside the bundled datasets/ folder; name a file inside it, e.g. datasetPath('eusilc_laeken_synthetic.csv'), or read your own file with readCSV(path)`,
      { file },
    );
  }
  if (!fs.existsSync(p)) {
    throw new PovineqError('INVALID_INPUT', `bundled dataset "${file}" is not in ${path.join(packageRoot(), 'datasets')}`, { file });
  }
  return p;
}

/**
 * The EU-SILC example shipped with R laeken (synthetic data from Austrian EU-SILC 2006, 14,827
 * persons in 6,000 households; GPL ≥ 2): one row per person with `eqIncome` (equivalised disposable
 * income, EUR/year), personal weight `rb050`, household weight `db090`, region `db040` (strata)
 * and household id `db030` (PSU). Synthetic: use it to check algorithms, not for real figures.
 *
 * @example
 * gini(eusilc(), { value: 'eqIncome', weight: 'rb050' }) // 0.26489619
 */
export function eusilc(): ColumnTable {
  return readCSV(datasetPath('eusilc_laeken_synthetic.csv'));
}
