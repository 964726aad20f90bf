import type { Distribution, MeasureInfo } from '../core/index.js';
import { PovineqError } from '../data/index.js';
import { scoresOnRows } from './linearization.js';

/**
 * What a variance method needs to know about K statistics computed from one or more sorted
 * Distributions over the same design rows: their values, their linearized scores, and how to
 * recompute them on reweighted copies of the Distributions (replicates).
 */
export interface Plan {
  /** The Distributions a replicate reweights (same sorted values, new weights). */
  distributions: Distribution[];
  /** Point estimates, one per statistic. */
  values: number[];
  /** Units measured by each statistic. */
  n: number[];
  /** Row-ordered linearized scores sᵢ = wᵢuᵢ, one vector per statistic. */
  scores(rows: number): Float64Array[];
  /** The statistics on reweighted Distributions (aligned with `distributions`). */
  evaluate(reweighted: Distribution[]): number[];
}

/** Options a measure sees: everything the caller passed, plus the line where one is estimated. */
type Options = Record<string, unknown>;

/** Whether the measure's poverty line is estimated from the data (and so adds variance). */
export function estimatesLine(info: MeasureInfo, o: Options): boolean {
  return info.defaultLine !== undefined && o.line === undefined;
}

/** Whether the measure can be linearized with these options (an influence function, and the line's terms when the line is estimated). */
export function canLinearize(info: MeasureInfo, o: Options): boolean {
  return info.influence !== undefined && (!estimatesLine(info, o) || (info.lineDerivative !== undefined && info.lineInfluence !== undefined));
}

function requireInfluence(info: MeasureInfo): void {
  if (!info.influence) {
    throw new PovineqError(
      'INVALID_OPTION',
      `${info.name} has no influence function for a linearized standard error; pass { method: 'bootstrap' } (or 'replicate' / 'jackknife' with a design)`,
      { option: 'method', measure: info.name },
    );
  }
}

/** Linearized variable of the measure on d, with the line's own error added when it is estimated on `population`. */
function influenceOf(info: MeasureInfo, d: Distribution, withLine: Options): Float64Array {
  requireInfluence(info);
  return info.influence!(d, withLine as never);
}

function lineTerm(info: MeasureInfo, d: Distribution, withLine: Options): number {
  if (!info.lineDerivative || !info.lineInfluence) {
    throw new PovineqError('INVALID_OPTION', `${info.name} cannot linearize its estimated line; pass { line } to fix it, or { method: 'bootstrap' }`, {
      option: 'method',
      measure: info.name,
    });
  }
  return info.lineDerivative(d, withLine as never);
}

/**
 * One measure on one Distribution. `lineFrom` is the Distribution an estimated poverty line is
 * taken from when it is not `d` itself (HBAI: the median of all people, a rate for children).
 */
export function measurePlan(info: MeasureInfo, d: Distribution, o: Options, lineFrom: Distribution = d): Plan {
  const estimated = estimatesLine(info, o);
  const separate = estimated && lineFrom !== d;
  const withLine = estimated ? { ...o, line: info.defaultLine!(lineFrom, o as never) } : o;
  return {
    distributions: separate ? [d, lineFrom] : [d],
    values: [info.compute(d, withLine as never)],
    n: [d.n],
    scores(rows) {
      const s = scoresOnRows(d, influenceOf(info, d, withLine), rows);
      if (estimated) {
        const dz = lineTerm(info, d, withLine);
        const uz = info.lineInfluence!(lineFrom, o as never);
        for (let i = 0; i < uz.length; i++) uz[i]! *= dz;
        scoresOnRows(lineFrom, uz, rows, s);
      }
      return [s];
    },
    evaluate([dr, lr]) {
      const line = estimated ? { ...o, line: info.defaultLine!(separate ? lr! : dr!, o as never) } : o;
      return [info.compute(dr!, line as never)];
    },
  };
}

/**
 * One measure in each domain (group) of one Distribution. A poverty line that is estimated comes
 * from the whole population (`lineFrom`, by default `d`), so its error reaches every domain's
 * variance (through the line's influence function, or by recomputing the line in every replicate).
 */
export function domainPlan(info: MeasureInfo, d: Distribution, positions: Int32Array[], o: Options, lineFrom: Distribution = d): Plan {
  const estimated = estimatesLine(info, o);
  const separate = estimated && lineFrom !== d;
  const line = estimated ? info.defaultLine!(lineFrom, o as never) : undefined;
  const withLine = estimated ? { ...o, line } : o;
  const parts = positions.map((p) => d.select(p));
  return {
    distributions: separate ? [d, lineFrom] : [d],
    values: parts.map((g) => info.compute(g, withLine as never)),
    n: parts.map((g) => g.n),
    scores(rows) {
      const uz = estimated ? info.lineInfluence?.(lineFrom, o as never) : undefined;
      return parts.map((g) => {
        const s = scoresOnRows(g, influenceOf(info, g, withLine), rows);
        if (estimated) {
          const dz = lineTerm(info, g, withLine);
          scoresOnRows(lineFrom, uz!.map((v) => v * dz), rows, s);
        }
        return s;
      });
    },
    evaluate([dr, lr]) {
      const o2 = estimated ? { ...o, line: info.defaultLine!(separate ? lr! : dr!, o as never) } : o;
      const w = dr!.weights;
      return parts.map((g, k) => {
        const p = positions[k]!;
        const wg = new Float64Array(p.length);
        for (let i = 0; i < p.length; i++) wg[i] = w[p[i]!]!;
        return info.compute(g.reweight(wg), o2 as never);
      });
    },
  };
}

/**
 * A measure on two Distributions over the same rows (before and after): statistics
 * [θ_before, θ_after, θ_after − θ_before], with scores and replicates shared so that the
 * difference's variance includes the covariance of the two.
 */
export function pairedPlan(info: MeasureInfo, before: Distribution, after: Distribution, o: Options): Plan {
  const a = measurePlan(info, before, o);
  const b = measurePlan(info, after, o);
  return {
    distributions: [before, after],
    values: [a.values[0]!, b.values[0]!, b.values[0]! - a.values[0]!],
    n: [before.n, after.n, Math.min(before.n, after.n)],
    scores(rows) {
      const [sa] = a.scores(rows);
      const [sb] = b.scores(rows);
      return [sa!, sb!, sb!.map((v, i) => v - sa![i]!)];
    },
    evaluate([ra, rb]) {
      const x = a.evaluate([ra!])[0]!;
      const y = b.evaluate([rb!])[0]!;
      return [x, y, y - x];
    },
  };
}
