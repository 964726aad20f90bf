import { PovineqError } from '../data/index.js';
import { type SqlDialect, type SqlDialectName, sqlDialect } from './dialects/index.js';
import {
  type MeasuresSQLOptions,
  type MeasuresSQLRequest,
  type Normalized,
  type SqlSource,
  atkinsonName,
  normalize,
  outputNames,
  quantileName,
} from './options.js';

/** A query and the values bound to its parameters, in order. */
export interface BoundSQL {
  /** The SQL text. User values appear only as parameter markers (`$1`, or `?`). */
  sql: string;
  /** The values of the parameters, in the order of their markers. */
  params: unknown[];
}

/** What {@link measuresSQL} returns: the measures query and the query that checks the input first. */
export interface CompiledMeasures extends BoundSQL {
  /** The dialect the text is written in. */
  dialect: SqlDialectName;
  /** The result columns of the measures, after the `by` columns. */
  columns: string[];
  /**
   * The input checks: one row of counts (missing, non-numeric and infinite values, non-positive
   * weights and values) to run before the measures, since SQL would otherwise skip NULLs in silence.
   */
  checks: BoundSQL;
}

/** @internal What the runner knows about the source's columns (text columns need a guarded cast). */
export interface SourceFacts {
  textColumns?: ReadonlySet<string>;
}

/** Hidden result columns that let the runner raise the same errors as the in-memory measures. */
export const AUX = {
  mean: 'povineq_mean',
  meanPositive: 'povineq_mean_positive',
  meanNonNegative: 'povineq_mean_nonnegative',
  lorenz40: 'povineq_lorenz40',
  bottom20: 'povineq_bottom20',
  poor: 'povineq_poor_weight',
} as const;

// The tolerance of the EU-SILC rule's "share equals p exactly" (see core/quantile.ts).
const TIE_TOLERANCE = '1e-12';

/**
 * The user values of a query. While the text is built, each value is a token that may appear
 * several times; `finish` writes the dialect's markers: `$n` reused as is, and for positional `?`
 * markers one value per occurrence, in order.
 */
class Params {
  private readonly values: unknown[] = [];
  constructor(private readonly d: SqlDialect) {}
  /** A token standing for a user value. */
  bind(v: unknown): string {
    this.values.push(v);
    return `\u0000${this.values.length}\u0000`;
  }
  /** The text with the dialect's markers, and the values in marker order. */
  finish(text: string): BoundSQL {
    const params: unknown[] = [];
    const numbered = this.d.placeholder(1) !== this.d.placeholder(2);
    const sql = text.replace(/\u0000(\d+)\u0000/g, (_, i: string) => {
      if (numbered) return this.d.placeholder(Number(i));
      params.push(this.values[Number(i) - 1]);
      return this.d.placeholder(params.length);
    });
    return { sql, params: numbered ? [...this.values] : params };
  }
  /** A user number, typed as a double. */
  num(v: number): string {
    return `CAST(${this.bind(v)} AS ${this.d.double})`;
  }
}

