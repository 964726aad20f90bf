import type { ColumnTable } from 'arquero';
import { PovineqError, describeRows, plural } from '../data/index.js';

/** Calibration distance: how g = w_new / w depends on the linear predictor u = xᵢ'λ. */
export type CalibrationMethod = 'linear' | 'raking' | 'logit';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** Column of design (starting) weights, all > 0. */
  weight: string;
  /**
   * Known population totals. A number is the total of a numeric column (Σ wᵢxᵢ = T); an object
   * maps each level of a categorical column to its count (Σ wᵢ[xᵢ = level] = T_level), e.g.
   * `{ council: { S12000005: 51_000, … }, children: 1_010_000 }`. Every level present in the
   * data needs a total; categorical margins must describe the same population (equal sums).
   */
  totals: Record<string, number | Record<string, number> | WithinTotals>;
  /**
   * `'linear'` (GREG, default: g = 1 + u, truncated to `bounds`), `'raking'` (g = exp(u),
   * truncated to `bounds`) or `'logit'` (g runs smoothly between the bounds, which must be finite
   * with lower < 1 < upper). As R survey's `calfun`.
   */
  method?: CalibrationMethod;
  /** [lower, upper] limits of g = w_new / w (default [−∞, ∞]); required and finite for `'logit'`. */
  bounds?: readonly [number, number];
  /** Name of the output weight column (default: replaces `weight`). */
  as?: string;
  /** Convergence: max |misfit| / (1 + |total|) over the totals (default 1e-12). */
  tolerance?: number;
  /** Newton iterations before giving up (default 100). */
  maxIterations?: number;
}

/**
 * Totals of a numeric column within each level of a categorical one, e.g. children per council:
 * `{ children: { by: 'council', totals: { S12000005: 10_400, … } } }` (Σ wᵢxᵢ[byᵢ = level] = T_level;
 * survey's `~council:children`).
 */
export interface WithinTotals {
  by: string;
  totals: Record<string, number>;
}

/** The design matrix (one column per free constraint, stored sparse when mostly zero) and targets. */
interface Constraints {
  x: Float64Array[];
  target: number[];
  label: string[];
}

/**
 * Calibrates survey weights to known population totals (Deville & Särndal 1992), as R survey's
 * `calibrate()`: finds new weights wᵢ* = wᵢ·gᵢ with Σ wᵢ* xᵢ = T for every total, where
 * gᵢ = 1 + F(xᵢ'λ) and F is the method's calibration function. Categorical margins become
 * indicator columns (one per level, the first level of the second and later margins dropped, as
 * model.matrix does with an intercept), numeric totals their own column. Solved by Newton's method
 * with step halving (survey's `grake`): λ ← λ + (Σ wᵢ F'(uᵢ) xᵢxᵢ')⁻¹ (T − Σ wᵢ gᵢ xᵢ).
 *
 * Returns a new table with the calibrated weights in `as` (default: the weight column); the input
 * is not changed. Errors name the margin: a level with no rows (empty cell), a level of the data
 * without a total, margins with different sums, totals that weights within `bounds` cannot reach,
 * and a run that does not converge. Reference: Deville, J.-C. & Särndal, C.-E. (1992),
 * "Calibration estimators in survey sampling", JASA 87(418); Lumley, survey::calibrate.
 * Method page: docs/methods/calibration.md.
 *
 * @example
 * calibrate(survey, { weight: 'w', totals: { sex: { F: 2_800_000, M: 2_650_000 }, income: 3.1e9 }, method: 'raking' })
 */
export function calibrate(table: ColumnTable, options: CalibrateOptions): ColumnTable {
  const weights = calibrationWeights(table, options);
  return table.assign({ [options.as ?? options.weight]: weights } as Record<string, Float64Array>) as unknown as ColumnTable;
}

/** The calibrated weights of {@link calibrate} as an array (row order of the table). */
export function calibrationWeights(table: ColumnTable, options: CalibrateOptions): Float64Array {
  if (options == null || typeof options !== 'object') {
    throw new PovineqError('MISSING_OPTION', 'calibrate(): pass { weight, totals }', { option: 'weight' });
  }
  const method = options.method ?? 'linear';
  if (method !== 'linear' && method !== 'raking' && method !== 'logit') {
    throw new PovineqError('INVALID_OPTION', `calibrate(): method must be 'linear', 'raking' or 'logit', got ${JSON.stringify(method)}`, { option: 'method' });
  }
  const bounds = checkBounds(options.bounds, method);
  const w = readWeights(table, options.weight);
  const c = constraints(table, options.totals, method, bounds, w);
  const g = solve(w, c, method, bounds, options.tolerance ?? 1e-12, options.maxIterations ?? 100);
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i]! * g[i]!;
  return out;
}

