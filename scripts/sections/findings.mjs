// Chart titles that state the finding, computed from the numbers: change the data and the title
// changes. Each function takes plain numbers and returns a sentence without a full stop.

/** 0.2431 → "24.3%". */
export const pct = (x, digits = 1) => `${(100 * x).toFixed(digits)}%`;
/** A difference of two fractions as a number of percentage points: 0.031 → "3.1". */
export const pp = (x) => (100 * x).toFixed(1);
/** A difference of two fractions in percentage points: 0.031 → "3.1 points". */
export const points = (x) => `${Math.abs(100 * x).toFixed(1)} percentage point${Math.abs(100 * x).toFixed(1) === '1.0' ? '' : 's'}`;

/** 1 → "1st", 22 → "22nd". */
export function ordinal(n) {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] ?? 'th';
  return `${n}${s}`;
}

/** Within half a point counts as level; a change under one point as "little changed". */
const LEVEL = 0.005;
const CHANGE = 0.01;

/** "above", "below" or "close to" a reference. */
export function comparedWith(value, reference) {
  if (value - reference > LEVEL) return 'above';
  if (reference - value > LEVEL) return 'below';
  return 'close to';
}

/** "has risen", "has fallen" or "is little changed" from `first` to `last`. */
export function movement(first, last) {
  if (last - first >= CHANGE) return 'has risen';
  if (first - last >= CHANGE) return 'has fallen';
  return 'is little changed';
}

/**
 * Trend against Scotland: "Child poverty in Dundee City is above Scotland's and has risen since 2015".
 * `series` and `scotland` are [{ year, rate }] in any order.
 */
export function trendFinding(area, series, scotland, measure = 'Child poverty') {
  const s = [...series].sort((a, b) => a.year - b.year);
  const first = s[0];
  const last = s[s.length - 1];
  const ref = scotland.find((r) => r.year === last.year);
  const vs = ref ? `is ${comparedWith(last.rate, ref.rate)} Scotland's and ` : '';
  return `${measure} in ${area} ${vs}${movement(first.rate, last.rate)} since ${first.year}`;
}

/** "After housing costs, 24.6% of children in Glasgow City were in low income families in 2024/25, above Scotland's 21.4%". */
export function ahcFinding(area, rate, scotland, period) {
  return `After housing costs, ${pct(rate)} of children in ${area} lived in low income families in ${period}, ${comparedWith(rate, scotland)} Scotland's ${pct(scotland)}`;
}

/**
 * The SIMD profile: "41.6% of Inverclyde's people live in Scotland's most deprived tenth of data
 * zones, four times the national share" (or "none", "fewer than").
 */
export function profileFinding(area, mostDeprivedShare) {
  if (mostDeprivedShare === 0) return `None of ${area}'s data zones is in Scotland's most deprived tenth`;
  const ratio = mostDeprivedShare / 0.1;
  const tail =
    ratio >= 1.5 ? `, ${ratio >= 2 ? `${ratio.toFixed(1)} times` : `${Math.round((ratio - 1) * 100)}% more than`} its share of Scotland`
    : ratio <= 0.67 ? ', less than its share of Scotland' : ', about its share of Scotland';
  return `${pct(mostDeprivedShare)} of ${area}'s people live in Scotland's most deprived tenth of data zones${tail}`;
}

/**
 * The slope index: "Income deprivation in Glasgow City is 19.8 points higher at the deprived end
 * than the least deprived (slope index), the 3rd steepest gradient of 32 councils".
 */
export function siiFinding(area, siiValue, rankOf, ofN, ordinal) {
  const direction = siiValue >= 0 ? 'higher' : 'lower';
  return `Income deprivation in ${area} is ${points(siiValue)} ${direction} in its most deprived areas than its least, ${rankOf === 1 ? 'the steepest' : `the ${ordinal(rankOf)} steepest`} gradient of ${ofN} councils`;
}

/** Where child poverty is worst: "Child poverty ranges from 3.1% in Cults to 41.0% in Possilpark across Glasgow City's 56 neighbourhoods". */
export function spreadFinding(area, highest, lowest, n) {
  return `Child poverty ranges from ${pct(lowest.value)} in ${lowest.name} to ${pct(highest.value)} in ${highest.name} across ${area}'s ${n} neighbourhoods`;
}

/** Worst neighbourhood across outcomes: "Possilpark is the worst of Glasgow City's neighbourhoods on 3 of 6 outcomes". */
export function worstAreaFinding(area, worst, count, total) {
  return count > 1
    ? `${worst} is the worst of ${area}'s neighbourhoods on ${count} of ${total} outcomes`
    : `No single neighbourhood of ${area} is the worst on more than one of ${total} outcomes`;
}

/** Climate and child poverty: "Fife emits less CO₂ per person than Scotland and has more child poverty". */
export function climateFinding(area, carbon, carbonScotland, poverty, povertyScotland) {
  const c = carbon > carbonScotland * 1.05 ? 'more' : carbon < carbonScotland * 0.95 ? 'less' : 'about as much';
  const cp = comparedWith(poverty, povertyScotland);
  const p = cp === 'above' ? 'more child poverty' : cp === 'below' ? 'less child poverty' : 'about as much child poverty';
  return `${area} emits ${c} CO₂ per person${c === 'about as much' ? ' as' : ' than'} Scotland and has ${p}`;
}

/** Fuel poverty: "Fuel poverty in Fife (24.0%) is close to Scotland's and child poverty below it". */
export function fuelFinding(area, fuel, fuelScotland, poverty, povertyScotland) {
  return `Fuel poverty in ${area} (${pct(fuel, 0)} of households) is ${comparedWith(fuel, fuelScotland)} Scotland's; child poverty is ${comparedWith(poverty, povertyScotland)} it`;
}

/** LGBF ranks: "Fife is in the bottom quartile on 5 of 38 LGBF indicators". */
export function lgbfFinding(area, bottom, total, biggest) {
  const lead = bottom === 0 ? `${area} is in the bottom quartile on none of ${total} LGBF indicators` : `${area} is in the bottom quartile on ${bottom} of ${total} LGBF indicators`;
  return biggest ? `${lead}; it moved most on ${biggest}` : lead;
}

/** Councils compared: "Child poverty ranges from 8.0% in Shetland Islands to 26.4% in Glasgow City". */
export function rangeFinding(measure, highest, lowest) {
  return `${measure} ranges from ${pct(lowest.rate)} in ${lowest.name} to ${pct(highest.rate)} in ${highest.name}`;
}

/**
 * The Act's targets, from targetsProgress rows of the interim targets: "Child poverty is above all
 * four interim targets of the Act: relative poverty 24.5% in 2019-22 against 18%".
 */
export function targetsFinding(interim, labels = {}) {
  const above = interim.filter((r) => !r.met);
  const words = ['no', 'one', 'two', 'three', 'four'];
  const count = above.length === interim.length ? (interim.length === 2 ? 'both' : `all ${words[interim.length] ?? interim.length}`) : `${words[above.length] ?? above.length} of the ${words[interim.length] ?? interim.length}`;
  const lead = above.length === 0 ? 'Child poverty in Scotland has met every interim target of the Act' : `Child poverty in Scotland is above ${count} interim targets of the Act`;
  const relative = interim.find((r) => r.measure === 'relative');
  return relative ? `${lead}: ${(labels.relative ?? 'relative poverty').toLowerCase()} ${pct(relative.rate)} in ${relative.period} against ${pct(relative.target, 0)}` : lead;
}
