// Benchmark of the area-inequality functions against R in the same run.
//
//   node bench/area.mjs                      # concentration index on 1e5 and 1e6 rows
//   node bench/area.mjs --sizes 1e5 --reps 5
//
// (a) sii: SIMD 2020v2 data zones → deciles → weighted line (povineq sii) vs R tapply + lm + confint,
//     with the SII checked to 1e-9 relative;
// (b) concentrationIndex on seeded weighted data with ties vs R's order + fractional ranks + weighted
//     covariance, checked to 1e-9;
// (c) overlappingDeprivation over all of Scotland (income, employment, health, 10%): povineq only
//     (no R peer is installed: spdep/sf are not available), reported as seconds and counts.
// Reading inputs is not timed. Needs Rscript and a built package (npx tsup). Read the ratios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { concentrationIndex, dataZoneBoundaries, overlappingDeprivation, random, sii, simd } from 'povineq';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (a.startsWith('--') ? [[a.slice(2), all[i + 1]]] : [])));
const sizes = (args.sizes ?? '1e5,1e6').split(',').map(Number);
const reps = Number(args.reps ?? 5);

const best = (f) => {
  let t = Infinity;
  let v;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    v = f();
    t = Math.min(t, (performance.now() - t0) / 1000);
  }
  return { t, v };
};
const rel = (a, b) => Math.abs(a - b) / Math.max(1, Math.abs(b));

const zones = simd();
const boundaries = dataZoneBoundaries();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'povineq-area-bench-'));
try {
  const z = zones.objects();
  fs.writeFileSync(path.join(dir, 'zones.csv'), 'group,population,count\n' + z.map((d) => `${d.decile},${d.population},${d.income_count}`).join('\n'));
  const o = { group: 'decile', count: 'income_count', population: 'population' };
  for (const n of sizes) {
    // outcome y ~ Poisson-like counts falling with x; x rounded so that ties occur; lognormal weights
    const rng = random(20261125 + n);
    const x = new Float64Array(n), y = new Float64Array(n), w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = Math.round(Math.exp(10 + 0.6 * rng.normal()) / 10) * 10;
      y[i] = rng.poisson(1 + 3 * Math.exp(-x[i] / 30000));
      w[i] = Math.exp(Math.log(300) + 0.5 * rng.normal());
    }
    for (const [f, a] of [['x', x], ['y', y], ['w', w]]) fs.writeFileSync(path.join(dir, `${f}.f64`), new Uint8Array(a.buffer));
    const data = { y, x, w };
    const ours = { sii: best(() => sii(zones, o).sii), conc: best(() => concentrationIndex(data, { value: 'y', rankBy: 'x', weight: 'w' })) };
    const r = spawnSync('Rscript', [path.join(here, 'area.R'), dir, String(reps)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Rscript failed: ${r.stderr}`);
    const R = JSON.parse(r.stdout.trim().split('\n').pop());
    if (rel(ours.sii.v, R.sii) > 1e-9 || rel(ours.conc.v, R.concentration) > 1e-9) {
      throw new Error(`disagreement with R: sii ${ours.sii.v} vs ${R.sii}, concentration ${ours.conc.v} vs ${R.concentration}`);
    }
    console.log(`n = ${n.toExponential(0)}: sii (6,976 zones) povineq ${(ours.sii.t * 1000).toFixed(2)} ms vs R ${(R.sii_seconds * 1000).toFixed(1)} ms (ratio ${(R.sii_seconds / ours.sii.t).toFixed(1)}×); ` +
      `concentration index povineq ${(ours.conc.t * 1000).toFixed(1)} ms vs R ${(R.concentration_seconds * 1000).toFixed(1)} ms (ratio ${(R.concentration_seconds / ours.conc.t).toFixed(2)}×); agree to 1e-9`);
  }
  const m = best(() => overlappingDeprivation({ domains: ['income', 'employment', 'health'], fraction: 0.1, table: zones, topology: boundaries }));
  const flagged = m.v.zones.objects().filter((d) => d.flagged).length;
  console.log(`overlappingDeprivation, all Scotland: ${flagged} flagged zones, ${m.v.clusters.numRows()} clusters, ${(m.t * 1000).toFixed(0)} ms (boundaries already loaded)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