function sourceText(from: SqlSource, d: SqlDialect, params: Params): string {
  const qualified = (name: string | readonly string[]): string => {
    const parts = typeof name === 'string' ? [name] : [...name];
    if (parts.length === 0 || !parts.every((p) => typeof p === 'string' && p.length > 0 && !p.includes('\u0000'))) {
      throw new PovineqError('INVALID_OPTION', `from must name a table (a string, or ['schema', 'table']), got ${JSON.stringify(name)}`, {
        option: 'from',
      });
    }
    return parts.map((p) => d.quote(p)).join('.');
  };
  if (typeof from === 'string' || Array.isArray(from)) return qualified(from as string | string[]);
  if (from !== null && typeof from === 'object') {
    if ('table' in from) return qualified(from.table);
    const kind = 'parquet' in from ? 'parquet' : 'csv' in from ? 'csv' : undefined;
    if (kind !== undefined) {
      const paths = (from as Record<string, unknown>)[kind];
      const list = typeof paths === 'string' ? [paths] : Array.isArray(paths) ? paths : [];
      if (list.length === 0 || !list.every((p) => typeof p === 'string' && p.length > 0)) {
        throw new PovineqError('INVALID_OPTION', `from.${kind} must be a file path or glob, or an array of them, got ${JSON.stringify(paths)}`, {
          option: 'from',
        });
      }
      if (!d.readFiles) {
        throw new PovineqError(
          'INVALID_OPTION',
          `the ${d.name} dialect cannot read ${kind} files in a query; load them into a table and pass { from: 'table' }, or use DuckDB`,
          { option: 'from' },
        );
      }
      return d.readFiles(kind, list.map((p) => params.bind(p)));
    }
  }
  throw new PovineqError(
    'INVALID_OPTION',
    `from must be a table name, { table }, { parquet: 'path/*.parquet' } or { csv: 'file.csv' }, got ${JSON.stringify(from)}`,
    { option: 'from' },
  );
}

/** `SELECT * FROM <source> LIMIT 0`: the source's columns and types without reading a row. */
export function probeSQL(dialect: SqlDialectName, from: SqlSource): BoundSQL {
  const d = sqlDialect(dialect);
  const params = new Params(d);
  return params.finish(`SELECT * FROM ${sourceText(from, d, params)} LIMIT 0`);
}

/** The raw rows: group keys g0…, the value x and weight w as doubles (and the raw columns for checks). */
function rawStep(o: Normalized, d: SqlDialect, from: string, facts: SourceFacts, withRaw: boolean): string {
  const text = (c: string) => facts.textColumns?.has(c) ?? false;
  const cols = o.by.map((b, i) => `${d.quote(b)} AS g${i}`);
  cols.push(`${d.toDouble(d.quote(o.value), text(o.value))} AS x`);
  cols.push(o.weight === undefined ? `CAST(1 AS ${d.double}) AS w` : `${d.toDouble(d.quote(o.weight), text(o.weight))} AS w`);
  if (withRaw) {
    cols.push(`${d.quote(o.value)} AS x_raw`);
    if (o.weight !== undefined) cols.push(`${d.quote(o.weight)} AS w_raw`);
  }
  return `SELECT ${cols.join(', ')} FROM ${from}`;
}

const finite = (d: SqlDialect, e: string) => `(${e} IS NOT NULL AND NOT ${d.isNaN(e)} AND NOT ${d.isInfinite(e)})`;

/** Rows the measures keep: all of them, unless the caller asked to drop bad ones. */
function keepCondition(o: Normalized, d: SqlDialect): string[] {
  const where: string[] = [];
  if (o.missing === 'drop') where.push(finite(d, 'x'), finite(d, 'w'));
  if (o.nonPositiveWeights === 'drop') where.push('w > 0');
  return where;
}

function checksQuery(o: Normalized, d: SqlDialect, from: string, facts: SourceFacts): string {
  const count = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  const kept = keepCondition(o, d);
  const valid = [finite(d, 'x'), finite(d, 'w'), ...kept].join(' AND ');
  const parts = [
    `COUNT(*) AS rows_in`,
    `${count(`x_raw IS NULL OR ${d.isNaN('x')}`)} AS value_missing`,
    `${count('x_raw IS NOT NULL AND x IS NULL')} AS value_text`,
    `${count(d.isInfinite('x'))} AS value_infinite`,
  ];
  if (o.weight !== undefined) {
    parts.push(
      `${count(`w_raw IS NULL OR ${d.isNaN('w')}`)} AS weight_missing`,
      `${count('w_raw IS NOT NULL AND w IS NULL')} AS weight_text`,
      `${count(d.isInfinite('w'))} AS weight_infinite`,
      `${count(`${finite(d, 'x')} AND ${finite(d, 'w')} AND w <= 0`)} AS weight_nonpositive`,
    );
  }
  parts.push(`${count(valid)} AS rows_kept`, `${count(`${valid} AND x <= 0`)} AS value_nonpositive`, `${count(`${valid} AND x < 0`)} AS value_negative`);
  return `WITH raw AS (${rawStep(o, d, from, facts, true)})\nSELECT ${parts.join(',\n  ')}\nFROM raw`;
}

