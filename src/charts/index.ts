// Charts: the house theme, one builder per chart kind (result table → Vega-Lite spec), and
// rendering in one place (SVG, PNG, offline HTML, the briefing pack, notebook display).
export { PALETTE, COLOURS, DIVERGING_FIVE, FONT, UK_NUMBER_LOCALE, FORMATS, type ValueFormat, formatString, houseTheme, mergeConfig } from './theme.js';
export { formatValue } from './format.js';
export { type ChartOptions, type ChartData, VEGA_LITE_SCHEMA, DEFAULT_SOURCE } from './frame.js';
export { lorenzChart, type LorenzChartOptions } from './lorenz.js';
export { measureChart, type MeasureChartOptions } from './measures.js';
export { compileChart, type Compiled, toSVG, toPNG, svgToPNG, fontFiles, type PNGOptions } from './render.js';
export { show, mimeBundle, VEGA_LITE_MIME, type ShowOptions, type MimeBundle } from './show.js';
export { packageDir, packageFile } from './assets.js';
