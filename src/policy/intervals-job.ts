/**
 * The worker side of compare()'s and crossCheck()'s intervals (job `policyIntervals`, see
 * parallel-intervals.ts and src/worker.ts): rebuilds the pair from shared memory and computes a
 * range of replicates with the same function as the calling thread.
 */
import { fillFromSpec } from '../inference/index.js';
import { compareReplicateRange, type CompareReplicateValues } from './compare-intervals.js';
import { type CrossCheckReplicateValues, crossCheckReplicateRange } from './cross-check.js';
import { FAMILY_TYPES, familyTypeOutcome } from './family-types.js';
import type { PolicyIntervalsTask, PortableOutcome } from './parallel-intervals.js';
import { type Outcome, resolveOutcome } from './outcomes.js';
import { pairFromShared } from './shared-pair.js';
import { PovineqError } from '../data/index.js';

export function policyIntervalsJob(task: PolicyIntervalsTask): CompareReplicateValues | CrossCheckReplicateValues {
  const p = pairFromShared(task.pair);
  if (task.kind === 'compare') {
    const spec = task.spec!;
    const scratch = spec.kind === 'bootstrap' ? new Float64Array(spec.psuCount) : undefined;
    return compareReplicateRange(p, (r, m) => fillFromSpec(spec, r, m, scratch), task.deciles, task.from, task.to);
  }
  const n = p.n;
  const factors = (r: number) => task.factors.subarray(r * n, (r + 1) * n);
  return crossCheckReplicateRange(p, task.outcomes.map(outcomeOf), task.needs, task.councils, factors, task.from, task.to);
}

/** Stands for an outcome the range does not compute. */
const UNUSED: Outcome = {
  name: 'unused',
  label: 'unused',
  harm: 'increase',
  value: () => {
    throw new Error('an outcome without replicates was evaluated in a worker');
  },
};

function outcomeOf(o: PortableOutcome | null): Outcome {
  if (o === null) return UNUSED;
  if ('builtin' in o) return resolveOutcome(o.builtin);
  const type = FAMILY_TYPES.find((t) => t.key === o.familyType);
  if (!type) throw new PovineqError('INVALID_OPTION', `unknown family type "${o.familyType}"`, { option: 'familyTypes' });
  return familyTypeOutcome(type, o.group);
}
