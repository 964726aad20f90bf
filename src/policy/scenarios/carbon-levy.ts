import { PovineqError } from '../../data/index.js';
import { numericColumn } from '../households.js';
import { type Scenario, defineScenario, netTransfer, parameter, withColumns } from '../scenario.js';
import { RECYCLING_COLUMNS, type Recycling, checkRecycling, recyclePayments } from './recycling.js';

/** Options of {@link carbonLevy}. */
export interface CarbonLevyOptions {
  /** Levy as a fraction of pre-levy spend on the taxed fuels (0.1 = 10%). */
  rate: number;
  /** Share of the levy passed on to household prices, 0–1 (default 1: fully passed on). */
  passThrough?: number;
  /** Which spends are taxed: `'both'` (default), `'energy'` (domestic energy) or `'motor'` (motor fuel). */
  base?: 'both' | 'energy' | 'motor';
  /** How the revenue is returned (default `'none'`). See {@link Recycling}. */
  recycling?: Recycling;
  /** Share of the revenue recycled, 0–1 (default 1: all of it). */
  recycledShare?: number;
  /**
   * Own-price elasticity of demand for the taxed fuels, ≤ 0 (default 0: fixed quantities). With
   * ε < 0 and price factor g = 1 + passThrough × rate: quantities fall to g^ε, the revenue to
   * rate × S × g^ε, spend becomes S g^(1+ε), and the household's loss is the fall in consumer
   * surplus S(g^(1+ε) − 1)/(1 + ε) (S ln g at ε = −1).
   */
  elasticity?: number;
}

/**
 * Carbon levy on domestic energy and motor fuel, with its revenue recycled.
 *
 * For household i with taxed spend Sᵢ (energy_spend, motor_fuel_spend or both) and levy rate t:
 * revenue Rᵢ = t·Sᵢ (government receives it, whoever bears it); the household bears p·t·Sᵢ through
 * prices (p = passThrough), counted as an equal fall in net income (first-order incidence at fixed
 * quantities: no behavioural response, unless `elasticity` < 0); its recorded spends rise by p·t·Sᵢ. Recycling pays
 * rᵢ = uᵢ · s·ΣⱼwⱼRⱼ / Σⱼwⱼuⱼ (uᵢ the household's units: people, 1, children or the means-tested flag;
 * s = recycledShare). So Δincome_bhc = rᵢ − p·t·Sᵢ and Δnet_transfer = rᵢ − t·Sᵢ: with s = 1 the
 * package is budget-neutral, Σ wᵢ Δnet_transfer = 0.
 * Reference: the incidence method of IFS/Resolution Foundation carbon-tax distributional analyses
 * (e.g. Advani, Johnson, Leicester & Stoye 2013, IFS Report R84).
 *
 * @example
 * carbonLevy({ rate: 0.1, recycling: 'dividend' })(households)
 */
export function carbonLevy(options: CarbonLevyOptions): Scenario {
  const name = 'carbonLevy';
  const rate = parameter(options?.rate, 'rate', name, { min: 0 });
  const passThrough = parameter(options?.passThrough, 'passThrough', name, { min: 0, max: 1, fallback: 1 });
  const recycledShare = parameter(options?.recycledShare, 'recycledShare', name, { min: 0, max: 1, fallback: 1 });
  const recycling = checkRecycling(options?.recycling ?? 'none', name);
  const elasticity = parameter(options?.elasticity, 'elasticity', name, { max: 0, fallback: 0 });
  const g = 1 + passThrough * rate;
  const quantity = Math.pow(g, elasticity);
  const lossPerPound = elasticity === 0 ? passThrough * rate : elasticity === -1 ? Math.log(g) : (Math.pow(g, 1 + elasticity) - 1) / (1 + elasticity);
  const base = options?.base ?? 'both';
  if (!['both', 'energy', 'motor'].includes(base)) {
    throw new PovineqError('INVALID_OPTION', `scenario carbonLevy: base must be 'both', 'energy' or 'motor', got ${JSON.stringify(base)}`, { option: 'base' });
  }
  const spendColumns = base === 'both' ? ['energy_spend', 'motor_fuel_spend'] : base === 'energy' ? ['energy_spend'] : ['motor_fuel_spend'];
  const label = `carbon levy ${+(rate * 100).toFixed(2)}%${recycling === 'none' ? '' : ` (${recycling}${recycledShare < 1 ? ` ${+(recycledShare * 100).toFixed(1)}%` : ''})`}`;
  return defineScenario({
    label,
    parameters: { rate, passThrough, base, recycling, recycledShare, elasticity },
    columns: ['weight', 'income_bhc', ...spendColumns, ...RECYCLING_COLUMNS[recycling]],
    apply: (h) => {
      const by = { by: `scenario "${label}"` };
      const n = h.numRows();
      const weight = numericColumn(h, 'weight', by);
      const income = numericColumn(h, 'income_bhc', by);
      const transfer = netTransfer(h, by.by);
      const levy = new Float64Array(n);
      const loss = new Float64Array(n);
      const changed: Record<string, Float64Array> = {};
      for (const c of spendColumns) {
        const spend = numericColumn(h, c, by);
        const after = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          levy[i]! += elasticity === 0 ? rate * spend[i]! : rate * spend[i]! * quantity;
          loss[i]! += lossPerPound * spend[i]!;
          after[i] = elasticity === 0 ? spend[i]! * g : spend[i]! * g * quantity;
        }
        changed[c] = after;
      }
      let revenue = 0;
      for (let i = 0; i < n; i++) revenue += weight[i]! * levy[i]!;
      const { payment } = recyclePayments(h, recycledShare * revenue, recycling, label);
      const newIncome = new Float64Array(n);
      const newTransfer = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        newIncome[i] = income[i]! - (elasticity === 0 ? passThrough * levy[i]! : loss[i]!) + payment[i]!;
        newTransfer[i] = transfer[i]! - levy[i]! + payment[i]!;
      }
      return withColumns(h, { ...changed, income_bhc: newIncome, net_transfer: newTransfer });
    },
  });
}
