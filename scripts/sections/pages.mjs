// Assembles the pages of the pack from the sections: the Scotland page and one page per council.
import { SCOTLAND_SECTIONS } from './scotland-page.mjs';
import { COUNCIL_SECTIONS } from './council.mjs';
import { dwpRates, SCOTLAND } from './context.mjs';
import { pct } from './findings.mjs';

/** The Scotland page, `index.html`, with links to every council page. */
export function buildScotlandPage(ctx, footer) {
  return {
    file: 'index.html',
    title: 'Child poverty and inequality in Scotland: council briefing',
    lede: [
      'A briefing on child poverty, deprivation and inequality for Scotland and each of its 32 councils, built from published official statistics. Every chart states its finding, its measure and basis, and its source and edition; each has a data table and its numbers as CSV.',
      'Child poverty targets in the Child Poverty (Scotland) Act 2017 are measured after housing costs (AHC). Where a chart uses figures before housing costs (BHC) it says so.',
    ],
    nav: [{ href: 'index.html', text: 'Scotland' }, { href: '#councils', text: 'Council pages' }, { href: 'scotland.pdf', text: 'PDF of this page' }],
    sections: SCOTLAND_SECTIONS.map((build) => build(ctx)),
    links: { heading: 'Council pages', items: ctx.councils.map((c) => ({ href: `councils/${c.code}.html`, text: c.name })) },
    footer,
  };
}

/** A council's page, `councils/<S12 code>.html`. */
export function buildCouncilPage(ctx, code, footer) {
  const name = ctx.name.get(code);
  const ahc = dwpRates(ctx, '2026', 'AHC', 2025);
  const children = ctx.children.get(code);
  return {
    file: `councils/${code}.html`,
    title: `${name}: child poverty and inequality briefing`,
    lede: [
      `${name} (council code ${code}) had ${children ? children.toLocaleString('en-GB') : 'an unknown number of'} children aged 0–15 in mid-2024 (NRS). After housing costs, ${pct(ahc.get(code))} of them lived in relative low income families in 2024/25 on DWP's measure, against ${pct(ahc.get(SCOTLAND))} across Scotland.`,
      'Each chart states its finding, measure, basis and source. Before-housing-costs (BHC) and after-housing-costs (AHC) figures are labelled; the Act\'s targets are after housing costs.',
    ],
    nav: [{ href: '../index.html', text: 'Scotland' }, { href: `${code}.pdf`, text: 'PDF of this page' }],
    sections: COUNCIL_SECTIONS.map((build) => build(ctx, code)),
    footer,
  };
}
