import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { neighbors } from 'topojson-client';
import { PovineqError, plural } from '../data/index.js';
import { type AreaGeometry, type AreaTopology, dataZoneBoundaries } from './boundaries.js';
import { SIMD_DOMAINS, type SimdDomain, simd } from './simd.js';

/** Number of 2011 data zones: SIMD ranks run 1 (most deprived) to 6,976. */
const DATA_ZONES = 6976;

/** Options of {@link overlappingDeprivation}. */
export interface OverlapOptions {
  /** SIMD domains to look at (at least one): `'income'`, `'employment'`, `'education'`, `'health'`, `'access'`, `'crime'`, `'housing'`. */
  domains: readonly SimdDomain[];
  /**
   * A zone counts as deprived on a domain when its national domain rank is within the most deprived
   * `fraction` of the 6,976 zones: rank ≤ fraction × 6,976. Default 0.1 (the most deprived 10%).
   */
  fraction?: number;
  /** Flag a zone when it is deprived on at least this many of the `domains`; default: all of them. */
  minDomains?: number;
  /** Data zones with `data_zone`, `council`, `population` and the `<domain>_rank` columns; default `simd()`. */
  table?: ColumnTable;
  /** Boundaries whose geometries carry `properties.code` (data-zone codes); default `dataZoneBoundaries()`. */
  topology?: AreaTopology;
  /** Name of the topology object holding the zones; default: its only object (`datazones`). */
  object?: string;
}

/** The result of {@link overlappingDeprivation}. */
export interface OverlapResult {
  /**
   * One row per data zone of the table: `data_zone`, `code` (the same, for choropleths),
   * `council`, `council_name`, `population`, `n_domains` (how many of the chosen domains it is
   * deprived on), `domains` (which, comma-separated), `flagged` and `cluster` (null if not flagged).
   */
  zones: ColumnTable;
  /**
   * One row per cluster of adjacent flagged zones, largest population first: `cluster` (1, 2, …),
   * `council` (S12 of the council holding most of its population), `council_name`, `councils`
   * (all councils it touches, `; `-separated), `population`, `n_zones`, `data_zones`
   * (`; `-separated codes), `domains` (deprived in every zone of the cluster), `any_domains`
   * (deprived in at least one zone), `max_domains` (largest overlap count in the cluster).
   */
  clusters: ColumnTable;
}

/**
 * Overlapping-deprivation micro-areas: data zones in the most deprived fraction of several SIMD
 * domains at once, grouped into clusters of zones that share a border.
 *
 * A zone z is deprived on domain d when rank_d(z) ≤ fraction × 6,976; n(z) = number of chosen
 * domains on which it is deprived; z is flagged when n(z) ≥ minDomains. Two flagged zones are
 * adjacent when their polygons share a boundary arc in the TopoJSON topology (topojson-client's
 * `neighbors`: shared arcs are shared borders; touching at a single point does not count). Clusters
 * are the connected components of flagged zones under adjacency (union–find).
 *
 * This is an indicator of where kinds of deprivation coincide, to help target small
 * neighbourhoods; it is not a claim that one kind of deprivation causes another. SIMD domain ranks
 * are relative, and the simplified boundaries can miss or add a shared border where polygons were
 * simplified (see docs/methods/area-inequality.md).
 * Reference: Scottish Government, SIMD 2020 technical notes (domain ranks); Bostock, TopoJSON
 * specification (shared arcs).
 *
 * @example
 * const { zones, clusters } = overlappingDeprivation({ domains: ['income', 'health', 'housing'], fraction: 0.1 });
 * clusters.slice(0, 5).print()
 */
export function overlappingDeprivation(options: OverlapOptions): OverlapResult {
  const { chosen, fraction, minDomains } = overlapOptions(options);
  const { table, geometries, codes, rowOf } = zoneTable(options, chosen);
  const councils = table.array('council') as string[];
  const names = table.columnNames().includes('council_name') ? (table.array('council_name') as string[]) : councils;
  const population = Array.from(table.array('population') as ArrayLike<number>, Number);
  const { count, which, deprivedOn } = domainFlags(table, chosen, fraction);
  const flagged = Array.from(count, (c) => c >= minDomains);
  const members = adjacentClusters(geometries, rowOf, flagged);
  const { clusterOf, out } = clusterTable(members, { codes, councils, names, population, chosen, deprivedOn, count });
  const zones = aq.table({
    data_zone: codes,
    code: codes,
    council: councils,
    council_name: names,
    population,
    n_domains: Array.from(count),
    domains: which,
    flagged,
    cluster: clusterOf,
  });
  return { zones, clusters: aq.table(out) };
}

