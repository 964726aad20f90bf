import { describe, expect, it } from 'vitest';
import { checkOptions, checkValue, editDistance, nearest } from '../../src/data/options.js';
import { equivalenceFactor, councilMap, distribution, estimate, gini, lorenzChart, measureChart, percentileRatio, quantile, atkinson, change, byGroup, compensate, carbonLevy, flatTransfer, syntheticHouseholds } from '../../src/index.js';
import * as aq from 'arquero';
import { thrown } from '../helpers/thrown.js';

const spec = {
  missing: { kind: 'enum', values: ['error', 'drop'] },
  fraction: { kind: 'number', min: 0, max: 1, above: true, means: 'a fraction', fallback: 0.6 },
  minimumEffect: { kind: 'number', min: 0 },
  replicates: { kind: 'number', min: 2, integer: true, fallback: 1000 },
  label: { kind: 'string' },
  flag: { kind: 'boolean' },
  instrument: { kind: 'function' },
  by: { kind: 'columns' },
  weights: { kind: 'array' },
  design: { kind: 'object' },
} as const;

describe('checkOptions: one validator, a suggestion in every message', () => {
  it('null and undefined options are {}', () => {
    expect(checkOptions(null, spec, 'f')).toEqual({});
    expect(checkOptions(undefined, spec, 'f')).toEqual({});
  });
  it('options that are not an object', () => {
    expect(thrown(() => checkOptions(5 as never, spec, 'f')).message).toMatch(/f: options must be an object such as \{ missing: …, fraction: … \}, got 5/);
  });
  it('an unknown name suggests the nearest', () => {
    const e = thrown(() => checkOptions({ fracton: 0.5 } as never, spec, 'povertyLine'));
    expect(e.message).toMatch(/povertyLine: unknown option "fracton"; did you mean 'fraction'\?/);
    expect(e.details).toMatchObject({ option: 'fracton', suggestion: 'fraction' });
  });
  it('an enum value suggests the nearest value', () => {
    expect(thrown(() => checkOptions({ missing: 'dorp' } as never, spec, 'gini')).message).toMatch(/option missing must be one of 'error', 'drop', got "dorp"; did you mean 'drop'\?/);
    expect(thrown(() => checkOptions({ missing: 'Error' } as never, spec, 'gini')).message).toMatch(/did you mean 'error'\?/);
  });
  it('a percent given for a fraction suggests the fraction', () => {
    expect(thrown(() => checkOptions({ fraction: 60 }, spec, 'f')).message).toMatch(/option fraction must be a finite number in \(0, 1\] \(a fraction\), got 60; did you mean 0.6\?/);
  });
  it('a negative amount suggests its absolute value; NaN suggests the default', () => {
    expect(thrown(() => checkOptions({ minimumEffect: -1 }, spec, 'crossCheck')).message).toMatch(/got -1; did you mean 1\?/);
    expect(thrown(() => checkOptions({ fraction: NaN }, spec, 'f')).message).toMatch(/got NaN; did you mean 0.6\?/);
    expect(thrown(() => checkOptions({ fraction: '0.5' } as never, spec, 'f')).message).toMatch(/got "0.5"; did you mean 0.5\?/);
  });
  it('a value beyond a bound with no nearer fix suggests the bound', () => {
    expect(thrown(() => percentileRatio([1, 2], { upper: 150, lower: 0.1 })).message).toMatch(/option upper .*got 150; did you mean 1\?/);
  });
  it('a whole number rounds', () => expect(thrown(() => checkOptions({ replicates: 99.5 }, spec, 'estimate')).message).toMatch(/a whole number ≥ 2.*got 99.5; did you mean 100\?/));
  it('text, booleans, functions, columns, arrays and objects', () => {
    expect(thrown(() => checkOptions({ label: 5 } as never, spec, 'c')).message).toMatch(/option label must be text \(a string\), got 5; did you mean '5'\?/);
    expect(thrown(() => checkOptions({ flag: 'yes' } as never, spec, 'c')).message).toMatch(/option flag must be true or false, got "yes"; did you mean true\?/);
    expect(thrown(() => checkOptions({ instrument: 5 } as never, spec, 'compensate')).message).toMatch(/option instrument must be a function, got 5; did you mean '\(x\) => …'\?/);
    expect(thrown(() => checkOptions({ by: null } as never, spec, 'byGroup')).message).toMatch(/option by must be a column name or a non-empty array of column names, got null; did you mean '<column>'\?/);
    expect(thrown(() => checkOptions({ weights: 5 } as never, spec, 'gini')).message).toMatch(/option weights must be an array, got 5; did you mean '\[…\]'\?/);
    expect(thrown(() => checkOptions({ design: 'x' } as never, spec, 'estimate')).message).toMatch(/option design must be an object, got "x"; did you mean '\{ … \}'\?/);
  });
  it('a custom check and undefined values', () => {
    expect(checkOptions({ missing: undefined }, spec, 'f')).toEqual({ missing: undefined });
    expect(() => checkValue(3, { kind: 'check', check: () => { throw new Error('called'); } }, 'x', 'f')).toThrow('called');
  });
  it('open specs let other names through (a builder checks its own)', () => expect(checkOptions({ other: 1 } as never, spec, 'f', { open: true })).toEqual({ other: 1 }));
  it('the input options are not changed', () => {
    const o = { missing: 'drop' as const };
    checkOptions(o, spec, 'f');
    expect(o).toEqual({ missing: 'drop' });
  });
  it('nearest and editDistance', () => {
    expect(editDistance('wieght', 'weight')).toBe(1); // one transposition
    expect(nearest('percentage', ['percent', 'percent1', 'pounds'])).toBe('percent');
    expect(nearest('bootsrap', ['linearization', 'bootstrap', 'replicate'])).toBe('bootstrap');
  });
});

