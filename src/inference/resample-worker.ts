/**
 * The worker thread of parallel resampling: rebuilds a plan from shared sorted arrays and computes
 * a range of replicates with the same loop as the main thread (see parallel.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { Distribution } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { MEASURES } from '../measures/index.js';
import { type Plan, domainPlan, measurePlan, pairedPlan } from './plan.js';
import { replicateRange } from './replicate-loop.js';
import { fillFromSpec, psuFactorsOf } from './replicates.js';
import { READY, type Task, type TaskResult } from './parallel.js';

let port: MessagePort | undefined;
let signal: Int32Array | undefined;

parentPort!.on('message', (message: { port?: MessagePort; signal?: SharedArrayBuffer; task?: Task }) => {
  if (message.port) {
    port = message.port;
    signal = new Int32Array(message.signal!);
    Atomics.store(signal, 0, READY);
    Atomics.notify(signal, 0);
    return;
  }
  let result: TaskResult;
  try {
    result = { thetas: run(message.task!) };
  } catch (e) {
    result =
      e instanceof PovineqError
        ? { error: { code: e.code, message: e.message, details: e.details } }
        : { error: { code: 'WORKER', message: e instanceof Error ? e.message : String(e) } };
  }
  port!.postMessage(result);
  Atomics.store(signal!, 0, 1);
  Atomics.notify(signal!, 0);
});

function run(task: Task): Float64Array[] {
  const ds = task.distributions.map((p) => new Distribution(p));
  const measure = MEASURES[task.recipe.measure];
  if (!measure) throw new Error(`unknown measure ${task.recipe.measure}`);
  const info = measure.info;
  const o = task.recipe.options;
  let plan: Plan;
  if (task.recipe.builder === 'measure') plan = measurePlan(info, ds[0]!, o, ds[1] ?? ds[0]!);
  else if (task.recipe.builder === 'domain') plan = domainPlan(info, ds[0]!, task.recipe.positions!, o, ds[1] ?? ds[0]!);
  else plan = pairedPlan(info, ds[0]!, ds[1]!, o);
  const scratch = task.spec.kind === 'bootstrap' ? new Float64Array(task.spec.psuCount) : undefined;
  return replicateRange(plan, (r, f) => fillFromSpec(task.spec, r, f, scratch), task.rows, task.from, task.to, task.total, undefined, psuFactorsOf(task.spec));
}
