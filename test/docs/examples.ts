// Every code example in the documentation is a test. This module finds the examples (```ts blocks
// in README.md and docs/**/*.md, and the @example blocks of the doc comments in src/), joins the
// blocks that say they continue the previous one, type-checks them as the tslab kernel does (its
// own TypeScript, its compiler options, the package's published types) and prepares them to run.
//
// Rules an example must follow (docs/guides/notebooks.md, "Examples in the docs"):
// - a block is self-contained: it imports what it uses from 'povineq' (and 'arquero'), or
// - its first line is a comment saying it continues the previous block, `// continues the block above`;
// - a value shown in a trailing comment (`gini([1, 2, 3, 4]) // 0.25`) is asserted, to the digits shown
//   ("0.4472…" means the digits shown are a prefix); a comment that is prose is not.
// - @example blocks in doc comments need no imports: povineq's exports and `aq` (arquero) are in
//   scope, with the sample data of EXAMPLE_FIXTURES.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';

const require = createRequire(import.meta.url);
/** The TypeScript that tslab compiles cells with (not the project's own). */
export const ts: typeof TS = require('@tslab/typescript-for-tslab');

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** One example as written in its file. */
export interface Block {
  /** Path relative to the project root. */
  file: string;
  /** 1-based line of the block's first code line in its file. */
  line: number;
  code: string;
  kind: 'markdown' | 'example';
  /** First line says the block continues the previous block of the same file. */
  continues: boolean;
  /** For an @example: the name its doc comment documents (examples of internal helpers are not run). */
  symbol?: string;
}

/** Where a block is, as a failure message names it: `docs/guides/charts.md:21`. */
export const where = (b: Pick<Block, 'file' | 'line'>): string => `${b.file}:${b.line}`;

const CONTINUES = /^\s*\/\/\s*(continues|continued|continuing)\b/i;

/** ```ts (or ```typescript) blocks of a markdown text. */
export function markdownBlocks(text: string, file: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```\s*(ts|typescript)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j]!)) body.push(lines[j++]!.slice(open[1]!.length));
    if (j >= lines.length) throw new Error(`${file}:${i + 1}: a \`\`\`ts block is never closed`);
    blocks.push({ file, line: i + 2, code: body.join('\n'), kind: 'markdown', continues: CONTINUES.test(body[0] ?? '') });
    i = j;
  }
  return blocks;
}

/** The @example blocks of the doc comments of a TypeScript source text. */
export function exampleBlocks(text: string, file: string): Block[] {
  const blocks: Block[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = text.slice(0, m.index).split('\n').length;
    const declared = /^\s*export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+(\w+)/.exec(text.slice(m.index! + m[0].length));
    const lines = m[0].split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*?\s*@example\b/.test(lines[i]!)) continue;
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (/^\s*\*\/\s*$/.test(l) || /^\s*\*\s*@\w+/.test(l)) break;
        body.push(l.replace(/^\s*\* ?/, '').replace(/\s*\*\/\s*$/, ''));
      }
      while (body.length && body[body.length - 1]!.trim() === '') body.pop();
      const code = body.join('\n').replace(/^```\w*\n|\n```$/g, '');
      if (code.trim()) {
        const b: Block = { file, line: startLine + i + 1, code, kind: 'example', continues: CONTINUES.test(body[0] ?? '') };
        if (declared) b.symbol = declared[1]!;
        blocks.push(b);
      }
      i = j - 1;
    }
  }
  return blocks;
}

function walk(dir: string, keep: (f: string) => boolean, skip: (d: string) => boolean = () => false): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skip(p) ? [] : walk(p, keep, skip);
    return keep(p) ? [p] : [];
  }).sort();
}

/** README.md and docs/**\/*.md (not the generated API reference). */
export function documentationFiles(): string[] {
  return [path.join(root, 'README.md'), ...walk(path.join(root, 'docs'), (f) => f.endsWith('.md'), (d) => d === path.join(root, 'docs', 'api'))];
}

export function sourceFiles(): string[] {
  return walk(path.join(root, 'src'), (f) => f.endsWith('.ts'));
}

