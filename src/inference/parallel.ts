/**
 * Parallel resampling: replicates split across worker threads, with the same digits as one thread.
 *
 * Each replicate's weights depend only on its index (a bootstrap replicate draws from its own
 * precomputed generator state; a jackknife replicate drops one PSU), and each thread runs the same
 * replicate loop on the same sorted values, so the replicate statistics, and every standard error
 * and interval made from them, are identical whatever the number of threads.
 *
 * The replicates are cut into `threads` contiguous ranges: the calling thread computes the first,
 * workers the others. The sorted values, weights and row indices are copied once into shared
 * memory, which every worker reads without copying. The API stays synchronous: the calling
 * thread, after its own range, waits on a shared flag for each worker (Atomics.wait) and takes
 * its result from a message port (receiveMessageOnPort). Workers are started on first use and
 * kept for later calls (they do not keep the process alive).
 *
 * Runs in parallel only what a worker can rebuild: plans of a measure registered in MEASURES
 * (every built-in scalar measure) with options that can be copied to another thread, and bootstrap
 * or jackknife replicates; anything else (a user-defined measure, replicate weight columns) runs
 * in the calling thread, with the same results.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { Distribution, Dropped } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { MEASURES } from '../measures/index.js';
import type { ReplicateSet } from './design.js';
import type { Plan } from './plan.js';
import { replicateRange } from './replicate-loop.js';
import { type ReplicateSpec, psuFactorsOf } from './replicates.js';

/** The sorted parts of a Distribution, in shared memory. */
export interface SharedDistribution {
  values: Float64Array;
  weights: Float64Array;
  rows: Int32Array;
  column: string;
  weightColumn: string | undefined;
  weighted: boolean;
  inputRows: number;
  dropped: Dropped;
}

/** One worker's share of a resampling run. */
export interface Task {
  distributions: SharedDistribution[];
  recipe: { builder: 'measure' | 'domain' | 'paired'; measure: string; options: Record<string, unknown>; positions?: Int32Array[] };
  spec: ReplicateSpec;
  rows: number;
  from: number;
  to: number;
  total: number;
}

export type TaskResult = { thetas: Float64Array[] } | { error: { code: string; message: string; details?: Record<string, unknown> } };

/** Below this many unit-replicates (n × R) a run is not worth starting threads for. */
const MIN_WORK = 200_000;

/** Number of threads to use: the `threads` option (a whole number ≥ 1), default every core. */
export function resolveThreads(threads: unknown): number {
  if (threads === undefined) return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (typeof threads !== 'number' || !Number.isInteger(threads) || threads < 1) {
    throw new PovineqError('INVALID_OPTION', `threads must be a whole number ≥ 1 (1 runs in the calling thread), got ${JSON.stringify(threads)}`, {
      option: 'threads',
    });
  }
  return threads;
}

/**
 * Every statistic of the plan on every replicate of the set, using up to `threads` threads; the
 * same numbers as {@link replicateRange} over all replicates in one thread.
 */
export function parallelReplicateValues(
  plan: Plan,
  set: ReplicateSet,
  rows: number,
  threads: number,
  onProgress?: (done: number, total: number) => void,
): Float64Array[] {
  const R = set.count;
  const task = threads > 1 && R >= 2 * threads && set.spec ? taskOf(plan, set.spec, rows) : undefined;
  const work = plan.distributions.reduce((a, d) => a + d.n, 0) * R;
  const byPsu = set.spec ? psuFactorsOf(set.spec) : undefined;
  if (!task || work < MIN_WORK) return replicateRange(plan, (r, f) => set.fill(r, f), rows, 0, R, R, onProgress, byPsu);

  const workers = pool(threads - 1);
  const k = workers.length + 1;
  const bounds = Array.from({ length: k + 1 }, (_, i) => Math.round((i * R) / k));
  workers.forEach((w, i) => {
    Atomics.store(w.signal, 0, 0);
    w.worker.postMessage({ task: { ...task, from: bounds[i + 1]!, to: bounds[i + 2]!, total: R } });
  });
  // the calling thread's own range; on error, still collect the workers' answers before throwing
  let first: Float64Array[] | undefined;
  let failure: unknown;
  try {
    first = replicateRange(plan, (r, f) => set.fill(r, f), rows, 0, bounds[1]!, R, onProgress && ((done) => onProgress(done, R)), byPsu);
  } catch (e) {
    failure = e;
  }
  const parts: Float64Array[][] = [];
  workers.forEach((w, i) => {
    Atomics.wait(w.signal, 0, 0);
    const result = receiveMessageOnPort(w.port)!.message as TaskResult;
    if ('error' in result) {
      failure ??= new PovineqError(result.error.code as never, result.error.message, result.error.details);
    } else parts.push(result.thetas);
    if (onProgress && failure === undefined) onProgress(bounds[i + 2]!, R);
  });
  if (failure !== undefined) throw failure;
  return first!.map((t, s) => {
    const all = new Float64Array(R);
    all.set(t, 0);
    parts.forEach((p, i) => all.set(p[s]!, bounds[i + 1]!));
    return all;
  });
}

