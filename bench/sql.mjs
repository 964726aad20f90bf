// The measures pushed down to DuckDB, on a Parquet file bigger than a notebook's memory.
//
//   npx tsup --silent && node bench/sql.mjs                        # 1e8 rows (the published run)
//   node bench/sql.mjs --rows 1e6 --memory-rows 1e6                # a quick check
//
// Writes a Parquet file of seeded weighted rows (incomes from a Box–Muller draw on hash-based
// uniforms, exp(ln 20000 + 0.6 z), rounded to pence so values tie — the hashes of (row, seed, 1) and
// (row, seed, 2) are not independent enough for z to be exactly normal: the Gini is 0.245, not the
// lognormal's 0.33, which does not matter for timing; uniform weights; 32 councils) with DuckDB itself, then runs, each in a fresh Node process so that
// each peak resident memory (maxRSS) is its own:
//   (1) povineq  queryMeasures over { parquet }: the whole core set per council, DuckDB limited to
//       --memory-limit (default 1400MB) and spilling to a temporary folder;
//   (2) floor    DuckDB's own query on the same file: quantile_cont(income, 0.5) and sum(weight),
//       sum(weight * income) per council — unweighted median, no poverty or inequality measure;
//   (3) memory   the same core set with povineq's in-memory engine after loading the columns into
//       JavaScript (one Distribution per council), on the first --memory-rows rows, where it fits;
//       and the SQL path on those same rows for the ratio.
// The numbers are written to bench/results/sql.json. Ratios from one run are what to compare.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const ROWS = Number(args.rows ?? 1e8);
const MEMORY_ROWS = Number(args['memory-rows'] ?? 1e7);
const MEMORY_LIMIT = args['memory-limit'] ?? '1400MB';
const THREADS = args.threads ?? String(Math.min(os.cpus().length, 4));
const SEED = 20261205;
const COUNCILS = 32;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) (out[argv[i].slice(2)] = argv[i + 1]), i++;
  return out;
}

async function duckdb(tmp) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: MEMORY_LIMIT,
    threads: THREADS,
    temp_directory: tmp,
    preserve_insertion_order: 'false',
  });
  return { instance, connection: await instance.connect() };
}

/** Seeded rows from a hash of (row, seed): the same file on every run and every thread count. */
function rowsSQL(n) {
  const u = (k) => `((hash(i, ${SEED}, ${k}) >> 11)::DOUBLE + 0.5) / 9007199254740992.0`;
  return `SELECT 'S12' || lpad(CAST(i % ${COUNCILS} AS VARCHAR), 6, '0') AS council,
    round(exp(ln(20000) + 0.6 * sqrt(-2 * ln(${u(1)})) * cos(2 * pi() * ${u(2)})), 2) AS income,
    round(50 + 850 * ${u(3)}, 4) AS weight
  FROM range(${n}) t(i)`;
}

async function child(mode, file, n, tmp) {
  const started = performance.now();
  let result;
  if (mode === 'povineq') {
    const { queryMeasures } = await import('povineq');
    const { instance, connection } = await duckdb(tmp);
    const from = { parquet: file };
    const table = await queryMeasures(connection, { from, value: 'income', weight: 'weight', by: 'council' });
    result = { groups: table.numRows(), gini0: table.get('gini', 0), arpr0: table.get('arpr', 0), median0: table.get('median', 0) };
    connection.closeSync();
    instance.closeSync();
  } else if (mode === 'floor') {
    const { instance, connection } = await duckdb(tmp);
    const reader = await connection.runAndReadAll(
      `SELECT council, quantile_cont(income, 0.5) AS median, sum(weight) AS population, sum(weight * income) AS total
       FROM read_parquet($1) GROUP BY council ORDER BY council`,
      [file],
    );
    result = { groups: reader.getRowsJS().length, median0: reader.getRowsJS()[0][1] };
    connection.closeSync();
    instance.closeSync();
  } else if (mode === 'memory') {
    const p = await import('povineq');
    const { instance, connection } = await duckdb(tmp);
    // Loading: the columns into typed arrays, council by council (not timed in the measures' time).
    const groups = [];
    for (let c = 0; c < COUNCILS; c++) {
      const code = 'S12' + String(c).padStart(6, '0');
      const reader = await connection.runAndReadAll(`SELECT income, weight FROM read_parquet($1) WHERE council = $2`, [file, code]);
      const cols = reader.getColumnsJS();
      groups.push({ code, x: Float64Array.from(cols[0]), w: Float64Array.from(cols[1]) });
    }
    connection.closeSync();
    instance.closeSync();
    const loaded = performance.now();
    const all = p.distribution(concat(groups.map((g) => g.x)), { weights: concat(groups.map((g) => g.w)) });
    const line = 0.6 * p.quantile(all, { p: 0.5 });
    const arpt = 0.6 * p.quantile(all, { p: 0.5, type: 'laeken' });
    const rows = groups.map((g) => {
      const d = p.distribution(g.x, { weights: g.w });
      return {
        council: g.code, n: d.n, population: d.totalWeight, mean: p.mean(d), median: p.quantile(d, { p: 0.5 }),
        quantiles: [0.1, 0.25, 0.75, 0.9].map((q) => p.quantile(d, { p: q })),
        headcount: p.headcount(d, { line }), povertyGap: p.povertyGap(d, { line }), povertySeverity: p.povertySeverity(d, { line }),
        arpr: p.arpr(d, { line: arpt }), rmpg: p.rmpg(d, { line: arpt }), gini: p.gini(d), s80s20: p.s80s20(d), palma: p.palma(d),
        theil: p.theil(d), mld: p.mld(d), atkinson: [0.5, 1, 2].map((epsilon) => p.atkinson(d, { epsilon })),
      };
    });
    result = { groups: rows.length, gini0: rows[0].gini, arpr0: rows[0].arpr, median0: rows[0].median, loadSeconds: (loaded - started) / 1000 };
    result.measureSeconds = (performance.now() - loaded) / 1000;
  }
  const seconds = (performance.now() - started) / 1000;
  const maxRSSMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ mode, rows: n, seconds, maxRSSMB, ...result }) + '\n');
}

