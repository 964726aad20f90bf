import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError, columnNames, describeRows } from '../data/index.js';
import { householdColumn, numericColumn, requireColumns } from './households.js';

/**
 * A policy scenario: a pure function from a household table to a household table of the same
 * households in the same order, with a name and its parameters. Scenarios never mutate their
 * input; they return a new table whose changed columns (`income_bhc`, `energy_spend`,
 * `net_transfer`, …) are new arrays.
 *
 * Call it like a function: `carbonLevy({ rate: 0.1 })(households)`. Calling checks that the
 * columns it needs are present (error naming the scenario and column) and that the result has the
 * same rows in the same order (error otherwise).
 */
export interface Scenario {
  (households: ColumnTable): ColumnTable;
  /** Human-readable name, e.g. `carbon levy 10% (dividend)`. */
  readonly label: string;
  /** The parameters it was built with. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Household columns it reads. */
  readonly columns: readonly string[];
}

/** What {@link defineScenario} needs. */
export interface ScenarioDefinition {
  label: string;
  parameters?: Record<string, unknown>;
  columns: readonly string[];
  /** The transformation; receives a reified table that has every column in `columns`. */
  apply: (households: ColumnTable) => ColumnTable;
}

/**
 * Makes a {@link Scenario} from its definition, wrapping `apply` with the column check before
 * and the same-rows check after.
 *
 * @example
 * const halfPrice = defineScenario({
 *   label: 'halve motor fuel spend', columns: ['motor_fuel_spend'],
 *   apply: (h) => withColumns(h, { motor_fuel_spend: Float64Array.from(h.array('motor_fuel_spend'), (x) => x / 2) }),
 * });
 */
export function defineScenario(definition: ScenarioDefinition): Scenario {
  const { label, columns } = definition;
  const parameters = Object.freeze({ ...(definition.parameters ?? {}) });
  const fn = (households: ColumnTable): ColumnTable => {
    if (!households || typeof (households as ColumnTable).numRows !== 'function') {
      throw new PovineqError('INVALID_INPUT', `scenario "${label}" expects an Arquero household table`, { scenario: label });
    }
    requireColumns(households, columns, { by: `scenario "${label}"` });
    const input = households.isFiltered() || households.isOrdered() ? households.reify() : households;
    const output = definition.apply(input);
    checkSameHouseholds(input, output, `scenario "${label}"`);
    return output;
  };
  return Object.assign(fn, { label, parameters, columns: Object.freeze([...columns]) }) as Scenario;
}

/**
 * Checks that `after` holds the same households as `before`, in the same order: the same row
 * count and, when both have `household_id`, the same id in every row. Errors name the first rows
 * that differ.
 */
export function checkSameHouseholds(before: ColumnTable, after: ColumnTable, by: string): void {
  if (!after || typeof after.numRows !== 'function') {
    throw new PovineqError('INVALID_SCENARIO', `${by} did not return an Arquero table`, { by });
  }
  if (after.numRows() !== before.numRows()) {
    throw new PovineqError(
      'INVALID_SCENARIO',
      `${by} changed the number of households from ${before.numRows()} to ${after.numRows()}; ` +
        `a scenario must return the same households in the same order (change incomes, not rows)`,
      { by, before: before.numRows(), after: after.numRows() },
    );
  }
  if (columnNames(before).includes('household_id') && columnNames(after).includes('household_id')) {
    const a = householdColumn(before, 'household_id');
    const b = householdColumn(after, 'household_id');
    const bad: number[] = [];
    for (let i = 0; i < a.length && bad.length < 100; i++) if (a[i] !== b[i]) bad.push(i);
    if (bad.length > 0) {
      throw new PovineqError(
        'INVALID_SCENARIO',
        `${by} reordered or replaced households: column "household_id" differs in ${describeRows(bad)}; ` +
          `a scenario must return the same households in the same order`,
        { by, column: 'household_id', rows: bad },
      );
    }
  }
}

/** A new table with the given columns replaced or added (the input is not changed). */
export function withColumns(households: ColumnTable, columns: Record<string, ArrayLike<unknown>>): ColumnTable {
  return households.assign(aq.table(columns as Record<string, ArrayLike<unknown>> as never));
}

/** The `net_transfer` column, or zeros when absent. */
export function netTransfer(households: ColumnTable, by: string): Float64Array {
  return columnNames(households).includes('net_transfer')
    ? numericColumn(households, 'net_transfer', { by })
    : new Float64Array(households.numRows());
}

/**
 * A table with `income_bhc` and `net_transfer` increased by `payment` (£/week per household):
 * the common last step of a transfer.
 */
export function addPayment(households: ColumnTable, payment: Float64Array, by: string): ColumnTable {
  const income = numericColumn(households, 'income_bhc', { by });
  const transfer = netTransfer(households, by);
  const newIncome = new Float64Array(income.length);
  const newTransfer = new Float64Array(income.length);
  for (let i = 0; i < income.length; i++) {
    newIncome[i] = income[i]! + payment[i]!;
    newTransfer[i] = transfer[i]! + payment[i]!;
  }
  return withColumns(households, { income_bhc: newIncome, net_transfer: newTransfer });
}

/** The scenario that changes nothing (returns its input): the reference for invariant checks. */
export function identity(): Scenario {
  return defineScenario({ label: 'no change', columns: [], apply: (h) => h });
}

/**
 * Composes scenarios: `compose(a, b)` applies `a`, then `b` to its result. The label is
 * "a then b"; the needed columns are those of `a` (each later scenario checks its own).
 *
 * @example
 * compose(carbonLevy({ rate: 0.1, recycling: 'none' }), flatTransfer({ amount: 5, per: 'child' }))
 */
export function compose(...scenarios: Scenario[]): Scenario {
  if (scenarios.length === 0) return identity();
  scenarios.forEach((s, k) => {
    if (typeof s !== 'function' || typeof (s as Scenario).label !== 'string') {
      throw new PovineqError('INVALID_SCENARIO', `compose: argument ${k + 1} is not a scenario (build one with defineScenario or a built-in such as carbonLevy)`, { option: `scenarios[${k}]` });
    }
  });
  return defineScenario({
    label: scenarios.map((s) => s.label).join(' then '),
    parameters: { steps: scenarios.map((s) => ({ label: s.label, parameters: s.parameters })) },
    columns: scenarios[0]!.columns,
    apply: (h) => scenarios.reduce((t, s) => s(t), h),
  });
}

/** Checks a numeric scenario parameter, naming the scenario and option. */
export function parameter(value: unknown, option: string, scenario: string, check: { min?: number; max?: number; fallback?: number } = {}): number {
  const v = value === undefined ? check.fallback : value;
  if (typeof v !== 'number' || !Number.isFinite(v) || (check.min !== undefined && v < check.min) || (check.max !== undefined && v > check.max)) {
    const range = check.min !== undefined && check.max !== undefined ? ` between ${check.min} and ${check.max}` : check.min !== undefined ? ` ≥ ${check.min}` : '';
    throw new PovineqError(
      v === undefined ? 'MISSING_OPTION' : 'INVALID_OPTION',
      `scenario ${scenario}: option ${option} must be a finite number${range}, got ${JSON.stringify(value)}`,
      { option, scenario },
    );
  }
  return v;
}