/** What the workers need, or undefined when the plan cannot be rebuilt in another thread. */
function taskOf(plan: Plan, spec: ReplicateSpec, rows: number): Omit<Task, 'from' | 'to' | 'total'> | undefined {
  const recipe = plan.recipe;
  if (!recipe) return undefined;
  const name = Object.keys(MEASURES).find((key) => MEASURES[key]!.info === recipe.info);
  if (name === undefined) return undefined;
  try {
    structuredClone(recipe.options);
  } catch {
    return undefined;
  }
  return {
    distributions: plan.distributions.map(shared),
    recipe: { builder: recipe.builder, measure: name, options: recipe.options, positions: recipe.positions },
    spec,
    rows,
  };
}

const sharedCache = new WeakMap<Distribution, SharedDistribution>();

/** The sorted arrays of a Distribution copied once into shared memory (kept while it lives). */
function shared(d: Distribution): SharedDistribution {
  let s = sharedCache.get(d);
  if (!s) {
    const copy = <T extends Float64Array | Int32Array>(a: T, make: (b: SharedArrayBuffer) => T): T => {
      const out = make(new SharedArrayBuffer(a.byteLength));
      out.set(a as never);
      return out;
    };
    s = {
      values: copy(d.values, (b) => new Float64Array(b)),
      weights: copy(d.weights, (b) => new Float64Array(b)),
      rows: copy(d.rows, (b) => new Int32Array(b)),
      column: d.column,
      weightColumn: d.weightColumn,
      weighted: d.weighted,
      inputRows: d.inputRows,
      dropped: { ...d.dropped },
    };
    sharedCache.set(d, s);
  }
  return s;
}

interface PooledWorker {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

const workers: PooledWorker[] = [];
/** Value of a worker's flag once it has loaded. */
export const READY = 2;
const START_TIMEOUT_MS = 20_000;
let unavailable = false;

/** @internal Number of worker threads started so far (for tests). */
export function startedWorkers(): number {
  return workers.length;
}

/** At least `count` started workers. */
function pool(count: number): PooledWorker[] {
  while (workers.length < count && !unavailable) {
    // the parent's --input-type (node -e scripts) does not apply to a worker's file
    const execArgv = process.execArgv.filter((a) => !a.startsWith('--input-type'));
    const worker = new Worker(workerFile(), { execArgv });
    worker.unref();
    const { port1, port2 } = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    worker.postMessage({ port: port2, signal: signal.buffer }, [port2]);
    port1.unref();
    // the worker answers once its module has loaded; one that cannot start is not used
    if (Atomics.wait(signal, 0, 0, START_TIMEOUT_MS) === 'timed-out' || Atomics.load(signal, 0) !== READY) {
      void worker.terminate();
      unavailable = true; // do not try again in this process: run in the calling thread
      break;
    }
    workers.push({ worker, port: port1, signal });
  }
  return workers.slice(0, count);
}

let sourceBundle: string | undefined;

/**
 * The worker script: beside the built package (resample-worker.js, or .cjs for CommonJS), or, when
 * povineq runs from its TypeScript sources (tests), a bundle of the worker's sources made once per
 * process with esbuild (a development dependency).
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    return path.join(path.dirname(here), here.endsWith('.cjs') ? 'resample-worker.cjs' : 'resample-worker.js');
  }
  if (!sourceBundle) {
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-worker-'));
    sourceBundle = path.join(dir, 'resample-worker.mjs');
    esbuild.buildSync({
      entryPoints: [path.join(path.dirname(here), 'resample-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: sourceBundle,
      logLevel: 'silent',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
  }
  return sourceBundle;
}
