/**
 * The model → "what works": the resolved graph of a variant (nodes, edges, failover groups),
 * the Boolean structure every analysis reads (basic events and the expression DAG) and the
 * request shares per region and router target. The door of shared/engine/structure/.
 */
export { evaluateExprs } from './evaluate-exprs';
export { resolveGraph } from './graph';
export { MAX_PATH_LENGTH, MAX_REQUEST_CLASSES } from './request-classes';
export type { FailoverGroup, ResolvedGraph } from './graph';
export { buildStructure } from './structure';
export { failoverTransitionSeconds } from './failover-time';
export type { Expr, FailoverInfo, InstancePlacement, RouterInfo, Structure } from './types';
export { trafficShares } from './traffic';
export type { TrafficShares } from './traffic';
