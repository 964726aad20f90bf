// The main job: builds the briefing pack in briefing/ (offline index.html, an SVG and a PNG per
// chart, the CSV of every number behind each chart) with the same public povineq functions the
// notebooks use, printing progress as it goes.
//
// Each section is one function in scripts/sections/ that logs what it computes and returns
// charts as [{ name, spec }]. To add a section (PIIS targets, SII, cross-check, uncertainty…),
// write scripts/sections/<topic>.mjs exporting `async function <topic>Section({ log })` and add it
// to SECTIONS below.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { briefing } from 'povineq';
import { eusilcSection } from './sections/eusilc.mjs';
import { scotlandSection } from './sections/scotland.mjs';
import { piisSection } from './sections/piis.mjs';
import { uncertaintySection } from './sections/uncertainty.mjs';
import { policySection } from './sections/policy.mjs';

const SECTIONS = [
  { title: 'EU-SILC example: core measures', build: eusilcSection },
  { title: 'Scottish areas: SIMD, council maps and the slope index of inequality', build: scotlandSection },
  { title: 'Child poverty against the Act’s targets, after housing costs (PIIS 2019-22)', build: piisSection },
  { title: 'Uncertainty: poverty by region with confidence intervals', build: uncertaintySection },
  { title: 'Climate policy vs child poverty: carbon levy cross-check (synthetic households)', build: policySection },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `node scripts/main.mjs --out <dir>` writes elsewhere (the tests use a temporary folder)
const at = process.argv.indexOf('--out');
const out = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : path.join(root, 'briefing');
const t0 = performance.now();
const seconds = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
const log = (line) => console.log(line);

console.log(`povineq briefing pack → ${path.relative(process.cwd(), out) || '.'}/`);
const charts = [];
for (const [i, section] of SECTIONS.entries()) {
  console.log(`\n[${i + 1}/${SECTIONS.length}] ${section.title}`);
  const made = await section.build({ log: (line) => log(`  ${line}`) });
  for (const c of made) console.log(`  chart: ${c.name}`);
  charts.push(...made);
}

console.log(`\nRendering ${charts.length} charts (SVG, PNG, CSV) and index.html`);
const result = await briefing(charts, out, {
  title: 'povineq briefing pack',
  intro:
    'Charts built by the povineq main job (npm start) from the data bundled with povineq. Each chart has a description, ' +
    'a data table, and its SVG, PNG and CSV files beside this page. The EU-SILC charts use synthetic example data.',
  scale: 2,
  onProgress: (line) => console.log(`  ${line.trim()} (${seconds()})`),
});
console.log(`\nDone in ${seconds()}: ${result.files.length} files in ${path.relative(process.cwd(), out) || '.'}/ — open ${path.relative(process.cwd(), path.join(out, 'index.html'))}`);
