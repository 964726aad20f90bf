import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { PovineqError } from '../data/index.js';
import { PIIS_2019_22_THRESHOLDS, type PolicyLineOptions } from './paired.js';
import { compare } from './compare.js';
import { energyPriceShock } from './scenarios/energy-price.js';

/** Options of {@link priceRiseViews}. */
export interface PriceRiseViewOptions extends PolicyLineOptions {
  /** Proportional rise in domestic energy prices (0.5 = +50%). */
  increase: number;
  /**
   * Weight of domestic energy (electricity, gas and other fuels, COICOP 04.5) in the price index
   * that uprates the absolute line (default 0.035: about 35 parts per 1,000 of UK CPI around 2021–22;
   * use the weight of the year analysed). The index rises by cpiWeight × increase.
   */
  cpiWeight?: number;
  /** Support payment, £/week per household, as {@link energyPriceShock}. */
  support?: number;
  /** `'all'` or `'means-tested'` households get the support. */
  supportTo?: 'all' | 'means-tested';
  /** Own-price elasticity of energy demand for the real-income view (default 0). */
  elasticity?: number;
}

/**
 * A pure energy price rise seen two ways, side by side: `view` = `'real income'` (the price rise
 * counted as a loss of income, πE, as {@link energyPriceShock} does: what households can buy) and
 * `'official statistics'` (as HBAI and PIIS would record it: cash incomes do not change, so
 * relative poverty — a share of the median cash income — does not move except through support
 * payments; absolute poverty moves because its line is uprated by the price index, which rises by
 * cpiWeight × π). Columns: `view`, `measure` (`relative`, `absolute`), `basis`, `group`
 * (`Children`, `All people`), `before`, `after`, `change`.
 *
 * The official series will show the price rise only in absolute poverty, and only through the
 * deflator: a rise in energy prices that hits poor households hardest (energy is a larger share of
 * their spending) is understated by a deflator built on average spending. Reference: DWP,
 * Households Below Average Income: quality and methodology (absolute low income uprated by CPI).
 *
 * @example
 * priceRiseViews(households, { increase: 0.5, referenceMedian: { BHC: 569, AHC: 499 } }).print()
 */
export function priceRiseViews(households: ColumnTable, options: PriceRiseViewOptions): ColumnTable {
  const { increase, cpiWeight = 0.035, support = 0, supportTo = 'all', elasticity = 0, ...lines } = options ?? ({} as PriceRiseViewOptions);
  if (typeof increase !== 'number' || !(increase > -1)) throw new PovineqError('INVALID_OPTION', `priceRiseViews(): increase must be a number > −1 (0.5 = +50%), got ${JSON.stringify(increase)}`, { option: 'increase' });
  if (!(cpiWeight >= 0 && cpiWeight <= 1)) throw new PovineqError('INVALID_OPTION', `priceRiseViews(): cpiWeight must be between 0 and 1, got ${cpiWeight}`, { option: 'cpiWeight' });
  const real = compare(households, energyPriceShock({ increase, support, supportTo, elasticity }), lines);
  const cash = energyPriceShock({ increase: 0, support, supportTo });
  const base = lines.absoluteLine ?? { BHC: PIIS_2019_22_THRESHOLDS.absoluteBHC, AHC: PIIS_2019_22_THRESHOLDS.absoluteAHC };
  const uplift = 1 + cpiWeight * increase;
  const officialBefore = compare(households, cash, lines);
  const officialAfter = compare(households, cash, { ...lines, absoluteLine: { BHC: base.BHC * uplift, AHC: base.AHC * uplift } });
  const rows: Record<string, unknown>[] = [];
  const pick = (t: ColumnTable, measure: string, basis: string, group: string) =>
    (t.objects() as Array<Record<string, unknown>>).find((r) => r.measure === measure && r.basis === basis && r.group === group)!;
  for (const measure of ['relative', 'absolute'] as const) {
    for (const basis of ['AHC', 'BHC'] as const) {
      for (const group of ['Children', 'All people']) {
        const r = pick(real.poverty, measure, basis, group);
        rows.push({ view: 'real income', measure, basis, group, before: r.before, after: r.after, change: (r.after as number) - (r.before as number) });
        const before = pick(officialBefore.poverty, measure, basis, group).before as number;
        const after = pick(officialAfter.poverty, measure, basis, group).after as number;
        rows.push({ view: 'official statistics', measure, basis, group, before, after, change: after - before });
      }
    }
  }
  return aq.from(rows);
}
