// Types for bench/compare-coverage-sim.mjs, used by test/policy/compare-intervals.test.ts.
import type { ColumnTable } from 'arquero';
export function sampleHouseholds(povineq: unknown, pop: ColumnTable, n: number, seed: number): ColumnTable;
export function coverageOfCompare(povineq: unknown, options: { samples: number; n: number; replicates: number }): { trueChild: number; trueDecile1: number; child: number; decile1: number };
