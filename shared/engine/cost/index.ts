/**
 * Monthly cost of one variant from a dated price book (docs/cost.md). The door of
 * shared/engine/cost/.
 */
export { estimateCost } from './cost';
export type { CostCategory, CostEstimate, CostLine, UnpricedItem } from './cost';
