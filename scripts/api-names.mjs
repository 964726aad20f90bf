// Lists the public names of povineq: every export of src/index.ts (and of any subpath entry),
// marked "value" (it exists at run time) or "type" (types and interfaces only), sorted. Used by
// test/api/public-api.test.ts, which compares the list with the checked-in test/api/public-api.txt.
//
//   node scripts/api-names.mjs            prints the list
//   node scripts/api-names.mjs --write    rewrites test/api/public-api.txt (a deliberate API change)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ENTRIES = { povineq: 'src/index.ts' };
export const LIST = path.join(root, 'test/api/public-api.txt');

/** Lines "<entry> <value|type> <name>", sorted, for every entry point that exists. */
export function publicNames() {
  const files = Object.values(ENTRIES).map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const lines = [];
  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(path.join(root, file));
    if (!source) continue;
    const module = checker.getSymbolAtLocation(source);
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const kind = target.flags & ts.SymbolFlags.Value ? 'value' : 'type';
      lines.push(`${entry} ${kind} ${symbol.getName()}`);
    }
  }
  return lines.sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const lines = publicNames();
  if (process.argv.includes('--write')) {
    fs.writeFileSync(LIST, lines.join('\n') + '\n');
    console.log(`wrote ${lines.length} names to ${path.relative(root, LIST)}`);
  } else {
    console.log(lines.join('\n'));
  }
}
