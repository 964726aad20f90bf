import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { estimate, headcount, measureChart, toSVG } from '../../src/index.js';
import { compileWarnings, schemaErrors } from './validate.js';

// three areas of 200, 40 and 3 people: the last two fall under the default 100-case minimum
const incomes = (n: number, poor: number) => Array.from({ length: n }, (_, i) => (i < poor ? 5 : 50 + i));
const t = aq.table({
  income: [...incomes(200, 40), ...incomes(40, 8), ...incomes(3, 1)],
  area: [...Array(200).fill('Large'), ...Array(40).fill('Medium'), ...Array(3).fill('Tiny')],
});

describe('measureChart honours the reliability flags of estimate tables', () => {
  const table = estimate(headcount, t, { value: 'income', line: 10, by: 'area' });
  const rows = table.objects() as any[];
  const spec = measureChart(table, { group: 'area', format: 'percent' }) as any;

  it('the estimate table flags small domains', () => {
    expect(rows.map((r) => r.reliability)).toEqual(['reliable', 'suppressed', 'suppressed']);
    for (const r of rows) expect(r.ci_lower >= 0 && r.ci_upper <= 1).toBe(true);
  });
  it('flagged estimates are hollow (white fill, coloured stroke), reliable ones filled', () => {
    const point = spec.vconcat[0].layer.find((l: any) => l.mark.type === 'point');
    expect(point.encoding.fill.condition.test).toMatch(/reliability/);
    expect(point.encoding.fill.value).toBe('white');
    expect(point.mark.stroke).toBeTruthy();
    expect(spec.datasets.measures.map((r: any) => r.reliability)).toEqual(['reliable', 'suppressed', 'suppressed']);
  });
  it('a note names the flagged estimates, in the chart and its description', () => {
    expect(spec.usermeta.povineq.note).toMatch(/Hollow dots: Medium \(suppressed\) and Tiny \(suppressed\)/);
    expect(spec.description).toMatch(/Hollow dots/);
  });
  it('the spec is valid Vega-Lite, compiles without warnings, and renders', async () => {
    expect(schemaErrors(spec)).toEqual([]);
    expect(await compileWarnings(spec)).toEqual([]);
    expect(await toSVG(spec)).toMatch(/fill="white"|fill="#fff(fff)?"/i);
  });
  it('a table without the flag draws as before (filled dots, no note)', () => {
    const plain = measureChart(table.select('area', 'estimate', 'ci_lower', 'ci_upper'), { group: 'area' }) as any;
    const point = plain.vconcat[0].layer.find((l: any) => l.mark.type === 'point');
    expect(point.encoding.fill).toBeUndefined();
    expect(plain.usermeta.povineq.note).toBe(null);
  });
});

describe('colour scheme names', () => {
  it('every scheme councilMap accepts is one Vega knows', async () => {
    const { SCHEMES } = await import('../../src/charts/choropleth.js');
    const vega = await import('vega');
    const unknown = SCHEMES.filter((s) => vega.scheme(s) === undefined);
    expect(unknown).toEqual([]);
  });
});
