// Design-based coverage of povineq's 95% intervals for the Gini and the ARPR (60% of the median).
//
// A finite population of 40 strata × 150 clusters × 8 people, incomes log-normal with a cluster
// effect (so people in a cluster are alike and ignoring the design would understate the SE):
// ln x = 10 + stratum effect + 0.35·cluster effect + 0.6·individual effect. Each sample draws
// 6 clusters per stratum without replacement (f = 4%, ignored as the with-replacement variance
// does), takes everyone in them, and weights them 150/6. The truth is the finite population's
// Gini and ARPR. Linearized intervals use { strata, psu, weight }; the last column shows what
// happens when the clustering is ignored.
//
// Run: npx tsup --silent && node bench/coverage.mjs   (SAMPLES=1000 by default)
import { arpr, estimate, gini, random } from 'povineq';

const H = 40, C = 150, M = 8, take = 6;
const samples = Number(process.env.SAMPLES ?? 1000);
const rng = random(424242);
const pop = [];
for (let h = 0; h < H; h++) {
  const sh = 0.2 * rng.normal();
  for (let c = 0; c < C; c++) {
    const ce = 0.35 * rng.normal();
    const xs = [];
    for (let m = 0; m < M; m++) xs.push(Math.exp(10 + sh + ce + 0.6 * rng.normal()));
    pop.push({ h, c, xs });
  }
}
const all = pop.flatMap((p) => p.xs);
const truth = { gini: gini(all), arpr: arpr(all) };

const cover = { gini: 0, arpr: 0, giniIid: 0, arprIid: 0 };
for (let s = 0; s < samples; s++) {
  const x = [], stratum = [], psu = [], w = [];
  for (let h = 0; h < H; h++) {
    // draw `take` distinct clusters of stratum h (partial Fisher–Yates)
    const ids = Array.from({ length: C }, (_, i) => i);
    for (let k = 0; k < take; k++) {
      const j = k + rng.integer(C - k);
      [ids[k], ids[j]] = [ids[j], ids[k]];
      const cl = pop[h * C + ids[k]];
      for (const v of cl.xs) {
        x.push(v); stratum.push(h); psu.push(h * C + ids[k]); w.push(C / take);
      }
    }
  }
  const table = { x, stratum, psu, w };
  const o = { value: 'x', design: { strata: 'stratum', psu: 'psu', weight: 'w' } };
  const inside = (e, t) => e.ci[0] <= t && t <= e.ci[1];
  if (inside(estimate(gini, table, o), truth.gini)) cover.gini++;
  if (inside(estimate(arpr, table, o), truth.arpr)) cover.arpr++;
  if (inside(estimate(gini, x, { weights: w }), truth.gini)) cover.giniIid++;
  if (inside(estimate(arpr, x, { weights: w }), truth.arpr)) cover.arprIid++;
}
const out = {
  samples,
  truth,
  coverage: { gini: cover.gini / samples, arpr: cover.arpr / samples },
  coverageIgnoringDesign: { gini: cover.giniIid / samples, arpr: cover.arprIid / samples },
};
console.log(JSON.stringify(out, null, 2));
