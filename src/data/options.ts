import { PovineqError } from './errors.js';

/**
 * What one option may hold. Rules are data, so one validator serves every function that takes
 * options, and every message has the same shape: the function, the option, what it got, what it
 * needs and the nearest valid value ("did you mean 'percent'?").
 */
export type OptionRule =
  | { kind: 'enum'; values: readonly (string | number | boolean)[] }
  | {
      kind: 'number';
      /** Smallest allowed value (inclusive unless `above`). */
      min?: number;
      /** Largest allowed value (inclusive unless `below`). */
      max?: number;
      /** The value must be strictly greater than `min`. */
      above?: boolean;
      /** The value must be strictly less than `max`. */
      below?: boolean;
      integer?: boolean;
      /** What the number means, for the message: "a fraction (0.6 for 60%)", "pixels". */
      means?: string;
      /** The default, suggested when nothing nearer fits (e.g. for NaN). */
      fallback?: number;
    }
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'function' }
  | { kind: 'columns' }
  | { kind: 'array' }
  | { kind: 'object' }
  | { kind: 'any' }
  | { kind: 'check'; check: (value: unknown, option: string, context: string) => void };

/** The options a function takes, by name. */
export type OptionSpec = Readonly<Record<string, OptionRule>>;

/**
 * Validates an options object against a spec and returns it (null or undefined become `{}`).
 *
 * - An option name not in the spec is an error naming the nearest valid name, unless `open`.
 * - An option given as `undefined` counts as not given.
 * - A value outside its rule is an error naming the option, the value, the rule and the nearest
 *   valid value: the closest name for an enumeration, 0.6 for a fraction given as 60, the
 *   absolute value for a negative amount, the default for NaN.
 *
 * The options object is never changed.
 *
 * With `{ missing: 'dorp' }` the same call throws: `gini: option missing must be one of 'error',
 * 'drop', got "dorp"; did you mean 'drop'?`
 *
 * @example
 * checkOptions({ missing: 'drop' }, { missing: { kind: 'enum', values: ['error', 'drop'] } }, 'gini') // { missing: 'drop' }
 */
export function checkOptions<T extends object>(
  options: T | null | undefined,
  spec: OptionSpec,
  context: string,
  settings: { open?: boolean } = {},
): T {
  if (options === null || options === undefined) return {} as T;
  if (typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options)) {
    throw new PovineqError(
      'INVALID_OPTION',
      `${context}: options must be an object such as { ${Object.keys(spec).slice(0, 2).map((k) => `${k}: …`).join(', ')} }, got ${describe(options)}`,
      { option: 'options', context },
    );
  }
  for (const name of Object.keys(options)) {
    const rule = spec[name];
    const value = (options as Record<string, unknown>)[name];
    if (rule === undefined) {
      if (settings.open) continue;
      const names = Object.keys(spec);
      const near = nearest(name, names);
      throw new PovineqError(
        'INVALID_OPTION',
        `${context}: unknown option "${name}"; did you mean '${near}'? Its options are ${names.join(', ')}`,
        { option: name, context, suggestion: near, options: names },
      );
    }
    if (value === undefined) continue;
    checkValue(value, rule, name, context);
  }
  return options;
}

