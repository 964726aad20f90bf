// Every ```ts block of README.md and docs/**/*.md, and every @example of the doc comments, is
// type-checked as the tslab kernel does and run; a value shown in a trailing comment is asserted.
// A failure names the file and line of the block. Needs the built package (npm test builds it).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Block,
  type CompiledChain,
  allBlocks,
  chains,
  compareShown,
  compileChain,
  describeShown,
  exampleBlocks,
  markdownBlocks,
  root,
  shownValue,
  transpile,
  typeCheck,
  where,
} from './examples.js';

const require = createRequire(import.meta.url);
const work = path.join(root, 'node_modules', '.cache', 'povineq-doc-examples');

/** Names the built package exports (what an @example sees without importing). */
async function exportNames(): Promise<Set<string>> {
  const built = path.join(root, 'dist', 'index.js');
  if (!fs.existsSync(built)) throw new Error('the documentation examples run against the built package: run `npx tsup` first (npm test does)');
  const mod = (await import(pathToFileURL(built).href)) as Record<string, unknown>;
  return new Set(Object.keys(mod).filter((k) => k !== 'default'));
}

let nextId = 0;
const id = () => nextId++;

interface Outcome {
  errors: string[];
}

/** Runs a compiled chain as tslab would (a kernel-like display writer is installed for show()). */
async function runChain(c: CompiledChain, file: string): Promise<Outcome> {
  const errors: string[] = [];
  let current = 0;
  let currentLine = 0;
  const checks = new Map(c.checks.map((k) => [k.id, k]));
  (globalThis as Record<string, unknown>).__doc = {
    at(block: number, line: number) {
      current = block;
      currentLine = line;
    },
    check<T>(value: T, checkId: number): T {
      const k = checks.get(checkId)!;
      const b = c.chain.blocks[k.block]!;
      const d = compareShown(value, k.shown);
      if (d) errors.push(`${b.file}:${b.line + k.line}: ${d} (comment: "// ${k.comment}")`);
      checks.delete(checkId);
      return value;
    },
  };
  const cwd = process.cwd();
  const scratch = fs.mkdtempSync(path.join(work, 'cwd-'));
  fs.writeFileSync(path.join(scratch, 'households.csv'), householdsCSV);
  // the FRS release as the docs name it: the generated fixture in the same layout (test/fixtures/frs)
  fs.mkdirSync(path.join(scratch, 'UKDA-9073-tab'));
  fs.symlinkSync(path.join(root, 'test', 'fixtures', 'frs'), path.join(scratch, 'UKDA-9073-tab', 'tab'));
  process.chdir(scratch); // examples that write files (briefing packs, CSV) write here
  try {
    await import(/* @vite-ignore */ `${pathToFileURL(file).href}?t=${Date.now()}`);
  } catch (e) {
    const b = c.chain.blocks[current]!;
    const err = e as Error;
    const line = b.line + currentLine;
    errors.push(`${b.file}:${line}: the block throws ${err.name}: ${err.message}`);
  } finally {
    process.chdir(cwd);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  for (const k of checks.values()) {
    const b = c.chain.blocks[k.block]!;
    if (!errors.length) errors.push(`${b.file}:${b.line + k.line}: the statement with "// ${k.comment}" never ran`);
  }
  return { errors };
}

const names = await exportNames();
/** A small CSV in the working directory of every example, for the ones that read 'households.csv'. */
const householdsCSV = ['household_id,income,w,council', ...Array.from({ length: 40 }, (_, i) => `${i + 1},${150 + ((i * 37) % 500)},${1 + (i % 3)},${i % 2 ? 'Fife' : 'Glasgow City'}`)].join('\n');

/**
 * Examples added by other work after this test, that do not run yet: each is still reported (its
 * errors are printed), and the test fails once it runs, so that it is taken off this list. Keyed
 * by file and the block's first line. Fix them by giving the example its data (see the rules in
 * docs/guides/notebooks.md) or an EXAMPLE_FIXTURES entry.
 */
const PENDING = new Set<string>([]);
const pendingKey = (b: Block) => `${b.file}: ${b.code.split('\n')[0]!.trim()}`;

describe('every documented example runs', () => {
  const found = allBlocks();
  // an @example of a helper the package does not export is not in the API reference: not run
  const internal = found.filter((b) => b.kind === 'example' && b.symbol !== undefined && !names.has(b.symbol));
  const blocks = found.filter((b) => !internal.includes(b));
  const all = chains(blocks);
  let compiled: CompiledChain[] = [];
  let typeErrors = new Map<number, string[]>();
  const displays: unknown[] = [];
  let ran = 0;

  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    compiled = all.map((c) => compileChain(c, names, id));
    typeErrors = typeCheck(compiled, path.join(work, 'ts'));
    // what the tslab kernel sets while a cell runs: show() finds it in the module cache
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: unknown };
    jupyter.lastWriteDisplayData = (d: unknown) => displays.push(d);
  }, 300_000);

  afterAll(() => {
    const md = blocks.filter((b) => b.kind === 'markdown').length;
    console.log(
      `documentation examples: ran ${ran} of ${blocks.length} blocks (${md} in README.md and docs/, ${blocks.length - md} @example blocks in src/; ` +
        `${internal.length} @examples of unexported helpers not run: ${internal.map(where).join(', ')})`,
    );
  });

  it('finds the README and docs blocks and the @examples', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThan(3);
    expect(blocks.filter((b) => b.kind === 'example').length).toBeGreaterThan(50);
  });

  for (const chain of all) {
    const first = chain.blocks[0]!;
    const name = chain.blocks.length > 1 ? `${where(first)} (+ ${chain.blocks.slice(1).map((b) => b.line).join(', ')}, which continue it)` : where(first);
    it(name, async () => {
      const c = compiled[chain.id]!;
      const problems = [...chain.problems, ...(typeErrors.get(chain.id) ?? [])];
      if (!problems.length) {
        const js = path.join(work, `chain-${chain.id}.mjs`);
        fs.writeFileSync(js, transpile(c));
        const r = await runChain(c, js);
        problems.push(...r.errors);
        if (!r.errors.length) ran += chain.blocks.length;
      }
      if (PENDING.has(pendingKey(first))) {
        console.warn(`pending example ${where(first)} (added later, does not run yet):\n  ${problems.join('\n  ')}`);
        expect(problems.length, `${where(first)} runs now: take it off PENDING in test/docs/examples.test.ts`).toBeGreaterThan(0);
        return;
      }
      expect(problems, `\n${problems.join('\n')}\n(the rules for examples: docs/guides/notebooks.md, "Examples in the docs")`).toEqual([]);
    }, 600_000);
  }
});