function checkBounds(bounds: readonly [number, number] | undefined, method: CalibrationMethod): [number, number] {
  if (bounds === undefined) {
    if (method === 'logit') {
      throw new PovineqError('MISSING_OPTION', "calibrate(): method 'logit' needs finite bounds, e.g. { bounds: [0.5, 2] }", { option: 'bounds' });
    }
    return [-Infinity, Infinity];
  }
  const [lo, hi] = bounds;
  if (!Array.isArray(bounds) || bounds.length !== 2 || Number.isNaN(lo) || Number.isNaN(hi) || !(lo < 1 && hi > 1)) {
    throw new PovineqError('INVALID_OPTION', `calibrate(): bounds must be [lower, upper] with lower < 1 < upper (limits of new weight / old weight), got ${JSON.stringify(bounds)}`, { option: 'bounds' });
  }
  if (method === 'logit' && !(Number.isFinite(lo) && Number.isFinite(hi))) {
    throw new PovineqError('INVALID_OPTION', `calibrate(): method 'logit' needs finite bounds, got ${JSON.stringify(bounds)}`, { option: 'bounds' });
  }
  return [lo, hi];
}

function readWeights(table: ColumnTable, name: string): Float64Array {
  if (typeof name !== 'string' || !table.columnNames().includes(name)) {
    throw new PovineqError('MISSING_COLUMN', `calibrate(): weight column ${JSON.stringify(name)} not found; columns are ${table.columnNames().join(', ')}`, { option: 'weight', column: name });
  }
  const raw = table.array(name) as ArrayLike<unknown>;
  const w = new Float64Array(raw.length);
  const bad: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    w[i] = typeof v === 'number' ? v : NaN;
    if (!(w[i]! > 0) || !Number.isFinite(w[i]!)) bad.push(i);
  }
  if (bad.length > 0) {
    throw new PovineqError('NON_POSITIVE_WEIGHT', `calibrate(): weight column "${name}" has ${plural(bad.length, 'value')} that are not positive finite numbers (${describeRows(bad)}); drop or fix those rows first`, {
      column: name,
      count: bad.length,
      rows: bad.slice(0, 100),
    });
  }
  if (w.length === 0) throw new PovineqError('EMPTY', 'calibrate(): the table has no rows', {});
  return w;
}

