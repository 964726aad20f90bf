import { PovineqError } from '../../data/index.js';
import { numericColumn } from '../households.js';
import { type Scenario, defineScenario, netTransfer, parameter, withColumns } from '../scenario.js';

/** Options of {@link energyPriceShock}. */
export interface EnergyPriceShockOptions {
  /** Proportional rise in domestic energy prices (0.5 = +50%); negative for a fall (> −1). */
  increase: number;
  /** Support payment in £/week per eligible household (default 0: none). */
  support?: number;
  /** Who gets the support: `'all'` households (default) or `'means-tested'` ones. */
  supportTo?: 'all' | 'means-tested';
}

/**
 * Domestic energy price shock, with or without a per-household support payment.
 *
 * With price rise π and energy spend Eᵢ: the household's energy spend becomes (1 + π)Eᵢ and its
 * net income falls by πEᵢ (first-order loss at fixed quantities); support sᵢ (£/week) is added to
 * income and to net_transfer (a cost to government). Δincome_bhc = sᵢ − πEᵢ, Δnet_transfer = sᵢ.
 * Reference: the method of the Energy Price Guarantee and Energy Bills Support Scheme
 * distributional analyses (HM Treasury, Autumn Statement 2022 distributional analysis).
 *
 * @example
 * energyPriceShock({ increase: 0.5, support: 7.5 })(households) // +50% prices, £7.50/week support
 */
export function energyPriceShock(options: EnergyPriceShockOptions): Scenario {
  const name = 'energyPriceShock';
  const increase = parameter(options?.increase, 'increase', name, { min: -0.99 });
  const support = parameter(options?.support, 'support', name, { min: 0, fallback: 0 });
  const supportTo = options?.supportTo ?? 'all';
  if (supportTo !== 'all' && supportTo !== 'means-tested') {
    throw new PovineqError('INVALID_OPTION', `scenario energyPriceShock: supportTo must be 'all' or 'means-tested', got ${JSON.stringify(supportTo)}`, { option: 'supportTo' });
  }
  const label = `energy prices ${increase >= 0 ? '+' : ''}${+(increase * 100).toFixed(1)}%${support > 0 ? ` with £${support}/week support${supportTo === 'means-tested' ? ' (means-tested)' : ''}` : ''}`;
  return defineScenario({
    label,
    parameters: { increase, support, supportTo },
    columns: ['income_bhc', 'energy_spend', ...(support > 0 && supportTo === 'means-tested' ? ['means_tested'] : [])],
    apply: (h) => {
      const by = { by: `scenario "${label}"` };
      const n = h.numRows();
      const income = numericColumn(h, 'income_bhc', by);
      const energy = numericColumn(h, 'energy_spend', by);
      const eligible = support > 0 && supportTo === 'means-tested' ? numericColumn(h, 'means_tested', by) : undefined;
      const transfer = netTransfer(h, by.by);
      const newIncome = new Float64Array(n);
      const newEnergy = new Float64Array(n);
      const newTransfer = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const s = eligible ? (eligible[i]! > 0 ? support : 0) : support;
        newEnergy[i] = energy[i]! * (1 + increase);
        newIncome[i] = income[i]! - increase * energy[i]! + s;
        newTransfer[i] = transfer[i]! + s;
      }
      return withColumns(h, { income_bhc: newIncome, energy_spend: newEnergy, net_transfer: newTransfer });
    },
  });
}
