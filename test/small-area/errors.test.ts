import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { benchmark, fayHerriot, fayHerriotArcsine, reliability } from '../../src/small-area/index.js';
import { datasetPath, readCSV } from '../../src/data/index.js';
import { thrown } from '../helpers/thrown.js';

const milk = readCSV(datasetPath('sae_milk.csv'));
const base = { area: 'SmallArea', estimate: 'yi', se: 'SD', factors: ['MajorArea'] };
const withRows = (column: string, rows: number[], value: unknown) =>
  milk.objects().map((o, i) => (rows.includes(i) ? { ...o, [column]: value } : o));

describe('fayHerriot errors name the column, the count of bad rows and the fix', () => {
  it('areas with a direct estimate but no variance', () => {
    const e = thrown(() => fayHerriot(aq.from(withRows('SD', [4, 9], null)), base));
    expect(e.code).toBe('MISSING_VALUE');
    expect(e.message).toMatch(/"SD".*2 areas.*rows 4, 9.*out of sample/);
  });

  it('duplicated areas', () => {
    const rows = milk.objects();
    const e = thrown(() => fayHerriot(aq.from([...rows, rows[3], rows[7]]), base));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/area column "SmallArea" has 2 duplicated areas \(rows 43, 44: 4, 8\).*one row per area/);
  });

  it('covariates with missing values', () => {
    const t = aq.from(withRows('ni', [0, 5, 6], NaN));
    const e = thrown(() => fayHerriot(t, { ...base, covariates: ['ni'] }));
    expect(e.code).toBe('MISSING_VALUE');
    expect(e.message).toMatch(/covariate column "ni" has 3 missing or non-numeric values \(rows 0, 5, 6\).*fill them in/);
    const f = thrown(() => fayHerriot(aq.from(withRows('MajorArea', [2], null)), base));
    expect(f.message).toMatch(/factor column "MajorArea" has 1 missing value \(row 2\)/);
  });

  it('a covariate matrix that is not of full rank', () => {
    const t = milk.derive({ twice: (d: { ni: number }) => 2 * d.ni + 1 });
    const e = thrown(() => fayHerriot(t, { ...base, covariates: ['ni', 'twice'] }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/not of full rank.*"twice" is a linear combination of "\(intercept\)", "ni"; drop it/);
  });

  it('non-positive sampling variances, a missing area option, too few areas, an unknown method', () => {
    expect(thrown(() => fayHerriot(aq.from(withRows('SD', [1], 0)), base)).message).toMatch(/"SD" has 1 zero or negative value \(row 1\)/);
    expect(thrown(() => fayHerriot(milk, { ...base, area: undefined as unknown as string })).code).toBe('MISSING_OPTION');
    expect(thrown(() => fayHerriot(milk.slice(0, 4), { ...base, factors: [], covariates: ['ni', 'CV', 'SD'] })).code).toBe('TOO_FEW_GROUPS');
    expect(thrown(() => fayHerriot(milk, { ...base, method: 'reml' as 'REML' })).message).toMatch(/method must be one of 'REML', 'ML', 'moments', 'FH', got "reml"; did you mean 'REML'\?/);
    expect(thrown(() => fayHerriot(milk, { ...base, estimate: 'yy' })).code).toBe('MISSING_COLUMN');
  });
});

