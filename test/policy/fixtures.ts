import * as aq from 'arquero';

/**
 * Four hand-built households whose every compare() output is worked out by hand in
 * compare.test.ts. Equivalence factors (HBAI modified OECD):
 *   h1 single adult                  BHC 0.67, AHC 0.58
 *   h2 couple, two children under 14 BHC 0.67+0.33+0.2+0.2 = 1.4, AHC 0.58+0.42+0.2+0.2 = 1.4
 *   h3 pensioner couple              BHC 1.0,  AHC 1.0
 *   h4 lone adult, one child aged 14+ BHC 0.67+0.33 = 1.0, AHC 0.58+0.42 = 1.0
 */
export function fourHouseholds() {
  return aq.table({
    household_id: [1, 2, 3, 4],
    weight: [2, 1, 1, 3],
    adults: [1, 2, 2, 1],
    children: [0, 2, 0, 1],
    children_under_14: [0, 2, 0, 0],
    pensioners: [0, 0, 2, 0],
    income_bhc: [200, 500, 600, 400],
    housing_costs: [50, 100, 0, 80],
    energy_spend: [30, 40, 50, 20],
    motor_fuel_spend: [0, 20, 10, 30],
    means_tested: [1, 1, 0, 0],
    two_child_limit_children: [0, 0, 0, 0],
    council: ['S12000005', 'S12000005', 'S12000006', 'S12000006'],
    simd_decile: [1, 3, 10, 6],
  });
}