/**
 * The EU-SILC quantile at p of the rows of `ranked` (cw cumulative weight, tw total): the first unit
 * whose share reaches p, averaged with the next unit when the share equals p. The next unit is the
 * first whose cumulative weight passes p·W + tolerance (a unit lighter than twice the tolerance,
 * 2e-12 of the total, would be skipped over; no survey has one).
 */
function eurostatQuantile(p: string, isZero: boolean, isOne: boolean, prefix = ''): string {
  if (isZero) return `MIN(${prefix}x)`;
  if (isOne) return `MAX(${prefix}x)`;
  const t = `${p} * ${prefix}tw`;
  const tol = `${TIE_TOLERANCE} * ${prefix}tw`;
  const band = `ABS(${prefix}cw - ${t}) <= ${tol}`;
  const bandX = `MIN(CASE WHEN ${band} THEN ${prefix}x END)`;
  const bandNext = `MIN(CASE WHEN ${prefix}cw > ${t} + ${tol} THEN ${prefix}x END)`;
  return (
    `CASE WHEN ${bandX} IS NULL THEN MIN(CASE WHEN ${prefix}cw >= ${t} - ${tol} THEN ${prefix}x END) ` +
    `ELSE (${bandX} + COALESCE(${bandNext}, ${bandX})) / 2 END`
  );
}

/** laeken's weighted quantile: the first unit whose cumulative share strictly exceeds p. */
const laekenQuantile = (p: string) => `MIN(CASE WHEN cw / tw > ${p} THEN x END)`;

/**
 * The SQL for the core poverty and inequality measures, computed per group inside the database.
 *
 * One query of window functions over the weighted sorted order (no user-defined functions): the
 * rows are sorted once per group, cumulative weights and totals come from running sums, and each
 * measure is an aggregate over that order, with the package's quantile rules (EU-SILC averaging
 * for the median, quantiles and poverty line; laeken's strict rule for ARPR, RMPG and S80/S20).
 * Identifiers are quoted; user values (file paths, probabilities, fractions, lines, ε) are bound
 * parameters. Run `checks` first (queryMeasures does): SQL skips NULLs in silence.
 *
 * @example
 * const { sql, params } = measuresSQL({ dialect: 'postgres', from: 'households', value: 'income', weight: 'w', by: 'council' });
 */
export function measuresSQL(options: MeasuresSQLRequest, facts: SourceFacts = {}): CompiledMeasures {
  const d = sqlDialect(options?.dialect);
  const { dialect: _dialect, ...rest } = options;
  const o = normalize(rest as MeasuresSQLOptions);
  const checkParams = new Params(d);
  const checks = checkParams.finish(checksQuery(o, d, sourceText(options.from, d, checkParams), facts));
  const params = new Params(d);
  const from = sourceText(options.from, d, params);
  return { dialect: d.name, ...params.finish(mainQuery(o, d, from, facts, params)), columns: outputNames(o), checks };
}

