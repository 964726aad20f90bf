// byGroup measures its groups across worker threads: the same digits for any number of threads,
// and the same digits as the previous version (which split groups with partition() and measured
// them one after another in the calling thread).
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { distribution, groupRows, partition } from '../../src/core/index.js';
import { PovineqError } from '../../src/data/index.js';
import { startedWorkers } from '../../src/core/threads.js';
import { arpr, atkinson, byGroup, gini, headcount, mld, theil } from '../../src/index.js';
import { groupTable } from '../helpers/group-table.js';
import { thrown } from '../helpers/thrown.js';

const t = groupTable(); // 2,000,000 rows: from 2,000,000 rows byGroup uses threads
const o = { value: 'income', weight: 'w' };

// [group, measure, population, n, line] at three groups, full precision: the single-thread values
// of the previous version (byGroup before it used threads, run on this table)
const PINNED: [string, (threads: number) => aq.ColumnTable, string, number[], unknown[][]][] = [
  ['headcount, national line', (threads) => byGroup(headcount, t, { ...o, by: 'council', threads }), 'headcount', [0, 17, 31],
    [['S18', 0.2310935259031838, 73759.97200000001, 62447, 10820.46], ['S7', 0.23106759535190016, 74397.364, 62865, 10820.46], ['S13', 0.23378173326937607, 74549.52, 62824, 10820.46]]],
  ['atkinson ε = 1.5', (threads) => byGroup(atkinson, t, { ...o, by: 'council', epsilon: 1.5, threads }), 'atkinson', [0, 17, 31],
    [['S18', 0.30461410400607414, 73759.97200000001, 62447, null], ['S7', 0.3071968533454268, 74397.364, 62865, null], ['S13', 0.30727818116565087, 74549.52, 62824, null]]],
  ['theil, ~7,000 groups', (threads) => byGroup(theil, t, { ...o, by: 'zone', threads }), 'theil', [0, 3500, 6999],
    [[6897, 0.2207190782860502, 306.301, 256, null], [1145, 0.2705246006465732, 332.778, 285, null], [4609, 0.20791574916730293, 319.295, 268, null]]],
  ['mld, ~7,000 groups', (threads) => byGroup(mld, t, { ...o, by: 'zone', threads }), 'mld', [0, 3500, 6999],
    [[6897, 0.2280364093652793, 306.301, 256, null], [1145, 0.28401071498044506, 332.778, 285, null], [4609, 0.21604698755299223, 319.295, 268, null]]],
  ['arpr, each group its own line', (threads) => byGroup(arpr, t, { ...o, by: 'council', groupLine: true, threads }), 'arpr', [0, 17, 31],
    [['S18', 0.22990081937666676, 73759.97200000001, 62447, 10791.204], ['S7', 0.23106759535189983, 74397.364, 62865, 10820.663999999999], ['S13', 0.23069526135111265, 74549.52, 62824, 10745.651999999998]]],
  ['gini, ~7,000 groups', (threads) => byGroup(gini, t, { ...o, by: 'zone', threads }), 'gini', [0, 3500, 6999],
    [[6897, 0.3672854079236436, 306.301, 256, null], [1145, 0.4052482313045973, 332.778, 285, null], [4609, 0.3573245431669496, 319.295, 268, null]]],
];

const pick = (tab: aq.ColumnTable, column: string, rows: number[]) =>
  rows.map((i) => [tab.get(tab.columnNames()[0]!, i), tab.get(column, i), tab.get('population', i), tab.get('n', i), tab.columnNames().includes('line') ? tab.get('line', i) : null]);

describe('byGroup across threads', () => {
  it.each(PINNED)('%s: 1, 2 and 3 threads give the previous version’s digits', (_, run, column, rows, expected) => {
    const one = run(1);
    for (const threads of [1, 2, 3]) {
      const tab = threads === 1 ? one : run(threads);
      pick(tab, column, rows).forEach((row, i) => row.forEach((v, j) => expect(v).toBe(expected[i]![j])));
      if (threads > 1) expect(tab.objects()).toEqual(one.objects()); // every group, every column
    }
  }, 60_000);

  it('did run in worker threads', () => {
    byGroup(mld, t, { ...o, by: 'zone', threads: 3 });
    expect(startedWorkers()).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('every group equals the measure on partition()’s group (the previous algorithm), to the last digit', () => {
    const d = distribution(t as never, o);
    const groups = partition(d, groupRows(t as never, 'zone'));
    const tab = byGroup(theil, t, { ...o, by: 'zone', threads: 2 });
    const values = tab.array('theil') as number[];
    const population = tab.array('population') as number[];
    groups.forEach((gd, g) => {
      expect(values[g]).toBe(theil(gd));
      expect(population[g]).toBe(gd.totalWeight);
    });
  }, 60_000);

  it('the three ways to the groups give the same digits: unsorted units sorted group by group, a sorted Distribution split across threads, rows dropped', () => {
    // 4 groups of about 500,000 units: big enough for each thread to sort its own groups
    const fresh = { ...t, income: Float64Array.from(t.income), w: Float64Array.from(t.w), region: t.council.map((c) => `R${Number(c.slice(1)) % 4}`) };
    const one = byGroup(mld, fresh, { ...o, by: 'region', threads: 1 }).objects();
    expect(byGroup(mld, fresh, { ...o, by: 'region', threads: 2 }).objects()).toEqual(one); // each thread sorts its groups
    gini(fresh, o); // sorts the Distribution cached for these columns
    expect(byGroup(mld, fresh, { ...o, by: 'region', threads: 2 }).objects()).toEqual(one); // the sorted one is split
    const income = Array.from(t.income, (v, i) => (i % 1000 === 7 ? null : v));
    const holes = { ...t, income };
    const dropped = (threads: number) => byGroup(mld, holes, { ...o, by: 'zone', missing: 'drop', threads }).objects();
    expect(dropped(2)).toEqual(dropped(1));
  }, 60_000);

  it('an error in a group measured by a worker reaches the caller as the same PovineqError, naming the group', () => {
    // a negative income in the group that appears last, so it falls in the last thread's range
    const income = Float64Array.from(t.income);
    const groupsInOrder = [...new Set(t.council)];
    income[t.council.indexOf(groupsInOrder[groupsInOrder.length - 1]!)] = -5;
    const bad = { ...t, income };
    const errors = [1, 2, 3].map((threads) => thrown(() => byGroup(theil, bad, { ...o, by: 'council', threads })));
    const one = errors[0]! as PovineqError;
    expect(one).toBeInstanceOf(PovineqError);
    expect(one.message).toMatch(new RegExp(`^in group council = "${groupsInOrder[groupsInOrder.length - 1]}": theil`));
    expect(one.details?.group).toEqual([groupsInOrder[groupsInOrder.length - 1]]);
    expect(one.details).not.toHaveProperty('groupIndex');
    for (const e of errors.slice(1)) {
      expect(e).toBeInstanceOf(PovineqError);
      expect((e as PovineqError).code).toBe(one.code);
      expect(e.message).toBe(one.message);
      expect((e as PovineqError).details).toEqual(one.details);
    }
  }, 60_000);

  it('threads is checked: a whole number ≥ 1, and a misspelling is named', () => {
    expect(thrown(() => byGroup(gini, t, { ...o, by: 'council', threads: 0 })).message).toMatch(/threads/);
    expect(thrown(() => byGroup(gini, t, { ...o, by: 'council', threads: 1.5 })).message).toMatch(/threads/);
    expect(thrown(() => byGroup(gini, t, { ...o, by: 'council', thread: 2 } as never)).message).toMatch(/did you mean 'threads'/);
  });
});
