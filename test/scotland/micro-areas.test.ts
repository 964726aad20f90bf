import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AreaTopology, overlappingDeprivation, simd } from '../../src/index.js';
import { thrown } from '../helpers/thrown.js';

/**
 * A rows × cols grid of unit squares as TopoJSON: every unit edge is one arc, so squares that share
 * an edge share an arc; diagonal squares touch at a corner only and are not neighbours.
 * Cell (r, c) has code `Z<r><c>`.
 */
function grid(rows: number, cols: number): AreaTopology<'zones'> {
  const arcs: number[][][] = [];
  const h = new Map<string, number>(); // horizontal edge from (x, y) to (x + 1, y)
  const v = new Map<string, number>(); // vertical edge from (x, y) to (x, y + 1)
  for (let y = 0; y <= rows; y++) for (let x = 0; x < cols; x++) { h.set(`${x},${y}`, arcs.length); arcs.push([[x, y], [x + 1, y]]); }
  for (let y = 0; y < rows; y++) for (let x = 0; x <= cols; x++) { v.set(`${x},${y}`, arcs.length); arcs.push([[x, y], [x, y + 1]]); }
  const geometries = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // ring: bottom (forward), right (forward), top (reversed), left (reversed)
      const ring = [h.get(`${c},${r}`)!, v.get(`${c + 1},${r}`)!, ~h.get(`${c},${r + 1}`)!, ~v.get(`${c},${r}`)!];
      geometries.push({ type: 'Polygon', arcs: [ring], properties: { code: `Z${r}${c}`, name: `cell ${r},${c}` } });
    }
  }
  return { type: 'Topology', arcs, objects: { zones: { type: 'GeometryCollection', geometries } } };
}

/** Zones of the grid with income and health ranks: deprived (rank 1) where the pattern has 'X'. */
function zones(pattern: string[], council = (_r: number, c: number) => (c < 2 ? 'A' : 'B')) {
  const data_zone: string[] = [];
  const cl: string[] = [];
  const income_rank: number[] = [];
  const health_rank: number[] = [];
  const population: number[] = [];
  pattern.forEach((row, r) =>
    [...row].forEach((ch, c) => {
      data_zone.push(`Z${r}${c}`);
      cl.push(council(r, c));
      income_rank.push(ch === 'X' || ch === 'I' ? 1 : 5000);
      health_rank.push(ch === 'X' || ch === 'H' ? 1 : 5000);
      population.push(100 * (r + 1) + c);
    }),
  );
  return aq.table({ data_zone, council: cl, population, income_rank, health_rank });
}

