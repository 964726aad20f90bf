/**
 * The worker thread of the package's parallel work (src/core/threads.ts): it answers once
 * loaded, then runs one job per message, `{ kind, task }`, with the job registered under `kind`
 * below, and posts `{ value }` or `{ error }` to its port before raising its flag.
 */
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { PovineqError } from './data/index.js';
import { READY, type TaskResult } from './core/index.js';
import { replicatesJob } from './inference/index.js';
import { byGroupGatherJob, byGroupJob } from './measures/index.js';
import { policyIntervalsJob } from './policy/index.js';
import { smallAreaBootstrapJob } from './small-area/index.js';

/** Every job a worker can run, by name. */
const JOBS: Record<string, (task: never) => unknown> = {
  replicates: replicatesJob,
  'small-area-bootstrap': smallAreaBootstrapJob,
  'by-group': byGroupJob,
  'by-group-gather': byGroupGatherJob,
  policyIntervals: policyIntervalsJob,
};

let port: MessagePort | undefined;
let signal: Int32Array | undefined;

parentPort!.on('message', (message: { port?: MessagePort; signal?: SharedArrayBuffer; kind?: string; task?: unknown }) => {
  if (message.port) {
    port = message.port;
    signal = new Int32Array(message.signal!);
    Atomics.store(signal, 0, READY);
    Atomics.notify(signal, 0);
    return;
  }
  let result: TaskResult;
  try {
    const job = JOBS[message.kind!];
    if (!job) throw new Error(`unknown job ${message.kind}`);
    result = { value: job(message.task as never) };
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
