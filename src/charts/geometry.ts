import type { AreaGeometry, AreaTopology } from '../scotland/index.js';

/**
 * A copy of a topology reduced for drawing at a given size: only `geometries` are kept, only the
 * arcs they use, each arc simplified with the Douglas–Peucker algorithm to `tolerance` (in the
 * topology's coordinate units, degrees here) and written as plain, unquantized coordinates
 * rounded to 5 decimals (about 1 m). Arcs are shared between neighbouring areas and simplified
 * once, so neighbours still meet exactly (no gaps or slivers appear).
 *
 * Reference: Douglas & Peucker (1973), Cartographica 10(2); TopoJSON specification 2.1.
 */
export function drawableTopology<K extends string>(topology: AreaTopology, feature: K, geometries: AreaGeometry[], tolerance: number): AreaTopology<K> {
  const used = new Map<number, number>();
  const keep = (i: number) => {
    const a = i < 0 ? ~i : i;
    if (!used.has(a)) used.set(a, used.size);
    const j = used.get(a)!;
    return i < 0 ? ~j : j;
  };
  const remap = (arcs: unknown): unknown => (Array.isArray(arcs) ? arcs.map(remap) : keep(arcs as number));
  const out = geometries.map((g) => ({ ...g, arcs: g.arcs === undefined ? undefined : remap(g.arcs) }));
  const arcs: number[][][] = new Array(used.size);
  for (const [old, j] of used) arcs[j] = simplify(decodeArc(topology, old), tolerance);
  for (const g of out) {
    if (g.type === 'Polygon') g.arcs = windRings(g.arcs as number[][], arcs);
    else if (g.type === 'MultiPolygon') g.arcs = (g.arcs as number[][][]).map((p) => windRings(p, arcs));
  }
  return { type: 'Topology', arcs, objects: { [feature]: { type: 'GeometryCollection', geometries: out } } } as AreaTopology<K>;
}

/**
 * Rings wound as d3-geo (and so Vega) expects: the exterior ring clockwise and holes
 * anticlockwise, on the map with north up. GeoJSON (RFC 7946) asks for the opposite, and d3-geo
 * draws a ring wound the wrong way as the whole globe minus the area; so rings are rewound here.
 */
function windRings(rings: number[][], arcs: number[][][]): number[][] {
  return rings.map((ring, k) => {
    const area = signedArea(ring, arcs);
    const wrong = k === 0 ? area > 0 : area < 0;
    return wrong ? ring.slice().reverse().map((i) => ~i) : ring;
  });
}

/** Shoelace area of a ring of arcs in longitude/latitude: positive when anticlockwise. */
function signedArea(ring: number[], arcs: number[][][]): number {
  let sum = 0;
  for (const i of ring) {
    const arc = i < 0 ? arcs[~i]!.slice().reverse() : arcs[i]!;
    for (let j = 0; j + 1 < arc.length; j++) sum += arc[j]![0]! * arc[j + 1]![1]! - arc[j + 1]![0]! * arc[j]![1]!;
  }
  return sum / 2;
}

/** Longitude/latitude extent [[x0, y0], [x1, y1]] of the given geometries' arcs. */
export function geometryExtent(topology: AreaTopology, geometries: AreaGeometry[]): [[number, number], [number, number]] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const seen = new Set<number>();
  const visit = (arcs: unknown): void => {
    if (Array.isArray(arcs)) return arcs.forEach(visit);
    const i = arcs as number;
    const a = i < 0 ? ~i : i;
    if (seen.has(a)) return;
    seen.add(a);
    for (const [x, y] of decodeArc(topology, a)) {
      if (x! < x0) x0 = x!;
      if (x! > x1) x1 = x!;
      if (y! < y0) y0 = y!;
      if (y! > y1) y1 = y!;
    }
  };
  geometries.forEach((g) => visit(g.arcs));
  return [[x0, y0], [x1, y1]];
}

/** Arc `i` as absolute coordinates (undoing TopoJSON's quantization and delta encoding). */
function decodeArc(topology: AreaTopology, i: number): number[][] {
  const arc = topology.arcs[i]!;
  const t = topology.transform;
  if (!t) return arc.map((p) => [p[0]!, p[1]!]);
  let x = 0;
  let y = 0;
  return arc.map((p) => {
    x += p[0]!;
    y += p[1]!;
    return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
  });
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** Douglas–Peucker simplification keeping both ends; iterative to avoid deep recursion. */
export function simplify(points: number[][], tolerance: number): number[][] {
  const n = points.length;
  if (n <= 2 || !(tolerance > 0)) return points.map((p) => [round5(p[0]!), round5(p[1]!)]);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  const t2 = tolerance * tolerance;
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance2(points[i]!, points[a]!, points[b]!);
      if (d > worst) (worst = d), (index = i);
    }
    if (index >= 0 && (worst > t2 || (a === 0 && b === n - 1 && isClosed(points)))) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) if (keep[i]) out.push([round5(points[i]![0]!), round5(points[i]![1]!)]);
  return out;
}

function isClosed(p: number[][]): boolean {
  const a = p[0]!;
  const b = p[p.length - 1]!;
  return a[0] === b[0] && a[1] === b[1];
}

/** Squared distance from p to the segment ab (to a when a = b). */
function segmentDistance2(p: number[], a: number[], b: number[]): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0]! + t * dx - p[0]!;
  const y = a[1]! + t * dy - p[1]!;
  return x * x + y * y;
}
