import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/core/index.js';

// Reference values: R 4.2.2, cat(sprintf("%.17g", qt(p, df))) and pt(t, df).
const QT: [number, number, number][] = [
  [0.975, 1, 12.706204736174694],
  [0.975, 2, 4.3026527297494619],
  [0.975, 3, 3.1824463052837078],
  [0.975, 8, 2.3060041352041658],
  [0.995, 3, 5.8409093097333544],
  [0.9, 30, 1.3104150253913955],
  [0.6, 5, 0.26718086570414518],
  [1e-10, 4, -416.17514032960423],
  [0.975, 1000, 1.9623390808264076],
  [0.975, 2.5, 3.5746548420036919],
];

describe('Student t against R', () => {
  it.each(QT)('qt(%s, %s)', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected) / Math.abs(expected)).toBeLessThan(1e-12);
  });
  it('pt', () => {
    expect(studentTCdf(1.3, 7)).toBeCloseTo(0.88261608230381139, 14); // pt(1.3, 7)
    expect(studentTCdf(-4, 3)).toBeCloseTo(0.014004228005073085, 15); // pt(-4, 3)
  });
  it('quantile inverts the CDF and is antisymmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.5, max: 200, noNaN: true }), (p, df) => {
        const t = studentTQuantile(p, df);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 10);
        expect(Math.abs(studentTQuantile(1 - p, df) + t)).toBeLessThanOrEqual(1e-8 * Math.max(1, Math.abs(t)));
      }),
    );
  });
  it('rejects bad degrees of freedom and probabilities', () => {
    expect(() => studentTQuantile(0.5, 0)).toThrow(/degrees of freedom must be a finite number > 0, got 0/);
    expect(() => studentTQuantile(1.5, 3)).toThrow(/probability must be in \[0, 1\], got 1.5/);
  });
});
