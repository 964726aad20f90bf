import { checkValue } from '../data/index.js';
import type { Config } from 'vega-lite';

/**
 * The house palette for categories: Okabe & Ito's colour-blind-safe set (Okabe & Ito 2008,
 * "Color Universal Design", https://jfly.uni-koeln.de/color/), ordered so the first colours
 * keep the most contrast on white; the yellow comes last because it is hard to read on white.
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'] as const;

/** Named house colours used where a chart gives a colour a fixed meaning. */
export const COLOURS = {
  /** a single series, a gain, "helps" */
  primary: '#0072B2',
  /** a loss, "harms" */
  harm: '#D55E00',
  /** "helps" in a harm/help contrast */
  help: '#0072B2',
  /** reference lines: equality, Scotland, the population value */
  reference: '#555555',
  /** no change, no detectable effect, context */
  neutral: '#BBBBBB',
  /** note and subtitle text */
  muted: '#4D4D4D',
  /** a target line */
  target: '#000000',
  /** a range shown for context (e.g. an LGBF family group's spread) */
  range: '#D0D0D0',
  /** a secondary marker on a range (e.g. the family mean) */
  rangeMark: '#777777',
} as const;

/**
 * Five diverging colours for gain → loss bands (colour-blind safe: blue to orange through grey,
 * from the ColorBrewer RdBu/PuOr idea but avoiding red–green).
 */
export const DIVERGING_FIVE = ['#0072B2', '#7FB2D8', '#D9D9D9', '#F2B57F', '#D55E00'] as const;

/** The house font: DejaVu Sans ships with povineq (dejavu-fonts-ttf) so PNGs render text anywhere. */
export const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/**
 * UK number formatting for Vega's d3-format: "." decimal, "," thousands, £ as the currency prefix
 * and the typographic minus sign. With it, the format `$,.0f` prints £12,345.
 */
export const UK_NUMBER_LOCALE = {
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['£', ''] as [string, string],
  minus: '\u2212',
};

/** d3-format strings for the kinds of number povineq charts show. */
export const FORMATS = {
  /** a fraction shown as a whole percentage: 0.243 → 24% */
  percent: '.0%',
  /** a fraction with one decimal place: 0.2431 → 24.3% */
  percent1: '.1%',
  /** pounds, whole: 12345.6 → £12,346 */
  pounds: '$,.0f',
  /** pounds and pence: 12.345 → £12.35 */
  pence: '$,.2f',
  /** thousands separators, whole: 12345.6 → 12,346 */
  number: ',.0f',
  /** up to three significant decimals: 0.26490 → 0.265, 3.97 → 3.97 */
  decimal: ',.3~r',
  /** one decimal place, a trailing zero dropped: 29.24 → 29.2, 5 → 5 (e.g. percentage points already × 100) */
  decimal1: ',.1~f',
} as const;

/** A format by kind name (see {@link FORMATS}) or a d3-format string of your own. */
export type ValueFormat = keyof typeof FORMATS | (string & {});

/** The d3-format string for a {@link ValueFormat}. */
export function formatString(format: ValueFormat): string {
  checkFormat(format, 'format', 'chart');
  return (FORMATS as Record<string, string>)[format] ?? format;
}

/** A d3-format specifier: [[fill]align][sign][symbol][0][width][,][.precision][~][type]. */
const D3_FORMAT = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;

/**
 * Checks a format option: a kind name of {@link FORMATS} or a d3-format specifier. Anything else
 * ('percentage', 'pound') is an error suggesting the nearest kind ("did you mean 'percent'?").
 */
export function checkFormat(format: unknown, option: string, context: string): void {
  if (typeof format === 'string' && (format in FORMATS || (D3_FORMAT.test(format) && /[a-z%]$/i.test(format) && !/^[a-z]{2,}$/i.test(format)))) return;
  const kinds = Object.keys(FORMATS);
  checkValue(format, { kind: 'enum', values: kinds }, option, `${context} (or a d3-format string such as ',.2f')`);
}

/**
 * Axis properties for a {@link ValueFormat}: the format, and a minimum tick step where the format
 * rounds (whole percentages, whole pounds or numbers), so that no two ticks print the same label.
 */
export function axisFormat(format: ValueFormat): { format: string; tickMinStep?: number } {
  const f = formatString(format);
  const step = ({ '.0%': 0.01, '.1%': 0.001, '$,.0f': 1, ',.0f': 1, '$,.2f': 0.01 } as Record<string, number>)[f];
  return step === undefined ? { format: f } : { format: f, tickMinStep: step };
}

/**
 * The house theme as a Vega-Lite config: colour-blind-safe palettes, font sizes readable in a
 * printed briefing (12 pt labels, 16 pt titles), UK number formats and a white background.
 * Every chart builder applies it through `config`; pass `theme` to a builder to override parts.
 */
export function houseTheme(): Config {
  return {
    background: 'white',
    padding: 12,
    font: FONT,
    locale: { number: { ...UK_NUMBER_LOCALE, grouping: [...UK_NUMBER_LOCALE.grouping] } },
    title: {
      fontSize: 16,
      fontWeight: 'bold',
      anchor: 'start',
      color: '#1A1A1A',
      subtitleFontSize: 13,
      subtitleColor: COLOURS.muted,
      offset: 12,
    },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: 'normal',
      labelColor: '#333333',
      titleColor: '#333333',
      gridColor: '#E6E6E6',
      domainColor: '#888888',
      tickColor: '#888888',
      labelLimit: 240,
    },
    legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', labelLimit: 280, symbolSize: 120 },
    header: { labelFontSize: 12, titleFontSize: 13 },
    range: {
      category: [...PALETTE],
      diverging: { scheme: 'blueorange' },
      heatmap: { scheme: 'viridis' },
      ramp: { scheme: 'viridis' },
      ordinal: { scheme: 'viridis' },
    },
    line: { strokeWidth: 2.5 },
    point: { size: 70, filled: true },
    bar: { color: COLOURS.primary },
    view: { stroke: null },
    concat: { spacing: 6 },
  };
}

/**
 * Deep-merges `override` over `base` (objects merge, arrays and other values replace), without
 * changing either.
 */
export function mergeConfig<T extends object>(base: T, override: object | undefined): T {
  if (!override) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override)) {
    const b = out[k];
    out[k] = isPlainObject(v) && isPlainObject(b) ? mergeConfig(b, v) : v;
  }
  return out as T;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x != null && typeof x === 'object' && !Array.isArray(x);
}