describe('overlapping deprivation on a 3×3 grid', () => {
  const topology = grid(3, 3);
  it('groups edge-adjacent flagged cells and keeps diagonal ones apart', () => {
    // X X .      cells (0,0), (0,1), (1,1) join through shared edges;
    // . X .      (2,2) touches (1,1) only at a corner: a cluster of its own;
    // I . X      (2,0) is deprived on income only: not flagged when both domains are required
    const t = zones(['XX.', '.X.', 'I.X']);
    const { zones: z, clusters } = overlappingDeprivation({ domains: ['income', 'health'], table: t, topology });
    const c = clusters.objects() as any[];
    expect(c.length).toBe(2);
    // populations: (0,0) 100, (0,1) 101, (1,1) 201 → 402; (2,2) 302
    expect(c[0]).toMatchObject({ cluster: 1, n_zones: 3, population: 402, data_zones: 'Z00; Z01; Z11', domains: 'income, health', max_domains: 2 });
    expect(c[1]).toMatchObject({ cluster: 2, n_zones: 1, population: 302, data_zones: 'Z22', council: 'B' });
    // columns 0 and 1 are council A: cluster 1 lies wholly in A
    expect(c[0].council).toBe('A');
    expect(c[0].councils).toBe('A');
    const rows = z.objects() as any[];
    expect(rows.find((d) => d.data_zone === 'Z20')).toMatchObject({ n_domains: 1, domains: 'income', flagged: false, cluster: null });
    expect(rows.filter((d) => d.flagged).length).toBe(4);
  });
  it('minDomains: 1 counts single-domain zones; domains common to a cluster vs any', () => {
    // X X .
    // . H .
    // I I X
    const t = zones(['XX.', '.H.', 'IIX']);
    const { clusters } = overlappingDeprivation({ domains: ['income', 'health'], minDomains: 1, table: t, topology });
    const c = clusters.objects() as any[];
    // (0,0)-(0,1)-(1,1)-(2,1)-(2,0) and (2,1)-(2,2): all six flagged cells connect
    expect(c.length).toBe(1);
    expect(c[0].n_zones).toBe(6);
    expect(c[0].domains).toBe('');
    expect(c[0].any_domains).toBe('income, health');
    expect(c[0].councils).toBe('A; B');
    // population by council: A = 100 + 101 + 201 + 300 + 301 = 1003, B = 302 → main council A
    expect(c[0].council).toBe('A');
    expect(c[0].population).toBe(1305);
  });
  it('a fully deprived grid is one cluster; none deprived gives an empty table', () => {
    expect(overlappingDeprivation({ domains: ['income', 'health'], table: zones(['XXX', 'XXX', 'XXX']), topology }).clusters.numRows()).toBe(1);
    expect(overlappingDeprivation({ domains: ['income', 'health'], table: zones(['...', '...', '...']), topology }).clusters.numRows()).toBe(0);
  });
  it('a checkerboard has no edge neighbours: every flagged cell is alone', () => {
    const { clusters } = overlappingDeprivation({ domains: ['income'], table: zones(['X.X', '.X.', 'X.X']), topology });
    expect(clusters.numRows()).toBe(5);
    expect((clusters.array('n_zones') as number[]).every((n) => n === 1)).toBe(true);
  });
  it('fraction sets the rank threshold on the 6,976 national ranks', () => {
    const t = zones(['X..', '...', '...']).derive({ income_rank: (d: any) => (d.income_rank === 1 ? 698 : 5000) });
    // 698 ≤ 0.1 × 6976 = 697.6 is false; ≤ 0.2 × 6976 = 1395.2 is true
    expect(overlappingDeprivation({ domains: ['income'], table: t, topology }).clusters.numRows()).toBe(0);
    expect(overlappingDeprivation({ domains: ['income'], fraction: 0.2, table: t, topology }).clusters.numRows()).toBe(1);
  });
  it('bad input', () => {
    const t = zones(['XX.', '.X.', 'I.X']);
    const extra = t.concat(aq.table({ data_zone: ['Q99'], council: ['A'], population: [1], income_rank: [1], health_rank: [1] }));
    const e = thrown(() => overlappingDeprivation({ domains: ['income'], table: extra, topology }));
    expect(e.code).toBe('UNKNOWN_CODE');
    expect(e.message).toContain('column "data_zone" has 1 data zone with no polygon in the boundaries: "Q99" (row 9)');
    expect(thrown(() => overlappingDeprivation({ domains: ['income', 'wealth' as any], table: t, topology })).message).toContain('unknown SIMD domain "wealth"');
    expect(thrown(() => overlappingDeprivation({ domains: [], table: t, topology })).code).toBe('MISSING_OPTION');
    expect(thrown(() => overlappingDeprivation({ domains: ['income'], minDomains: 2, table: t, topology })).message).toContain('minDomains must be a whole number from 1 to 1');
    expect(thrown(() => overlappingDeprivation({ domains: ['income'], fraction: 10, table: t, topology })).message).toContain('fraction must be in (0, 1]');
    expect(thrown(() => overlappingDeprivation({ domains: ['crime'], table: t, topology })).message).toContain('"crime_rank"');
  });
});

