/**
 * The one error class povineq throws for bad input or an impossible request.
 *
 * Every error carries a stable machine-readable `code` and a message that names the column,
 * the number of offending rows and the option that handles them, e.g.
 * `column "income" has 3 missing values (rows 12, 40, 77); pass { missing: 'drop' } to exclude them`.
 */
export class PovineqError extends Error {
  /** Stable identifier of the kind of problem, e.g. `'MISSING_VALUE'`. */
  readonly code: PovineqErrorCode;
  /** Structured facts behind the message (column, count, rows, option…), for programs. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: PovineqErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'PovineqError';
    this.code = code;
    this.details = details;
  }
}

/** Every code a {@link PovineqError} can carry. */
export type PovineqErrorCode =
  | 'MISSING_COLUMN'
  | 'MISSING_OPTION'
  | 'INVALID_OPTION'
  | 'INVALID_INPUT'
  | 'MISSING_VALUE'
  | 'NON_NUMERIC'
  | 'NON_FINITE'
  | 'NON_POSITIVE_WEIGHT'
  | 'NON_POSITIVE_VALUE'
  | 'NON_POSITIVE_MEAN'
  | 'EMPTY'
  | 'EMPTY_GROUP'
  | 'LENGTH_MISMATCH'
  | 'UNDEFINED_RESULT'
  | 'INVALID_DESIGN'
  | 'SINGLE_PSU'
  | 'INVALID_REPLICATES'
  | 'INVALID_HOUSEHOLD'
  | 'INVALID_PANEL'
  | 'INVALID_INDEX'
  | 'UNKNOWN_CODE'
  | 'INVALID_GROUPED'
  | 'INVALID_SCENARIO'
  | 'INVALID_CHART'
  | 'RENDER_FAILED'
  | 'NOT_CONVERGED'
  | 'TOO_FEW_GROUPS'
  | 'OUT_OF_RANGE'
  | 'INVALID_FIT'
  | 'MISSING_DEPENDENCY';

/**
 * Lists up to `limit` row indices for a message: "rows 3, 9, 12" or "rows 3, 9, 12, … (57 in all)".
 */
export function describeRows(rows: ArrayLike<number>, limit = 5): string {
  const shown: string[] = [];
  for (let i = 0; i < Math.min(rows.length, limit); i++) shown.push(String(rows[i]));
  const more = rows.length > limit ? `, … (${rows.length} in all)` : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more}`;
}

/** "1 missing value" / "3 missing values". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
