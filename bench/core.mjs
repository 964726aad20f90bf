// Benchmark of the core engine against R laeken, on the same weighted incomes in the same run.
//
//   npm run bench                      # 1e5, 1e6, 1e7 rows
//   node --expose-gc bench/core.mjs --sizes 1e5,1e6 --reps 5 --r-reps 3
//   node --expose-gc bench/core.mjs --baseline /tmp/old/dist/index.js   # also time an older build
//
// For each size it draws seeded lognormal incomes (rounded to pence) with lognormal weights, writes
// them once to a temporary binary file that both sides read (reading is not timed), and reports the
// best of a few repetitions of:
//   (a) trio:     distribution + gini + arpr + s80s20 in povineq  vs  laeken gini + arpr + qsr in R
//   (b) panel:    distribution + 12 measures in povineq            vs  the same laeken trio
//   (c) arpr:     arpr(x, { weights }) alone on raw columns        vs  laeken::arpr(x, w)
//                 and arpr(x) on the value column alone              vs  laeken::arpr(x)
//   (d) separate: gini(x, o), arpr(x, o), s80s20(x, o), three calls on raw columns, as laeken is called
//   (e) floors:   one plain pass over the columns (Σ wᵢxᵢ in a loop), the validation of a
//                 Distribution, and the sort alone
//   (f) import('povineq') in a fresh node process (median of several)
// Every povineq repetition gets fresh copies of the columns (copying is not timed), so no
// repetition is served by the Distribution cache of an earlier one; within (d) the second and third
// calls do reuse the first call's Distribution, which is what the cache is for.
// It checks that gini, arpr and s80s20 agree with laeken to 1e-9 relative. Needs Rscript with
// laeken, and a built package (npx tsup). Timings depend on the machine: read the ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  arpr, atkinson, distribution, gini, headcount, measureDistribution, median, mld, palma, povertyGap, povertyLine, random,
  rmpg, s80s20, theil, watts,
} from 'povineq';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '1e5,1e6,1e7').split(',').map(Number);
const reps = Number(args.reps ?? 5);
const rReps = Number(args['r-reps'] ?? 3);
const importRuns = Number(args['import-runs'] ?? 7);
const SEED = 20260301;
const TOLERANCE = 1e-9;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[i + 1], i++;
  }
  return out;
}

/** Seeded weighted incomes: lognormal(10, 0.6) rounded to pence; weights lognormal around 300. */
function incomes(n, seed) {
  const rng = random(seed);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) * 100) / 100;
    w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal());
  }
  return { x, w };
}

function gc() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/**
 * Best wall time and best CPU time (user + system, seconds) of `reps` runs of f, and f's last
 * result. On a shared machine CPU time is the steadier of the two (both sides are single-threaded).
 */
async function best(f, n, setup = () => []) {
  let t = Infinity;
  let cpu = Infinity;
  let result;
  for (let r = 0; r < n; r++) {
    const args = setup();
    gc();
    // let the collector's concurrent sweeping finish before timing, since CPU time counts all threads
    await new Promise((resolve) => setTimeout(resolve, 50));
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = f(...args);
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { seconds: t, cpu, result };
}

const makeTrio = (p) => (x, w) => {
  const d = p.distribution(x, { weights: w });
  return { gini: p.gini(d), arpr: p.arpr(d), s80s20: p.s80s20(d) };
};

const makePanel = (p) => (x, w) => {
  const d = p.distribution(x, { weights: w });
  const line = p.povertyLine(d);
  return [
    p.gini(d), p.theil(d), p.mld(d), p.atkinson(d, { epsilon: 1 }), p.palma(d), p.s80s20(d), p.arpr(d), p.rmpg(d),
    p.median(d), p.headcount(d, { line }), p.povertyGap(d, { line }), p.watts(d, { line }),
  ];
};

const current = { arpr, atkinson, distribution, gini, headcount, median, mld, palma, povertyGap, povertyLine, rmpg, s80s20, theil, watts };
const trio = makeTrio(current);
const panel = makePanel(current);
const baseline = args.baseline ? await import(path.resolve(args.baseline)) : undefined;

const arprAlone = (x, w) => arpr(x, { weights: w });
const arprUnweighted = (x) => arpr(x);
const separate = (x, w) => ({ gini: gini(x, { weights: w }), arpr: arpr(x, { weights: w }), s80s20: s80s20(x, { weights: w }) });

/** One plain pass over both columns: the floor of any measure that reads every unit. */
const plainPass = (x, w) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += w[i] * x[i];
  return s;
};
// validation alone: the lazy Distribution a measure on raw columns builds (reading .values sorts it)
const build = (x, w) => measureDistribution(x, { weights: w });

