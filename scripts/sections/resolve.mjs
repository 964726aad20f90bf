// Turns --council arguments (names in any dataset's spelling, or S12 codes) into S12 codes; an
// unknown name gets a "did you mean" suggestion.
import { councils, councilCodes } from 'povineq';

/** Lower case, '&' as 'and', punctuation and underscores as spaces. */
const normaliseCouncilName = (s) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

/** Levenshtein distance between two short strings. */
export function editDistance(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/** The closest council names to `given` (by edit distance of normalised names, or a shared prefix). */
export function suggestCouncils(given, limit = 3) {
  const key = normaliseCouncilName(String(given));
  const scored = councils().objects().map((c) => {
    const k = normaliseCouncilName(c.name);
    const prefix = k.startsWith(key) || key.startsWith(k.split(' ')[0]) ? -2 : 0;
    return { name: c.name, code: c.code, score: editDistance(key, k) + prefix };
  });
  return scored.sort((a, b) => a.score - b.score).slice(0, limit);
}

/** S12 codes for names or codes ('scotland' for the Scotland page); throws an Error naming each unknown value with suggestions. */
export function resolveCouncils(values) {
  const out = [];
  const problems = [];
  for (const v of values) {
    if (/^(scotland|S92000003)$/i.test(String(v).trim())) {
      out.push('scotland');
      continue;
    }
    const [code] = councilCodes([v], { unknown: 'null' });
    if (code) out.push(code);
    else {
      const s = suggestCouncils(v);
      problems.push(`no council is called ${JSON.stringify(v)}; did you mean ${s.map((c) => `"${c.name}" (${c.code})`).join(', ')}?`);
    }
  }
  if (problems.length) throw new Error(`${problems.join(' ')} Pass --council with a council name or its S12 code.`);
  return [...new Set(out)];
}