describe('the validator at every public entry that takes options', () => {
  it('measures: names and values', () => {
    expect(thrown(() => gini([1, 2], { wieght: 'w' } as never)).message).toMatch(/gini: unknown option "wieght"; did you mean 'weight'\?/);
    expect(thrown(() => quantile([1, 2], { p: 50 })).message).toMatch(/option p .*got 50; did you mean 0.5\?/);
    expect(thrown(() => quantile([1, 2], { p: 0.5, type: 'eurostats' as never })).message).toMatch(/did you mean 'eurostat'\?/);
    expect(thrown(() => percentileRatio([1, 2], { upper: 90, lower: 0.1 })).message).toMatch(/got 90; did you mean 0.9\?/);
    expect(thrown(() => atkinson([1, 2], { epsilon: -1 })).message).toMatch(/option epsilon .*got -1; did you mean 1\?/);
    expect(thrown(() => distribution([1, 2], { nonPositiveWeights: 'Drop' as never })).message).toMatch(/did you mean 'drop'\?/);
  });
  it('estimate and change: method, interval, level, replicates, reliability', () => {
    expect(thrown(() => estimate(gini, [1, 2, 3], { method: 'bootsrap' as never })).message).toMatch(/option method must be one of .*got "bootsrap"; did you mean 'bootstrap'\?/);
    expect(thrown(() => estimate(gini, [1, 2, 3], { interval: 'logti' as never })).message).toMatch(/did you mean 'logit'\?/);
    expect(thrown(() => estimate(gini, [1, 2, 3], { level: 95 })).message).toMatch(/got 95; did you mean 0.95\?/);
    expect(thrown(() => estimate(gini, [1, 2, 3], { levle: 0.9 } as never)).message).toMatch(/unknown option "levle"; did you mean 'level'\?/);
    expect(thrown(() => estimate(gini, [1, 2, 3], { reliability: { minimumN: -5 } })).message).toMatch(/option minimumN .*got -5; did you mean 5\?/);
    expect(thrown(() => change(gini, [[1, 2], [2, 3]], { methd: 'bootstrap' } as never)).message).toMatch(/did you mean 'method'\?/);
  });
  it('byGroup: by and unknown names', () => {
    const t = aq.table({ x: [1, 2], g: ['a', 'b'] });
    expect(thrown(() => byGroup(gini, t, { value: 'x', by: 5 as never })).message).toMatch(/option by must be a column name/);
    expect(thrown(() => byGroup(gini, t, { value: 'x', by: 'g', groupline: true } as never)).message).toMatch(/did you mean 'groupLine'\?/);
  });
  it('charts: format kinds, scheme names, widths, text options', () => {
    const rows = [{ group: 'a', estimate: 0.2 }];
    expect(thrown(() => measureChart(rows, { format: 'percentage' })).message).toMatch(/option format must be one of 'percent', .*got "percentage"; did you mean 'percent'\?/);
    expect(measureChart(rows, { format: ',.2f' })).toBeTruthy(); // a d3-format string is fine
    expect(thrown(() => lorenzChart([{ p: 0, L: 0 }, { p: 1, L: 1 }], { height: -2 })).message).toMatch(/option height .*got -2; did you mean 2\?/);
    expect(thrown(() => lorenzChart([{ p: 0, L: 0 }, { p: 1, L: 1 }], { title: 7 as never })).message).toMatch(/option title must be text/);
    expect(thrown(() => councilMap([{ code: 'S12000005', value: 0.2 }], { scheme: 'viridiss' })).message).toMatch(/option scheme must be one of .*did you mean 'viridis'\?/);
  });
  it('equivalence scale names', () => {
    expect(thrown(() => equivalenceFactor({ adults: 1 }, 'modified-oced' as never)).message).toMatch(/unknown equivalence scale "modified-oced"; did you mean 'modified-oecd'\?/);
  });
  it('policy: compensate tolerance and maxIterations', () => {
    const hh = syntheticHouseholds({ seed: 1, households: 5000 }).slice(0, 40);
    const o = { outcome: 'relative_ahc', instrument: (x: number) => flatTransfer({ amount: x, per: 'person' }) };
    expect(thrown(() => compensate(hh, carbonLevy({ rate: 0.1 }), { ...o, tolerance: -0.01 })).message).toMatch(/option tolerance .*got -0.01; did you mean 0.01\?/);
    expect(thrown(() => compensate(hh, carbonLevy({ rate: 0.1 }), { ...o, maxIterations: 0 })).message).toMatch(/option maxIterations .*got 0; did you mean 200\?/); // the default
  });
});