/** Checks the options: known domains (in SIMD order), fraction in (0, 1], minDomains from 1 to their number. */
function overlapOptions(options: OverlapOptions): { chosen: SimdDomain[]; fraction: number; minDomains: number } {
  const domains = options?.domains;
  if (!Array.isArray(domains) || domains.length === 0) {
    throw new PovineqError('MISSING_OPTION', `pass the SIMD domains to overlap, e.g. { domains: ['income', 'health', 'housing'] }; domains are ${SIMD_DOMAINS.join(', ')}`, { option: 'domains' });
  }
  const unknown = domains.filter((d) => !(SIMD_DOMAINS as readonly string[]).includes(d));
  if (unknown.length > 0) {
    throw new PovineqError('INVALID_OPTION', `unknown SIMD domain${unknown.length > 1 ? 's' : ''} ${unknown.map((d) => JSON.stringify(d)).join(', ')} (option domains); domains are ${SIMD_DOMAINS.join(', ')}`, { option: 'domains', values: unknown });
  }
  const chosen = SIMD_DOMAINS.filter((d) => domains.includes(d));
  const fraction = options.fraction ?? 0.1;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
    throw new PovineqError('INVALID_OPTION', `fraction must be in (0, 1] (0.1 for the most deprived 10%), got ${JSON.stringify(options.fraction)}`, { option: 'fraction' });
  }
  const minDomains = options.minDomains ?? chosen.length;
  if (!Number.isInteger(minDomains) || minDomains < 1 || minDomains > chosen.length) {
    throw new PovineqError('INVALID_OPTION', `minDomains must be a whole number from 1 to ${chosen.length} (the number of domains), got ${JSON.stringify(options.minDomains)}`, { option: 'minDomains' });
  }
  return { chosen, fraction, minDomains };
}

/** The SIMD table (with the columns needed) and the zone polygons; every zone of the table must have one. */
function zoneTable(options: OverlapOptions, chosen: readonly SimdDomain[]) {
  const table = options.table ?? simd();
  const needed = ['data_zone', 'council', 'population', ...chosen.map((d) => `${d}_rank`)];
  const missingCols = needed.filter((c) => !table.columnNames().includes(c));
  if (missingCols.length > 0) {
    throw new PovineqError('MISSING_COLUMN', `overlappingDeprivation needs columns ${missingCols.map((c) => `"${c}"`).join(', ')} (as in simd())`, { column: missingCols[0] });
  }
  const topology: AreaTopology = options.topology ?? dataZoneBoundaries();
  const objectName = options.object ?? Object.keys(topology.objects)[0]!;
  const object = (topology.objects as Record<string, { geometries: AreaGeometry[] } | undefined>)[objectName];
  if (!object) throw new PovineqError('INVALID_OPTION', `the topology has no object "${objectName}"; it has ${Object.keys(topology.objects).join(', ')}`, { option: 'object' });
  const geometries = object.geometries;

  const codes = table.array('data_zone') as string[];
  const rowOf = new Map<string, number>();
  codes.forEach((c, i) => rowOf.set(c, i));
  // every zone of the table must have a polygon
  const geomOf = new Map<string, number>();
  geometries.forEach((g, i) => geomOf.set(g.properties.code, i));
  const noPolygon = codes.map((c, i) => [c, i] as const).filter(([c]) => !geomOf.has(c));
  if (noPolygon.length > 0) {
    throw new PovineqError(
      'UNKNOWN_CODE',
      `column "data_zone" has ${plural(noPolygon.length, 'data zone')} with no polygon in the boundaries: ` +
        `${noPolygon.slice(0, 10).map(([c, i]) => `${JSON.stringify(c)} (row ${i})`).join(', ')}${noPolygon.length > 10 ? ` and ${noPolygon.length - 10} more` : ''}; ` +
        'use 2011 data zones (as in simd()) or pass boundaries holding them as { topology }',
      { column: 'data_zone', values: noPolygon.map(([c]) => c).slice(0, 100), count: noPolygon.length },
    );
  }
  return { table, geometries, codes, rowOf };
}

