import { describe, expect, it } from 'vitest';
import { arpr, estimate, gini, random } from '../../src/index.js';

// Simulation check of the linearized 95% intervals. Population: log-normal incomes,
// ln X ~ N(10, σ²), for which the truth is known in closed form:
//   Gini = 2Φ(σ/√2) − 1                       (Aitchison & Brown 1957; Cowell 2011, §A)
//   ARPR = P(X < 0.6·median) = Φ(ln 0.6 / σ)  (the median is e^10)
const sigma = 0.7;
// R 4 (stats::pnorm): 2 * pnorm(0.7 / sqrt(2)) - 1 = 0.3793820536; pnorm(log(0.6) / 0.7) = 0.2327712337
const trueGini = 0.3793820536;
const trueArpr = 0.2327712337;

describe('linearized 95% intervals cover the truth in 93–97% of 1,000 samples', () => {
  it('Gini and ARPR, samples of 1,500 from a log-normal population', () => {
    const rng = random(20251125);
    const samples = 1000;
    const n = 1500;
    let coverGini = 0;
    let coverArpr = 0;
    const x = new Float64Array(n);
    for (let s = 0; s < samples; s++) {
      for (let i = 0; i < n; i++) x[i] = Math.exp(10 + sigma * rng.normal());
      const g = estimate(gini, x);
      const a = estimate(arpr, x);
      if (g.ci[0] <= trueGini && trueGini <= g.ci[1]) coverGini++;
      if (a.ci[0] <= trueArpr && trueArpr <= a.ci[1]) coverArpr++;
    }
    console.log(`coverage: gini ${coverGini / samples}, arpr ${coverArpr / samples}`);
    expect(coverGini / samples).toBeGreaterThanOrEqual(0.93);
    expect(coverGini / samples).toBeLessThanOrEqual(0.97);
    expect(coverArpr / samples).toBeGreaterThanOrEqual(0.93);
    expect(coverArpr / samples).toBeLessThanOrEqual(0.97);
  });
});
