import type { Measure, MeasureInfo } from '../core/index.js';
import * as inequality from './inequality/index.js';
import * as poverty from './poverty/index.js';

/**
 * Every scalar measure by the name of its Arquero aggregate op. Names that would clash with
 * Arquero's own ops (mean, median, quantile) are prefixed with "weighted"; `povertyRate` is the
 * headcount ratio under the name analysts search for.
 */
export const MEASURES: Readonly<Record<string, Measure<any>>> = {
  gini: inequality.gini,
  theil: inequality.theil,
  mld: inequality.mld,
  generalizedEntropy: inequality.generalizedEntropy,
  atkinson: inequality.atkinson,
  palma: inequality.palma,
  s80s20: inequality.s80s20,
  percentileRatio: inequality.percentileRatio,
  weightedQuantile: inequality.quantile,
  weightedMedian: inequality.median,
  weightedMean: inequality.mean,
  cv: inequality.cv,
  hoover: inequality.hoover,
  topShare: inequality.topShare,
  bottomShare: inequality.bottomShare,
  povertyLine: poverty.povertyLine,
  fgt: poverty.fgt,
  headcount: poverty.headcount,
  povertyRate: poverty.headcount,
  povertyGap: poverty.povertyGap,
  povertySeverity: poverty.povertySeverity,
  watts: poverty.watts,
  sen: poverty.sen,
  sst: poverty.sst,
  arpr: poverty.arpr,
  rmpg: poverty.rmpg,
};

/**
 * The name of a measure in MEASURES, by which a worker thread finds it again; undefined for a
 * measure defined elsewhere (such work runs in the calling thread).
 */
export function registeredName(info: MeasureInfo): string | undefined {
  return Object.keys(MEASURES).find((key) => MEASURES[key]!.info === info);
}
