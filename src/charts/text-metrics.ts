import fs from 'node:fs';
import { fontFiles } from './fonts.js';

/**
 * Advance widths of DejaVu Sans (regular and bold), read from the packaged TrueType files, so
 * that headless Vega lays out text (axis label overlap, legend and label truncation, the chart's
 * size) as a browser would, instead of its rough estimate of 0.8 × font size per character.
 *
 * Reads the TrueType tables `head` (unitsPerEm), `hhea` (numberOfHMetrics), `hmtx` (advance
 * widths) and `cmap` format 4 (Unicode BMP → glyph). Reference: Apple TrueType Reference Manual /
 * OpenType specification, tables cmap, head, hhea, hmtx.
 */
export interface FontWidths {
  /** Width of each BMP code point in em (font size 1); NaN where the font has no glyph. */
  em: Float32Array;
}

let widths: { regular: FontWidths; bold: FontWidths } | undefined;

function parse(file: string): FontWidths {
  const buf = fs.readFileSync(file);
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tables = new Map<string, number>();
  const numTables = v.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    tables.set(buf.toString('latin1', at, at + 4), v.getUint32(at + 8));
  }
  const head = tables.get('head')!;
  const hhea = tables.get('hhea')!;
  const hmtx = tables.get('hmtx')!;
  const cmap = tables.get('cmap')!;
  const unitsPerEm = v.getUint16(head + 18);
  const numberOfHMetrics = v.getUint16(hhea + 34);
  const advance = (glyph: number) => v.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // the Windows Unicode BMP subtable (platform 3, encoding 1), format 4
  let sub = -1;
  for (let i = 0; i < v.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    if (v.getUint16(at) === 3 && v.getUint16(at + 2) === 1) sub = cmap + v.getUint32(at + 4);
  }
  const em = new Float32Array(0x10000).fill(NaN);
  if (sub < 0 || v.getUint16(sub) !== 4) return { em };
  const segCount = v.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segCount + 2;
  const deltas = starts + 2 * segCount;
  const rangeOffsets = deltas + 2 * segCount;
  for (let s = 0; s < segCount; s++) {
    const end = v.getUint16(ends + 2 * s);
    const start = v.getUint16(starts + 2 * s);
    const delta = v.getInt16(deltas + 2 * s);
    const rangeOffset = v.getUint16(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c < 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = v.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) em[c] = advance(glyph) / unitsPerEm;
    }
  }
  return { em };
}

/** The widths of the packaged DejaVu Sans regular and bold, parsed once. */
export function dejaVuWidths(): { regular: FontWidths; bold: FontWidths } {
  if (!widths) {
    const [regular, bold] = fontFiles();
    widths = { regular: parse(regular!), bold: parse(bold!) };
  }
  return widths;
}

/** Width in pixels of `text` set in DejaVu Sans at `size` px (bold if asked). */
export function textWidth(text: string, size: number, bold = false): number {
  const { em } = bold ? dejaVuWidths().bold : dejaVuWidths().regular;
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const e = c < 0x10000 ? em[c]! : NaN;
    w += Number.isNaN(e) ? 0.6 : e;
  }
  return w * size;
}

interface TextItem {
  fontSize?: number | string;
  fontWeight?: string | number;
  limit?: number;
}

/** A Vega `textMetrics.width` function using DejaVu Sans widths (Vega's own signature). */
export function measureTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const s = text == null ? '' : Array.isArray(text) ? text.join(' ') : String(text);
  if (size <= 0 || !s) return 0;
  const weight = item.fontWeight;
  const bold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && +weight >= 600);
  return textWidth(s, size, bold);
}
