import { describe, expect, it } from 'vitest';
import {  } from '../../src/index.js';
import { textWidth } from '../../src/charts/index.js';
import { drawableTopology, geometryExtent, simplify } from '../../src/charts/geometry.js';
import { squares } from './cases.js';

describe('Douglas–Peucker simplification', () => {
  it('drops points within the tolerance and keeps the ends and the corners', () => {
    // a right angle with a near-collinear point on each leg (off by 0.01)
    const pts = [[0, 0], [1, 0.01], [2, 0], [2, 1], [2.01, 2]];
    expect(simplify(pts, 0.05)).toEqual([[0, 0], [2, 0], [2.01, 2]]);
    expect(simplify(pts, 0.001)).toEqual(pts);
  });
  it('keeps a closed ring a ring (at least a triangle)', () => {
    const ring = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
    const out = simplify(ring, 10);
    expect(out[0]).toEqual(out[out.length - 1]);
    expect(out.length).toBeGreaterThanOrEqual(3);
  });
});

describe('drawableTopology', () => {
  it('keeps only the arcs the chosen areas use, renumbered', () => {
    const east = squares.objects.areas!.geometries.filter((g) => g.properties.name === 'East');
    const t = drawableTopology(squares, 'areas', east, 0);
    expect(t.arcs).toHaveLength(1);
    expect(t.objects.areas.geometries[0]!.arcs).toEqual([[0]]);
    expect(t.transform).toBeUndefined();
  });
  it('rewinds an anticlockwise exterior ring (GeoJSON order) to clockwise for d3-geo', () => {
    const anticlockwise = { ...squares, arcs: squares.arcs.map((a) => a.slice().reverse()) };
    const t = drawableTopology(anticlockwise, 'areas', anticlockwise.objects.areas!.geometries, 0);
    expect(t.objects.areas.geometries[0]!.arcs).toEqual([[~0]]);
    const already = drawableTopology(squares, 'areas', squares.objects.areas!.geometries, 0);
    expect(already.objects.areas.geometries[0]!.arcs).toEqual([[0]]);
  });
  it('decodes quantized, delta-encoded arcs (TopoJSON spec 2.1.1)', () => {
    const quantized = {
      type: 'Topology' as const,
      transform: { scale: [0.5, 0.25] as [number, number], translate: [-4, 56] as [number, number] },
      arcs: [[[0, 0], [0, 4], [2, 0], [0, -4], [-2, 0]]],
      objects: { a: { type: 'GeometryCollection' as const, geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: 'x', name: 'x' } }] } },
    };
    // positions: (0,0) (0,4) (2,4) (2,0) (0,0) → x·0.5 − 4, y·0.25 + 56
    expect(drawableTopology(quantized, 'a', quantized.objects.a.geometries, 0).arcs[0]).toEqual([[-4, 56], [-4, 57], [-3, 57], [-3, 56], [-4, 56]]);
    expect(geometryExtent(quantized, quantized.objects.a.geometries)).toEqual([[-4, 56], [-3, 57]]);
  });
});

describe('text metrics from the packaged DejaVu Sans', () => {
  it('reads advance widths from the font (DejaVu Sans hmtx: i = 569, M = 1767, space = 651 of 2048 units)', () => {
    expect(textWidth('i', 2048)).toBeCloseTo(569, 6);
    expect(textWidth('M', 2048)).toBeCloseTo(1767, 6);
    expect(textWidth(' ', 2048)).toBeCloseTo(651, 6);
    expect(textWidth('Mi', 10)).toBeCloseTo((10 * (1767 + 569)) / 2048, 6);
  });
  it('bold is wider than regular', () => {
    expect(textWidth('Poverty', 12, true)).toBeGreaterThan(textWidth('Poverty', 12));
  });
});
