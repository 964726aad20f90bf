// Benchmark of the core engine against R laeken, on the same weighted incomes in the same run.
//
//   npm run bench                      # 1e5, 1e6, 1e7 rows
//   node --expose-gc bench/core.mjs --sizes 1e5,1e6 --reps 5 --r-reps 3
//
// For each size it draws seeded lognormal incomes (rounded to pence) with lognormal weights, writes
// them once to a temporary binary file that both sides read (reading is not timed), and reports the
// best of a few repetitions of:
//   (a) trio:  distribution + gini + arpr + s80s20 in povineq   vs  laeken gini + arpr + qsr in R
//   (b) panel: distribution + 12 measures in povineq           vs  the same laeken trio
//   (c) import('povineq') in a fresh node process (median of several)
// and checks that gini, arpr and s80s20 agree with laeken to 1e-9 relative. Needs Rscript with
// laeken, and a built package (npx tsup). Timings depend on the machine: read the ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  arpr, atkinson, distribution, gini, headcount, median, mld, palma, povertyGap, povertyLine, random,
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
async function best(f, n) {
  let t = Infinity;
  let cpu = Infinity;
  let result;
  for (let r = 0; r < n; r++) {
    gc();
    // let the collector's concurrent sweeping finish before timing, since CPU time counts all threads
    await new Promise((resolve) => setTimeout(resolve, 50));
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = f();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1e6);
  }
  return { seconds: t, cpu, result };
}

const trio = (x, w) => {
  const d = distribution(x, { weights: w });
  return { gini: gini(d), arpr: arpr(d), s80s20: s80s20(d) };
};

const panel = (x, w) => {
  const d = distribution(x, { weights: w });
  const line = povertyLine(d);
  return [
    gini(d), theil(d), mld(d), atkinson(d, { epsilon: 1 }), palma(d), s80s20(d), arpr(d), rmpg(d),
    median(d), headcount(d, { line }), povertyGap(d, { line }), watts(d, { line }),
  ];
};

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
  for (let i = 0; i < 5; i++) trio(x, w), panel(x, w);
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

    const t = await best(() => trio(xr, wr), reps);
    const p = await best(() => panel(xr, wr), reps);
    const R = laeken(files, n);
    const diff = {
      gini: relative(t.result.gini, R.gini),
      arpr: relative(t.result.arpr, R.arpr),
      s80s20: relative(t.result.s80s20, R.qsr),
    };
    const ok = Object.values(diff).every((v) => v <= TOLERANCE);
    digitsOk &&= ok;
    rows.push({
      n, trio: t.seconds, panel: p.seconds, laeken: R.seconds,
      trioCpu: t.cpu, panelCpu: p.cpu, laekenCpu: R.cpu, diff, ok, values: t.result, R,
    });
    console.error(
      `n=${n.toExponential(0)}: wall (cpu) povineq trio ${fmt(t.seconds)} (${fmt(t.cpu)}), panel ${fmt(p.seconds)} (${fmt(p.cpu)}), ` +
        `laeken trio ${fmt(R.seconds)} (${fmt(R.cpu)}) ` +
        `(laeken ${R.laeken}, R ${R.r}); max rel diff ${Math.max(...Object.values(diff)).toExponential(1)}`,
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
console.log(
  `\nimport('povineq') in a fresh node process: median ${imp.median.toFixed(0)} ms (min ${imp.min.toFixed(0)}, max ${imp.max.toFixed(0)}) over ${importRuns} runs; ` +
    `of which arquero ${imp.arquero.toFixed(0)} ms and povineq's own code ${imp.own.toFixed(0)} ms (medians)`,
);

const last = rows[rows.length - 1];
const checks = [
  [`gini, arpr, s80s20 equal laeken's to ${TOLERANCE} relative at every size`, digitsOk],
  [`trio at ${last.n.toExponential(0)} rows ≥ 5× faster than laeken (wall)`, last.laeken / last.trio >= 5],
  [`trio at ${last.n.toExponential(0)} rows ≥ 5× faster than laeken (CPU)`, last.laekenCpu / last.trioCpu >= 5],
  [`12-measure panel at ${last.n.toExponential(0)} rows ≥ 3× faster than laeken's trio (wall)`, last.laeken / last.panel >= 3],
  [`12-measure panel at ${last.n.toExponential(0)} rows ≥ 3× faster than laeken's trio (CPU)`, last.laekenCpu / last.panelCpu >= 3],
  ['import under 300 ms', imp.median < 300],
];
console.log('');
for (const [what, ok] of checks) console.log(`${ok ? 'met   ' : 'MISSED'}  ${what}`);
process.exitCode = digitsOk ? 0 : 1;
