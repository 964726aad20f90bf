// docs/README.md is the way into the documentation: every page under docs/ (except the generated
// API reference) must be listed there, and the relative links of the index and of the core
// methods pages must point at files that exist.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const docs = path.join(root, 'docs');

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'api' && dir === docs ? [] : markdownFiles(p);
    return e.name.endsWith('.md') ? [p] : [];
  });
}

/** Relative link targets of a markdown file (no URLs, no in-page anchors), without #fragments. */
function relativeLinks(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('#'))
    .map((href) => href.split('#')[0]!);
}

describe('docs/README.md', () => {
  const index = path.join(docs, 'README.md');

  it('lists every documentation page', () => {
    const linked = new Set(relativeLinks(index).map((href) => path.resolve(docs, href)));
    const unlisted = markdownFiles(docs)
      .filter((f) => f !== index && !linked.has(f))
      .map((f) => path.relative(root, f));
    expect(unlisted, `add these pages to docs/README.md: ${unlisted.join(', ')}`).toEqual([]);
  });

  it('has no broken relative links, nor have the core methods pages', () => {
    const pages = [index, ...['inequality', 'poverty', 'quantiles', 'data-and-errors'].map((n) => path.join(docs, 'methods', `${n}.md`))];
    const broken = pages.flatMap((page) =>
      relativeLinks(page)
        .filter((href) => !fs.existsSync(path.resolve(path.dirname(page), href)))
        .map((href) => `${path.relative(root, page)} → ${href}`),
    );
    expect(broken).toEqual([]);
  });
});
