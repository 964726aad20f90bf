// Prints the calibration table of the SYNTHETIC household file (default seed and size) as Markdown,
// for docs/guides/synthetic-households.md, and the Scottish Child Payment sanity check for
// docs/guides/cross-check.md. Needs a built package (npx tsup).
//   node scripts/synthetic-calibration.mjs
import { PIIS_2019_22_THRESHOLDS as P, compare, scottishChildPayment, syntheticCalibration, syntheticHouseholds, councilName } from 'povineq';

const h = syntheticHouseholds();
const order = ['population', 'council population', 'council income deprivation', 'poverty', 'inequality', 'income distribution', 'spending'];
const cal = syntheticCalibration(h).objects().sort((a, b) => order.indexOf(a.topic) - order.indexOf(b.topic));
const fmt = (x, topic) => (topic.includes('population') && Math.abs(x) > 10 ? Math.round(x).toLocaleString('en-GB') : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(4));
let topic = '';
console.log('| topic | item | target | achieved | difference | fitted |');
console.log('|---|---|---|---|---|---|');
for (const r of cal) {
  const item = r.topic.startsWith('council') ? `${councilName(r.item)} (${r.item})` : r.item;
  console.log(`| ${r.topic === topic ? '' : r.topic} | ${item} | ${fmt(r.target, r.topic)} | ${fmt(r.achieved, r.topic)} | ${fmt(r.difference, r.topic)} | ${r.fitted ? 'yes' : 'no'} |`);
  topic = r.topic;
}
const scp = compare(h, scottishChildPayment({ change: 25 }), { referenceMedian: { BHC: P.medianBHC, AHC: P.medianAHC } });
console.log('\nScottish Child Payment +£25/week per eligible child (synthetic file, default seed, 100,000 households; UK median lines):');
for (const r of scp.poverty.objects().filter((r) => r.group === 'Children' && r.measure === 'relative')) {
  console.log(`  child relative poverty ${r.basis}: ${r.before.toFixed(4)} → ${r.after.toFixed(4)} (${(r.change * 100).toFixed(2)} pp), children moved out ${Math.round(r.moved_out).toLocaleString('en-GB')}`);
}
const cost = scp.cost.objects()[0];
console.log(`  net cost £${(cost.net_cost_annual / 1e6).toFixed(0)}m a year`);
const w = h.array('weight'), c = h.array('children'), m = h.array('means_tested');
let kids = 0, eligible = 0;
for (let i = 0; i < w.length; i++) { kids += w[i] * c[i]; if (m[i]) eligible += w[i] * c[i]; }
console.log(`  eligible children ${Math.round(eligible).toLocaleString('en-GB')} of ${Math.round(kids).toLocaleString('en-GB')} (${(eligible / kids).toFixed(3)})`);