export function allBlocks(): Block[] {
  const rel = (f: string) => path.relative(root, f);
  return [
    ...documentationFiles().flatMap((f) => markdownBlocks(fs.readFileSync(f, 'utf8'), rel(f))),
    ...sourceFiles().flatMap((f) => exampleBlocks(fs.readFileSync(f, 'utf8'), rel(f))),
  ];
}

/** Blocks that run together: a block and the ones after it that continue it. */
export interface Chain {
  id: number;
  blocks: Block[];
  /** Problems found before compiling (a continuation with nothing to continue). */
  problems: string[];
}

export function chains(blocks: Block[]): Chain[] {
  const out: Chain[] = [];
  for (const b of blocks) {
    const last = out[out.length - 1];
    if (b.continues && last && last.blocks[0]!.file === b.file) last.blocks.push(b);
    else {
      const problems = b.continues ? [`${where(b)}: the block says it continues the previous block, but there is none before it in ${b.file}`] : [];
      out.push({ id: out.length, blocks: [b], problems });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values shown in trailing comments

/** A value shown in a comment, parsed: numbers keep the digits shown. */
export type Shown =
  | { kind: 'number'; value: number; decimals: number; prefix: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'literal'; value: boolean | null }
  | { kind: 'array'; items: Shown[] }
  | { kind: 'object'; entries: [string, Shown][] };

function numberShown(text: string): Shown {
  const prefix = text.endsWith('…');
  const t = text.replace(/…$/, '').replace(/,/g, '');
  const dot = t.indexOf('.');
  return { kind: 'number', value: Number(t), decimals: dot < 0 ? 0 : t.length - dot - 1, prefix };
}

function literalOf(node: TS.Expression, src: TS.SourceFile): Shown | undefined {
  if (ts.isParenthesizedExpression(node)) return literalOf(node.expression, src);
  if (ts.isNumericLiteral(node)) return numberShown(node.getText(src));
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    const n = numberShown(node.operand.getText(src)) as Extract<Shown, { kind: 'number' }>;
    return { ...n, value: -n.value };
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'literal', value: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'literal', value: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'literal', value: null };
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((e) => literalOf(e, src));
    return items.every(Boolean) ? { kind: 'array', items: items as Shown[] } : undefined;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const entries: [string, Shown][] = [];
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p)) return undefined;
      const v = literalOf(p.initializer, src);
      if (!v) return undefined;
      entries.push([ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : p.name.getText(src), v]);
    }
    return { kind: 'object', entries };
  }
  return undefined;
}

/**
 * The value a trailing comment shows, or undefined when the comment is prose. A comment shows a
 * value when it is a number (with "," separators and a trailing "…" allowed), optionally followed
 * by words or a parenthesis (`0.2649 (a fraction)`), or a JSON-like literal (`['a', 'b']`, `{ n: 3 }`).
 * `10 / 10 = 1` or `(ln 3 + ln 1.5) / 4` are prose: they are not asserted.
 */
