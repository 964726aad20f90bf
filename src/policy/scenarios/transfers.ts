import { PovineqError } from '../../data/index.js';
import { numericColumn } from '../households.js';
import { type Scenario, addPayment, defineScenario, parameter } from '../scenario.js';
import { SCOTTISH_CHILD_PAYMENT } from '../synthetic-targets.js';
import { takeUpSelection } from '../take-up.js';
import { type UprateOptions, uprate } from '../uprating.js';

/** Options of {@link scottishChildPayment}. */
export interface ChildPaymentOptions {
  /** Change in the weekly payment per eligible child, £ (e.g. +5; negative to cut). */
  change: number;
  /**
   * Share of eligible children whose families take the payment up, 0–1. Default 0.89, the
   * Scottish Government's estimate for children under 16 in 2023-24 ("Take-up rates of Scottish
   * benefits", November 2024). Families are selected by {@link takeUpSelection} (seeded, by
   * household_id); 1 pays every eligible child.
   */
  takeUp?: number;
  /** Seed of the take-up selection (default 20230323). */
  seed?: number;
  /** Uprate `change` from the year it is given in to the file's price year with an index table (see {@link uprate}). */
  uprate?: UprateOptions;
}

/**
 * Scottish Child Payment level change: every eligible child in a household receiving a qualifying
 * benefit (`means_tested`) whose family takes the payment up gets `change` £/week more.
 *
 * Δincome_bhc = Δnet_transfer = change × eligible children × [means_tested] × [takes up]. Eligible
 * children are those under 16 (`children_under_16` when the table has it; otherwise every
 * dependent child, `children`, which overstates eligibility where 16–19-year-olds are counted).
 * Take-up defaults to the published 89%. Reference: Social Security Scotland, Scottish Child
 * Payment (£25/week per eligible child under 16 from November 2022; £26.70 from April 2024).
 *
 * @example
 * scottishChildPayment({ change: 25 })(households)            // 89% take-up
 * scottishChildPayment({ change: 25, takeUp: 1 })(households) // every eligible child
 */
export function scottishChildPayment(options: ChildPaymentOptions): Scenario {
  const name = 'scottishChildPayment';
  const given = parameter(options?.change, 'change', name);
  const change = options?.uprate ? uprate(given, options.uprate) : given;
  const takeUp = parameter(options?.takeUp, 'takeUp', name, { min: 0, max: 1, fallback: SCOTTISH_CHILD_PAYMENT.takeUp });
  const seed = options?.seed ?? 20230323;
  const label = `Scottish Child Payment ${change >= 0 ? '+' : '−'}£${+Math.abs(change).toFixed(2)}/week${takeUp < 1 ? ` (take-up ${+(takeUp * 100).toFixed(1)}%)` : ''}`;
  return defineScenario({
    label,
    parameters: { change, takeUp, seed },
    columns: ['income_bhc', 'children', 'means_tested', ...(takeUp < 1 ? ['household_id', 'weight'] : [])],
    apply: (h) => {
      const by = { by: `scenario "${label}"` };
      const column = h.columnNames().includes('children_under_16') ? 'children_under_16' : 'children';
      const children = numericColumn(h, column, by);
      const receiving = numericColumn(h, 'means_tested', by);
      const eligible = new Float64Array(h.numRows());
      for (let i = 0; i < eligible.length; i++) eligible[i] = receiving[i]! > 0 ? children[i]! : 0;
      const takes = takeUp < 1 ? takeUpSelection(h.array('household_id') as ArrayLike<unknown>, eligible, numericColumn(h, 'weight', by), { share: takeUp, seed, by: by.by }) : undefined;
      const payment = new Float64Array(h.numRows());
      for (let i = 0; i < payment.length; i++) payment[i] = !takes || takes[i] ? change * eligible[i]! : 0;
      return addPayment(h, payment, label);
    },
  });
}

/** Options of {@link twoChildLimitMitigation}. */
export interface TwoChildLimitOptions {
  /**
   * Weekly payment per child affected by the two-child limit, £ (default 54.71: the Universal
   * Credit child element of £237.08 a month in 2021/22, × 12 / 52).
   */
  amount?: number;
  /** Share of the amount paid, 0–1 (default 1: full mitigation). */
  share?: number;
}

