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

// where poor children sit, and the most a £25 payment per child under 16 can lift across the line
// (the arithmetic of docs/guides/synthetic-households.md; test/policy/synthetic.test.ts asserts it)
const w = h.array('weight'), c = h.array('children'), a = h.array('adults'), u14 = h.array('children_under_14'), u16 = h.array('children_under_16'), inc = h.array('income_bhc'), hc = h.array('housing_costs'), m = h.array('means_tested');
const L = 0.6 * P.medianAHC, S = 0.5 * P.medianAHC, A = P.absoluteAHC;
const bands = { severe: [0, S], low: [S, A], high: [A, L] };
const acc = {};
const plus = (k, v) => (acc[k] = (acc[k] ?? 0) + v);
let kids = 0;
for (let i = 0; i < w.length; i++) {
  if (!c[i]) continue;
  const wc = w[i] * c[i];
  kids += wc;
  const f = 0.58 + 0.42 * (a[i] - 1) + 0.42 * (c[i] - u14[i]) + 0.2 * u14[i];
  const eq = (inc[i] - hc[i]) / f;
  const gain = (25 * u16[i]) / f;
  if (eq >= L) continue;
  const band = eq < S ? 'severe' : eq < A ? 'low' : 'high';
  const [lo, hi] = bands[band];
  plus(band, wc);
  if (m[i]) plus(`${band} receiving`, wc);
  if (eq + gain >= L) plus(`${band} lifted if paid`, wc);
  plus(`${band} lifted, even spread`, wc * Math.min(1, Math.max(0, (hi - Math.max(lo, L - gain)) / (hi - lo))));
  if (gain > 0 && L - gain < hi) plus(`${band} lifted, top of band`, wc);
}
const pp = (x) => ((100 * x) / kids).toFixed(2);
const total = (what) => Object.keys(bands).reduce((s, b) => s + (acc[`${b} ${what}`] ?? 0), 0);
console.log('\nchildren by equivalised AHC income (points of all children; UK median £%d):', P.medianAHC);
console.log('| band | children | in receiving families | lifted if every child were paid | the same, incomes spread evenly in the band | the same, every child at the top of its band |');
console.log('|---|---|---|---|---|---|');
const names = { severe: `below 50% (£${S.toFixed(1)})`, low: `50% to the absolute line (£${A})`, high: `absolute line to 60% (£${L.toFixed(1)})` };
for (const b of Object.keys(bands)) console.log(`| ${names[b]} | ${pp(acc[b])} | ${(acc[`${b} receiving`] / acc[b]).toFixed(3)} | ${pp(acc[`${b} lifted if paid`] ?? 0)} | ${pp(acc[`${b} lifted, even spread`] ?? 0)} | ${pp(acc[`${b} lifted, top of band`] ?? 0)} |`);
console.log(`| all poor children | ${pp(acc.severe + acc.low + acc.high)} | ${((acc['severe receiving'] + acc['low receiving'] + acc['high receiving']) / (acc.severe + acc.low + acc.high)).toFixed(3)} | ${pp(total('lifted if paid'))} | ${pp(total('lifted, even spread'))} | ${pp(total('lifted, top of band'))} |`);
console.log(`\nAt 89% take-up: ${(0.89 * +pp(total('lifted if paid'))).toFixed(2)}, ${(0.89 * +pp(total('lifted, even spread'))).toFixed(2)} and ${(0.89 * +pp(total('lifted, top of band'))).toFixed(2)} points`);
