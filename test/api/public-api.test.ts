// The public API is the list in src/index.ts, pinned by test/api/public-api.txt: adding, removing
// or renaming a public name must be deliberate. After such a change, review the diff of
//   node scripts/api-names.mjs --write
// and commit the new list with it.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { LIST, publicNames } from '../../scripts/api-names.mjs';
import * as povineq from '../../src/index.js';

const pinned = fs.readFileSync(LIST, 'utf8').trim().split('\n');
const current: string[] = publicNames();

describe('public API', () => {
  it('exports exactly the names in test/api/public-api.txt', () => {
    const added = current.filter((l) => !pinned.includes(l));
    const removed = pinned.filter((l) => !current.includes(l));
    expect({ added, removed }, 'run `node scripts/api-names.mjs --write` if the change is deliberate').toEqual({ added: [], removed: [] });
  }, 120_000);

  it('the run-time exports are the pinned values, and nothing else', () => {
    const values = pinned.filter((l) => l.startsWith('povineq value ')).map((l) => l.split(' ')[2]).sort();
    expect(Object.keys(povineq).sort()).toEqual(values);
  });

  it('keeps the engine off the top level: no *Of or *Influence function is public', () => {
    const engine = Object.keys(povineq).filter((n) => /^[a-z]\w*(Of|Influence|LineDerivative)$/.test(n));
    expect(engine).toEqual([]);
  });
});
