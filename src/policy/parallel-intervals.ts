/**
 * The replicates of compare()'s and crossCheck()'s intervals on worker threads: replicates are cut
 * into contiguous ranges (src/core/threads.ts, splitAcrossThreads), the calling thread
 * computes the first and workers the others (job `policyIntervals`, src/policy/intervals-job.ts)
 * with the same range function on the same pair rebuilt from shared memory, so every replicate —
 * and every interval — has the same digits whatever the number of threads.
 */
import type { ReplicateSpec } from '../inference/index.js';
import { splitAcrossThreads } from '../core/index.js';
import type { SharedPair } from './shared-pair.js';

/**
 * Below this many household-replicates (households × replicates, per call) the replicates stay in
 * the calling thread. Measured (bench/policy-threads.mjs, docs/methods/policy-intervals.md): handing
 * a run to a worker costs a few milliseconds (the task message, the worker rebuilding the pair,
 * its first, unoptimised replicates), which is what about 100,000 household-replicates take.
 */
export const MIN_POLICY_WORK = 200_000;

/** A worker's range of compare()'s replicates. */
export interface CompareIntervalsTask {
  kind: 'compare';
  pair: SharedPair;
  /** The bootstrap replicates' generator states: a worker draws its own replicates' factors. */
  spec: ReplicateSpec | undefined;
  deciles: Uint8Array;
  from: number;
  to: number;
}

/** An outcome a worker can rebuild: a built-in one by name, or a family type with its membership. */
export type PortableOutcome = { builtin: string } | { familyType: string; group: Int8Array };

/** A worker's range of crossCheck()'s replicates for one policy. */
export interface CrossCheckTask {
  kind: 'crossCheck';
  pair: SharedPair;
  /** null for an outcome the range does not compute (needs nothing). */
  outcomes: Array<PortableOutcome | null>;
  /** Per outcome: whether the Scotland-level effect and the council effects are needed. */
  needs: Array<{ scotland: boolean; council: boolean }>;
  councils: { index: Int32Array; codes: string[] } | undefined;
  /** Every replicate's factors, replicate r at [r·n, (r + 1)·n). */
  factors: Float64Array;
  from: number;
  to: number;
}

export type PolicyIntervalsTask = CompareIntervalsTask | CrossCheckTask;

/**
 * Replicates [0, total) in ranges: in the calling thread alone (`local(0, total)`) with one thread
 * or below {@link MIN_POLICY_WORK}, else split across `threads` threads. The parts come back in order.
 */
export function policyReplicateRanges<T>(
  total: number,
  threads: number,
  work: number,
  task: ((from: number, to: number) => PolicyIntervalsTask) | undefined,
  local: (from: number, to: number) => T,
  onRangeDone?: (to: number) => void,
): T[] {
  if (threads <= 1 || work < MIN_POLICY_WORK || total < 2 * threads || task === undefined) return [local(0, total)];
  return splitAcrossThreads('policyIntervals', total, threads, task, local, onRangeDone);
}
