// Benchmark of HBAI person-weighted poverty rates from household rows against R laeken on the
// equivalent person rows, in the same run.
//
//   node --expose-gc bench/income.mjs                       # 1e4, 1e5, 1e6 households
//   node --expose-gc bench/income.mjs --sizes 1e5 --reps 5 --r-reps 3
//
// For each size it draws seeded households (1–3 adults, some of them pensioners, 0–3 children,
// lognormal equivalised income and weight), writes them once to binary files, and reports the best
// of a few repetitions of:
//   povineq: personWeightedRates(households) — the 60% line from the person-weighted median and
//            the rates of all people, children, working-age adults and pensioners;
//   laeken:  arpr(income, weights, breakdown = group) on the households expanded to one row per
//            person (the expansion is not timed).
// and checks that the four rates and the line agree to 1e-9 relative. Needs Rscript with laeken and
// a built package (npx tsup). Timings depend on the machine: read the ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { personWeightedRates, random } from 'povineq';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const sizes = (args.sizes ?? '1e4,1e5,1e6').split(',').map(Number);
const reps = Number(args.reps ?? 5);
const rReps = Number(args['r-reps'] ?? 3);
const SEED = 20261125;
const TOLERANCE = 1e-9;

/** Seeded households: counts, lognormal income (rounded to pence) and weight. */
function households(n, seed) {
  const rng = random(seed);
  const h = {
    adults: new Float64Array(n), children_14_plus: new Float64Array(n), children_under_14: new Float64Array(n),
    pensioners: new Float64Array(n), income: new Float64Array(n), weight: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const adults = 1 + Math.floor(rng.uniform() * 3);
    const pensioners = rng.uniform() < 0.25 ? Math.min(adults, 1 + Math.floor(rng.uniform() * 2)) : 0;
    const children = pensioners > 0 ? 0 : Math.floor(rng.uniform() * 4);
    const older = Math.floor(rng.uniform() * (children + 1));
    h.adults[i] = adults;
    h.pensioners[i] = pensioners;
    h.children_14_plus[i] = older;
    h.children_under_14[i] = children - older;
    h.income[i] = Math.round(Math.exp(6 + 0.55 * rng.normal()) * 100) / 100;
    h.weight[i] = Math.exp(Math.log(1000) + 0.4 * rng.normal());
  }
  return h;
}

function best(f, n) {
  let t = Infinity;
  let result;
  for (let r = 0; r < n; r++) {
    globalThis.gc?.();
    const t0 = process.hrtime.bigint();
    result = f();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { seconds: t, result };
}

const relative = (a, b) => Math.abs(a - b) / Math.abs(b);
const fmt = (s) => (s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-bench-income-'));
const rows = [];
let digitsOk = true;
try {
  for (const n of sizes) {
    const h = households(n, SEED);
    const write = (name, a) => fs.writeFileSync(path.join(dir, name), new Uint8Array(a.buffer));
    write('income.f64', h.income);
    write('weight.f64', h.weight);
    write('children.f64', h.children_14_plus.map((v, i) => v + h.children_under_14[i]));
    write('working.f64', h.adults.map((v, i) => v - h.pensioners[i]));
    write('pensioners.f64', h.pensioners);
    const table = aq.table(h);
    const ours = best(() => personWeightedRates(table, { income: 'income', weight: 'weight' }).objects(), reps);
    const r = spawnSync('Rscript', [path.join(here, 'income.R'), dir, String(n), String(rReps)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const R = JSON.parse(r.stdout.trim().split('\n').pop());
    const rate = (g) => ours.result.find((x) => x.group === g).rate;
    const diff = Math.max(
      relative(rate('All people'), R.all), relative(rate('Children'), R.children),
      relative(rate('Working-age adults'), R.working), relative(rate('Pensioners'), R.pensioners),
      relative(ours.result[0].line, R.threshold),
    );
    digitsOk &&= diff <= TOLERANCE;
    rows.push({ n, persons: R.persons, ours: ours.seconds, laeken: R.seconds, diff });
    console.error(`n=${n.toExponential(0)} households (${R.persons} people): povineq ${fmt(ours.seconds)}, laeken ${fmt(R.seconds)}, max rel diff ${diff.toExponential(1)}`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`\nPerson-weighted poverty rates (line + 4 groups): povineq on household rows vs laeken arpr on person rows; best of ${reps} / ${rReps} runs; node ${process.version}, ${os.cpus().length} cores\n`);
console.log('| households | people | povineq | laeken | speed-up | max rel. diff (4 rates, line) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.n.toExponential(0).replace('e+', 'e')} | ${r.persons} | ${fmt(r.ours)} | ${fmt(r.laeken)} | ${(r.laeken / r.ours).toFixed(1)}× | ${r.diff.toExponential(1)} |`);
}
console.log(`\n${digitsOk ? 'met   ' : 'MISSED'}  rates and line equal laeken's to ${TOLERANCE} relative at every size`);
process.exitCode = digitsOk ? 0 : 1;
