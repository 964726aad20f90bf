import { inspect } from 'node:util';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { byGroup, columnKind, displayTables, eusilc, gini, show, tableBundle, tableHTML, tableText } from '../../src/index.js';

// The display of tables in notebooks. The real tslab kernel is exercised by the notebooks
// (test/notebooks): their committed outputs hold HTML tables that a fresh run must reproduce.
describe('tables display themselves', () => {
  const t = aq.table({
    year: [2023, 2024],
    rate: [0.2412, 0.236],
    income: [312.4, 1290.5],
    mean_change: [-1.234, 2.5],
    population: [12345, 5424800],
    council: ['Fife', 'Glasgow City'],
    gini: [0.26489, 0.31],
  });

  it('reads the kind of a column from its name, as the result tables use them', () => {
    expect(columnKind('rate', [0.2])).toBe('percent');
    expect(columnKind('pct_change', [0.01])).toBe('percent');
    expect(columnKind('income_share', [0.3])).toBe('percent');
    expect(columnKind('line_before', [300])).toBe('pounds');
    expect(columnKind('net_cost_annual', [3e6])).toBe('pounds');
    expect(columnKind('equivalised_ahc', [327])).toBe('pounds');
    expect(columnKind('rate_ahc', [0.2])).toBe('percent');
    expect(columnKind('population', [3])).toBe('count');
    expect(columnKind('sample_size', [3])).toBe('count');
    expect(columnKind('target_year', [2031])).toBe('year');
    expect(columnKind('year', [2024])).toBe('year');
    expect(columnKind('gini', [0.26])).toBe('decimal');
    expect(columnKind('council', ['Fife'])).toBe('text');
    expect(columnKind('rate', ['n/a', 0.2])).toBe('text'); // mixed columns are shown as they are
  });

  it('formats numbers: rates as %, money as £, counts with separators, years plain', () => {
    const text = tableText(t);
    expect(text.split('\n')[0]).toBe('year   rate  income  mean_change  population  council        gini');
    expect(text).toContain('2024  23.6%  £1,291        £2.50   5,424,800  Glasgow City  0.310');
    expect(text).toContain('2023  24.1%    £312       −£1.23      12,345  Fife          0.265');
  });

  it('shows the first rows and says how many more there are', () => {
    const big = aq.table({ n: Array.from({ length: 1234 }, (_, i) => i) });
    expect(tableText(big).split('\n').slice(-2)).toEqual(['9', '… 1,224 more rows']);
    expect(tableText(big, { limit: 3 }).split('\n').at(-1)).toBe('… 1,231 more rows');
    const html = tableHTML(big, { limit: 2 });
    expect(html.match(/<tr>/g)?.length).toBe(4); // header, two rows, "more"
    expect(html).toContain('… 1,232 more rows');
    expect(html).toContain('1,234 rows × 1 column');
  });

  it('escapes HTML in names and values, and a column kind can be set', () => {
    const x = aq.table({ '<b>': ['a & b'], v: [0.5] });
    expect(tableHTML(x)).toContain('<th style="text-align:left">&lt;b&gt;</th>');
    expect(tableHTML(x)).toContain('a &amp; b');
    expect(tableText(x, { kinds: { v: 'percent' } })).toContain('50.0%');
  });

  it('console.log and util.inspect print the text table outside a notebook, also for result tables', () => {
    expect(inspect(t)).toBe(tableText(t));
    const r = byGroup(gini, eusilc(), { by: 'db040', value: 'eqIncome', weight: 'rb050' });
    expect(inspect(r)).toMatch(/^db040 +gini +n +population\n/);
    expect(inspect(r)).toContain('Burgenland     0.321');
    expect(inspect({ nested: t })).toContain('24.1%');
  });

  it('the notebook bundle holds the HTML table and its text', () => {
    expect(Object.keys(tableBundle(t))).toEqual(['text/html', 'text/plain']);
    expect(tableBundle(t)['text/plain']).toBe(tableText(t));
    expect(() => tableBundle({} as never)).toThrow(/tableBundle\(\) needs an Arquero table/);
  });

  it('displayTables() sets the row limit, and rejects a bad one', () => {
    try {
      displayTables({ limit: 1 });
      expect(inspect(t)).toContain('… 1 more row');
      expect(() => displayTables({ limit: -1 })).toThrow(/displayTables: limit must be a whole number of rows/);
    } finally {
      displayTables();
    }
  });

  it('show() accepts a table, and outside a notebook says what to use instead', async () => {
    await expect(show(t)).rejects.toThrow(/show\(\) needs a running tslab.*tableText\(table\) or console\.log\(table\) for a table/);
  });
});

describe('a change or a confidence limit takes the units of the column it relates to', () => {
  it('percent beside a rate or a before/after pair, pounds beside money, decimal beside a value', () => {
    expect(tableText(aq.table({ before: [0.2], after: [0.21], change: [0.01] }))).toMatch(/\n +20\.0% +21\.0% +1\.0%$/);
    expect(tableText(aq.table({ rate: [0.24], ci_lower: [0.22], ci_upper: [0.26] }))).toMatch(/\n24\.0% +22\.0% +26\.0%$/);
    expect(tableText(aq.table({ value: [5123.4], change: [312.5] }))).toMatch(/\n5,123 +313$/);
    expect(tableText(aq.table({ estimate: [0.2649], ci_lower: [0.2612] }))).toMatch(/\n +0\.265 +0\.261$/);
  });
});

describe('edge cases of the table display', () => {
  it('a rate named first (arpr_own_line) is a rate; whole numbers print whole; the currency can change', () => {
    expect(columnKind('arpr_own_line', [0.1])).toBe('percent');
    expect(tableText(aq.table({ id: [1, 2], age: [34, 2] }))).toMatch(/\n 1   34\n 2    2$/);
    expect(tableText(aq.table({ line: [10859.2] }), { currency: '€' })).toContain('€10,859');
    expect(tableText(aq.table({ arpr: [0.195], se: [0.0309], ci_lower: [0.135] }))).toMatch(/19\.5% +3\.1% +13\.5%/);
  });
});
