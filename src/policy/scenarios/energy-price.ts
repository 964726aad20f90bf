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
  /**
   * Own-price elasticity of domestic energy demand, ≤ 0 (default 0: fixed quantities). With ε < 0
   * households buy less: spend becomes E(1 + π)^(1+ε) and the income loss is the fall in consumer
   * surplus under constant-elasticity demand, E((1 + π)^(1+ε) − 1)/(1 + ε) (E ln(1 + π) at ε = −1),
   * smaller than πE. Short-run estimates for UK households are about −0.1 to −0.3.
   */
  elasticity?: number;
}

/**
 * Domestic energy price shock, with or without a per-household support payment.
 *
 * With price rise π and energy spend Eᵢ: the household's energy spend becomes (1 + π)Eᵢ and its
 * net income falls by πEᵢ (first-order loss at fixed quantities; with an `elasticity` ε < 0, spend
 * becomes Eᵢ(1 + π)^(1+ε) and the loss Eᵢ((1 + π)^(1+ε) − 1)/(1 + ε)); support sᵢ (£/week) is added
 * to income and to net_transfer (a cost to government). Δincome_bhc = sᵢ − πEᵢ, Δnet_transfer = sᵢ.
 * This is the "real income" view: the price rise counted as a loss of income. Official statistics
 * (HBAI) count cash incomes, which a price rise leaves unchanged — see {@link priceRiseViews}.
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
  const elasticity = parameter(options?.elasticity, 'elasticity', name, { max: 0, fallback: 0 });
  // income loss and spend after, per £ of spend before (constant-elasticity demand)
  const g = 1 + increase;
  const lossPerPound = elasticity === 0 ? increase : elasticity === -1 ? Math.log(g) : (Math.pow(g, 1 + elasticity) - 1) / (1 + elasticity);
  const spendPerPound = Math.pow(g, 1 + elasticity);
  if (supportTo !== 'all' && supportTo !== 'means-tested') {
    throw new PovineqError('INVALID_OPTION', `scenario energyPriceShock: supportTo must be 'all' or 'means-tested', got ${JSON.stringify(supportTo)}`, { option: 'supportTo' });
  }
  const label = `energy prices ${increase >= 0 ? '+' : ''}${+(increase * 100).toFixed(1)}%${elasticity !== 0 ? ` (elasticity ${elasticity})` : ''}${support > 0 ? ` with £${support}/week support${supportTo === 'means-tested' ? ' (means-tested)' : ''}` : ''}`;
  return defineScenario({
    label,
    parameters: { increase, support, supportTo, elasticity },
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
        newEnergy[i] = energy[i]! * spendPerPound;
        newIncome[i] = income[i]! - lossPerPound * energy[i]! + s;
        newTransfer[i] = transfer[i]! + s;
      }
      return withColumns(h, { income_bhc: newIncome, energy_spend: newEnergy, net_transfer: newTransfer });
    },
  });
}
