/**
 * Data-tier replication rules: synchronous replication between regions, asynchronous replication
 * whose write volume exceeds the link's bandwidth (unbounded lag), and active-passive groups with
 * automatic failover and no witness in a third location (two primaries after a split-brain).
 */
import { LINK_DEFAULTS } from '../../model/defaults';
import type { DatastoreNode, RegionLink } from '../../model/types';
import { linkBandwidthMbps, replicationMbps } from '../scenarios';
import type { AdviceContext, DraftFinding } from './context';
import { formatBytes, formatCount, formatNumber, formatRate, withUnit } from '../../text';

/** Bandwidth fixes are rounded up to a multiple of this, Mbit/s. */
export const BANDWIDTH_STEP_MBPS = 100;

/** Every replication finding of the variant. */
export function replicationFindings(ctx: AdviceContext): DraftFinding[] {
  return [...syncFindings(ctx), ...lagFindings(ctx), ...splitBrainFindings(ctx)];
}

/** Datastores in the request path, file order. */
function datastores(ctx: AdviceContext): DatastoreNode[] {
  return ctx.variant.nodes.filter(
    (n): n is DatastoreNode => n.kind === 'datastore' && ctx.structure.nodeExprs.has(n.id),
  );
}

/** Peers of `id` in another region than its own. */
function remotePeers(ctx: AdviceContext, id: string): string[] {
  const region = ctx.graph.regionOf.get(id);
  return (ctx.graph.replicaPeers.get(id) ?? []).filter((p) => {
    const other = ctx.graph.regionOf.get(p);
    return region !== undefined && other !== undefined && other !== region;
  });
}

