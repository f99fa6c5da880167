/**
 * The steady-state replication lag between two data-tier members, from the engine's closed form
 * (`replicationLagSeconds`: half the link's round trip plus the sender's replication delay). A
 * recovered member is caught up when its lag is back to this value: failback waits for it.
 */
import { replicationLagSeconds } from '../../../engine';
import type { DatastoreNode } from '../../../model/types';
import { linkBetween, type PlanBasis } from '../context';

/** Lag of the replication from `fromId` to `toId`, seconds (0 for synchronous replication). */
export function steadyLagSeconds(ctx: PlanBasis, fromId: string, toId: string): number {
  const from = ctx.graph.byId.get(fromId) as DatastoreNode;
  if (from.sync === true) return 0;
  const a = ctx.graph.regionOf.get(fromId);
  const b = ctx.graph.regionOf.get(toId);
  const link =
    a !== undefined && b !== undefined && a !== b
      ? (linkBetween(ctx, a, b) ?? { a, b })
      : undefined;
  return replicationLagSeconds(from, link);
}
