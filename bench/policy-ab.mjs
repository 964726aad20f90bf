// A/B benchmark of compare() between two builds of povineq, in one run, on the same households:
// checks first that every impact table is identical to the last digit, then times both, alternating
// which goes first, and reports best and median times and their ratio (new / old).
//
//   git clone <repo> /tmp/povineq-old && (cd /tmp/povineq-old && git checkout <rev> && ln -s $PWD/node_modules . && npx tsup)
//   npx tsup && node --expose-gc bench/policy-ab.mjs --old /tmp/povineq-old/dist/index.js --households 1e6 --reps 5
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
if (!args.old) throw new Error('pass --old <path to the other build>/dist/index.js');
const oldP = await import(pathToFileURL(path.resolve(args.old)).href);
const newP = await import(pathToFileURL(path.resolve(args.new ?? 'dist/index.js')).href);
const n = Number(args.households ?? 1e6);
const reps = Number(args.reps ?? 5);
const gc = globalThis.gc ?? (() => {});

const h = newP.syntheticHouseholds({ seed: 20230323, households: n });
const reform = newP.carbonLevy({ rate: 0.1, recycling: 'child' })(h);

/** Values that differ between two results (tables compared row by row; NaN equals NaN). */
const differences = (a, b, where = '') => {
  if (a && typeof a.objects === 'function') return differences(a.objects(), b.objects(), where);
  if (typeof a === 'number') return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) ? 0 : (console.log('differs at', where, a, b), 1);
  if (a && typeof a === 'object') {
    let d = 0;
    for (const k of new Set([...Object.keys(a), ...Object.keys(b ?? {})])) d += differences(a[k], b?.[k], `${where}.${k}`);
    return d;
  }
  return a === b ? 0 : (console.log('differs at', where, a, b), 1);
};
console.log(`compare() results differ in ${differences(oldP.compare(h, reform), newP.compare(h, reform))} values (${n} households)`);

const times = { old: [], new: [] };
for (let r = 0; r < reps; r++) {
  const order = r % 2 ? [['new', newP], ['old', oldP]] : [['old', oldP], ['new', newP]];
  for (const [k, P] of order) {
    gc();
    const t0 = performance.now();
    P.compare(h, reform);
    times[k].push(performance.now() - t0);
  }
}
const best = (a) => Math.min(...a);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log(JSON.stringify({
  households: n,
  reps,
  old_best_ms: Math.round(best(times.old)),
  new_best_ms: Math.round(best(times.new)),
  old_median_ms: Math.round(median(times.old)),
  new_median_ms: Math.round(median(times.new)),
  ratio_best: +(best(times.new) / best(times.old)).toFixed(3),
  ratio_median: +(median(times.new) / median(times.old)).toFixed(3),
}));
