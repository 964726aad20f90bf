// Bootstrap standard error of the Gini, 1,000 replicates, on the EU-SILC example (strata db040,
// PSU db030, weight rb050): povineq's Rao–Wu bootstrap against R laeken::variance(type =
// "bootstrap", R = 1000) in the same run. Timings are medians of repeated runs; each side is timed
// inside its own process (R's proc.time around the variance() call; performance.now() in Node),
// so start-up and data loading are excluded on both sides.
//
// povineq runs with one thread and with every core (the default `threads`), same seed, and the two
// standard errors must agree to the last digit. The seed is the same for every povineq run; laeken
// uses seeds 1001, 1002, … (its SE differs from povineq's by Monte Carlo error only).
//
// Run: npx tsup --silent && node bench/inference.mjs        (needs Rscript with laeken)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { estimate, eusilc, gini } from 'povineq';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const csv = path.join(root, 'datasets', 'eusilc_laeken_synthetic.csv');
const rRuns = Number(process.env.R_RUNS ?? 1);
const nodeRuns = Number(process.env.NODE_RUNS ?? 5);

const rCode = `
suppressPackageStartupMessages(library(laeken))
d <- read.csv("${csv}", stringsAsFactors = FALSE)
d$db040 <- factor(d$db040)
g <- gini("eqIncome", weights = "rb050", data = d)
for (i in seq_len(${rRuns})) {
  p0 <- proc.time()
  t0 <- p0[["elapsed"]]
  v <- variance("eqIncome", weights = "rb050", design = "db040", cluster = "db030", data = d,
                indicator = g, R = 1000, type = "bootstrap", bootType = "naive", seed = 1000 + i)
  p1 <- proc.time()
  el <- p1[["elapsed"]] - t0
  cpu <- (p1[["user.self"]] - p0[["user.self"]]) + (p1[["sys.self"]] - p0[["sys.self"]])
  cat(sprintf("run %.6f %.10g %.6f\\n", el, sqrt(v$var) / 100, cpu))
}
cat(sprintf("version %s\\n", packageVersion("laeken")))
`;
const r = spawnSync('Rscript', ['-e', rCode], { encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const rTimes = [];
const rCpu = [];
let rSE = NaN;
let laekenVersion = '?';
for (const line of r.stdout.split('\n')) {
  const [tag, a, b] = line.trim().split(/\s+/);
  if (tag === 'run') {
    rTimes.push(Number(a));
    rSE = Number(b);
    rCpu.push(Number(line.trim().split(/\s+/)[3]));
  } else if (tag === 'version') laekenVersion = a;
}

const table = eusilc();
const design = { strata: 'db040', psu: 'db030', weight: 'rb050' };
const threadsAll = os.availableParallelism?.() ?? os.cpus().length;
/** Median wall time of `nodeRuns` runs (after one warm-up run, which also starts the workers). */
function timeNode(threads) {
  const times = [];
  let result;
  const cpu = [];
  for (let i = 0; i < nodeRuns + 1; i++) {
    const c0 = process.cpuUsage(); // counts the worker threads too
    const t0 = performance.now();
    result = estimate(gini, table, { value: 'eqIncome', design, method: 'bootstrap', replicates: 1000, seed: 1000, threads });
    const el = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    if (i > 0) times.push(el), cpu.push((c.user + c.system) / 1e6);
  }
  return { times, cpu, result };
}
const one = timeNode(1);
const all = timeNode(threadsAll);
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const out = {
  task: 'bootstrap SE of the Gini, 1000 replicates, EU-SILC example (14,827 rows, 9 strata, 6,000 PSUs)',
  laeken: { version: laekenVersion, seconds: median(rTimes), cpu: median(rCpu), runs: rTimes.length, se: rSE },
  povineq: { seconds: median(all.times), cpu: median(all.cpu), threads: threadsAll, runs: all.times.length, se: all.result.se },
  povineqOneThread: { seconds: median(one.times), cpu: median(one.cpu), threads: 1, runs: one.times.length, se: one.result.se },
  sameDigits: all.result.se === one.result.se && all.result.estimate === one.result.estimate,
  speedup: median(rTimes) / median(all.times),
  speedupOneThread: median(rTimes) / median(one.times),
  speedupCpuOneThread: median(rCpu) / median(one.cpu),
  load: os.loadavg(),
};
console.log(JSON.stringify(out, null, 2));
console.log(
  `povineq (${threadsAll} threads) is ${out.speedup.toFixed(1)}x faster than laeken::variance(type = "bootstrap", R = 1000); ` +
    `one thread ${out.speedupOneThread.toFixed(1)}x; same SE digits: ${out.sameDigits}; load ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`,
);
console.log(`${out.speedup >= 150 ? 'met   ' : 'MISSED'}  bootstrap of the Gini ≥ 150× laeken::variance (median wall)`);
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench', 'results', 'inference.json'), JSON.stringify(out, null, 2) + '\n');
