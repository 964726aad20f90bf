// The interop tests run the built package (dist/), as users get it. `npm test` builds it first
// (scripts/test.mjs); when running vitest alone, run `npx tsup --silent` before.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function assertBuilt(): void {
  for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts']) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: build the package (npx tsup) before the interop tests`);
  }
}

/** Runs a Node script from the repository root (where `povineq` resolves to this package) and parses its JSON output. */
export function runNode(args: string[]): unknown {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}