export function shownValue(comment: string): Shown | undefined {
  const text = comment.replace(/^\/\/\s*/, '').trim();
  const num = /^(−|-)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(…)?(?=$|\s+[(A-Za-z—–]|\s*\()/.exec(text);
  if (num) {
    const n = numberShown(num[2]! + (num[3] ?? '')) as Extract<Shown, { kind: 'number' }>;
    return num[1] ? { ...n, value: -n.value } : n;
  }
  if (!/^[[{'"]|^(true|false|null)\b/.test(text)) return undefined;
  // the literal runs to the end of the comment, or up to a parenthesised remark
  for (const candidate of [text, text.replace(/\s+\([^)]*\)\s*$/, '')]) {
    const src = ts.createSourceFile('shown.ts', `(${candidate})`, ts.ScriptTarget.ES2022, true);
    const stmt = src.statements[0];
    if (src.statements.length !== 1 || !stmt || !ts.isExpressionStatement(stmt)) continue;
    if ((src as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length) continue;
    const v = literalOf(stmt.expression, src);
    if (v) return v;
  }
  return undefined;
}

function describeShown(s: Shown): string {
  switch (s.kind) {
    case 'number':
      return `${s.value}${s.prefix ? '…' : ''}`;
    case 'string':
      return JSON.stringify(s.value);
    case 'literal':
      return String(s.value);
    case 'array':
      return `[${s.items.map(describeShown).join(', ')}]`;
    case 'object':
      return `{ ${s.entries.map(([k, v]) => `${k}: ${describeShown(v)}`).join(', ')} }`;
  }
}

function describeActual(v: unknown): string {
  if (v && typeof v === 'object' && typeof (v as { numRows?: unknown }).numRows === 'function') return `an Arquero table (${(v as { numRows(): number }).numRows()} rows)`;
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Whether an actual value matches what a comment shows: numbers to the decimals shown (rounded,
 * or truncated when the comment ends in "…"), arrays item by item, objects on the keys shown.
 * Returns undefined on a match, or a sentence saying what differs.
 */
export function compareShown(actual: unknown, shown: Shown, at = 'the value'): string | undefined {
  switch (shown.kind) {
    case 'number': {
      if (typeof actual !== 'number') return `${at} is ${describeActual(actual)}, but the comment shows the number ${describeShown(shown)}`;
      const unit = 10 ** -shown.decimals;
      const ok = shown.prefix
        ? Math.abs(actual - shown.value) < unit * (1 + 1e-9)
        : Math.abs(actual - shown.value) <= unit / 2 + Math.abs(shown.value) * 1e-12;
      return ok ? undefined : `${at} is ${actual}, but the comment shows ${describeShown(shown)}`;
    }
    case 'string':
    case 'literal':
      return actual === shown.value ? undefined : `${at} is ${describeActual(actual)}, but the comment shows ${describeShown(shown)}`;
    case 'array': {
      const arr = actual && typeof actual === 'object' && Symbol.iterator in actual ? Array.from(actual as Iterable<unknown>) : undefined;
      if (!arr) return `${at} is ${describeActual(actual)}, but the comment shows an array ${describeShown(shown)}`;
      if (arr.length !== shown.items.length) return `${at} has ${arr.length} items, but the comment shows ${shown.items.length}: ${describeShown(shown)}`;
      for (let i = 0; i < arr.length; i++) {
        const d = compareShown(arr[i], shown.items[i]!, `${at}[${i}]`);
        if (d) return d;
      }
      return undefined;
    }
    case 'object': {
      if (!actual || typeof actual !== 'object') return `${at} is ${describeActual(actual)}, but the comment shows an object ${describeShown(shown)}`;
      for (const [k, v] of shown.entries) {
        const d = compareShown((actual as Record<string, unknown>)[k], v, `${at}.${k}`);
        if (d) return d;
      }
      return undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Compiling a chain

/** A value check: the expression statement ending on `line` of block `block` must equal `shown`. */
export interface Check {
  id: number;
  block: number;
  line: number;
  comment: string;
  shown: Shown;
}

/**
 * Sample data an @example may use without defining it (doc comments stay one-liners). Each is a
 * TypeScript declaration put before the example when the example mentions the name.
 */
export const EXAMPLE_FIXTURES: Record<string, Fixture> = {
  fs: { code: `import fs from 'node:fs';` },
  /** The synthetic household file with the generic columns examples use (income, w, …). */
  households: {
    code: `const households = $p.syntheticHouseholds({ seed: 1, households: 5000 }).derive({
  children_14_plus: (d) => d.children - d.children_under_14, // the older schema's column, for income/ before it reads children_under_14
  income: (d) => d.income_bhc, w: (d) => d.weight, net_income_bhc: (d) => d.income_bhc, housing: (d) => d.housing_costs,
  family_type: (d) => (d.pensioners > 0 ? 'pensioner' : d.children > 0 ? 'family with children' : 'working-age, no children'),
  earnings: (d) => (d.pensioners > 0 ? 0 : d.income_bhc * 0.8), benefits: (d) => (d.pensioners > 0 ? d.income_bhc * 0.3 : d.income_bhc * 0.2),
  pensions: (d) => (d.pensioners > 0 ? d.income_bhc * 0.7 : 0),
  baseline: (d) => d.income_bhc, reform: (d) => d.income_bhc + 20 * d.children,
});`,
  },
  /** Household rows in HBAI form: equivalised incomes, person composition, a grossing weight. */
  hh: {
    needs: ['households'],
    code: `const hh = households.derive({ eq_bhc: (d) => d.income_bhc, eq_ahc: (d) => d.income_bhc - d.housing_costs, gs_hh: (d) => d.weight,
  net_income: (d) => d.income_bhc, md_score: (d) => (d.income_bhc < 300 ? 30 : 10) });`,
  },
  ukHouseholds: { needs: ['hh'], code: 'const ukHouseholds = hh;' },
  scottishHouseholds: { needs: ['hh'], code: 'const scottishHouseholds = hh;' },
  uk: { needs: ['hh'], code: 'const uk = hh;' },
  table: { needs: ['households'], code: 'const table = households;' },
  t: { needs: ['households'], code: 'const t = households;' },
  survey2019: { needs: ['households'], code: 'const survey2019 = households;' },
  survey2022: { needs: ['households'], code: "const survey2022 = households.derive({ income: (d) => d.income * 1.04 + (d.children > 0 ? 10 : 0) });" },
  baseline: { needs: ['households'], code: 'const baseline = households;' },
  reform: { code: 'const reform = $p.carbonLevy({ rate: 0.1, recycling: \'dividend\' });' },
  impacts: { needs: ['households'], code: 'const impacts = $p.compare(households, $p.carbonLevy({ rate: 0.1 })).deciles;' },
  scenario: {
    needs: ['households'],
    code: `const scenario = (present: string[]) => households.params({ p: present.includes('prices') ? 1.1 : 1, i: present.includes('incomes') ? 1.05 : 1 })
  .derive({ income: (d, $) => (d.income * $.i) / $.p });`,
  },
  povertyRate: { code: "const povertyRate = (t: $aq.ColumnTable) => $p.headcount(t, { value: 'income', weight: 'w', line: 300 });" },
  /** The EU-SILC example with a region column and a generic income column. */
  people: { code: "const people = $p.eusilc().filter((d) => d.eqIncome > 0).derive({ region: (d) => d.db040, income: (d) => d.eqIncome });" },
  d: { code: "const d = $p.distribution($p.eusilc(), { value: 'eqIncome', weight: 'rb050' });" },
  /** Lorenz curves of two regions, stacked with a `region` column. */
  curves: {
    code: `const curves = $aq.from(['Tyrol', 'Vienna'].flatMap((region) =>
  $p.lorenz($p.eusilc().filter($aq.escape((r: { db040: string }) => r.db040 === region)), { value: 'eqIncome', weight: 'rb050', at: 20 }).objects().map((o) => ({ ...o, region }))));`,
  },
  datt: { code: "const datt = $p.readCSV($p.datasetPath('datt1998_rural_india_1983_grouped.csv'));" },
  g: { needs: ['datt'], code: "const g = $p.groupedData(datt, { cumulativePopulation: 'cum_pop_share', cumulativeIncome: 'cum_welfare_share', mean: 109.9 });" },
  deciles: { code: 'const deciles = $aq.table({ income: [120, 180, 220, 260, 300, 345, 395, 460, 560, 900] });' },
  rates: { code: "const rates = $p.councils().derive({ rate: (d) => 0.15 + (d.n_datazones % 17) / 100 });" },
  comparison: { code: "const comparison = $p.lgbfCompare({ indicator: 'CHN4', year: 2020 });" },
  gradient: { code: "const gradient = $p.simdGradient({ count: 'income_count' });" },
  /** Direct estimates by council (domain estimates of the poverty rate) with area covariates, for small-area examples. */
  direct: {
    needs: ['households'],
    code: `const direct = $p.estimate($p.headcount, households, { value: 'income', weight: 'w', line: 300, by: 'council' })
  .join(households.groupby('council').rollup({ simd: $aq.op.mean('simd_decile'), n_eff: $aq.op.count() }), 'council')
  .derive({ rate: (d) => d.estimate, simd_income_rate: (d) => 0.3 - 0.02 * d.simd });`,
  },
  fh: { needs: ['direct'], code: "const fh = $p.fayHerriot(direct, { area: 'council', covariates: ['simd'] });" },
  population: { needs: ['households'], code: "const population = households.derive({ cw: (d) => d.children * d.weight }).groupby('council').rollup({ children: $aq.op.sum('cw') });" },
  sample: { needs: ['households'], code: 'const sample = households;' },
  line: { code: 'const line = 300;' },
  design: { code: "const design = { weight: 'w' };" },
  covariates: { needs: ['households'], code: "const covariates = households.groupby('council').rollup({ simd_income_rate: $aq.op.mean('simd_decile') }).derive({ simd_income_rate: (d) => 0.3 - 0.02 * d.simd_income_rate });" },
  survey: {
    code: `const survey = $aq.table({ sex: ['F', 'M', 'F', 'M', 'F', 'M'], income: [500, 520, 560, 580, 640, 620], w: [900000, 850000, 950000, 880000, 950000, 920000] });`,
  },
  ids: { code: 'const ids = Array.from({ length: 50 }, (_, i) => i + 1);' },
  eligibleChildren: { code: 'const eligibleChildren = Array.from({ length: 50 }, (_, i) => i % 3);' },
  weights: { code: 'const weights = Array.from({ length: 50 }, (_, i) => 100 + i);' },
  /** A four-wave panel of 40 people (poverty spells), for persistent poverty. */
  panel: {
    code: `const panel = $aq.from(Array.from({ length: 160 }, (_, i) => ({ pidp: Math.floor(i / 4), wave: 1 + (i % 4),
  poor_bhc: (Math.floor(i / 4) * 7 + (i % 4) * 3) % 5 < 2 ? 1 : 0, lw: 1 + (Math.floor(i / 4) % 3) })));`,
  },
};

/** A named piece of sample data for @examples: its code (povineq as `$p`, arquero as `$aq`), the fixtures it needs. */
export interface Fixture {
  code: string;
  needs?: string[];
}

export interface CompiledChain {
  chain: Chain;
  /** TypeScript source of the chain (what is type-checked). */
  source: string;
  /** For each block: the 1-based line in `source` of its first line. */
  starts: number[];
  checks: Check[];
}

/** The names a piece of code mentions (identifiers), to pick the imports and fixtures it needs. */
function identifiers(code: string): Set<string> {
  const names = new Set<string>();
  const src = ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022, true);
  const visit = (n: TS.Node) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(src);
  return names;
}

/**
 * Instruments a block, keeping every line where it was: each top-level statement first records
 * where it is (`__doc.at(block, line)`, so a runtime error names its line), and `expr; // 0.25`
 * becomes `__doc.check(expr, id);`.
 */
function instrument(code: string, block: number, nextId: () => number, checks: Check[]): string {
  const src = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const stmt of src.statements) {
    if (ts.isImportDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) continue;
    const start = stmt.getStart(src);
    const at = `__doc.at(${block}, ${src.getLineAndCharacterOfPosition(start).line}); `;
    edits.push({ start, end: start, text: at });
    if (!ts.isExpressionStatement(stmt)) continue;
    const comment = ts.getTrailingCommentRanges(code, stmt.end)?.[0];
    if (!comment || comment.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const endLine = src.getLineAndCharacterOfPosition(stmt.end).line;
    if (src.getLineAndCharacterOfPosition(comment.pos).line !== endLine) continue;
    const text = code.slice(comment.pos, comment.end);
    const shown = shownValue(text);
    if (!shown) continue;
    const id = nextId();
    checks.push({ id, block, line: endLine, comment: text.replace(/^\/\/\s*/, ''), shown });
    const e = stmt.expression;
    edits[edits.length - 1] = { start, end: e.end, text: `${at}__doc.check((${code.slice(start, e.end)}), ${id})` };
  }
  let out = code;
  for (const e of edits.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function compileChain(chain: Chain, exportNames: ReadonlySet<string>, nextId: () => number): CompiledChain {
  const checks: Check[] = [];
  const head = ['declare const __doc: { at(block: number, line: number): void; check<T>(value: T, id: number): T };'];
  if (chain.blocks[0]!.kind === 'example') {
    // a doc comment's example sees povineq's exports, `aq` and the named sample data
    const all = chain.blocks.map((b) => b.code).join('\n');
    const used = identifiers(all);
    const ownImports = /from\s+['"]povineq['"]/.test(all);
    const names = ownImports ? [] : [...exportNames].filter((n) => used.has(n));
    if (names.length) head.push(`import { ${names.join(', ')} } from 'povineq';`);
    if (used.has('aq') && !/import \* as aq/.test(all)) head.push(`import * as aq from 'arquero';`);
    // fixtures in their order (later ones build on earlier ones), with the ones they need
    const wanted = new Set([...used].filter((n) => n in EXAMPLE_FIXTURES && !new RegExp(`\\b(const|let|var|function)\\s+${n}\\b|import[^;]*\\b${n}\\b`).test(all)));
    for (const [name, fixture] of Object.entries(EXAMPLE_FIXTURES).reverse()) {
      if (wanted.has(name)) for (const dep of fixture.needs ?? []) wanted.add(dep);
    }
    const fixtures = Object.entries(EXAMPLE_FIXTURES).filter(([name]) => wanted.has(name));
    // fixtures reach the package as $p and arquero as $aq, so they never clash with the example's imports
    if (fixtures.length) head.push(`import * as $p from 'povineq';`, `import * as $aq from 'arquero';`);
    for (const [, fixture] of fixtures) head.push(...fixture.code.split('\n'));
  }
  const lines = [...head];
  const starts: number[] = [];
  chain.blocks.forEach((b, i) => {
    starts.push(lines.length + 1);
    lines.push(...instrument(b.code, i, nextId, checks).split('\n'));
  });
  lines.push('export {};');
  return { chain, source: lines.join('\n'), starts, checks };
}

/** The block (index) and its file line for a 1-based line of a chain's source. */
export function locate(c: CompiledChain, line: number): { block: number; fileLine: number } {
  let block = 0;
  for (let i = 0; i < c.starts.length; i++) if (line >= c.starts[i]!) block = i;
  const b = c.chain.blocks[block]!;
  return { block, fileLine: line < c.starts[0]! ? b.line : b.line + (line - c.starts[block]!) };
}

/** tslab's compiler options (tslab/dist/converter.js), without emitting. */
export function tslabCompilerOptions(): TS.CompilerOptions {
  return {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    esModuleInterop: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  };
}

/**
 * Type-checks compiled chains together, each as its own file in `dir` (which must sit inside the
 * project so 'povineq' resolves to the built package). Returns each chain's errors, as
 * `file:line: message` pointing into the documentation file.
 */
export function typeCheck(compiled: CompiledChain[], dir: string): Map<number, string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files = new Map<string, CompiledChain>();
  for (const c of compiled) {
    const f = path.join(dir, `chain-${c.chain.id}.ts`);
    fs.writeFileSync(f, c.source);
    files.set(path.resolve(f), c);
  }
  const program = ts.createProgram([...files.keys()], tslabCompilerOptions());
  const out = new Map<number, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const c = d.file ? files.get(path.resolve(d.file.fileName)) : undefined;
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!c) {
      // a problem outside the examples (e.g. the package's types cannot be found): report on every chain
      for (const cc of compiled) out.set(cc.chain.id, [...(out.get(cc.chain.id) ?? []), `TypeScript: ${message}`]);
      continue;
    }
    const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
    const { block, fileLine } = locate(c, line);
    const b = c.chain.blocks[block]!;
    out.set(c.chain.id, [...(out.get(c.chain.id) ?? []), `${b.file}:${fileLine}: type error TS${d.code}: ${message}`]);
  }
  return out;
}

/** JavaScript (ES module) of a chain, for the runner. */
export function transpile(c: CompiledChain): string {
  return ts.transpileModule(c.source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}

export { describeShown };
