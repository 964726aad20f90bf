import type { Predictions } from './mse.js';

/** Clip to the arcsine range [0, π/2] and map back: sin²(θ). */
export function naiveBack(theta: number): number {
  return Math.sin(Math.min(Math.max(theta, 0), Math.PI / 2)) ** 2;
}

/**
 * E[sin²(θ)] for θ ~ N(μ, σ²): (1 − cos(2μ)·e^(−2σ²)) / 2, the bias-corrected back-transformation
 * with σ² the posterior variance g1 of the area's random effect.
 */
export function correctedBack(mu: number, variance: number): number {
  return (1 - Math.cos(2 * mu) * Math.exp(-2 * variance)) / 2;
}

/** How the arcsine model's predictions map back to proportions, by name (a name, not a function, reaches a worker thread). */
export type BackTransform = 'naive' | 'bias-corrected';

/** The estimates of each area from the arcsine-scale predictions, for each {@link BackTransform}. */
export const backTransform: Record<BackTransform, (prediction: Predictions) => Float64Array> = {
  naive: (pr) => pr.eblup.map(naiveBack),
  'bias-corrected': (pr) => pr.eblup.map((mu, i) => correctedBack(mu, pr.g1[i]!)),
};
