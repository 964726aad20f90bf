import type { Distribution } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import type { Plan } from './plan.js';
import type { PsuFactors } from './replicates.js';

/**
 * Recomputes every statistic of a plan on replicates [from, to): weights change, the sorted values
 * do not. `fill(r, factors)` writes replicate r's weight factor for every design row; results go
 * to thetas[k][r − from]. The same loop runs in the main thread and in worker threads, so a
 * replicate gives the same digits wherever it runs.
 */
export function replicateRange(
  plan: Plan,
  fill: (r: number, factors: Float64Array) => void,
  rows: number,
  from: number,
  to: number,
  total: number,
  onProgress?: (done: number, total: number) => void,
  byPsu?: PsuFactors,
): Float64Array[] {
  const K = plan.values.length;
  const thetas = Array.from({ length: K }, () => new Float64Array(to - from));
  const factors = new Float64Array(byPsu ? byPsu.count : rows);
  const step = Math.max(1, Math.floor(total / 100));
  const buffers = plan.distributions.map((d) => [new Float64Array(d.n), new Float64Array(d.n), new Float64Array(d.n)] as const);
  // with factors by PSU: the PSU of every sorted unit, once (a replicate then needs no factor per row)
  const unitPsu = byPsu ? plan.distributions.map((d) => Int32Array.from(d.rows, (row) => byPsu.psu[row]!)) : undefined;
  const totals = { weight: 0, total: 0 };
  for (let r = from; r < to; r++) {
    if (byPsu) byPsu.fill(r, factors);
    else fill(r, factors);
    // the weights and cumulative sums of a replicate live in buffers reused by the next one
    const reweighted = plan.distributions.map((d: Distribution, j) => {
      const [w, c1, c2] = buffers[j]!;
      if (unitPsu) {
        reweightUnits(d.values, d.weights, unitPsu[j]!, factors, w, totals);
        return d.reweight(w, [c1, c2], totals);
      }
      const base = d.weights;
      const at = d.rows;
      for (let i = 0; i < w.length; i++) w[i] = base[i]! * factors[at[i]!]!;
      return d.reweight(w, [c1, c2]);
    });
    let values: number[];
    try {
      values = plan.evaluate(reweighted);
    } catch (e) {
      if (e instanceof PovineqError) {
        throw new PovineqError(e.code, `in replicate ${r + 1} of ${total}: ${e.message}`, { ...e.details, replicate: r + 1 });
      }
      throw e;
    }
    for (let k = 0; k < K; k++) {
      const v = values[k]!;
      if (!Number.isFinite(v)) {
        throw new PovineqError('UNDEFINED_RESULT', `replicate ${r + 1} of ${total} gave ${v} for statistic ${k + 1}; the measure is undefined on that resample (too few units in a domain?)`, {
          replicate: r + 1,
        });
      }
      thetas[k]![r - from] = v;
    }
    if (onProgress && ((r + 1) % step === 0 || r + 1 === total)) onProgress(r + 1, total);
  }
  return thetas;
}

/**
 * One pass over the sorted units of a replicate: wᵢ = baseᵢ × factor of the unit's PSU, written to
 * `out`, with Σ wᵢ and Σ wᵢxᵢ taken on the way in double-double over the sorted order, the same
 * sums (same terms, same order, same arithmetic) as Distribution.totalWeight and .total, so the
 * replicate's Distribution need not sum them again.
 */
function reweightUnits(
  x: Float64Array,
  base: Float64Array,
  unitPsu: Int32Array,
  psuFactor: Float64Array,
  out: Float64Array,
  totals: { weight: number; total: number },
): void {
  let wHi = 0;
  let wLo = 0;
  let tHi = 0;
  let tLo = 0;
  for (let i = 0; i < out.length; i++) {
    const w = base[i]! * psuFactor[unitPsu[i]!]!;
    out[i] = w;
    let s = wHi + w;
    let bp = s - wHi;
    wLo += wHi - (s - bp) + (w - bp);
    wHi = s;
    const term = w * x[i]!;
    s = tHi + term;
    bp = s - tHi;
    tLo += tHi - (s - bp) + (term - bp);
    tHi = s;
  }
  totals.weight = wHi + wLo;
  totals.total = tHi + tLo;
}
