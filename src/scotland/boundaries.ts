import fs from 'node:fs';
import { datasetPath } from '../data/index.js';

/** One area of an {@link AreaTopology}: a TopoJSON polygon or multipolygon with its code and name. */
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon' | string;
  /** Arc indices (TopoJSON); negative indices are reversed arcs. */
  arcs?: unknown;
  properties: { code: string; name: string; [key: string]: unknown };
}

/**
 * A TopoJSON topology (https://github.com/topojson/topojson-specification) whose object `K` is a
 * collection of areas with `code` and `name` properties. Pass it to topojson-client's `feature`
 * for GeoJSON, or to `neighbors` for adjacency.
 */
export interface AreaTopology<K extends string = string> {
  type: 'Topology';
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  bbox?: number[];
  objects: { [key in K]: { type: 'GeometryCollection'; geometries: AreaGeometry[] } };
}

/**
 * Boundaries of the 6,976 2011 data zones as a TopoJSON topology with one object, `datazones`;
 * each geometry has properties `code` (S01) and `name`. WGS84 longitude/latitude, simplified
 * (fine for choropleths and adjacency, not for precise overlay: slivers and gaps may appear between
 * neighbours). Shared borders are shared arcs, which is what {@link overlappingDeprivation} uses to
 * find neighbouring zones.
 *
 * Source: Scottish Government Data Zone Boundaries 2011 (OGL v3; contains OS data © Crown
 * copyright and database right). Provenance: datasets/PROVENANCE.md.
 *
 * @example
 * import { feature } from 'topojson-client';
 * import type { Topology } from 'topojson-specification';
 * const topo = dataZoneBoundaries();
 * const zones = feature(topo as unknown as Topology, 'datazones');   // GeoJSON for a Vega-Lite map
 */
export function dataZoneBoundaries(): AreaTopology<'datazones'> {
  return JSON.parse(fs.readFileSync(datasetPath('scotland_datazones_2011_simplified.topo.json'), 'utf8'));
}

/**
 * Boundaries of the 32 council areas (ONS December 2024, generalised to 20 m) as a TopoJSON
 * topology with one object, `council_areas`; each geometry has properties `code` (current S12)
 * and `name`. WGS84.
 *
 * Source: Office for National Statistics, licensed under the Open Government Licence v3.0;
 * contains OS data © Crown copyright and database right 2024. Provenance: datasets/PROVENANCE.md.
 *
 * @example
 * const topo = councilBoundaries();
 * topo.objects.council_areas.geometries.length // 32
 */
export function councilBoundaries(): AreaTopology<'council_areas'> {
  return JSON.parse(fs.readFileSync(datasetPath('scotland_council_areas_2024_bgc.topo.json'), 'utf8'));
}
