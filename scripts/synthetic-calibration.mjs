// Prints the calibration table of the SYNTHETIC household file (default seed and size) as Markdown,
// for docs/guides/synthetic-households.md, and the Scottish Child Payment check for
// docs/guides/synthetic-households.md and docs/guides/cross-check.md. Needs a built package (npx tsup).
//   node scripts/synthetic-calibration.mjs
import { PIIS_2019_22_THRESHOLDS as P, compare, scottishChildPayment, syntheticCalibration, syntheticHouseholds, councilName } from 'povineq';

const h = syntheticHouseholds();
const order = ['population', 'council population', 'poverty', 'income distribution', 'scottish child payment', 'family types', 'tenure', 'housing costs', 'inequality', 'spending'];
const cal = syntheticCalibration(h).objects().sort((a, b) => order.indexOf(a.topic) - order.indexOf(b.topic));
const big = (x) => Math.abs(x) > 1000;
const fmt = (x) => (big(x) ? Math.round(x).toLocaleString('en-GB') : Math.abs(x) >= 10 ? x.toFixed(2) : x.toFixed(4));
const diff = (x) => (Math.abs(x) < 5e-5 ? '0' : Math.abs(x) > 1000 ? Math.round(x).toLocaleString('en-GB') : x.toExponential(1));
let topic = '';
console.log('| topic | item | target | achieved | difference | tolerance | fitted |');
console.log('|---|---|---|---|---|---|---|');
for (const r of cal) {
  const item = r.topic === 'council population' ? `${councilName(r.item)} (${r.item})` : r.item;
  console.log(`| ${r.topic === topic ? '' : r.topic} | ${item} | ${fmt(r.target)} | ${fmt(r.achieved)} | ${diff(r.difference)} | ${r.tolerance >= 0.05 ? `${+(r.tolerance / r.target).toPrecision(2)} × target` : +r.tolerance.toPrecision(2)} | ${r.fitted ? 'yes' : 'no'} |`);
  topic = r.topic;
}

const lines = { referenceMedian: { BHC: P.medianBHC, AHC: P.medianAHC } };
const show = (label, scenario) => {
  const scp = compare(h, scenario, lines);
  console.log(`\n${label}:`);
  for (const r of scp.poverty.objects().filter((r) => r.group === 'Children' && r.measure === 'relative')) {
    console.log(`  child relative poverty ${r.basis}: ${r.before.toFixed(4)} → ${r.after.toFixed(4)} (${(r.change * 100).toFixed(2)} pp), children moved out ${Math.round(r.moved_out).toLocaleString('en-GB')}`);
  }
  console.log(`  net cost £${(scp.cost.objects()[0].net_cost_annual / 1e6).toFixed(0)}m a year`);
};
show('Scottish Child Payment £25/week, children under 16, 89% take-up (synthetic file, default seed, UK median lines)', scottishChildPayment({ change: 25 }));
show('the same with every eligible child paid (takeUp: 1)', scottishChildPayment({ change: 25, takeUp: 1 }));

// where poor children sit: between 50% and 60% of the UK median AHC, and below
const w = h.array('weight'), c = h.array('children'), a = h.array('adults'), u14 = h.array('children_under_14'), inc = h.array('income_bhc'), hc = h.array('housing_costs'), m = h.array('means_tested');
const line = 0.6 * P.medianAHC;
const band = [0, 0, 0, 0];
let kids = 0;
for (let i = 0; i < w.length; i++) {
  if (!c[i]) continue;
  kids += w[i] * c[i];
  const f = 0.58 + 0.42 * (a[i] - 1) + 0.42 * (c[i] - u14[i]) + 0.2 * u14[i];
  const eq = (inc[i] - hc[i]) / f;
  const k = eq < (line * 5) / 6 ? 0 : eq < line ? 2 : -1;
  if (k < 0) continue;
  band[k] += w[i] * c[i];
  if (m[i]) band[k + 1] += w[i] * c[i];
}
console.log(`\nchildren below 50% of the median AHC: ${(band[0] / kids).toFixed(4)} of children (${(band[1] / band[0]).toFixed(3)} in receiving families); between 50% and 60%: ${(band[2] / kids).toFixed(4)} (${(band[3] / band[2]).toFixed(3)} in receiving families)`);