describe('the example checker', () => {
  const md = ['# t', '', '```ts', "import { gini } from 'povineq';", 'gini([1, 2, 3, 4]); // 0.25', '```', '', '```ts', '// continues the block above', 'gini([1, 1]) // 0', '```'].join('\n');

  it('finds blocks with their file line and the continuation marker', () => {
    const b = markdownBlocks(md, 'x.md');
    expect(b.map((x) => [x.line, x.continues])).toEqual([[4, false], [9, true]]);
    expect(chains(b).length).toBe(1);
    const lone = chains([{ ...b[1]!, file: 'y.md' } as Block]);
    expect(lone[0]!.problems[0]).toMatch(/^y\.md:9: the block says it continues the previous block, but there is none/);
  });

  it('finds @example blocks in doc comments', () => {
    const src = ['/**', ' * Sum.', ' *', ' * @example', ' * gini([1, 2]) // 0.1667…', ' * @param x', ' */', 'export const x = 1;'].join('\n');
    const b = exampleBlocks(src, 'src/x.ts');
    expect(b).toEqual([{ file: 'src/x.ts', line: 5, code: 'gini([1, 2]) // 0.1667…', kind: 'example', continues: false, symbol: 'x' }]);
  });

  it('reads values from comments and leaves prose alone', () => {
    expect(shownValue('// 0.25')).toEqual({ kind: 'number', value: 0.25, decimals: 2, prefix: false });
    expect(shownValue('// 0.4472…')).toMatchObject({ value: 0.4472, decimals: 4, prefix: true });
    expect(shownValue('// 5,424,800')).toMatchObject({ value: 5424800 });
    expect(shownValue('// 0.2649 (a fraction)')).toMatchObject({ value: 0.2649 });
    expect(shownValue("// ['S12000049', 'S12000036']")).toEqual({ kind: 'array', items: [{ kind: 'string', value: 'S12000049' }, { kind: 'string', value: 'S12000036' }] });
    expect(shownValue('// 10 / 10 = 1')).toBeUndefined();
    expect(shownValue('// (ln 3 + ln 1.5) / 4')).toBeUndefined();
    expect(shownValue('// an Arquero table, one row per region')).toBeUndefined();
    expect(shownValue('// { theta, gamma, delta }')).toBeUndefined();
  });

  it('compares to the digits shown', () => {
    expect(compareShown(0.26489, shownValue('0.2649')!)).toBeUndefined();
    expect(compareShown(0.2655, shownValue('0.2649')!)).toMatch(/is 0\.2655, but the comment shows 0\.2649/);
    expect(compareShown(0.447213, shownValue('0.4472…')!)).toBeUndefined();
    expect(compareShown(0.4473, shownValue('0.4472…')!)).toBeUndefined();
    expect(compareShown(0.4474, shownValue('0.4472…')!)).toMatch(/0\.4474/);
    expect(compareShown([1, 2], shownValue('[1, 2, 3]')!)).toMatch(/has 2 items, but the comment shows 3/);
    expect(describeShown(shownValue('{ n: 3 }')!)).toBe('{ n: 3 }');
  });

  it('names the file and line of a failing block', async () => {
    const bad = markdownBlocks(['```ts', "import { gini } from 'povineq';", 'const x: string = 1;', 'gini([1, 2, 3, 4]); // 0.3', '```'].join('\n'), 'docs/bad.md');
    const c = compileChain(chains(bad)[0]!, names, id);
    const errs = typeCheck([c], path.join(work, 'ts-selftest'));
    expect(errs.get(0)?.[0]).toMatch(/^docs\/bad\.md:3: type error TS2322/);
    const ok = markdownBlocks(['```ts', "import { gini } from 'povineq';", '', 'gini([1, 2, 3, 4]); // 0.4', "throw new Error('late');", '```'].join('\n'), 'docs/bad.md');
    const c2 = compileChain(chains(ok)[0]!, names, id);
    const js = path.join(work, 'selftest.mjs');
    fs.mkdirSync(work, { recursive: true });
    fs.writeFileSync(js, transpile(c2));
    const r = await runChain(c2, js);
    expect(r.errors.join('\n')).toMatch(/docs\/bad\.md:4: the value is 0\.25, but the comment shows 0\.4/);
    expect(r.errors.join('\n')).toMatch(/docs\/bad\.md:5: the block throws Error: late/);
  });
});
