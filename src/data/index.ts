export { PovineqError, type PovineqErrorCode, describeRows, plural } from './errors.js';
export {
  type ColumnSource,
  type ArqueroLike,
  type DataFrameLike,
  type NumericColumn,
  isArqueroLike,
  isDataFrameLike,
  isArrayLikeOfValues,
  columnNames,
  rowCount,
  readColumn,
  toNumeric,
  assertClean,
} from './columns.js';
export { readCSV, type ReadCSVOptions } from './csv.js';
export { eusilc, datasetPath, packageRoot } from './datasets.js';
export { type OptionRule, type OptionSpec, checkOptions, checkValue, nearest, editDistance } from './options.js';
export { requireFinite } from './finite.js';