describe('the small-area functions check their options', () => {
  // a misspelt option must not be ignored: { covariate: [...] } would otherwise fit a model
  // without covariates, silently
  it('an unknown option is an error naming the nearest one, in every entry point', () => {
    const e = thrown(() => fayHerriot(milk, { ...base, covariate: ['ni'] } as never));
    expect(e.code).toBe('INVALID_OPTION');
    expect(e.message).toMatch(/fayHerriot: unknown option "covariate"; did you mean 'covariates'\?/);
    const rates = milk.derive({ p: (d: { yi: number }) => d.yi / 2, n: () => 30 });
    const arcsine = { area: 'SmallArea', estimate: 'p', sampleSize: 'n' };
    expect(thrown(() => fayHerriotArcsine(rates, { ...arcsine, backtransform: 'naive' } as never)).message).toMatch(
      /fayHerriotArcsine: unknown option "backtransform"; did you mean 'backTransform'\?/,
    );
    // the arcsine model takes its variances from the sample sizes: a variance column is refused
    expect(thrown(() => fayHerriotArcsine(rates, { ...arcsine, variance: 'SD' } as never)).message).toMatch(/unknown option "variance"/);
    const fitted = fayHerriot(milk, base).areas.derive({ people: () => 100 });
    expect(thrown(() => benchmark(fitted, { target: 1, population: 'people', methd: 'difference' } as never)).message).toMatch(
      /benchmark: unknown option "methd"; did you mean 'method'\?/,
    );
    expect(thrown(() => reliability(fitted, { flg: 0.1 } as never)).message).toMatch(/reliability: unknown option "flg"; did you mean 'flag'\?/);
  });

  it('a value of the wrong kind is an error naming the option and a fix', () => {
    expect(thrown(() => fayHerriot(milk, { ...base, level: 95 })).message).toMatch(/option level must be .*got 95/);
    expect(thrown(() => fayHerriot(milk, { ...base, covariates: 'ni' as never })).message).toMatch(/option covariates must be an array/);
    expect(thrown(() => fayHerriot(milk, { ...base, maxIterations: 0 })).message).toMatch(/option maxIterations must be/);
    const rates = milk.derive({ p: (d: { yi: number }) => d.yi / 2, n: () => 30 });
    expect(thrown(() => fayHerriotArcsine(rates, { area: 'SmallArea', estimate: 'p', sampleSize: 'n', backTransform: 'bias' as never })).message).toMatch(
      /option backTransform must be one of 'naive', 'bias-corrected'/,
    );
    const fitted = fayHerriot(milk, base).areas.derive({ people: () => 100 });
    expect(thrown(() => benchmark(fitted, { target: 1, population: 'people', mse: 3 as never })).message).toMatch(/option mse must be a column name or null/);
    expect(thrown(() => reliability(fitted, { flag: -0.2 })).message).toMatch(/option flag must be/);
    // and the options objects are not changed
    const o = { ...base, covariates: ['ni'] };
    const copy = JSON.stringify(o);
    fayHerriot(milk, o);
    expect(JSON.stringify(o)).toBe(copy);
  });
});

describe('fayHerriot properties', () => {
  it('never mutates its input and does not depend on row order', () => {
    const before = JSON.stringify(milk.objects());
    const a = fayHerriot(milk, base);
    expect(JSON.stringify(milk.objects())).toBe(before);
    const shuffled = milk.orderby(aq.desc('yi'));
    const b = fayHerriot(shuffled, base);
    const objects = (t: typeof a.areas) => t.objects() as Record<string, unknown>[];
    const byArea = new Map(objects(b.areas).map((o) => [o.SmallArea, o.eblup as number]));
    objects(a.areas).forEach((o) => expect(byArea.get(o.SmallArea)).toBeCloseTo(o.eblup as number, 10));
    expect(b.model.variance).toBeCloseTo(a.model.variance, 12);
  });

  it('an area without a direct estimate gets the synthetic prediction with MSE Â + xᵀQx, and does not change the fit', () => {
    const rows = milk.objects();
    const extra = { ...rows[0], SmallArea: 99, yi: null, SD: null };
    const a = fayHerriot(milk, base);
    const b = fayHerriot(aq.from([...rows, extra]), base);
    expect(b.model.variance).toBe(a.model.variance);
    expect(b.model.outOfSample).toBe(1);
    const last = b.areas.object(43) as Record<string, number | boolean>;
    expect(last.in_sample).toBe(false);
    expect(last.eblup).toBe(last.synthetic);
    const q = a.model.fit.covariance[0]!; // area in major area 1: x = (1, 0, 0, 0), so xᵀQx = Q₁₁
    expect(last.mse as number).toBeCloseTo(a.model.variance + q, 14);
    expect(last.shrinkage).toBe(0);
  });

  it('shrinkage grows with the sampling variance: noisier areas lean on the model', () => {
    const { areas } = fayHerriot(milk, base);
    const pairs = areas.objects() as { direct_variance: number; shrinkage: number }[];
    const sorted = [...pairs].sort((x, y) => x.direct_variance - y.direct_variance);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.shrinkage).toBeLessThanOrEqual(sorted[i - 1]!.shrinkage + 1e-15);
  });
});
