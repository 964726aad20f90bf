/**
 * The worker side of parallel resampling (job 'replicates', see parallel.ts and src/worker.ts):
 * rebuilds a plan from shared sorted arrays and computes a range of replicates with the same loop
 * as the calling thread.
 */
import { Distribution } from '../core/index.js';
import { MEASURES } from '../measures/index.js';
import type { Task } from './parallel.js';
import { type Plan, domainPlan, measurePlan, pairedPlan } from './plan.js';
import { replicateRange } from './replicate-loop.js';
import { fillFromSpec, psuFactorsOf } from './replicates.js';

export function replicatesJob(task: Task): Float64Array[] {
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
