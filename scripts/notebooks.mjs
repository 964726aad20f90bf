// Executes the published notebooks with the tslab kernel, or checks that a fresh execution
// reproduces the committed outputs exactly.
//
//   node scripts/notebooks.mjs run   [names…]   execute in place (commit the result)
//   node scripts/notebooks.mjs check [names…]   execute a copy and compare with the committed outputs
//
// Execution counts, cell ids and timing metadata are ignored by the comparison; everything a
// reader sees (stream text, display data, errors) must match byte for byte.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const notebookDir = path.join(root, 'notebooks');
const jupyterPath = path.join(root, '.jupyter', 'share', 'jupyter');

export function listNotebooks(names = []) {
  const all = fs.readdirSync(notebookDir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
  if (names.length === 0) return all;
  return names.map((n) => {
    // accept a path too (notebooks/01-getting-started.ipynb), as shells complete it
    n = path.basename(n);
    const hit = all.find((f) => f === n || f.startsWith(n));
    if (!hit) throw new Error(`no notebook matches "${n}" in notebooks/ (have: ${all.join(', ')})`);
    return hit;
  });
}

function assertKernel() {
  const spec = path.join(jupyterPath, 'kernels', 'tslab', 'kernel.json');
  if (!fs.existsSync(spec)) {
    throw new Error(`the tslab kernel is not registered in ${jupyterPath}: run bash scripts/setup.sh first`);
  }
}

/** Executes one notebook into outFile; returns { ok, log }. */
export function execute(file, outFile, dir = notebookDir) {
  assertKernel();
  const args = [
    'nbconvert', '--to', 'notebook', '--execute',
    '--ExecutePreprocessor.kernel_name=tslab',
    '--ExecutePreprocessor.timeout=600',
    '--output', path.basename(outFile), '--output-dir', path.dirname(outFile),
    path.join(dir, file),
  ];
  const r = spawnSync('jupyter', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, JUPYTER_PATH: jupyterPath, TZ: 'UTC', LANG: 'C.UTF-8' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  // keep what a reader needs: the failing cell and the kernel's error, not nbconvert's Python traceback
  const at = log.indexOf('An error occurred while executing the following cell');
  return { ok: r.status === 0, log: at >= 0 ? log.slice(at) : log };
}

/** What a reader sees of a notebook: per code cell, its source and normalised outputs. */
export function visible(nb) {
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => ({
      source: [].concat(c.source).join(''),
      outputs: (c.outputs ?? []).map((o) => {
        const { execution_count, metadata, ...rest } = o;
        if (rest.text) rest.text = [].concat(rest.text).join('');
        if (rest.data) {
          rest.data = Object.fromEntries(
            Object.entries(rest.data).map(([k, v]) => [k, typeof v === 'string' || Array.isArray(v) ? [].concat(v).join('') : v]),
          );
        }
        return rest;
      }),
    }));
}

/** Returns a list of human-readable differences between two notebooks' visible content. */
export function differences(expected, actual) {
  const a = visible(expected);
  const b = visible(actual);
  const out = [];
  if (a.length !== b.length) out.push(`code cell count ${a.length} → ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const ea = JSON.stringify(a[i].outputs);
    const eb = JSON.stringify(b[i].outputs);
    if (a[i].source !== b[i].source) out.push(`cell ${i + 1}: source differs`);
    if (ea !== eb) {
      let k = 0;
      while (k < ea.length && ea[k] === eb[k]) k++;
      out.push(`cell ${i + 1} (${a[i].source.split('\n')[0].slice(0, 60)}): outputs differ near …${ea.slice(Math.max(0, k - 60), k + 60)}… vs …${eb.slice(Math.max(0, k - 60), k + 60)}…`);
    }
  }
  return out;
}

/** Errors recorded in an executed notebook's outputs (cell number, ename, evalue). */
export function cellErrors(nb) {
  const errs = [];
  nb.cells.filter((c) => c.cell_type === 'code').forEach((c, i) => {
    for (const o of c.outputs ?? []) {
      if (o.output_type === 'error') errs.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`);
    }
  });
  return errs;
}

/** Executes a notebook into a temporary file and compares; returns { ok, report }. */
export function check(file, dir = notebookDir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-nb-'));
  const out = path.join(tmp, file);
  try {
    const run = execute(file, out, dir);
    if (!run.ok) return { ok: false, report: `${file}: execution failed\n${run.log}` };
    const actual = JSON.parse(fs.readFileSync(out, 'utf8'));
    const errs = cellErrors(actual);
    if (errs.length) return { ok: false, report: `${file}: ${errs.join('; ')}` };
    const expected = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    const diffs = differences(expected, actual);
    return diffs.length ? { ok: false, report: `${file}: a fresh run differs from the committed outputs\n  ${diffs.join('\n  ')}` } : { ok: true, report: `${file}: reproduced` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Executes a notebook in place, failing with the cell and error on any error. */
export function run(file) {
  const target = path.join(notebookDir, file);
  const r = execute(file, target);
  if (!r.ok) return { ok: false, report: `${file}: execution failed\n${r.log}` };
  const nb = JSON.parse(fs.readFileSync(target, 'utf8'));
  const errs = cellErrors(nb);
  // drop volatile metadata so committed notebooks only change when their content does
  for (const c of nb.cells) {
    if (c.metadata) delete c.metadata.execution;
  }
  fs.writeFileSync(target, JSON.stringify(nb, null, 1) + '\n');
  return errs.length ? { ok: false, report: `${file}: ${errs.join('; ')}` } : { ok: true, report: `${file}: executed` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [mode = 'check', ...names] = process.argv.slice(2);
  if (mode !== 'run' && mode !== 'check') {
    console.error('usage: node scripts/notebooks.mjs run|check [notebook…]');
    process.exit(2);
  }
  let failed = 0;
  for (const file of listNotebooks(names)) {
    const t0 = Date.now();
    process.stdout.write(`${mode === 'run' ? 'executing' : 'checking'} ${file} … `);
    const r = mode === 'run' ? run(file) : check(file);
    console.log(`${r.ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (!r.ok) {
      failed++;
      console.error(r.report);
    }
  }
  process.exit(failed ? 1 : 0);
}
