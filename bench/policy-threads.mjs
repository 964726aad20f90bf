// Benchmark of compare() intervals and crossCheck() on worker threads: 1 thread against 2 in the
// same run, on the calibrated SYNTHETIC household file (seeded), with the digits checked equal.
//
//   npx tsup --silent && node bench/policy-threads.mjs                  # 8,000 and 20,000 households, 200 replicates
//   node bench/policy-threads.mjs --sizes 2000 --replicates 40 --reps 1
//
// The garbage collector is reached through v8.setFlagsFromString, so no flag is needed.
//
// Timed (best of --reps, a garbage collection before each): compare(h, reform, { intervals:
// { replicates, seed, threads } }) — the point estimates and the bootstrap intervals — and
// crossCheck(h, { two policies }, { replicates, seed, threads, byCouncil: true }) with its default
// outcomes. The first call of each kind warms the code and starts the workers (not timed). The
// script exits non-zero if 1 and 2 threads give different digits. Read the ratios: the machine is
// shared, so absolute times move from run to run.
import v8 from 'node:v8';
import vm from 'node:vm';
import { carbonLevy, compare, crossCheck, scottishChildPayment, syntheticHouseholds } from 'povineq';
import { best as timed, parseArgs } from './timing.mjs';

const args = parseArgs(process.argv.slice(2));
const sizes = (args.sizes ?? '8000,20000').split(',').map(Number);
const R = Number(args.replicates ?? 200);
const reps = Number(args.reps ?? 3);
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const best = (f) => timed(f, reps, gc);

const policy = scottishChildPayment({ change: 25, takeUp: 1 });
const policies = { scp: policy, levy: carbonLevy({ rate: 0.1, recycling: 'dividend' }) };
const runs = {
  compare: (h, threads) => {
    const i = compare(h, policy, { intervals: { replicates: R, seed: 1, threads } });
    return [i.poverty.objects(), i.deciles.objects(), i.winnersLosers.objects()];
  },
  crossCheck: (h, threads) => crossCheck(h, policies, { replicates: R, seed: 1, threads, byCouncil: true }).objects(),
};

const rows = [];
let same = true;
for (const n of sizes) {
  const h = syntheticHouseholds({ seed: 20230323, households: n });
  for (const [name, run] of Object.entries(runs)) {
    run(h, 1); // warm-up (and the workers start)
    run(h, 2);
    const one = best(() => run(h, 1));
    const two = best(() => run(h, 2));
    const equal = JSON.stringify(one.out) === JSON.stringify(two.out);
    same &&= equal;
    rows.push({ households: n, replicates: R, call: name, threads_1_ms: Math.round(one.ms), threads_2_ms: Math.round(two.ms), speedup: +(one.ms / two.ms).toFixed(2), same_digits: equal });
    console.log(JSON.stringify(rows.at(-1)));
  }
}
console.table(rows);
if (!same) {
  console.error('1 and 2 threads gave different digits');
  process.exit(1);
}
