// byGroup with 1 and 2 threads in the same run, at 1e6 and 1e7 weighted rows, over 32 groups (a
// council-like column) and about 7,000 groups (a data-zone-like column), for a cheap measure
// (headcount against the national line) and costly ones (atkinson, theil, mld: a log or a power a
// row).
//
//   npx tsup && node --expose-gc bench/groups-threads.mjs
//   node --expose-gc bench/groups-threads.mjs --sizes 1e6 --reps 3 --baseline /tmp/old/dist/index.js
//
// For each case it reports the best of `reps` runs of: distribution() alone (validation and the
// sort: the floor byGroup cannot go under), byGroup with threads: 1 and threads: 2, their ratio,
// and with --baseline an older build's byGroup (e.g. the version before byGroup used threads). It
// checks that every table is identical (every group, every column) across thread counts and builds.
import { performance } from 'node:perf_hooks';
import { atkinson, byGroup, distribution, headcount, mld, random, theil } from 'povineq';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const sizes = (args.sizes ?? '1e6,1e7').split(',').map(Number);
const reps = Number(args.reps ?? 3);
const baseline = args.baseline ? await import(args.baseline) : undefined;

function table(rows) {
  const rng = random(2026);
  const income = new Float64Array(rows);
  const w = new Float64Array(rows);
  const council = new Array(rows);
  const zone = new Int32Array(rows);
  const names = Array.from({ length: 32 }, (_, i) => `S12${String(i).padStart(6, '0')}`);
  for (let i = 0; i < rows; i++) {
    income[i] = Math.round(Math.exp(9.8 + 0.7 * rng.normal()) * 100) / 100;
    w[i] = Math.round(Math.exp(0.4 * rng.normal()) * 1000) / 1000 + 0.1;
    council[i] = names[rng.integer(32)];
    zone[i] = rng.integer(6976);
  }
  return { income, w, council, zone: Array.from(zone) };
}

// every repetition gets fresh copies of the columns (not timed), so none is served by the
// Distribution cache of an earlier one
function best(t, f) {
  let time = Infinity;
  let out;
  for (let r = 0; r < reps; r++) {
    const fresh = { ...t, income: Float64Array.from(t.income), w: Float64Array.from(t.w) };
    globalThis.gc?.();
    const s = performance.now();
    out = f(fresh);
    time = Math.min(time, performance.now() - s);
  }
  return [time, out];
}

const same = (a, b) => JSON.stringify(a.objects()) === JSON.stringify(b.objects());
// start the workers once, outside the timings
byGroup(headcount, table(300_000), { value: 'income', weight: 'w', by: 'council', threads: 2 });

console.log(`byGroup, best of ${reps}; ms`);
console.log(`rows | groups | measure | distribution() alone | threads 1 | threads 2 | 1 / 2${baseline ? ' | baseline | baseline / threads 1 | baseline / threads 2' : ''} | identical`);
for (const rows of sizes) {
  const t = table(rows);
  for (const by of ['council', 'zone']) {
    for (const [name, measure, extra] of [['headcount', headcount, {}], ['atkinson ε=1.5', atkinson, { epsilon: 1.5 }], ['theil', theil, {}], ['mld', mld, {}]]) {
      const o = { value: 'income', weight: 'w', by, ...extra };
      const [floor] = best(t, (x) => distribution(x, { value: 'income', weight: 'w' }));
      const [one, a] = best(t, (x) => byGroup(measure, x, { ...o, threads: 1 }));
      const [two, b] = best(t, (x) => byGroup(measure, x, { ...o, threads: 2 }));
      let base = '';
      let identical = same(a, b);
      if (baseline) {
        const m = baseline[measure.name === 'meanLogDeviation' ? 'mld' : measure.name] ?? baseline[name.split(' ')[0]];
        const [old, c] = best(t, (x) => baseline.byGroup(m, x, o));
        identical &&= same(a, c);
        base = ` | ${old.toFixed(0)} | ${(old / one).toFixed(2)} | ${(old / two).toFixed(2)}`;
      }
      console.log(`${rows.toExponential(0)} | ${by === 'council' ? 32 : a.numRows()} | ${name} | ${floor.toFixed(0)} | ${one.toFixed(0)} | ${two.toFixed(0)} | ${(one / two).toFixed(2)}${base} | ${identical}`);
    }
  }
}