/** Builds the indicator and numeric columns, with the checks that name the margin at fault. */
function constraints(table: ColumnTable, totals: CalibrateOptions['totals'], method: CalibrationMethod, bounds: [number, number], w: Float64Array): Constraints {
  if (totals == null || typeof totals !== 'object' || Object.keys(totals).length === 0) {
    throw new PovineqError('MISSING_OPTION', 'calibrate(): totals must name at least one column, e.g. { totals: { council: { S12000005: 51000 } } }', { option: 'totals' });
  }
  const n = w.length;
  const positive = method !== 'linear' || bounds[0] >= 0;
  const c: Constraints = { x: [], target: [], label: [] };
  let categoricalSum: { margin: string; sum: number } | undefined;
  for (const [margin, total] of Object.entries(totals)) {
    if (!table.columnNames().includes(margin)) {
      throw new PovineqError('MISSING_COLUMN', `calibrate(): totals name column "${margin}", which the table does not have; columns are ${table.columnNames().join(', ')}`, { column: margin, option: 'totals' });
    }
    const raw = table.array(margin) as ArrayLike<unknown>;
    const missing: number[] = [];
    for (let i = 0; i < n; i++) if (raw[i] == null || (typeof raw[i] === 'number' && !Number.isFinite(raw[i] as number))) missing.push(i);
    if (missing.length > 0) {
      throw new PovineqError('MISSING_VALUE', `calibrate(): column "${margin}" has ${plural(missing.length, 'missing or non-finite value')} (${describeRows(missing)}); calibration needs every row classified: impute or drop them first`, {
        column: margin,
        count: missing.length,
        rows: missing.slice(0, 100),
      });
    }
    if (typeof total === 'number') {
      if (!Number.isFinite(total)) throw new PovineqError('INVALID_OPTION', `calibrate(): total of "${margin}" must be a finite number, got ${total}`, { option: 'totals', column: margin });
      const x = new Float64Array(n);
      let lowReach = 0;
      let highReach = 0;
      for (let i = 0; i < n; i++) {
        const v = raw[i];
        if (typeof v !== 'number') {
          throw new PovineqError('NON_NUMERIC', `calibrate(): column "${margin}" has a numeric total but row ${i} holds ${JSON.stringify(v)}; give a numeric column or a total per level ({ level: count })`, { column: margin, rows: [i] });
        }
        x[i] = v;
        if (v === 0) continue;
        // the reachable range of Σ wᵢgᵢxᵢ when each gᵢ lies in [lower, upper] (lower ≥ 0 for positive methods)
        const lo = positive ? Math.max(bounds[0], 0) : bounds[0];
        const a = w[i]! * v * lo;
        const b = w[i]! * v * bounds[1];
        lowReach += Math.min(a, b);
        highReach += Math.max(a, b);
      }
      unreachable(margin, undefined, total, lowReach, highReach, method, bounds);
      c.x.push(x);
      c.target.push(total);
      c.label.push(margin);
      continue;
    }
    if (isWithin(total)) {
      withinConstraints(table, margin, raw, total, c, w, positive, method, bounds);
      continue;
    }
    if (typeof total !== 'object') {
      throw new PovineqError('INVALID_OPTION', `calibrate(): total of "${margin}" must be a number or an object of level totals, got ${JSON.stringify(total)}`, { option: 'totals', column: margin });
    }
    const levels = new Map<string, number>();
    for (const [level, t] of Object.entries(total)) {
      if (!Number.isFinite(t)) throw new PovineqError('INVALID_OPTION', `calibrate(): total of "${margin}" level "${level}" must be a finite number, got ${t}`, { option: 'totals', column: margin });
      levels.set(level, t);
    }
    const code = new Int32Array(n);
    const index = new Map([...levels.keys()].map((l, k) => [l, k]));
    const unknown = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = index.get(String(raw[i]));
      if (k === undefined) {
        const rows = unknown.get(String(raw[i])) ?? [];
        rows.push(i);
        unknown.set(String(raw[i]), rows);
      } else code[i] = k;
    }
    if (unknown.size > 0) {
      const [[level, rows]] = [...unknown];
      throw new PovineqError('INVALID_OPTION', `calibrate(): column "${margin}" has ${plural(unknown.size, 'level')} without a total (${[...unknown.keys()].slice(0, 5).map((l) => `"${l}"`).join(', ')}; "${level}" in ${plural(rows!.length, 'row')}: ${describeRows(rows!)}); add them to totals.${margin} or drop those rows`, {
        column: margin,
        option: 'totals',
        levels: [...unknown.keys()],
      });
    }
    const levelNames = [...levels.keys()];
    const counts = new Float64Array(levelNames.length);
    const weighted = new Float64Array(levelNames.length);
    for (let i = 0; i < n; i++) {
      counts[code[i]!]!++;
      weighted[code[i]!]! += w[i]!;
    }
    let sum = 0;
    for (const t of levels.values()) sum += t;
    if (categoricalSum && Math.abs(sum - categoricalSum.sum) > 1e-9 * Math.max(1, Math.abs(sum))) {
      throw new PovineqError('INVALID_OPTION', `calibrate(): the totals of "${margin}" sum to ${sum} but those of "${categoricalSum.margin}" to ${categoricalSum.sum}; categorical margins must describe the same population`, {
        option: 'totals',
        column: margin,
      });
    }
    let dropped = categoricalSum !== undefined; // drop one level of the second and later margins (collinear with the first)
    categoricalSum ??= { margin, sum };
    levelNames.forEach((level, k) => {
      const t = levels.get(level)!;
      if (counts[k] === 0) {
        if (t === 0) return; // an empty level with a zero total constrains nothing (as survey drops it)
        throw new PovineqError('EMPTY_GROUP', `calibrate(): no row has ${margin} = "${level}" but its total is ${t}; an empty cell cannot be weighted up: merge "${level}" with a neighbouring level in the data and in totals.${margin}`, {
          column: margin,
          level,
          option: 'totals',
        });
      }
      const lo = positive ? Math.max(bounds[0], 0) : bounds[0];
      unreachable(margin, level, t, weighted[k]! * lo, weighted[k]! * bounds[1], method, bounds);
      if (dropped) {
        dropped = false;
        return;
      }
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = code[i] === k ? 1 : 0;
      c.x.push(x);
      c.target.push(t);
      c.label.push(`${margin} = "${level}"`);
    });
  }
  return c;
}

