// Repeated measure calls on the same columns reuse one Distribution (the one measureDistribution
// returns); a column changed in place is never served from the cache.
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { clearDistributionCache, fingerprint } from '../../src/core/input-cache.js';
import { measureDistribution as distribution } from '../../src/core/index.js';
import { arpr, gini, median, s80s20 } from '../../src/index.js';

const n = 10_000;
const x = Float64Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 5003));
const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));

describe('the Distribution cache', () => {
  it('returns the same Distribution for the same columns and options', () => {
    const a = distribution(x, { weights: w });
    expect(distribution(x, { weights: w })).toBe(a);
    expect(distribution(x)).not.toBe(a); // unweighted is another entry
    expect(distribution(x, { weights: w, missing: 'drop' })).not.toBe(a);
    const t = aq.table({ income: Array.from(x), w: Array.from(w) });
    expect(distribution(t, { value: 'income', weight: 'w' })).toBe(distribution(t, { value: 'income', weight: 'w' }));
  });

  it('separate calls share the sort: arpr selects, gini sorts, s80s20 reuses', () => {
    const y = x.slice();
    const d = distribution(y, { weights: w });
    arpr(y, { weights: w });
    expect(d.isSorted).toBe(false);
    gini(y, { weights: w });
    expect(d.isSorted).toBe(true);
    expect(s80s20(y, { weights: w })).toBe(s80s20(d));
  });

  it('a column changed in place is a miss, not a stale number', () => {
    const y = x.slice();
    const before = median(y);
    const d = distribution(y);
    for (let i = 0; i < n; i++) y[i] = y[i]! * 2;
    expect(distribution(y)).not.toBe(d);
    expect(median(y)).toBe(before * 2);
    const plain = Array.from(x);
    const m = median(plain);
    plain[0] = 1e9;
    plain[1] = 1e9;
    plain[2] = 1e9;
    expect(median(plain)).not.toBe(m);
  });

  it('the fingerprint sees every element, of typed and plain arrays', () => {
    const y = x.slice();
    const f = fingerprint(y, w);
    y[n - 1] = y[n - 1]! + 0.01;
    expect(fingerprint(y, w)).not.toBe(f);
    expect(fingerprint(['1', 2, null], undefined)).not.toBe(fingerprint(['1', 2, undefined], undefined));
  });

  it('clearDistributionCache drops every entry', () => {
    const a = distribution(x, { weights: w });
    clearDistributionCache();
    expect(distribution(x, { weights: w })).not.toBe(a);
  });
});
