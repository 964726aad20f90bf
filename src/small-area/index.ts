export { fayHerriot, type FayHerriot, type FayHerriotModel, type FayHerriotOptions } from './fay-herriot.js';
export { type AreaColumns } from './area-input.js';
export { type FayHerriotMethod, type FitControl, type FayHerriotFit } from './fit.js';