function isWithin(t: unknown): t is WithinTotals {
  return t != null && typeof t === 'object' && typeof (t as WithinTotals).by === 'string' && (t as WithinTotals).totals != null && typeof (t as WithinTotals).totals === 'object';
}

function withinConstraints(table: ColumnTable, margin: string, raw: ArrayLike<unknown>, spec: WithinTotals, c: Constraints, w: Float64Array, positive: boolean, method: CalibrationMethod, bounds: [number, number]): void {
  if (!table.columnNames().includes(spec.by)) {
    throw new PovineqError('MISSING_COLUMN', `calibrate(): totals.${margin}.by names column "${spec.by}", which the table does not have`, { column: spec.by, option: 'totals' });
  }
  const by = table.array(spec.by) as ArrayLike<unknown>;
  const n = w.length;
  const levels = Object.keys(spec.totals);
  const index = new Map(levels.map((l, k) => [l, k]));
  const code = new Int32Array(n);
  const unknown: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = index.get(String(by[i]));
    if (k === undefined) unknown.push(i);
    else code[i] = k;
    if (typeof raw[i] !== 'number') {
      throw new PovineqError('NON_NUMERIC', `calibrate(): column "${margin}" has totals within "${spec.by}" but row ${i} holds ${JSON.stringify(raw[i])}; give a numeric column`, { column: margin, rows: [i] });
    }
  }
  if (unknown.length > 0) {
    throw new PovineqError('INVALID_OPTION', `calibrate(): ${plural(unknown.length, 'row')} (${describeRows(unknown)}) have a "${spec.by}" level without a total in totals.${margin}.totals (e.g. "${String(by[unknown[0]!])}"); add it or drop those rows`, {
      column: spec.by,
      option: 'totals',
      count: unknown.length,
    });
  }
  const cols = levels.map(() => new Float64Array(n));
  const rows = new Float64Array(levels.length);
  const low = new Float64Array(levels.length);
  const high = new Float64Array(levels.length);
  const lo = positive ? Math.max(bounds[0], 0) : bounds[0];
  for (let i = 0; i < n; i++) {
    const k = code[i]!;
    const v = raw[i] as number;
    cols[k]![i] = v;
    rows[k]!++;
    if (v === 0) continue;
    const a = w[i]! * v * lo;
    const b = w[i]! * v * bounds[1];
    low[k]! += Math.min(a, b);
    high[k]! += Math.max(a, b);
  }
  levels.forEach((level, k) => {
    const t = spec.totals[level]!;
    if (!Number.isFinite(t)) throw new PovineqError('INVALID_OPTION', `calibrate(): total of "${margin}" within ${spec.by} = "${level}" must be a finite number, got ${t}`, { option: 'totals', column: margin });
    if (rows[k] === 0) {
      if (t === 0) return;
      throw new PovineqError('EMPTY_GROUP', `calibrate(): no row has ${spec.by} = "${level}" but the total of "${margin}" there is ${t}; an empty cell cannot be weighted up: merge "${level}" with a neighbouring level`, {
        column: spec.by,
        level,
        option: 'totals',
      });
    }
    unreachable(`${margin}" within ${spec.by} = "${level}`, undefined, t, low[k]!, high[k]!, method, bounds);
    c.x.push(cols[k]!);
    c.target.push(t);
    c.label.push(`${margin} within ${spec.by} = "${level}"`);
  });
}

function unreachable(margin: string, level: string | undefined, total: number, low: number, high: number, method: CalibrationMethod, bounds: [number, number]): void {
  const strictLow = method !== 'linear' && !(bounds[0] > 0);
  const tooLow = strictLow ? total <= low && low !== high : total < low - 1e-9 * Math.abs(low);
  const tooHigh = total > high + 1e-9 * Math.abs(high);
  if (!tooLow && !tooHigh) return;
  const what = level === undefined ? `total of "${margin}"` : `total of ${margin} = "${level}"`;
  const range = `[${fmt(low)}, ${fmt(high)}]`;
  const boundsText = Number.isFinite(bounds[0]) || Number.isFinite(bounds[1]) ? ` with bounds [${bounds[0]}, ${bounds[1]}]` : method === 'linear' ? '' : ` (method '${method}' keeps every weight positive)`;
  throw new PovineqError('OUT_OF_RANGE', `calibrate(): the ${what} is ${fmt(total)}, but weights${boundsText} can only reach ${strictLow && tooLow ? `more than ${fmt(low)}` : range}; check the total, or widen bounds`, {
    column: margin,
    level,
    option: 'totals',
    total,
    reachable: [low, high],
  });
}

