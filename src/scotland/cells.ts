/**
 * Parsing of published statistics cells: the markers official tables use in place of a number.
 * Internal to the Scottish loaders.
 */

/** Why a published cell holds no number. */
export type CellFlag = 'suppressed' | 'missing' | 'error';

/** A column of published cells parsed into numbers, with a flag for every cell that is not one. */
export interface ParsedCells {
  values: (number | null)[];
  flags: (CellFlag | null)[];
  /** Cells that were text but not a known marker (should be none in bundled data). */
  unparsed: number[];
}

/**
 * Parses cells such as `"8%"` (→ 0.08 when `percent`), `"2,351"` (→ 2351), `"*"` (→ null, flag
 * `suppressed`), blank, `n/a` or `NA` (→ null, `missing`) and spreadsheet errors such as
 * `#VALUE!` (→ null, `error`). With `percent`, a `%` sign is required except for a bare zero.
 */
export function parseCells(raw: ArrayLike<unknown>, percent = false): ParsedCells {
  const n = raw.length;
  const values: (number | null)[] = new Array(n);
  const flags: (CellFlag | null)[] = new Array(n);
  const unparsed: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    values[i] = null;
    flags[i] = null;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) values[i] = percent ? v / 100 : v;
      else flags[i] = 'missing';
      continue;
    }
    const s = v === null || v === undefined ? '' : String(v).trim();
    if (s === '' || /^(n\/a|na|nan)$/i.test(s)) {
      flags[i] = 'missing';
      continue;
    }
    if (s === '*') {
      flags[i] = 'suppressed';
      continue;
    }
    if (s.startsWith('#')) {
      flags[i] = 'error';
      continue;
    }
    const isPercent = s.endsWith('%');
    const x = Number((isPercent ? s.slice(0, -1) : s).replace(/,/g, ''));
    if (!Number.isFinite(x) || (percent && !isPercent && x !== 0) || (!percent && isPercent)) {
      unparsed.push(i);
      flags[i] = 'error';
      continue;
    }
    values[i] = isPercent ? x / 100 : x;
  }
  return { values, flags, unparsed };
}
