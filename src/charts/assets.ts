import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PovineqError } from '../data/index.js';

/**
 * The folder of an installed npm package, found the way Node looks for it (node_modules folders
 * from povineq's own location upward), without going through the package's `exports` map, so
 * files a package ships but does not export (vega-lite's JSON schema, browser bundles, fonts)
 * can be read.
 */
export function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = path.join(dir, name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
  }
  throw new PovineqError('RENDER_FAILED', `the npm package "${name}" is not installed; run npm install in the project`, { package: name });
}

/** A file inside an installed package (see {@link packageDir}). */
export function packageFile(name: string, file: string): string {
  return path.join(packageDir(name), file);
}
