/**
 * Monthly cost of one variant from a dated price book (docs/cost.md). The door of
 * shared/engine/cost/.
 */
export { estimateCost } from './estimate';
export { activeActiveMemoryNeedGiB } from './compute';
export { replicationGBPerMonth } from './transfer';
export { ACTIVE_ACTIVE_MEMORY_FACTOR, REPLICATION_MEMORY_FACTOR } from './provider-rates';
export type {
  CostCategory,
  CostEstimate,
  CostLine,
  CostOptions,
  UnpricedCode,
  UnpricedItem,
} from './types';