function mainQuery(o: Normalized, d: SqlDialect, from: string, facts: SourceFacts, params: Params): string {
  const m = o.measures;
  const keys = o.by.map((_, i) => `g${i}`);
  const part = keys.length ? `PARTITION BY ${keys.join(', ')} ` : '';
  const order = 'ORDER BY x, w';
  const running = `OVER (${part}${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  const groupBy = keys.length ? `\nGROUP BY ${keys.join(', ')}` : '';
  const on = (a: string, b: string) => (keys.length ? keys.map((k) => d.sameKey(`${a}.${k}`, `${b}.${k}`)).join(' AND ') : '1 = 1');
  const mat = d.materialize ? 'MATERIALIZED ' : '';
  const lit = (v: number) => `CAST(${v} AS ${d.double})`;

  const usesFgtLine = m.has('povertyLine') || m.has('headcount') || m.has('povertyGap') || m.has('povertySeverity');
  const usesArpt = m.has('arpr') || m.has('rmpg');
  const usesEntropy = m.has('theil') || m.has('mld') || m.has('atkinson');
  const populationLine = o.line === undefined && keys.length > 0 && !o.groupLine && (usesFgtLine || usesArpt);

  const ctes: string[] = [];
  const kept = keepCondition(o, d);
  // The filter sits outside the step that names x and w, so that it reads them, not source columns of those names.
  ctes.push(
    kept.length
      ? `src AS (\n  SELECT * FROM (${rawStep(o, d, from, facts, false)}) AS raw\n  WHERE ${kept.join(' AND ')}\n)`
      : `src AS (\n  ${rawStep(o, d, from, facts, false)}\n)`,
  );
  ctes.push(
    `ranked AS ${mat}(\n  SELECT ${[...keys, 'x', 'w'].join(', ')},\n` +
      `    SUM(w) ${running} AS cw,\n` +
      `    SUM(w) OVER (${part.trim()}) AS tw\n  FROM src\n)`,
  );

  // Step 1, per group: totals, quantiles, Lorenz ordinates and the Gini sum over the sorted order.
  const s1: string[] = [
    ...keys,
    'COUNT(*) AS n',
    'MAX(tw) AS tw',
    'SUM(w * x) AS tt',
    `${eurostatQuantile(lit(0.5), false, false)} AS median_e`,
    `MIN(CASE WHEN cw >= ${lit(0.5)} * tw - ${TIE_TOLERANCE} * tw THEN x END) AS median_first`,
    `${laekenQuantile(lit(0.5))} AS median_l`,
    `${laekenQuantile(lit(0.2))} AS q20`,
    `${laekenQuantile(lit(0.8))} AS q80`,
    'SUM(w * x * (2 * cw - w)) AS gini_s',
    'SUM(CASE WHEN x > 0 THEN w ELSE 0 END) AS w_pos',
    'SUM(CASE WHEN x > 0 THEN w * x ELSE 0 END) AS t_pos',
    'SUM(CASE WHEN x >= 0 THEN w ELSE 0 END) AS w_nn',
    'SUM(CASE WHEN x >= 0 THEN w * x ELSE 0 END) AS t_nn',
  ];
  for (const p of [0.4, 0.9]) {
    const t = `${lit(p)} * tw`;
    const k = Math.round(p * 100);
    s1.push(
      `MIN(CASE WHEN cw >= ${t} THEN x END) AS l${k}_x`,
      `COALESCE(MAX(CASE WHEN cw < ${t} THEN cw END), 0) AS l${k}_c`,
      `COALESCE(SUM(CASE WHEN cw < ${t} THEN w * x END), 0) AS l${k}_t`,
    );
  }
  if (m.has('quantiles')) {
    o.quantiles.forEach((p, i) => s1.push(`${eurostatQuantile(p === 0 || p === 1 ? '' : params.num(p), p === 0, p === 1)} AS q_${i}`));
  }
  ctes.push(`s1 AS (\n  SELECT ${s1.join(',\n    ')}\n  FROM ranked${groupBy}\n)`);

  if (populationLine) {
    // The population's median lies between the smallest and the largest group median (below every
    // group's median, every group's share is at most one half, so the population's is too; above
    // every one, more than half): only the rows in that range are sorted again, the weight below
    // it is added to their running sum.
    ctes.push(
      `bounds AS (\n  SELECT MIN(median_first) AS lo, MAX(median_l) AS hi, SUM(tw) AS tw_all FROM s1\n)`,
      `pranked AS (\n  SELECT x, w,\n    (SELECT COALESCE(SUM(src.w), 0) FROM src, bounds WHERE src.x < bounds.lo) + ` +
        `SUM(w) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cw,\n    bounds.tw_all AS tw\n` +
        `  FROM src CROSS JOIN bounds WHERE src.x >= bounds.lo AND src.x <= bounds.hi\n)`,
      `pop AS (\n  SELECT ${eurostatQuantile(lit(0.5), false, false)} AS median_e, ${laekenQuantile(lit(0.5))} AS median_l\n  FROM pranked\n)`,
    );
  }
  // The lines: a fixed one, the population's (one line for every group), or each group's own.
  const fixed = o.line !== undefined ? params.num(o.line) : undefined;
  const fraction = fixed === undefined && (usesFgtLine || usesArpt) ? params.num(o.fraction) : lit(0.6);
  const medianOf = populationLine ? 'pop' : 's1';
  const lineE = fixed ?? `${fraction} * ${medianOf}.median_e`;
  const lineL = fixed ?? `${fraction} * ${medianOf}.median_l`;
  ctes.push(
    `l AS (\n  SELECT s1.*, s1.tt / s1.tw AS mu,\n    s1.t_pos / NULLIF(s1.w_pos, 0) AS mu_pos,\n    s1.t_nn / NULLIF(s1.w_nn, 0) AS mu_nn,\n` +
      `    ${lineE} AS line,\n    ${lineL} AS arpt\n  FROM s1${populationLine ? ' CROSS JOIN pop' : ''}\n)`,
  );

  // Step 2, per group, with the lines and means known: poverty sums, S80/S20 shares, entropy sums.
  const s2: string[] = [
    ...keys.map((k) => `r.${k}`),
    'SUM(CASE WHEN r.x < l.line THEN r.w END) AS below_w',
    'SUM(CASE WHEN r.x < l.line THEN r.w * (l.line - r.x) ELSE 0 END) AS gap_s',
    'SUM(CASE WHEN r.x < l.line THEN r.w * (l.line - r.x) * (l.line - r.x) ELSE 0 END) AS severity_s',
    'MAX(CASE WHEN r.x < l.arpt THEN r.cw END) AS poor_w',
    'SUM(CASE WHEN r.x <= l.q20 THEN r.w * r.x END) AS bottom20',
    'SUM(CASE WHEN r.x <= l.q80 THEN r.w * r.x END) AS upto80',
  ];
  if (usesEntropy) {
    s2.push(
      'SUM(CASE WHEN r.x > 0 THEN r.w * (r.x / l.mu_pos) * LN(r.x / l.mu_pos) ELSE 0 END) AS theil_s',
      'SUM(CASE WHEN r.x > 0 THEN r.w * LN(l.mu_pos / r.x) ELSE 0 END) AS mld_s',
    );
  }
  const atkinson: string[] = [];
  if (m.has('atkinson')) {
    o.epsilon.forEach((e, i) => {
      const name = d.quote(atkinsonName(e));
      if (e === 0) {
        atkinson.push(`CASE WHEN l.mu > 0 THEN ${lit(0)} END AS ${name}`);
      } else if (e === 1) {
        s2.push(`SUM(CASE WHEN r.x > 0 THEN r.w * LN(r.x) ELSE 0 END) AS atk_${i}`);
        atkinson.push(`1 - EXP(s2.atk_${i} / l.w_pos) / l.mu_pos AS ${name}`);
      } else {
        const eps = params.num(e);
        const [domain, mu, total] = e > 1 ? ['r.x > 0', 'l.mu_pos', 'l.w_pos'] : ['r.x >= 0', 'l.mu_nn', 'l.w_nn'];
        s2.push(`SUM(CASE WHEN ${domain} THEN r.w * POWER(r.x / ${mu}, 1 - ${eps}) ELSE 0 END) AS atk_${i}`);
        atkinson.push(`1 - POWER(s2.atk_${i} / ${total}, 1 / (1 - ${params.num(e)})) AS ${name}`);
      }
    });
  }
  ctes.push(`s2 AS (\n  SELECT ${s2.join(',\n    ')}\n  FROM ranked r JOIN l ON ${on('r', 'l')}${keys.length ? `\n  GROUP BY ${keys.map((k) => `r.${k}`).join(', ')}` : ''}\n)`);

  // Step 3, per group: the median of the poor (laeken's rule over the units below the threshold).
  if (m.has('rmpg')) {
    ctes.push(
      `s3 AS (\n  SELECT ${[...keys.map((k) => `r.${k}`), `MIN(CASE WHEN r.x < l.arpt AND r.cw / s2.poor_w > ${lit(0.5)} THEN r.x END) AS median_poor`].join(', ')}\n` +
        `  FROM ranked r JOIN l ON ${on('r', 'l')} JOIN s2 ON ${on('r', 's2')}${keys.length ? `\n  GROUP BY ${keys.map((k) => `r.${k}`).join(', ')}` : ''}\n)`,
    );
  }

  const lorenz = (k: number) => `(l.l${k}_t + (${lit(k / 100)} * l.tw - l.l${k}_c) * l.l${k}_x) / l.tt`;
  const out: string[] = o.by.map((b, i) => `l.g${i} AS ${d.quote(b)}`);
  const push = (name: string, expression: string) => out.push(`${expression} AS ${d.quote(name)}`);
  if (m.has('n')) push('n', `CAST(l.n AS ${d.double})`);
  if (m.has('population')) push('population', 'l.tw');
  if (m.has('mean')) push('mean', 'l.mu');
  if (m.has('median')) push('median', 'l.median_e');
  if (m.has('quantiles')) o.quantiles.forEach((p, i) => push(quantileName(p), `l.q_${i}`));
  if (m.has('povertyLine')) push('povertyLine', 'l.line');
  if (m.has('headcount')) push('headcount', 'COALESCE(s2.below_w, 0) / l.tw');
  if (m.has('povertyGap')) push('povertyGap', 's2.gap_s / NULLIF(l.line, 0) / l.tw');
  if (m.has('povertySeverity')) push('povertySeverity', 's2.severity_s / NULLIF(l.line * l.line, 0) / l.tw');
  if (m.has('arpr')) push('arpr', 'COALESCE(s2.poor_w, 0) / l.tw');
  if (m.has('rmpg')) push('rmpg', '(l.arpt - s3.median_poor) / NULLIF(l.arpt, 0)');
  if (m.has('gini')) push('gini', 'l.gini_s / NULLIF(l.tw * l.tt, 0) - 1');
  if (m.has('s80s20')) push('s80s20', '(l.tt - s2.upto80) / NULLIF(s2.bottom20, 0)');
  if (m.has('palma')) push('palma', `(1 - ${lorenz(90)}) / NULLIF(${lorenz(40)}, 0)`);
  if (m.has('theil')) push('theil', 's2.theil_s / NULLIF(l.w_pos, 0)');
  if (m.has('mld')) push('mld', 's2.mld_s / NULLIF(l.w_pos, 0)');
  out.push(...atkinson);
  out.push(
    `l.mu AS ${AUX.mean}`,
    `l.mu_pos AS ${AUX.meanPositive}`,
    `l.mu_nn AS ${AUX.meanNonNegative}`,
    `${lorenz(40)} AS ${AUX.lorenz40}`,
    `s2.bottom20 AS ${AUX.bottom20}`,
    `s2.poor_w AS ${AUX.poor}`,
  );
  const joins = `JOIN s2 ON ${on('l', 's2')}${m.has('rmpg') ? ` JOIN s3 ON ${on('l', 's3')}` : ''}`;
  return (
    `WITH ${ctes.join(',\n')}\nSELECT ${out.join(',\n  ')}\nFROM l ${joins}` + (keys.length ? `\nORDER BY ${keys.map((k) => `l.${k}`).join(', ')}` : '')
  );
}