function linkBetween(ctx: AdviceContext, a: string, b: string): RegionLink | undefined {
  return (ctx.variant.links ?? []).find(
    (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
  );
}

/** One finding per replicated tier whose synchronous members wait for a peer in another region. */
function syncFindings(ctx: AdviceContext): DraftFinding[] {
  const findings: DraftFinding[] = [];
  const seen = new Set<string>();
  for (const store of datastores(ctx)) {
    if (store.sync !== true || seen.has(store.id) || remotePeers(ctx, store.id).length === 0) {
      continue;
    }
    const component = replicationComponent(ctx, store.id);
    component.forEach((id) => seen.add(id));
    const syncMembers = component.filter(
      (id) =>
        (ctx.graph.byId.get(id) as DatastoreNode).sync === true && remotePeers(ctx, id).length > 0,
    );
    const region = ctx.graph.regionOf.get(store.id) as string;
    const rtts = remotePeers(ctx, store.id).map(
      (p) =>
        linkBetween(ctx, region, ctx.graph.regionOf.get(p) as string)?.rttMs ??
        (LINK_DEFAULTS.rttMs?.value as number),
    );
    findings.push({
      code: 'sync-replication-across-regions',
      severity: 'medium',
      nodeIds: component,
      title: `${ctx.nameList(syncMembers)} replicate${syncMembers.length > 1 ? '' : 's'} synchronously between regions`,
      message: `Each write to ${ctx.name(store.id)} waits for its peer in another region: one ${withUnit(formatNumber(Math.max(...rtts)), 'ms')} round trip per write, and the member counts as down while the link is down, so the data tier's availability is tied to the link. Asynchronous replication keeps writes local at the cost of losing the replication lag (a fraction of a second) when a region fails.`,
      principle: 'async-replication',
      fix: {
        label: `Replicate ${ctx.nameList(syncMembers)} asynchronously`,
        op: { kind: 'set-async', nodeIds: syncMembers },
      },
    });
  }
  return findings;
}

/** The datastores joined to `id` by `replicates` edges (itself included), file order. */
function replicationComponent(ctx: AdviceContext, id: string): string[] {
  const found = new Set([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const peer of ctx.graph.replicaPeers.get(stack.pop() as string) ?? []) {
      if (!found.has(peer)) {
        found.add(peer);
        stack.push(peer);
      }
    }
  }
  return ctx.variant.nodes.filter((n) => found.has(n.id)).map((n) => n.id);
}

/**
 * One finding per region link that asynchronous replication overflows: a member sends
 * writesPerSecond × avgWriteBytes × 8 bits to each of its peers (the formula of the scenario
 * engine), so the lag grows without bound when that exceeds the link's bandwidth.
 */
function lagFindings(ctx: AdviceContext): DraftFinding[] {
  const needs = new Map<string, { a: string; b: string; mbps: number; stores: string[] }>();
  for (const store of datastores(ctx)) {
    if (store.sync === true) continue;
    const peers = ctx.graph.replicaPeers.get(store.id) ?? [];
    const mbps = replicationMbps(ctx.doc.workload, peers.length);
    const region = ctx.graph.regionOf.get(store.id) as string;
    for (const peer of remotePeers(ctx, store.id)) {
      const other = ctx.graph.regionOf.get(peer) as string;
      if (mbps <= linkBandwidthMbps(linkBetween(ctx, region, other))) continue;
      const [a, b] = [region, other].sort() as [string, string];
      const key = `${a}|${b}`;
      const need = needs.get(key) ?? { a, b, mbps: 0, stores: [] };
      need.mbps = Math.max(need.mbps, mbps);
      if (!need.stores.includes(store.id)) need.stores.push(store.id);
      needs.set(key, need);
    }
  }
  return [...needs.values()].map(({ a, b, mbps, stores }) => {
    const link = linkBetween(ctx, a, b);
    const bandwidth = linkBandwidthMbps(link);
    const needed = Math.ceil(mbps / BANDWIDTH_STEP_MBPS) * BANDWIDTH_STEP_MBPS;
    const workload = ctx.doc.workload ?? {};
    return {
      code: 'replication-lag-unbounded',
      severity: 'high' as const,
      nodeIds: [...stores, `link:${a}|${b}`],
      title: `Replication over ${ctx.name(a)}–${ctx.name(b)} needs more than the link carries`,
      message: `${ctx.nameList(stores)} send${stores.length > 1 ? '' : 's'} ${formatRate(mbps, 'Mbit/s')} (${formatRate(workload.writesPerSecond ?? 0, 'writes/s')} × ${formatBytes(workload.avgWriteBytes ?? 0)} to each peer) over a ${formatRate(bandwidth, 'Mbit/s')} link: the replication lag grows without bound, so a region failure loses an unbounded amount of data.`,
      principle: 'async-replication',
      fix: {
        label: `Provision ${formatRate(needed, 'Mbit/s')} between ${ctx.name(a)} and ${ctx.name(b)} (or reduce the write volume)`,
        op: { kind: 'set-link-bandwidth', a: link?.a ?? a, b: link?.b ?? b, bandwidthMbps: needed },
      },
    };
  });
}

/** Active-passive groups across regions that fail over automatically with no witness. */
function splitBrainFindings(ctx: AdviceContext): DraftFinding[] {
  const findings: DraftFinding[] = [];
  const seen = new Set<string>();
  for (const group of ctx.graph.groupOf.values()) {
    const primary = group.members[0] as string;
    if (seen.has(primary) || !group.isAutomatic) continue;
    seen.add(primary);
    const regions = new Set(group.members.map((m) => ctx.graph.regionOf.get(m)));
    if (regions.size < 2 || regions.has(undefined)) continue;
    if ((ctx.graph.byId.get(primary) as DatastoreNode).witness === true) continue;
    findings.push({
      code: 'split-brain-two-primaries',
      severity: 'high',
      nodeIds: group.members,
      title: `${ctx.name(primary)} can end up with two primaries after a split-brain`,
      message: `${ctx.nameList(group.members, ' and ')} fail over automatically, but nothing outside their ${formatCount(regions.size, 'region')} decides: when the link between them is cut, the standby is promoted while ${ctx.name(primary)} keeps taking writes, and the writes of one side are lost when the partition heals.`,
      principle: 'partition-tolerance',
      fix: {
        label: `Add a witness (quorum) for ${ctx.name(primary)} in a third location`,
        op: { kind: 'set-witness', nodeId: primary },
      },
    });
  }
  return findings;
}