function fmt(x: number): string {
  return Number.isFinite(x) ? String(+x.toPrecision(8)) : String(x);
}

/** F(u) = g − 1 and its derivative F'(u), as survey's cal.linear, cal.raking and cal.logit. */
function calibrationFunction(method: CalibrationMethod, [lo, hi]: [number, number]): (u: number) => [number, number] {
  if (method === 'linear') {
    return (u) => (u < hi - 1 && u > lo - 1 ? [u, 1] : [Math.min(Math.max(u + 1, lo), hi) - 1, 0]);
  }
  if (method === 'raking') {
    return (u) => {
      const e = Math.exp(u);
      return u < hi - 1 && u > lo - 1 ? [Math.min(Math.max(e, lo), hi) - 1, e] : [Math.min(Math.max(e, lo), hi) - 1, 0];
    };
  }
  const A = (hi - lo) / ((hi - 1) * (1 - lo));
  return (u) => {
    const e = Math.exp(A * u);
    const den = hi - 1 + (1 - lo) * e;
    const num = lo * (hi - 1) + hi * (1 - lo) * e;
    if (!Number.isFinite(e)) return [hi - 1, 0];
    return [num / den - 1, (hi * (1 - lo) * e * A) / den - (num * ((1 - lo) * e * A)) / (den * den)];
  };
}

