import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { eusilc } from '../../src/index.js';

/** The error a function throws (code and message), or undefined. */
export function thrown(f: () => unknown): { code: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  return undefined;
}

/**
 * The EU-SILC example (one row per person) as one row per household: `db030`, `eqIncome` (the
 * same for every member), `db090` (household weight = rb050), and counts `adults` (18+),
 * `children_14_plus` (14–17), `children_under_14`, `pensioners` (65+). In the 5 households with
 * nobody aged 18+, members aged 14+ count as adults — as test/reference/income-eusilc.R does.
 */
export function eusilcHouseholds(): ColumnTable {
  const p = eusilc();
  const id = p.array('db030') as number[];
  const age = p.array('age') as number[];
  const inc = p.array('eqIncome') as number[];
  const w = p.array('db090') as number[];
  const eqSS = p.array('eqSS') as number[];
  const hh = new Map<number, { a18: number; a14: number; u14: number; pens: number; inc: number; w: number; eqSS: number }>();
  for (let i = 0; i < id.length; i++) {
    let h = hh.get(id[i]!);
    if (!h) hh.set(id[i]!, (h = { a18: 0, a14: 0, u14: 0, pens: 0, inc: inc[i]!, w: w[i]!, eqSS: eqSS[i]! }));
    if (age[i]! >= 18) h.a18++;
    else if (age[i]! >= 14) h.a14++;
    else h.u14++;
    if (age[i]! >= 65) h.pens++;
  }
  const rows = [...hh.entries()].map(([k, h]) => ({
    db030: k,
    eqIncome: h.inc,
    db090: h.w,
    eqSS: h.eqSS,
    adults: h.a18 > 0 ? h.a18 : h.a14,
    children_14_plus: h.a18 > 0 ? h.a14 : 0,
    children_under_14: h.u14,
    pensioners: h.pens,
  }));
  return aq.from(rows);
}