/**
 * Mitigation of the two-child limit: pays the missing child element for each affected child.
 *
 * Δincome_bhc = Δnet_transfer = amount × share × two_child_limit_children. Reference: DWP,
 * Universal Credit child element rates 2021/22; Scottish Government, "Mitigating the two-child
 * limit" (2024) proposes the same payment.
 *
 * @example
 * twoChildLimitMitigation()(households)
 */
export function twoChildLimitMitigation(options: TwoChildLimitOptions = {}): Scenario {
  const name = 'twoChildLimitMitigation';
  const amount = parameter(options.amount, 'amount', name, { min: 0, fallback: (237.08 * 12) / 52 });
  const share = parameter(options.share, 'share', name, { min: 0, max: 1, fallback: 1 });
  const label = `two-child limit mitigation${share < 1 ? ` ${+(share * 100).toFixed(1)}%` : ''}`;
  return defineScenario({
    label,
    parameters: { amount, share },
    columns: ['income_bhc', 'two_child_limit_children'],
    apply: (h) => {
      const affected = numericColumn(h, 'two_child_limit_children', { by: `scenario "${label}"` });
      const payment = new Float64Array(h.numRows());
      for (let i = 0; i < payment.length; i++) payment[i] = amount * share * affected[i]!;
      return addPayment(h, payment, label);
    },
  });
}

/** Who a flat transfer is paid per. */
export type TransferUnit = 'household' | 'person' | 'adult' | 'child' | 'pensioner';

/** Options of {@link flatTransfer}. */
export interface FlatTransferOptions {
  /** £/week per unit (negative for a flat charge). */
  amount: number;
  /** The unit paid: `'household'` (default), `'person'`, `'adult'`, `'child'` or `'pensioner'`. */
  per?: TransferUnit;
  /** Pay only households receiving a means-tested benefit (default false). */
  meansTested?: boolean;
}

const UNIT_COLUMNS: Record<TransferUnit, string[]> = {
  household: [],
  person: ['adults', 'children'],
  adult: ['adults'],
  child: ['children'],
  pensioner: ['pensioners'],
};

/**
 * A flat transfer: `amount` £/week per unit, optionally to means-tested households only.
 *
 * Δincome_bhc = Δnet_transfer = amount × unitsᵢ × [eligibleᵢ]. With `per: 'child'` this is a child
 * top-up, the usual compensating instrument in {@link compensate}.
 *
 * @example
 * flatTransfer({ amount: 10, per: 'child', meansTested: true })(households)
 */
export function flatTransfer(options: FlatTransferOptions): Scenario {
  const name = 'flatTransfer';
  const amount = parameter(options?.amount, 'amount', name);
  const per = options?.per ?? 'household';
  if (!(per in UNIT_COLUMNS)) {
    throw new PovineqError('INVALID_OPTION', `scenario flatTransfer: per must be one of ${Object.keys(UNIT_COLUMNS).map((u) => `'${u}'`).join(', ')}, got ${JSON.stringify(per)}`, {
      option: 'per',
    });
  }
  const meansTested = options?.meansTested ?? false;
  const label = `flat transfer £${amount}/week per ${per}${meansTested ? ' (means-tested)' : ''}`;
  return defineScenario({
    label,
    parameters: { amount, per, meansTested },
    columns: ['income_bhc', ...UNIT_COLUMNS[per], ...(meansTested ? ['means_tested'] : [])],
    apply: (h) => {
      const by = { by: `scenario "${label}"` };
      const n = h.numRows();
      const units = new Float64Array(n).fill(1);
      if (per !== 'household') {
        units.fill(0);
        for (const c of UNIT_COLUMNS[per]) {
          const x = numericColumn(h, c, by);
          for (let i = 0; i < n; i++) units[i]! += x[i]!;
        }
      }
      if (meansTested) {
        const m = numericColumn(h, 'means_tested', by);
        for (let i = 0; i < n; i++) if (!(m[i]! > 0)) units[i] = 0;
      }
      const payment = new Float64Array(n);
      for (let i = 0; i < n; i++) payment[i] = amount * units[i]!;
      return addPayment(h, payment, label);
    },
  });
}
