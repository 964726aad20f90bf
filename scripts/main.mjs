// The main job (npm start): builds the council briefing pack in briefing/ from the real Scottish
// data bundled with povineq — a Scotland page (briefing/index.html) and one page per council
// (briefing/councils/<S12 code>.html), each with its charts beside it as SVG, PNG and the CSV of
// the numbers behind them, and an A4 PDF of every page printed by headless Chromium.
//
//   npm start                                  all 33 pages
//   npm start -- --council "Glasgow City"      one council (a name or an S12 code; repeatable;
//                                              "Scotland" builds the Scotland page)
//   npm start -- --out <dir> --no-pdf          elsewhere, without PDFs
//
// Pages are built from sections (scripts/sections/): each returns a heading, text and charts
// whose titles are computed from the numbers. To add a section, see docs/guides/briefing.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadContext, EDITIONS, SCOTLAND } from './sections/context.mjs';
import { resolveCouncils } from './sections/resolve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (isMainThread) await main();
else await worker();

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const seconds = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
  const out = args.out ? path.resolve(args.out) : path.join(root, 'briefing');

  let codes;
  try {
    codes = args.councils.length ? resolveCouncils(args.councils) : null;
  } catch (e) {
    console.error(`npm start: ${e.message}`);
    process.exit(2);
  }
  const chromium = process.env.POVINEQ_CHROMIUM ?? '/usr/bin/chromium';
  if (args.pdf && !fs.existsSync(chromium)) {
    console.error(`npm start: Chromium is needed for the PDFs but is not at ${chromium}; run bash scripts/setup.sh (or set POVINEQ_CHROMIUM), or pass --no-pdf`);
    process.exit(1);
  }
  console.log(`povineq briefing pack → ${path.relative(process.cwd(), out) || '.'}/`);

  // two workers share the pages (each loads the data once); the PDFs follow in one browser
  const jobs = Math.max(1, Math.min(args.jobs ?? os.availableParallelism?.() ?? 2, 4, codes?.length ?? 33));
  const built = new Date().toISOString().slice(0, 10);
  // null: the Scotland page and every council
  const all = codes;
  const results = [];
  await new Promise((resolve, reject) => {
    let running = jobs;
    for (let w = 0; w < jobs; w++) {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { worker: w, jobs, pages: all, out, built } });
      worker.on('message', (m) => {
        if (m.log) console.log(`${m.log} (${seconds()})`);
        if (m.page) results.push(m.page);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`a page worker stopped with code ${code}`));
        else if (--running === 0) resolve();
      });
    }
  });
  results.sort((a, b) => a.order - b.order);
  const files = results.flatMap((r) => r.files);
  console.log(`Pages and charts written: ${results.length} pages, ${files.length} files (${seconds()})`);

  if (args.pdf) {
    const { printPDFs } = await import('./pdf.mjs');
    const pdfs = await printPDFs(
      results.map((r) => ({ html: path.join(out, r.file), pdf: path.join(out, r.pdf) })),
      { onProgress: (line) => console.log(`${line} (${seconds()})`) },
    );
    files.push(...pdfs.map((p) => path.relative(out, p)));
  }
  console.log(`\nDone in ${seconds()}: ${results.length} pages, ${files.length} files in ${path.relative(process.cwd(), out) || '.'}/ — open ${path.relative(process.cwd(), path.join(out, results[0]?.file ?? 'index.html'))}`);
}

function parseArgs(argv) {
  const args = { councils: [], pdf: true, out: undefined, jobs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a === '--council') args.councils.push(argv[++i] ?? '');
    else if (a === '--no-pdf') args.pdf = false;
    else if (a === '--jobs') args.jobs = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('npm start [-- --council <name or S12 code>]… [--out <folder>] [--no-pdf] [--jobs <n>]\n' +
        'Builds the council briefing pack (default: the Scotland page and all 32 councils, in briefing/). See docs/guides/briefing.md.');
      process.exit(0);
    }
    else {
      console.error(`npm start: unknown option ${JSON.stringify(a)}; options are --council <name or S12 code>, --out <folder>, --no-pdf, --jobs <n>`);
      process.exit(2);
    }
  }
  return args;
}

async function worker() {
  const { writeBriefingPage } = await import('povineq');
  const { buildScotlandPage, buildCouncilPage } = await import('./sections/pages.mjs');
  const { worker: w, jobs, pages, out, built } = workerData;
  const ctx = loadContext();
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const footer = { editions: EDITIONS, version, built, rebuild: 'bash scripts/setup.sh && npm start' };
  const list = pages ?? ['scotland', ...ctx.councils.map((c) => c.code)];
  for (let i = w; i < list.length; i += jobs) {
    const t = performance.now();
    const key = list[i];
    const page = key === 'scotland' || key === SCOTLAND ? buildScotlandPage(ctx, footer) : buildCouncilPage(ctx, key, footer);
    const { files } = await writeBriefingPage(page, out, { scale: 2 });
    const charts = files.filter((f) => f.endsWith('.svg')).length;
    parentPort.postMessage({ page: { order: i, file: page.file, pdf: page.file === 'index.html' ? 'scotland.pdf' : page.file.replace(/\.html$/, '.pdf'), files } });
    parentPort.postMessage({ log: `[${i + 1}/${list.length}] ${page.title}: ${charts} charts, ${page.file} in ${((performance.now() - t) / 1000).toFixed(1)} s` });
  }
}
