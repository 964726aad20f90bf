/**
 * The package's thread runner: work cut into contiguous ranges, the calling thread running the
 * first and pooled worker threads the others, with the results back in range order. Every
 * parallel path uses it: estimate()'s replicates (inference/parallel.ts), compare() and
 * crossCheck() intervals (policy/), byGroup (measures/), the small-area bootstrap (small-area/).
 *
 * The API stays synchronous: the calling thread, after its own range, waits on a shared flag for
 * each worker (Atomics.wait) and takes its result from a message port (receiveMessageOnPort).
 * Workers are started on first use and kept for later calls (they do not keep the process alive).
 * Sorted arrays go to workers once, in shared memory ({@link shared}), and are read without copying.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { PovineqError } from '../data/index.js';
import type { Distribution, Dropped } from './distribution.js';

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

/** A worker's answer: the job's value, or the error it threw. */
export type TaskResult<T = unknown> = { value: T } | { error: { code: string; message: string; details?: Record<string, unknown> } };

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

/** One series' arrays from consecutive ranges (as {@link splitAcrossThreads} returns them), end to end. */
export function joinRanges(parts: Float64Array[]): Float64Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Float64Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Work items [0, total) cut into contiguous ranges, one per thread: the calling thread runs
 * `local(0, b₁)`, and each worker runs the job `kind` (registered in src/worker.ts) on
 * `task(from, to)`, a message that can be copied to another thread (typed arrays on a
 * SharedArrayBuffer are shared, not copied). The results come back in range order. Synchronous:
 * after its own range the calling thread waits on each worker's flag (Atomics.wait). With one
 * thread, or when workers cannot start, `local` runs over everything. A job that fails in a
 * worker throws here (its PovineqError code and details kept), after every worker has answered.
 * `onRangeDone(to)` is called as each range is collected (for progress).
 */
export function splitAcrossThreads<T>(
  kind: string,
  total: number,
  threads: number,
  task: (from: number, to: number) => unknown,
  local: (from: number, to: number) => T,
  onRangeDone?: (to: number) => void,
): T[] {
  const workers = threads > 1 && total > 1 ? pool(Math.min(threads, total) - 1) : [];
  const k = workers.length + 1;
  const bounds = Array.from({ length: k + 1 }, (_, i) => Math.round((i * total) / k));
  workers.forEach((w, i) => {
    Atomics.store(w.signal, 0, 0);
    w.worker.postMessage({ kind, task: task(bounds[i + 1]!, bounds[i + 2]!) });
  });
  // the calling thread's own range; on error, still collect the workers' answers before throwing
  const parts: T[] = [];
  let failure: unknown;
  try {
    parts.push(local(0, bounds[1]!));
  } catch (e) {
    failure = e;
  }
  workers.forEach((w, i) => {
    Atomics.wait(w.signal, 0, 0);
    const result = receiveMessageOnPort(w.port)!.message as TaskResult<T>;
    if ('error' in result) {
      failure ??= new PovineqError(result.error.code as never, result.error.message, result.error.details);
    } else parts.push(result.value);
    if (failure === undefined) onRangeDone?.(bounds[i + 2]!);
  });
  if (failure !== undefined) throw failure;
  return parts;
}

/** A typed array copied into shared memory, which workers read in place. */
export function sharedCopy<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(a: T): T {
  const out = new (a.constructor as new (b: SharedArrayBuffer) => T)(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

/** Whether a value can be posted to a worker (structured clone), e.g. a measure's options. */
export function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

const sharedCache = new WeakMap<Distribution, SharedDistribution>();

/** The sorted arrays of a Distribution copied once into shared memory (kept while it lives). */
export function shared(d: Distribution): SharedDistribution {
  let s = sharedCache.get(d);
  if (!s) {
    s = {
      values: sharedCopy(d.values),
      weights: sharedCopy(d.weights),
      rows: sharedCopy(d.rows),
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
    const worker = startWorker(execArgv);
    worker.unref();
    // a worker that fails to load reports it here (else the process would stop); it is not used
    worker.on('error', () => undefined);
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

/**
 * A worker with the parent's Node options; V8 flags a worker refuses (`node --expose-gc`: Node
 * throws ERR_WORKER_INVALID_EXEC_ARGV) are left out rather than failing the call.
 */
function startWorker(execArgv: string[]): Worker {
  try {
    return new Worker(workerFile(), { execArgv });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    const refused = String((e as Error).message);
    return new Worker(workerFile(), { execArgv: execArgv.filter((a) => !refused.includes(a.split('=')[0]!)) });
  }
}

let sourceBundle: string | undefined;

/**
 * The worker script: beside the built package (worker.js, or .cjs for CommonJS), or, when povineq
 * runs from its TypeScript sources (tests), a bundle of src/worker.ts made once per process with
 * esbuild (a development dependency).
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) {
    return path.join(path.dirname(here), here.endsWith('.cjs') ? 'worker.cjs' : 'worker.js');
  }
  if (!sourceBundle) {
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-worker-'));
    sourceBundle = path.join(dir, 'worker.mjs');
    esbuild.buildSync({
      entryPoints: [path.join(path.dirname(here), '..', 'worker.ts')],
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
