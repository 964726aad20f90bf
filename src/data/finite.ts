import { PovineqError } from './errors.js';

/**
 * Returns a result unchanged if every number in it (fields, arrays, Arquero table columns) is
 * finite; otherwise throws UNDEFINED_RESULT naming the field, so that no function hands back a
 * silent NaN or Infinity. `nullable` names fields that may be null (they carry their own flag).
 */
export function requireFinite<T>(result: T, context: string, hint: string): T {
  const bad = firstNonFinite(result, '', 0);
  if (bad !== undefined) {
    throw new PovineqError(
      'UNDEFINED_RESULT',
      `${context}: ${bad.path || 'the result'} came out as ${bad.value}; ${hint}`,
      { field: bad.path, value: String(bad.value) },
    );
  }
  return result;
}

function firstNonFinite(x: unknown, path: string, depth: number): { path: string; value: unknown } | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? undefined : { path, value: x };
  if (x === null || typeof x !== 'object' || depth > 3) return undefined;
  const t = x as { numRows?: () => number; columnNames?: () => string[]; array?: (c: string) => ArrayLike<unknown> };
  if (typeof t.numRows === 'function' && typeof t.columnNames === 'function' && typeof t.array === 'function') {
    for (const c of t.columnNames()) {
      const a = t.array(c);
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        if (typeof v === 'number' && !Number.isFinite(v)) return { path: `column ${c} (row ${i})`, value: v };
      }
    }
    return undefined;
  }
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const a = x as ArrayLike<unknown>;
    for (let i = 0; i < a.length; i++) {
      const b = firstNonFinite(a[i], `${path}[${i}]`, depth + 1);
      if (b) return b;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(x)) {
    const b = firstNonFinite(v, path ? `${path}.${k}` : k, depth + 1);
    if (b) return b;
  }
  return undefined;
}
