/**
 * Weeks in a year as HBAI and PIIS convert: 365/7 ≈ 52.1429. PIIS 2019-22 table 54 gives every
 * threshold weekly (rounded to £1) and annually (rounded to £100); annual = weekly × 365/7 fits
 * all 52 pairs, weekly × 52 fails 27 of them.
 */
export const WEEKS_PER_YEAR = 365 / 7;

/**
 * Weekly to annual income: x × 365/7.
 *
 * @example
 * weeklyToAnnual(341) // 17780.7… (PIIS 2019-22: couple's relative poverty line £341/week, £17,800/year)
 */
export function weeklyToAnnual(weekly: number): number {
  return weekly * WEEKS_PER_YEAR;
}

/**
 * Annual to weekly income: x × 7/365.
 *
 * @example
 * annualToWeekly(17780.71) // 341
 */
export function annualToWeekly(annual: number): number {
  return (annual * 7) / 365;
}
