/**
 * The model → "what works": the resolved graph of a variant (nodes, edges, failover groups),
 * the Boolean structure every analysis reads (basic events and the expression DAG) and the
 * request shares per region and router target. The door of shared/engine/structure/.
 */
export { resolveGraph } from './graph';
export type { FailoverGroup, ResolvedGraph } from './graph';
export { buildStructure } from './structure';
export type { RouterInfo, Structure } from './structure';
export { trafficShares } from './traffic';
export type { TrafficShares } from './traffic';