function laeken(files, n) {
  const r = spawnSync('Rscript', [path.join(here, 'core.R'), files.x, files.w, String(n), String(rReps)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/**
 * import('povineq') in fresh node processes: total time, and the part spent in arquero (imported
 * first in a separate run, since povineq's own import would load it). Median of several.
 */
function importTime() {
  const run = (code) => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', cwd: path.join(here, '..') });
    if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
    return r.stdout.trim().split(' ').map(Number);
  };
  const total = [];
  const arquero = [];
  const own = [];
  for (let i = 0; i < importRuns; i++) {
    total.push(run("const t0 = performance.now(); await import('povineq'); console.log(performance.now() - t0);")[0]);
    const [a, p] = run(
      "const t0 = performance.now(); await import('arquero'); const t1 = performance.now(); await import('povineq'); " +
        'console.log(t1 - t0, performance.now() - t1);',
    );
    arquero.push(a);
    own.push(p);
  }
  const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
  const sorted = total.slice().sort((a, b) => a - b);
  return { median: med(total), min: sorted[0], max: sorted[sorted.length - 1], arquero: med(arquero), own: med(own) };
}

const relative = (a, b) => Math.abs(a - b) / Math.abs(b);
const fmt = (s) => (s < 1 ? `${(s * 1000).toFixed(1)} ms` : `${s.toFixed(2)} s`);

// Warm up the JIT on a small sample, so the first timed size is not charged for compilation.
{
  const { x, w } = incomes(1e5, SEED + 1);
  for (let i = 0; i < 5; i++) {
    trio(x.slice(), w.slice()), panel(x.slice(), w.slice()), arprAlone(x.slice(), w.slice()), arprUnweighted(x.slice()), separate(x.slice(), w.slice());
    if (baseline) makeTrio(baseline)(x.slice(), w.slice()), makePanel(baseline)(x.slice(), w.slice());
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-bench-'));
const rows = [];
let digitsOk = true;
try {
  for (const n of sizes) {
    const { x, w } = incomes(n, SEED);
    const files = { x: path.join(dir, `x-${n}.f64`), w: path.join(dir, `w-${n}.f64`) };
    fs.writeFileSync(files.x, new Uint8Array(x.buffer));
    fs.writeFileSync(files.w, new Uint8Array(w.buffer));
    // Read back what R reads, so both sides see the same doubles.
    const xr = new Float64Array(fs.readFileSync(files.x).buffer.slice(0));
    const wr = new Float64Array(fs.readFileSync(files.w).buffer.slice(0));

    const fresh = () => [xr.slice(), wr.slice()];
    const t = await best(trio, reps, fresh);
    const p = await best(panel, reps, fresh);
    const a = await best(arprAlone, reps, fresh);
    const u = await best(arprUnweighted, reps, () => [xr.slice()]);
    const sep = await best(separate, reps, fresh);
    const pass = await best(plainPass, reps, fresh);
    const b = await best(build, reps, fresh);
    // the sort alone: force it on a freshly built (unsorted) Distribution
    const sort = await best((d) => d.values.length, reps, () => [build(xr.slice(), wr.slice())]);
    const old = baseline
      ? {
          trio: await best(makeTrio(baseline), reps, fresh),
          panel: await best(makePanel(baseline), reps, fresh),
          arpr: await best((x, w) => baseline.arpr(x, { weights: w }), reps, fresh),
          unweighted: await best((x) => baseline.arpr(x), reps, () => [xr.slice()]),
        }
      : undefined;
    const R = laeken(files, n);
    const diff = {
      gini: relative(t.result.gini, R.gini),
      arpr: relative(t.result.arpr, R.arpr),
      s80s20: relative(t.result.s80s20, R.qsr),
      unweighted: relative(u.result, R.unweighted),
    };
    const same = a.result === t.result.arpr && sep.result.gini === t.result.gini && sep.result.arpr === t.result.arpr && sep.result.s80s20 === t.result.s80s20;
    const ok = Object.values(diff).every((v) => v <= TOLERANCE) && same;
    digitsOk &&= ok;
    rows.push({
      n, trio: t.seconds, panel: p.seconds, laeken: R.seconds,
      trioCpu: t.cpu, panelCpu: p.cpu, laekenCpu: R.cpu, diff, ok, values: t.result, R,
      arpr: a.seconds, arprCpu: a.cpu, laekenArpr: R.arprSeconds, laekenArprCpu: R.arprCpu,
      unweighted: u.seconds, unweightedCpu: u.cpu, laekenUnweighted: R.unweightedSeconds, laekenUnweightedCpu: R.unweightedCpu,
      separate: sep.seconds, separateCpu: sep.cpu, pass: pass.seconds, build: b.seconds, sort: sort.seconds, old, same,
    });
    console.error(
      `n=${n.toExponential(0)}: wall (cpu) povineq trio ${fmt(t.seconds)} (${fmt(t.cpu)}), panel ${fmt(p.seconds)} (${fmt(p.cpu)}), ` +
        `laeken trio ${fmt(R.seconds)} (${fmt(R.cpu)}) ` +
        `(laeken ${R.laeken}, R ${R.r}); max rel diff ${Math.max(...Object.values(diff)).toExponential(1)}; ` +
        `arpr ${fmt(a.seconds)} vs laeken ${fmt(R.arprSeconds)}; separate trio ${fmt(sep.seconds)}; ` +
        `pass ${fmt(pass.seconds)}, validation ${fmt(b.seconds)}, sort ${fmt(sort.seconds)}` +
        (old ? `; baseline trio ${fmt(old.trio.seconds)}, panel ${fmt(old.panel.seconds)}` : '') +
        `; load ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`,
    );
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const imp = importTime();

console.log(`\npovineq vs R laeken, best of ${reps} (povineq) / ${rReps} (laeken) runs; node ${process.version}, ${os.cpus().length} cores`);
console.log('Times are wall clock, with CPU time (user + system) in brackets; speed-ups are laeken / povineq.\n');
console.log('| rows | povineq trio | povineq 12-measure panel | laeken trio | trio speed-up wall (CPU) | panel speed-up wall (CPU) | gini / arpr / s80s20 rel. diff |');
console.log('|---:|---:|---:|---:|---:|---:|---|');
const x1 = (a, b) => `${(a / b).toFixed(1)}×`;
for (const r of rows) {
  console.log(
    `| ${r.n.toExponential(0).replace('e+', 'e')} | ${fmt(r.trio)} (${fmt(r.trioCpu)}) | ${fmt(r.panel)} (${fmt(r.panelCpu)}) | ` +
      `${fmt(r.laeken)} (${fmt(r.laekenCpu)}) | ${x1(r.laeken, r.trio)} (${x1(r.laekenCpu, r.trioCpu)}) | ` +
      `${x1(r.laeken, r.panel)} (${x1(r.laekenCpu, r.panelCpu)}) | ` +
      `${r.diff.gini.toExponential(1)} / ${r.diff.arpr.toExponential(1)} / ${r.diff.s80s20.toExponential(1)} |`,
  );
}
console.log('\nMeasures on raw columns, as laeken is called (wall, CPU in brackets; speed-up = laeken / povineq):\n');
console.log('| rows | povineq arpr | laeken arpr | arpr speed-up | povineq gini, arpr, s80s20 separately | speed-up vs laeken trio |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(
    `| ${r.n.toExponential(0).replace('e+', 'e')} | ${fmt(r.arpr)} (${fmt(r.arprCpu)}) | ${fmt(r.laekenArpr)} (${fmt(r.laekenArprCpu)}) | ` +
      `${x1(r.laekenArpr, r.arpr)} (${x1(r.laekenArprCpu, r.arprCpu)}) | ${fmt(r.separate)} (${fmt(r.separateCpu)}) | ` +
      `${x1(r.laeken, r.separate)} (${x1(r.laekenCpu, r.separateCpu)}) |`,
  );
}
console.log('\narpr on the value column alone (no weights), as laeken::arpr(x) (wall, CPU in brackets):\n');
console.log('| rows | povineq arpr(x) | laeken arpr(x) | speed-up | rel. diff |' + (baseline ? ' baseline arpr(x, w) | baseline arpr(x) |' : ''));
console.log('|---:|---:|---:|---:|---:|' + (baseline ? '---:|---:|' : ''));
for (const r of rows) {
  console.log(
    `| ${r.n.toExponential(0).replace('e+', 'e')} | ${fmt(r.unweighted)} (${fmt(r.unweightedCpu)}) | ${fmt(r.laekenUnweighted)} (${fmt(r.laekenUnweightedCpu)}) | ` +
      `${x1(r.laekenUnweighted, r.unweighted)} (${x1(r.laekenUnweightedCpu, r.unweightedCpu)}) | ${r.diff.unweighted.toExponential(1)} |` +
      (r.old ? ` ${fmt(r.old.arpr.seconds)} | ${fmt(r.old.unweighted.seconds)} |` : ''),
  );
}
console.log('\nFloors (wall): one plain pass Σ wᵢxᵢ over the columns, validation (building a Distribution), the sort alone:\n');
console.log('| rows | plain pass | validation | sort | trio | panel |' + (baseline ? ' baseline trio | baseline panel |' : ''));
console.log('|---:|---:|---:|---:|---:|---:|' + (baseline ? '---:|---:|' : ''));
for (const r of rows) {
  console.log(
    `| ${r.n.toExponential(0).replace('e+', 'e')} | ${fmt(r.pass)} | ${fmt(r.build)} | ${fmt(r.sort)} | ${fmt(r.trio)} | ${fmt(r.panel)} |` +
      (r.old ? ` ${fmt(r.old.trio.seconds)} | ${fmt(r.old.panel.seconds)} |` : ''),
  );
}
console.log(`\nload average at the end: ${os.loadavg().map((v) => v.toFixed(1)).join(', ')} (1, 5, 15 min) on ${os.cpus().length} cores`);
console.log(
  `\nimport('povineq') in a fresh node process: median ${imp.median.toFixed(0)} ms (min ${imp.min.toFixed(0)}, max ${imp.max.toFixed(0)}) over ${importRuns} runs; ` +
    `of which arquero ${imp.arquero.toFixed(0)} ms and povineq's own code ${imp.own.toFixed(0)} ms (medians)`,
);

const last = rows[rows.length - 1];
const checks = [
  [`gini, arpr, s80s20 (and arpr without weights) equal laeken's to ${TOLERANCE} relative at every size`, digitsOk],
  [`trio at ${last.n.toExponential(0)} rows ≥ 5× faster than laeken (wall)`, last.laeken / last.trio >= 5],
  [`trio at ${last.n.toExponential(0)} rows ≥ 5× faster than laeken (CPU)`, last.laekenCpu / last.trioCpu >= 5],
  [`12-measure panel at ${last.n.toExponential(0)} rows ≥ 3× faster than laeken's trio (wall)`, last.laeken / last.panel >= 3],
  [`12-measure panel at ${last.n.toExponential(0)} rows ≥ 3× faster than laeken's trio (CPU)`, last.laekenCpu / last.panelCpu >= 3],
  ['import under 300 ms', imp.median < 300],
  [`arpr alone at ${last.n.toExponential(0)} rows ≥ 15× laeken's arpr (wall)`, last.laekenArpr / last.arpr >= 15],
  [`gini, arpr, s80s20 as three calls at ${last.n.toExponential(0)} rows ≥ 4× laeken's trio (wall)`, last.laeken / last.separate >= 4],
  ['arpr alone and the separate calls give the trio\'s digits exactly', rows.every((r) => r.same)],
  ...(last.old
    ? [
        [`sorted-once trio at ${last.n.toExponential(0)} rows no slower than the baseline build (within 10%)`, last.trio <= 1.1 * last.old.trio.seconds],
        [`12-measure panel at ${last.n.toExponential(0)} rows no slower than the baseline build (within 10%)`, last.panel <= 1.1 * last.old.panel.seconds],
      ]
    : []),
];
console.log('');
for (const [what, ok] of checks) console.log(`${ok ? 'met   ' : 'MISSED'}  ${what}`);
process.exitCode = digitsOk ? 0 : 1;