describe('clusters on random grids match a breadth-first search', () => {
  it('same components as 4-neighbour flood fill', () => {
    const rows = 5;
    const cols = 6;
    const topology = grid(rows, cols);
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: rows * cols, maxLength: rows * cols }), (cells) => {
        const t = aq.table({
          data_zone: cells.map((_, i) => `Z${Math.floor(i / cols)}${i % cols}`),
          council: cells.map(() => 'A'),
          population: cells.map((_, i) => i + 1),
          income_rank: cells.map((on) => (on ? 1 : 5000)),
        });
        const { clusters } = overlappingDeprivation({ domains: ['income'], table: t, topology });
        // flood fill over edge neighbours
        const seen = new Array(cells.length).fill(false);
        const sizes: number[] = [];
        for (let i = 0; i < cells.length; i++) {
          if (!cells[i] || seen[i]) continue;
          let size = 0;
          const stack = [i];
          seen[i] = true;
          while (stack.length) {
            const j = stack.pop()!;
            size++;
            const r = Math.floor(j / cols);
            const c = j % cols;
            for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
              const rr = r + dr!;
              const cc = c + dc!;
              const k = rr * cols + cc;
              if (rr >= 0 && rr < rows && cc >= 0 && cc < cols && cells[k] && !seen[k]) {
                seen[k] = true;
                stack.push(k);
              }
            }
          }
          sizes.push(size);
        }
        const got = (clusters.array('n_zones') as number[]).slice().sort((a, b) => a - b);
        return JSON.stringify(got) === JSON.stringify(sizes.sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });
});

describe('overlapping deprivation over all of Scotland', () => {
  it('income, employment and health in the most deprived 10%', () => {
    const dz = simd();
    const start = performance.now();
    const { zones, clusters } = overlappingDeprivation({ domains: ['income', 'employment', 'health'], fraction: 0.1, table: dz });
    const seconds = (performance.now() - start) / 1000;
    // counts checked independently from the ranks: zones with all three domain ranks ≤ 697.6
    const expected = (dz.objects() as any[]).filter((d) => d.income_rank <= 697.6 && d.employment_rank <= 697.6 && d.health_rank <= 697.6);
    const flagged = (zones.objects() as any[]).filter((d) => d.flagged);
    expect(flagged.length).toBe(expected.length);
    expect(new Set(flagged.map((d) => d.data_zone))).toEqual(new Set(expected.map((d) => d.data_zone)));
    // every flagged zone is in exactly one cluster; cluster sizes and populations add up
    expect(flagged.every((d) => d.cluster !== null)).toBe(true);
    const c = clusters.objects() as any[];
    expect(c.reduce((s, d) => s + d.n_zones, 0)).toBe(flagged.length);
    expect(c.reduce((s, d) => s + d.population, 0)).toBe(expected.reduce((s, d) => s + d.population, 0));
    // sorted by population, numbered from 1
    expect(c.every((d, i) => d.cluster === i + 1 && (i === 0 || c[i - 1].population >= d.population))).toBe(true);
    // the largest cluster is in Glasgow (S12000049)
    expect(c[0].council).toBe('S12000049');
    expect(c[0].domains).toBe('income, employment, health');
    console.log(`all Scotland: ${flagged.length} flagged zones in ${c.length} clusters; largest ${c[0].n_zones} zones, ${c[0].population} people (${c[0].council_name}); ${seconds.toFixed(2)} s`);
  });
  it('adjacency from shared arcs: most Scottish data zones have neighbours', () => {
    // every zone flagged (fraction 1): clusters are the connected land masses and islands of the topology
    const { clusters } = overlappingDeprivation({ domains: ['income'], fraction: 1 });
    const c = clusters.objects() as any[];
    expect(c.reduce((s, d) => s + d.n_zones, 0)).toBe(6976);
    // the mainland is one cluster holding nearly everyone
    expect(c[0].n_zones).toBeGreaterThan(6500);
    console.log(`adjacency: ${c.length} connected components; mainland ${c[0].n_zones} zones`);
  });
});
