/**
 * Parallel resampling: replicates split across worker threads, with the same digits as one thread.
 *
 * Each replicate's weights depend only on its index (a bootstrap replicate draws from its own
 * precomputed generator state; a jackknife replicate drops one PSU), and each thread runs the same
 * replicate loop on the same sorted values, so the replicate statistics, and every standard error
 * and interval made from them, are identical whatever the number of threads.
 *
 * The replicates are cut into `threads` contiguous ranges by the package's thread runner
 * (core/threads.ts): the calling thread computes the first, workers the others. The sorted
 * values, weights and row indices are copied once into shared memory, which every worker reads
 * without copying.
 *
 * Runs in parallel only what a worker can rebuild: plans of a measure registered in MEASURES
 * (every built-in scalar measure) with options that can be copied to another thread, and bootstrap
 * or jackknife replicates; anything else (a user-defined measure, replicate weight columns) runs
 * in the calling thread, with the same results.
 */
import { type SharedDistribution, cloneable, joinRanges, shared, splitAcrossThreads } from '../core/index.js';
import { registeredName } from '../measures/index.js';
import type { ReplicateSet } from './design.js';
import type { Plan } from './plan.js';
import { replicateRange } from './replicate-loop.js';
import { type ReplicateSpec, psuFactorsOf } from './replicates.js';

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

/** Below this many unit-replicates (n × R) a run is not worth starting threads for. */
const MIN_WORK = 200_000;

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

  const parts = splitAcrossThreads(
    'replicates',
    R,
    threads,
    (from, to) => ({ ...task, from, to, total: R }),
    (from, to) => replicateRange(plan, (r, f) => set.fill(r, f), rows, from, to, R, onProgress && ((done) => onProgress(done, R)), byPsu),
    onProgress && ((to) => onProgress(to, R)),
  );
  return parts[0]!.map((_, s) => joinRanges(parts.map((p) => p[s]!)));
}

/** What the workers need, or undefined when the plan cannot be rebuilt in another thread. */
function taskOf(plan: Plan, spec: ReplicateSpec, rows: number): Omit<Task, 'from' | 'to' | 'total'> | undefined {
  const recipe = plan.recipe;
  if (!recipe) return undefined;
  const name = registeredName(recipe.info);
  if (name === undefined || !cloneable(recipe.options)) return undefined;
  return {
    distributions: plan.distributions.map(shared),
    recipe: { builder: recipe.builder, measure: name, options: recipe.options, positions: recipe.positions },
    spec,
    rows,
  };
}

