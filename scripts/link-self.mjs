// Links node_modules/povineq to this folder, so that notebooks and scripts inside the repository
// can `import { gini } from 'povineq'` exactly as users do after `npm install povineq`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const link = path.join(root, 'node_modules', 'povineq');
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  const stat = fs.lstatSync(link);
  if (stat.isSymbolicLink() && path.resolve(path.dirname(link), fs.readlinkSync(link)) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // no link yet
}
fs.symlinkSync('..', link, 'dir');