/** Checks one option value against its rule (see {@link checkOptions}). */
export function checkValue(value: unknown, rule: OptionRule, option: string, context: string): void {
  const fail = (needs: string, suggestion: unknown): never => {
    const shown = typeof suggestion === 'string' ? `'${suggestion}'` : String(suggestion);
    throw new PovineqError(
      'INVALID_OPTION',
      `${context}: option ${option} must be ${needs}, got ${describe(value)}; did you mean ${shown}?`,
      { option, context, value: typeof value === 'number' || typeof value === 'string' ? value : describe(value), suggestion },
    );
  };
  switch (rule.kind) {
    case 'enum': {
      if (rule.values.includes(value as never)) return;
      const listed = rule.values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
      const near = nearest(String(value), rule.values.map(String));
      const suggestion = rule.values.find((v) => String(v) === near);
      fail(`one of ${listed}`, suggestion);
      return;
    }
    case 'number': {
      const needs = numberNeeds(rule);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        const parsed = typeof value === 'string' ? Number(value) : NaN;
        fail(needs, Number.isFinite(parsed) && fits(parsed, rule) ? parsed : (rule.fallback ?? boundary(rule)));
      }
      const x = value as number;
      if (fits(x, rule)) return;
      fail(needs, suggestNumber(x, rule));
      return;
    }
    case 'string':
      if (typeof value !== 'string') fail('text (a string)', String(value));
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail('true or false', Boolean(value));
      return;
    case 'function':
      if (typeof value !== 'function') fail('a function', '(x) => …');
      return;
    case 'columns':
      if (typeof value === 'string' && value !== '') return;
      if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== '')) return;
      fail('a column name or a non-empty array of column names', typeof value === 'number' ? String(value) : '<column>');
      return;
    case 'array':
      if (!Array.isArray(value) && !ArrayBuffer.isView(value)) fail('an array', '[…]');
      return;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('an object', '{ … }');
      return;
    case 'check':
      rule.check(value, option, context);
      return;
    case 'any':
      return;
  }
}

function fits(x: number, r: Extract<OptionRule, { kind: 'number' }>): boolean {
  if (!Number.isFinite(x)) return false;
  if (r.integer && !Number.isInteger(x)) return false;
  if (r.min !== undefined && (r.above ? !(x > r.min) : !(x >= r.min))) return false;
  if (r.max !== undefined && (r.below ? !(x < r.max) : !(x <= r.max))) return false;
  return true;
}

function numberNeeds(r: Extract<OptionRule, { kind: 'number' }>): string {
  const parts: string[] = [r.integer ? 'a whole number' : 'a finite number'];
  if (r.min !== undefined && r.max !== undefined) {
    parts.push(`in ${r.above ? '(' : '['}${r.min}, ${r.max}${r.below ? ')' : ']'}`);
  } else if (r.min !== undefined) parts.push(`${r.above ? '>' : '≥'} ${r.min}`);
  else if (r.max !== undefined) parts.push(`${r.below ? '<' : '≤'} ${r.max}`);
  if (r.means) parts.push(`(${r.means})`);
  return parts.join(' ');
}

/** A valid number near x: a percent read as a fraction, the absolute value, rounding, else a bound. */
function suggestNumber(x: number, r: Extract<OptionRule, { kind: 'number' }>): number {
  const tries = [x / 100, Math.abs(x), Math.round(x), Math.round(Math.abs(x))];
  for (const t of tries) if (fits(t, r)) return t;
  if (r.fallback !== undefined) return r.fallback;
  return boundary(r, x);
}

/** The allowed value nearest x (or the lower bound). */
function boundary(r: Extract<OptionRule, { kind: 'number' }>, x = NaN): number {
  const step = r.integer ? 1 : 1e-6;
  if (r.max !== undefined && x > r.max) return r.below ? r.max - step : r.max;
  if (r.min !== undefined) return r.above ? (r.integer ? r.min + 1 : r.min + (r.max !== undefined ? Math.min(step, (r.max - r.min) / 2) : 1)) : r.min;
  if (r.max !== undefined) return r.below ? r.max - step : r.max;
  return 0;
}

/** The candidate closest to `name` by edit distance (case-insensitive), ties to the earlier. */
export function nearest(name: string, candidates: readonly string[]): string {
  let best = candidates[0] ?? '';
  let bestScore = Infinity;
  const a = name.toLowerCase();
  for (const c of candidates) {
    const b = c.toLowerCase();
    // a prefix or containment match ('percentage' → 'percent') beats raw distance
    const score = b.startsWith(a) || a.startsWith(b) ? Math.abs(a.length - b.length) * 0.1 : editDistance(a, b);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Levenshtein distance, with a transposition counting one (Damerau, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'function') return 'a function';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