/** Newton's method on λ, as survey's grake (generalized inverse for a singular step matrix). */
function solve(w: Float64Array, c: Constraints, method: CalibrationMethod, bounds: [number, number], tolerance: number, maxIterations: number): Float64Array {
  const n = w.length;
  const p = c.x.length;
  const F = calibrationFunction(method, bounds);
  // sparse rows: for row i, constraints start[i]..start[i+1] in col/val (most indicator columns are zero)
  const start = new Int32Array(n + 1);
  for (let k = 0; k < p; k++) {
    const x = c.x[k]!;
    for (let i = 0; i < n; i++) if (x[i] !== 0) start[i + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const col = new Int32Array(start[n]!);
  const val = new Float64Array(start[n]!);
  const fill = start.slice(0, n);
  for (let k = 0; k < p; k++) {
    const x = c.x[k]!;
    for (let i = 0; i < n; i++) {
      if (x[i] === 0) continue;
      const at = fill[i]!++;
      col[at] = k;
      val[at] = x[i]!;
    }
  }
  const lambda = new Float64Array(p);
  const g = new Float64Array(n);
  const d = new Float64Array(n);
  const evaluate = () => {
    let ok = true;
    for (let i = 0; i < n; i++) {
      let u = 0;
      for (let j = start[i]!; j < start[i + 1]!; j++) u += val[j]! * lambda[col[j]!]!;
      const [f, df] = F(u);
      g[i] = 1 + f;
      d[i] = df;
      if (!Number.isFinite(g[i]!) || !Number.isFinite(df)) ok = false;
    }
    return ok;
  };
  const misfit = () => {
    const m = Float64Array.from(c.target);
    for (let i = 0; i < n; i++) {
      const wg = w[i]! * g[i]!;
      for (let j = start[i]!; j < start[i + 1]!; j++) m[col[j]!]! -= wg * val[j]!;
    }
    return m;
  };
  // scale of each total: |T|, or Σ wᵢ|xᵢ| when larger (a zero total of a signed column is met
  // relative to the size of its terms)
  const scale = Float64Array.from(c.target, Math.abs);
  const spread = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = start[i]!; j < start[i + 1]!; j++) spread[col[j]!]! += w[i]! * Math.abs(val[j]!);
  for (let k = 0; k < p; k++) scale[k] = Math.max(scale[k]!, spread[k]!);
  const worst = (m: Float64Array) => {
    let k = 0;
    let v = 0;
    for (let j = 0; j < p; j++) {
      const r = Math.abs(m[j]!) / (1 + scale[j]!);
      if (r > v) [k, v] = [j, r];
    }
    return { k, v };
  };
  evaluate();
  let m = misfit();
  for (let iter = 0; iter < maxIterations; iter++) {
    if (worst(m).v < tolerance) return g;
    const T = new Float64Array(p * p);
    for (let i = 0; i < n; i++) {
      const wd = w[i]! * d[i]!;
      if (wd === 0) continue;
      const end = start[i + 1]!;
      for (let a = start[i]!; a < end; a++) {
        const base = col[a]! * p;
        const va = wd * val[a]!;
        for (let b = a; b < end; b++) T[base + col[b]!] += va * val[b]!;
      }
    }
    // symmetrise (each pair was added once, in the order the row lists them)
    for (let a = 0; a < p; a++) {
      for (let b = a + 1; b < p; b++) {
        const s = T[a * p + b]! + T[b * p + a]!;
        T[a * p + b] = T[b * p + a] = s;
      }
    }
    const step = cholesky(T, m, p) ?? pseudoSolve(T, m, p);
    for (let k = 0; k < p; k++) lambda[k]! += step[k]!;
    let halvings = 0;
    while (!evaluate() && halvings++ < 60) {
      for (let k = 0; k < p; k++) {
        step[k]! /= 2;
        lambda[k]! -= step[k]!;
      }
    }
    m = misfit();
  }
  const { k, v } = worst(m);
  if (v < tolerance) return g;
  const boundsText = Number.isFinite(bounds[0]) || Number.isFinite(bounds[1]) ? `bounds [${bounds[0]}, ${bounds[1]}] cannot be met together with all the totals; widen bounds or` : 'the totals cannot all be met at once;';
  throw new PovineqError('NOT_CONVERGED', `calibrate(): no convergence after ${maxIterations} iterations (method '${method}'): ${boundsText} check the totals (worst: ${c.label[k]}, misfit ${fmt(m[k]!)}, relative ${v.toExponential(2)})`, {
    option: 'totals',
    column: c.label[k],
    misfit: m[k],
  });
}

/** Solves T s = m by Cholesky; undefined when T is not (numerically) positive definite. */
function cholesky(T: Float64Array, m: Float64Array, p: number): Float64Array | undefined {
  const L = new Float64Array(p * p);
  let max = 0;
  for (let i = 0; i < p; i++) max = Math.max(max, T[i * p + i]!);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = T[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      if (i === j) {
        if (!(s > 1e-10 * max)) return undefined;
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + j] = s / L[j * p + j]!;
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = m[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * y[k]!;
    y[i] = s / L[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}

/**
 * Solves the symmetric system T s = m through its eigen-decomposition (Jacobi rotations), dropping
 * eigenvalues below 256·ε·max — the Moore–Penrose solution survey takes with MASS::ginv.
 */
function pseudoSolve(T: Float64Array, m: Float64Array, p: number): Float64Array {
  const A = Float64Array.from(T);
  const V = new Float64Array(p * p);
  for (let i = 0; i < p; i++) V[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += A[i * p + j]! ** 2;
    if (off < 1e-300) break;
    for (let i = 0; i < p; i++) {
      for (let j = i + 1; j < p; j++) {
        const aij = A[i * p + j]!;
        if (aij === 0) continue;
        const theta = (A[j * p + j]! - A[i * p + i]!) / (2 * aij);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < p; k++) {
          const aki = A[k * p + i]!;
          const akj = A[k * p + j]!;
          A[k * p + i] = cs * aki - sn * akj;
          A[k * p + j] = sn * aki + cs * akj;
        }
        for (let k = 0; k < p; k++) {
          const aik = A[i * p + k]!;
          const ajk = A[j * p + k]!;
          A[i * p + k] = cs * aik - sn * ajk;
          A[j * p + k] = sn * aik + cs * ajk;
        }
        for (let k = 0; k < p; k++) {
          const vki = V[k * p + i]!;
          const vkj = V[k * p + j]!;
          V[k * p + i] = cs * vki - sn * vkj;
          V[k * p + j] = sn * vki + cs * vkj;
        }
      }
    }
  }
  let max = 0;
  for (let i = 0; i < p; i++) max = Math.max(max, Math.abs(A[i * p + i]!));
  const cut = 256 * Number.EPSILON * max;
  const s = new Float64Array(p);
  for (let e = 0; e < p; e++) {
    const lambda = A[e * p + e]!;
    if (Math.abs(lambda) <= cut) continue;
    let proj = 0;
    for (let k = 0; k < p; k++) proj += V[k * p + e]! * m[k]!;
    for (let k = 0; k < p; k++) s[k]! += (V[k * p + e]! * proj) / lambda;
  }
  return s;
}
