// Charts: the house theme, one builder per chart kind (result table → Vega-Lite spec), and
// rendering in one place (SVG, PNG, offline HTML, the briefing pack, notebook display).
export { PALETTE, COLOURS, DIVERGING_FIVE, FONT, UK_NUMBER_LOCALE, FORMATS, type ValueFormat, formatString, houseTheme, mergeConfig } from './theme.js';
export { formatValue } from './format.js';
export { type ChartOptions, type ChartData, type ChartRow, VEGA_LITE_SCHEMA, DEFAULT_SOURCE } from './frame.js';
export { lorenzChart, type LorenzChartOptions } from './lorenz.js';
export { measureChart, type MeasureChartOptions, type EstimateLike } from './measure-chart.js';
export { compileChart, type Compiled, toSVG, toPNG, svgToPNG, type PNGOptions } from './render.js';
export { fontFiles } from './fonts.js';
export { textWidth } from './text-metrics.js';
export { show, mimeBundle, VEGA_LITE_MIME, type ShowOptions, type MimeBundle } from './show.js';
export { packageDir, packageFile } from './assets.js';
export { incomeDistributionChart, type IncomeDistributionChartOptions, type IncomeLine } from './income-distribution.js';
export { povertyTrendChart, type PovertyTrendChartOptions } from './poverty-trend.js';
export { decileImpactChart, type DecileImpactChartOptions } from './decile-impact.js';
export { winnersLosersChart, WINNER_LOSER_BANDS, type WinnersLosersChartOptions } from './winners-losers.js';
export { simdGradientChart, type SimdGradientChartOptions, type SiiLine } from './simd-gradient.js';
export { councilMap, dataZoneMap, type ChoroplethOptions } from './choropleth.js';
export { lgbfChart, type LgbfChartOptions } from './lgbf.js';
export { decompositionChart, type DecompositionChartOptions } from './decomposition.js';
export { crossCheckChart, CROSS_CHECK_FLAGS, type CrossCheckChartOptions } from './cross-check.js';
export { chartData, toCSV } from './csv.js';
export { toHTML, namedCharts, type NamedCharts, type HTMLOptions } from './html.js';
export { briefing, type BriefingOptions, type BriefingResult } from './briefing.js';
export { smallAreaChart, type SmallAreaChartOptions } from './small-area-chart.js';
export { reliabilityMap, type ReliabilityMapOptions } from './reliability-map.js';
export { comparisonLinesChart, type ComparisonLinesChartOptions } from './comparison-lines.js';
export { rankedDotsChart, type RankedDotsChartOptions } from './ranked-dots.js';
export { deprivationProfileChart, type DeprivationProfileChartOptions } from './deprivation-profile.js';
export { councilScatterChart, type CouncilScatterChartOptions } from './council-scatter.js';
export { rankChangeChart, type RankChangeChartOptions } from './rank-change.js';
export {
  writeBriefingPage,
  formatCell,
  type ColumnKind,
  type PackChart,
  type PackSection,
  type PackPage,
  type PackFooter,
  type WritePageOptions,
} from './briefing-pack.js';
export { spreadStripsChart, type SpreadStripsChartOptions, type SpreadOutcome } from './spread-strips.js';
export { displayTables, tableBundle } from './table-display.js';
export { tableHTML, tableText, columnKind, type TableColumnKind, type TableDisplayOptions } from './table-format.js';
