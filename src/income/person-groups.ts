import { type ColumnSource, PovineqError } from '../data/index.js';
import { type HouseholdColumns, type HouseholdCounts, readHouseholdCounts } from './households.js';

/** A person group of the HBAI/PIIS tables, by key. */
export type PersonGroupKey = 'all' | 'children' | 'working-age' | 'pensioners';

/** The PIIS label of each group, used in the `group` column of results. */
export const PERSON_GROUP_LABELS: Readonly<Record<PersonGroupKey, string>> = Object.freeze({
  all: 'All people',
  children: 'Children',
  'working-age': 'Working-age adults',
  pensioners: 'Pensioners',
});

/** Every group, in PIIS order. */
export const PERSON_GROUPS: readonly PersonGroupKey[] = Object.freeze(['all', 'children', 'working-age', 'pensioners']);

/** Checks a list of group keys. */
export function checkGroups(groups: unknown): PersonGroupKey[] {
  const list = groups ?? PERSON_GROUPS;
  if (!Array.isArray(list) || list.length === 0) {
    throw new PovineqError('INVALID_OPTION', `groups must be a non-empty array of ${PERSON_GROUPS.map((g) => `'${g}'`).join(', ')}`, { option: 'groups' });
  }
  for (const g of list) {
    if (!(PERSON_GROUPS as readonly unknown[]).includes(g)) {
      throw new PovineqError(
        'INVALID_OPTION',
        `unknown person group ${JSON.stringify(g)} in groups; use ${PERSON_GROUPS.map((k) => `'${k}'`).join(', ')}`,
        { option: 'groups' },
      );
    }
  }
  return list as PersonGroupKey[];
}

/** Whether any of the groups needs the pensioners column. */
export function needsPensioners(groups: readonly PersonGroupKey[]): boolean {
  return groups.includes('working-age') || groups.includes('pensioners');
}

/**
 * People of a group in each household: all = adults + children; children; working-age = adults −
 * pensioners; pensioners.
 */
export function groupCounts(counts: HouseholdCounts, group: PersonGroupKey): Float64Array {
  const n = counts.adults.length;
  const out = new Float64Array(n);
  const { adults, children, pensioners } = counts;
  for (let i = 0; i < n; i++) {
    switch (group) {
      case 'all': out[i] = adults[i]! + children[i]!; break;
      case 'children': out[i] = children[i]!; break;
      case 'working-age': out[i] = adults[i]! - pensioners![i]!; break;
      case 'pensioners': out[i] = pensioners![i]!; break;
    }
  }
  return out;
}

/** Reads the counts a list of groups needs, naming the option when the pensioners column is absent. */
export function readGroupCounts(table: ColumnSource, columns: HouseholdColumns, groups: readonly PersonGroupKey[]): HouseholdCounts {
  try {
    return readHouseholdCounts(table, columns, needsPensioners(groups));
  } catch (e) {
    if (e instanceof PovineqError && e.code === 'MISSING_COLUMN' && e.details.option === 'pensioners') {
      throw new PovineqError(
        'MISSING_COLUMN',
        `${e.message}; working-age and pensioner results need a pensioners count: name it with { pensioners }, ` +
          "or ask only for { groups: ['all', 'children'] }",
        { ...e.details },
      );
    }
    throw e;
  }
}
