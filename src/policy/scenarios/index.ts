// Built-in policy scenarios.
export { carbonLevy, type CarbonLevyOptions } from './carbon-levy.js';
export { energyPriceShock, type EnergyPriceShockOptions } from './energy-price.js';
export {
  scottishChildPayment,
  twoChildLimitMitigation,
  flatTransfer,
  type ChildPaymentOptions,
  type TwoChildLimitOptions,
  type FlatTransferOptions,
  type TransferUnit,
} from './transfers.js';
export { type Recycling, RECYCLING_OPTIONS, recyclePayments } from './recycling.js';
