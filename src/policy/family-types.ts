import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { OutcomeEvaluator, type Outcome } from './outcomes.js';
import type { Paired } from './paired.js';

/** One of the six priority family types of the Scottish child poverty delivery plans. */
export interface FamilyType {
  /** Identifier used in outcome names, e.g. `lone_parent`. */
  key: string;
  /** Label as the delivery plans and PIIS word it. */
  label: string;
  /** Household columns it is read from (docs/schema/households.md). */
  columns: readonly string[];
  /** Membership of household row i, given the columns as arrays. */
  member(columns: Record<string, ArrayLike<unknown>>, i: number): boolean;
}

const num = (v: unknown) => (v == null ? NaN : Number(v));

/**
 * The six priority family types ("Best Start, Bright Futures", 2022–26, and "Every child, every
 * chance", 2018–22): lone parent families, families with a disabled adult or child, larger families
 * (three or more children), minority ethnic families, families with a child under one, and mothers
 * aged under 25. A household belongs when its schema column says so (1/true), or for larger
 * families when `children` ≥ 3 and for a child under one when `youngest_child_age` < 1.
 */
export const FAMILY_TYPES: readonly FamilyType[] = [
  { key: 'lone_parent', label: 'Lone parent families', columns: ['lone_parent'], member: (c, i) => num(c.lone_parent![i]) > 0 },
  { key: 'disabled', label: 'Families with a disabled adult or child', columns: ['disabled'], member: (c, i) => num(c.disabled![i]) > 0 },
  { key: 'three_or_more_children', label: 'Larger families (3+ children)', columns: ['children'], member: (c, i) => num(c.children![i]) >= 3 },
  { key: 'minority_ethnic', label: 'Minority ethnic families', columns: ['minority_ethnic'], member: (c, i) => num(c.minority_ethnic![i]) > 0 },
  { key: 'youngest_under_1', label: 'Families with a child under one', columns: ['youngest_child_age'], member: (c, i) => num(c.youngest_child_age![i]) < 1 },
  { key: 'mother_under_25', label: 'Mothers aged under 25', columns: ['mother_under_25'], member: (c, i) => num(c.mother_under_25![i]) > 0 },
];

/** The family types a household table has columns for, with each household's membership (0 member, −1 not). */
export function familyTypeGroups(households: ColumnTable): Array<{ type: FamilyType; group: Int8Array }> {
  const names = households.columnNames();
  const n = households.numRows();
  const out: Array<{ type: FamilyType; group: Int8Array }> = [];
  for (const type of FAMILY_TYPES) {
    if (!type.columns.every((c) => names.includes(c))) continue;
    const columns = Object.fromEntries(type.columns.map((c) => [c, households.array(c) as ArrayLike<unknown>]));
    const group = new Int8Array(n);
    for (let i = 0; i < n; i++) group[i] = type.member(columns, i) ? 0 : -1;
    out.push({ type, group });
  }
  return out;
}

/**
 * Child poverty by priority family type in a compare() pair: `family_type`, `measure`
 * (`relative`, `absolute`), `basis` (`AHC`, `BHC`), `children` (weighted children in the type),
 * `before`, `after`, `change` (fractions). Only the types whose columns the table has.
 */
export function familyTypeTable(households: ColumnTable, p: Paired): ColumnTable {
  const e = new OutcomeEvaluator(p);
  const rows: Record<string, unknown>[] = [];
  for (const { type, group } of familyTypeGroups(households)) {
    let children = 0;
    for (let i = 0; i < p.n; i++) if (group[i] === 0) children += p.pw.children[i]!;
    for (const measure of ['relative', 'absolute'] as const) {
      for (const basis of ['AHC', 'BHC'] as const) {
        const before = e.rates(measure, basis, 'children', 'before', group, 1)[0]!;
        const after = e.rates(measure, basis, 'children', 'after', group, 1)[0]!;
        rows.push({ family_type: type.label, measure, basis, children, before, after, change: after - before });
      }
    }
  }
  return rows.length > 0 ? aq.from(rows) : aq.table({ family_type: [], measure: [], basis: [], children: [], before: [], after: [], change: [] });
}

/**
 * Cross-check outcomes: relative child poverty AHC in each priority family type the table has
 * columns for, named `child_relative_ahc_<key>` (e.g. `child_relative_ahc_lone_parent`).
 */
export function familyTypeOutcomes(households: ColumnTable): Outcome[] {
  return familyTypeGroups(households).map(({ type, group }) => familyTypeOutcome(type, group));
}

const groupOf = new WeakMap<Outcome, { key: string; group: Int8Array }>();

/** The cross-check outcome of one family type, given each household's membership (0 member, −1 not). */
export function familyTypeOutcome(type: FamilyType, group: Int8Array): Outcome {
  const outcome: Outcome = {
    name: `child_relative_ahc_${type.key}`,
    label: `Child relative poverty (AHC): ${type.label}`,
    harm: 'increase' as const,
    value: (e: OutcomeEvaluator, side: 'before' | 'after') => e.rates('relative', 'AHC', 'children', side, group, 1)[0]!,
  };
  groupOf.set(outcome, { key: type.key, group });
  return outcome;
}

/** The family type and membership behind an outcome of {@link familyTypeOutcomes} (undefined for others). */
export function familyTypeOf(o: Outcome): { key: string; group: Int8Array } | undefined {
  return groupOf.get(o);
}