function concat(arrays) {
  const out = new Float64Array(arrays.reduce((s, a) => s + a.length, 0));
  let o = 0;
  for (const a of arrays) out.set(a, o), (o += a.length);
  return out;
}

function run(mode, file, n, tmp) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, '--file', file, '--rows', String(n), '--tmp', tmp,
    '--memory-limit', MEMORY_LIMIT, '--threads', THREADS], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  console.log(`  ${mode.padEnd(8)} ${String(n).padStart(10)} rows  ${out.seconds.toFixed(1).padStart(7)} s  peak RSS ${out.maxRSSMB.toFixed(0)} MB`);
  return out;
}

async function main() {
  if (args.child) return child(args.child, args.file, Number(args.rows), args.tmp);
  // --keep leaves the Parquet files in --dir (default: a new temporary folder) for another run to reuse.
  const dir = args.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-sql-bench-'));
  const tmp = path.join(dir, 'spill');
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const { instance, connection } = await duckdb(tmp);
    const write = async (n) => {
      const file = path.join(dir, `rows-${n}.parquet`);
      if (fs.existsSync(file)) return file;
      const t = performance.now();
      await connection.run(`COPY (${rowsSQL(n)}) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
      console.log(`wrote ${n} rows to Parquet (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      return file;
    };
    const small = MEMORY_ROWS > 0 ? await write(Math.min(MEMORY_ROWS, ROWS)) : undefined;
    const big = ROWS > MEMORY_ROWS ? await write(ROWS) : small;
    connection.closeSync();
    instance.closeSync();
    const results = { rows: ROWS, memoryRows: Math.min(MEMORY_ROWS, ROWS), councils: COUNCILS, memoryLimit: MEMORY_LIMIT, threads: THREADS, cpus: os.cpus().length, runs: [] };
    console.log('large file:');
    const sql = run('povineq', big, ROWS, tmp);
    const floor = run('floor', big, ROWS, tmp);
    results.runs.push(sql, floor);
    results.sqlOverFloor = sql.seconds / floor.seconds;
    if (small) {
      console.log('in-memory comparison:');
      const sqlSmall = small === big ? sql : run('povineq', small, Math.min(MEMORY_ROWS, ROWS), tmp);
      const memory = run('memory', small, Math.min(MEMORY_ROWS, ROWS), tmp);
      if (small !== big) results.runs.push(sqlSmall);
      results.runs.push(memory);
      results.sqlOverMemory = sqlSmall.seconds / memory.seconds;
      results.sqlOverMemoryMeasures = sqlSmall.seconds / memory.measureSeconds;
      const rel = Math.abs(sqlSmall.gini0 - memory.gini0) / memory.gini0;
      results.giniAgreement = rel;
      if (!(rel < 1e-9)) throw new Error(`SQL and in-memory Gini differ: ${sqlSmall.gini0} vs ${memory.gini0}`);
    }
    results.peakRSSUnder2GB = sql.maxRSSMB < 2048;
    console.log(`povineq SQL / DuckDB floor: ${results.sqlOverFloor.toFixed(2)}×` +
      (results.sqlOverMemory ? `; SQL / in-memory (load + measures): ${results.sqlOverMemory.toFixed(2)}×, SQL / in-memory measures only: ${results.sqlOverMemoryMeasures.toFixed(2)}×` : ''));
    console.log(`peak RSS of the Node process running the SQL path: ${sql.maxRSSMB.toFixed(0)} MB (limit 2048 MB)`);
    if (!args['no-write']) fs.writeFileSync(path.join(here, 'results', 'sql.json'), JSON.stringify(results, null, 2) + '\n');
  } finally {
    fs.rmSync(args.keep ? tmp : dir, { recursive: true, force: true });
  }
}

await main();