/** For each zone: the number of chosen domains on which it is among the most deprived `fraction`, their names, and the flag per domain. */
function domainFlags(table: ColumnTable, chosen: readonly SimdDomain[], fraction: number) {
  const n = table.numRows();
  const threshold = fraction * DATA_ZONES;
  const ranks = chosen.map((d) => Array.from(table.array(`${d}_rank`) as ArrayLike<number>, Number));
  const count = new Int32Array(n);
  const which: string[] = new Array(n);
  const deprivedOn: boolean[][] = chosen.map(() => new Array<boolean>(n));
  for (let i = 0; i < n; i++) {
    const list: string[] = [];
    chosen.forEach((d, j) => {
      const on = ranks[j]![i]! <= threshold;
      deprivedOn[j]![i] = on;
      if (on) list.push(d);
    });
    count[i] = list.length;
    which[i] = list.join(', ');
  }
  return { count, which, deprivedOn };
}

/** Union–find over flagged zones joined by shared arcs: the rows of each cluster, by its root. */
function adjacentClusters(geometries: AreaGeometry[], rowOf: Map<string, number>, flagged: boolean[]): Map<number, number[]> {
  const n = flagged.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const adjacency = neighbors(geometries as never);
  for (let gi = 0; gi < geometries.length; gi++) {
    const a = rowOf.get(geometries[gi]!.properties.code);
    if (a === undefined || !flagged[a]) continue;
    for (const gj of adjacency[gi]!) {
      const b = rowOf.get(geometries[gj]!.properties.code);
      if (b === undefined || !flagged[b]) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!flagged[i]) continue;
    const r = find(i);
    const m = members.get(r);
    if (m) m.push(i);
    else members.set(r, [i]);
  }
  return members;
}

/**
 * One row per cluster, largest population first: its main council (most people), every council,
 * population, zones, the domains all its zones share and those any zone has; and each zone's cluster.
 */
function clusterTable(
  members: Map<number, number[]>,
  z: { codes: string[]; councils: string[]; names: string[]; population: number[]; chosen: readonly SimdDomain[]; deprivedOn: boolean[][]; count: Int32Array },
) {
  const { codes, councils, names, population, chosen, deprivedOn, count } = z;
  const n = codes.length;
  const groups = [...members.values()].map((rows) => ({ rows, population: rows.reduce((s, r) => s + population[r]!, 0) }));
  groups.sort((x, y) => y.population - x.population || y.rows.length - x.rows.length || (codes[x.rows[0]!]! < codes[y.rows[0]!]! ? -1 : 1));
  const clusterOf: (number | null)[] = new Array(n).fill(null);
  const out = {
    cluster: [] as number[],
    council: [] as string[],
    council_name: [] as string[],
    councils: [] as string[],
    population: [] as number[],
    n_zones: [] as number[],
    data_zones: [] as string[],
    domains: [] as string[],
    any_domains: [] as string[],
    max_domains: [] as number[],
  };
  groups.forEach((grp, k) => {
    const id = k + 1;
    const rows = grp.rows.slice().sort((a, b) => (codes[a]! < codes[b]! ? -1 : 1));
    for (const r of rows) clusterOf[r] = id;
    const byCouncil = new Map<string, number>();
    for (const r of rows) byCouncil.set(councils[r]!, (byCouncil.get(councils[r]!) ?? 0) + population[r]!);
    const main = [...byCouncil.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    out.cluster.push(id);
    out.council.push(main);
    out.council_name.push(names[rows.find((r) => councils[r] === main)!]!);
    out.councils.push([...byCouncil.keys()].sort().join('; '));
    out.population.push(grp.population);
    out.n_zones.push(rows.length);
    out.data_zones.push(rows.map((r) => codes[r]).join('; '));
    out.domains.push(chosen.filter((_, j) => rows.every((r) => deprivedOn[j]![r])).join(', '));
    out.any_domains.push(chosen.filter((_, j) => rows.some((r) => deprivedOn[j]![r])).join(', '));
    out.max_domains.push(Math.max(...rows.map((r) => count[r]!)));
  });
  return { clusterOf, out };
}
