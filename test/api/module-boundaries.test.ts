// DESIGN.md: each folder of src/ is a module whose index.ts is its only door: "nothing else imports
// from outside its folder's index". This test reads every source file's imports and fails on one
// that reaches into another folder's files, naming the file, the import and the door to use.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The top-level folder of src/ a path lies in ('' for src/ itself). */
function moduleOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0]! : '';
}

/** Every relative import or re-export of a file, resolved to a path under src/. */
function importsOf(file: string): { spec: string; target: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: { spec: string; target: string }[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)) {
    const spec = m[1]!;
    out.push({ spec, target: path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')) });
  }
  for (const m of text.matchAll(/import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
    const spec = m[1]!;
    out.push({ spec, target: path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')) });
  }
  return out;
}

describe('module boundaries', () => {
  const files = sourceFiles(SRC);

  it('reads the source tree and its imports (the check below is not empty)', () => {
    expect(files.length).toBeGreaterThan(100);
    const crossing = files.flatMap((f) => importsOf(f).filter((i) => moduleOf(i.target) !== moduleOf(f)));
    expect(crossing.length).toBeGreaterThan(100);
  });

  it('no file imports another folder\'s files except through that folder\'s index.ts', () => {
    const breaches: string[] = [];
    for (const file of files) {
      for (const { spec, target } of importsOf(file)) {
        const to = moduleOf(target);
        if (to === moduleOf(file) || to === '') continue;
        if (target !== path.join(SRC, to, 'index.ts')) {
          breaches.push(`${path.relative(SRC, file)} imports '${spec}': import it from src/${to}/index.ts`);
        }
      }
    }
    expect(breaches).toEqual([]);
  });

  it('would catch a deep import (the rule applied to a made-up file)', () => {
    const fake = path.join(SRC, 'policy', 'fake.ts');
    const target = path.resolve(path.dirname(fake), '../inference/parallel.ts');
    expect(moduleOf(target)).toBe('inference');
    expect(target).not.toBe(path.join(SRC, 'inference', 'index.ts'));
  });
});
