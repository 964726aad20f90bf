// Design-based simulation of the small-area estimates: 200 seeded stratified two-stage samples
// (about 3,200 households, 400 PSUs, councils as strata) from the SYNTHETIC Scottish household
// population; child poverty AHC by council directly (estimate({ by })) and by Fay–Herriot REML on
// council covariates from the bundled data. The assertions are properties (the model beats the
// direct estimates; its 95% intervals cover the truth 90–98% of the time), not digits, because the
// synthetic generator may be recalibrated. Code: bench/small-area-survey.ts.
import { expect, it } from 'vitest';
import { simulate } from '../../bench/small-area-survey.js';

it('over 200 samples, Fay–Herriot council estimates beat the direct ones on relative RMSE and their 95% intervals cover 90–98%', () => {
  const result = simulate(200, 18);
  console.log(`small-area simulation: ${JSON.stringify(result)}`);
  expect(result.samples).toBe(200);
  expect(result.fhRrmse).toBeLessThan(result.directRrmse);
  expect(result.coverage).toBeGreaterThanOrEqual(0.9);
  expect(result.coverage).toBeLessThanOrEqual(0.98);
}, 240_000);
