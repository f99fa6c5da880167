/**
 * What a change of state must update, compiled once per variant for the machine: the tiers with
 * a capacity (to recompute the share of requests refused) and the datastores whose failures may
 * lose data (the RPO rules of scenarios/ `dataLoss`, as flags per instance and per peer).
 */
import { tierSize } from '../../model/nodes';
import type { DatastoreNode, ModelNode, NinesDocument, RegionLink } from '../../model/types';
import type { ResolvedGraph, Structure, TrafficShares } from '../structure';
import { routedShares, routingOf, Subtrees } from '../availability';
import {
  linkBandwidthMbps,
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
} from '../scenarios';

/** A tier with `capacityRps`, compiled. */
export interface CapacityTier {
  readonly capacityRps: number;
  readonly minHealthy: number;
  readonly regionEvent: number;
  readonly instanceEvents: Int32Array;
  /** Zone event of each instance, −1 when none. */
  readonly zoneEvents: Int32Array;
  /** The tier's rolling maintenance event (one instance out while it is down), −1 when none. */
  readonly rollingEvent: number;
  readonly pathExpr: number;
  /** Requests per second of the whole service. */
  readonly rps: number;
  /** Without a routing router: the tier's fixed share of all requests. */
  readonly fixedShare: number;
  /** With one: the router's share, the own target's split, the tier's part of it. */
  readonly routed?: {
    readonly routerShare: number;
    readonly ownSplit: number;
    readonly partOfOwn: number;
    readonly otherExprs: Int32Array;
    readonly otherSplits: Float64Array;
  };
}

/** A datastore whose failures may lose data, compiled. */
export interface DataStoreWatch {
  readonly regionEvent: number;
  readonly instanceEvents: Int32Array;
  readonly zoneEvents: Int32Array;
  readonly isReplicated: boolean;
  readonly isStandby: boolean;
  readonly isActiveActive: boolean;
  /** A lost primary instance loses the writes not yet sent to the local replica. */
  readonly partialLoses: boolean;
  /** A lone node loses its persistence window (or everything). */
  readonly loneLoses: boolean;
  /** Expression "peer works" of each peer (−1: not in the structure, taken as working). */
  readonly peerExprs: Int32Array;
  /** Whether a whole-member loss loses data when this peer takes over. */
  readonly peerLoses: readonly boolean[];
}

/** The tiers with `capacityRps`, as `capacityUnavailability` reads them. */
export function capacityTiers(
  doc: NinesDocument,
  graph: ResolvedGraph,
  structure: Structure,
  traffic: TrafficShares,
): CapacityTier[] {
  const rps = doc.workload?.requestsPerSecond ?? 0;
  if (!(rps > 0)) return [];
  const subtrees = new Subtrees(graph);
  const tiers: CapacityTier[] = [];
  for (const [id, tier] of structure.tiers) {
    const node = graph.byId.get(id) as ModelNode;
    const capacity = 'capacityRps' in node ? node.capacityRps : undefined;
    if (capacity === undefined) continue;
    const routing = routingOf(id, structure, subtrees);
    const common = {
      capacityRps: capacity,
      minHealthy: tierSize(node).minHealthy,
      regionEvent: tier.regionEvent ?? -1,
      instanceEvents: Int32Array.from(tier.instances, (i) => i.event),
      zoneEvents: Int32Array.from(tier.instances, (i) => i.zoneEvent ?? -1),
      rollingEvent: tier.maintenance?.rolling ? tier.maintenance.event : -1,
      rps,
    };
    if (!routing) {
      tiers.push({
        ...common,
        pathExpr: structure.nodeExprs.get(id) as number,
        fixedShare: traffic.node.get(id) ?? 0,
      });
      continue;
    }
    const { router, own } = routing;
    const splitOf = (t: string): number => traffic.split.get(`${router.routerId}>${t}`) ?? 0;
    const { routerShare, routedToOwn } = routedShares(routing, traffic);
    const nominal = traffic.node.get(id) ?? 0;
    const others = router.targets.filter((t) => t !== own);
    tiers.push({
      ...common,
      pathExpr: own.expr,
      fixedShare: 0,
      routed: {
        routerShare,
        ownSplit: splitOf(own.nodeId),
        partOfOwn: routedToOwn > 0 ? Math.min(1, nominal / routedToOwn) : 1,
        otherExprs: Int32Array.from(others, (o) => o.expr),
        otherSplits: Float64Array.from(others, (o) => splitOf(o.nodeId)),
      },
    });
  }
  return tiers;
}

/** Every datastore of the structure with what its failures lose (scenario.ts `dataLoss`). */
export function dataStores(
  doc: NinesDocument,
  graph: ResolvedGraph,
  structure: Structure,
): DataStoreWatch[] {
  const linkBetween = (a: string, b: string): RegionLink | undefined =>
    (graph.variant.links ?? []).find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
  const stores: DataStoreWatch[] = [];
  for (const node of graph.variant.nodes) {
    if (node.kind !== 'datastore') continue;
    const tier = structure.tiers.get(node.id);
    if (!tier) continue;
    const peers = graph.replicaPeers.get(node.id) ?? [];
    const group = graph.groupOf.get(node.id);
    const mode = node.replication ?? 'none';
    const window = persistenceWindowSeconds(node);
    stores.push({
      regionEvent: tier.regionEvent ?? -1,
      instanceEvents: Int32Array.from(tier.instances, (i) => i.event),
      zoneEvents: Int32Array.from(tier.instances, (i) => i.zoneEvent ?? -1),
      isReplicated: mode !== 'none',
      isStandby: group !== undefined && group.members[0] !== node.id,
      isActiveActive: mode === 'active-active',
      partialLoses: node.sync !== true && replicationLagSeconds(node, undefined) > 0,
      // Without persistence the data falls back to the last backup, or is lost: a loss either way.
      loneLoses: window === undefined || window > 0,
      peerExprs: Int32Array.from(peers, (p) => structure.nodeExprs.get(p) ?? -1),
      peerLoses: peers.map((p) => lagLoses(doc, graph, node, p, linkBetween)),
    });
  }
  return stores;
}

/** Whether `store` loses writes when `peer` takes over: asynchronous with a lag above 0, or unbounded. */
function lagLoses(
  doc: NinesDocument,
  graph: ResolvedGraph,
  store: DatastoreNode,
  peer: string,
  linkBetween: (a: string, b: string) => RegionLink | undefined,
): boolean {
  if (store.sync === true) return false;
  const region = graph.regionOf.get(store.id);
  const peerRegion = graph.regionOf.get(peer);
  const link =
    region !== undefined && peerRegion !== undefined && region !== peerRegion
      ? (linkBetween(region, peerRegion) ?? { a: region, b: peerRegion })
      : undefined;
  const peers = (graph.replicaPeers.get(store.id) ?? []).length;
  if (link && replicationMbps(doc.workload, peers) > linkBandwidthMbps(link)) return true;
  return replicationLagSeconds(store, link) > 0;
}

/**
 * Share of all requests `tier` refuses in the current state (capacity.ts): `up` holds each basic
 * event's state, `value` each expression's. A rolling maintenance window under way takes one
 * working instance out of the count.
 */
export function refusedShare(tier: CapacityTier, up: Uint8Array, value: Uint8Array): number {
  if (!value[tier.pathExpr]) return 0;
  if (tier.regionEvent >= 0 && !up[tier.regionEvent]) return 0;
  let working = 0;
  for (let i = 0; i < tier.instanceEvents.length; i++) {
    const zone = tier.zoneEvents[i] as number;
    if (up[tier.instanceEvents[i] as number] && (zone < 0 || up[zone])) working++;
  }
  if (tier.rollingEvent >= 0 && !up[tier.rollingEvent]) working--;
  if (working < tier.minHealthy) return 0;
  let share = tier.fixedShare;
  const routed = tier.routed;
  if (routed) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < routed.otherExprs.length; i++) {
      if (value[routed.otherExprs[i] as number]) {
        sum += routed.otherSplits[i] as number;
        count++;
      }
    }
    const own = routed.ownSplit;
    share =
      routed.routerShare * (sum + own > 0 ? own / (sum + own) : 1 / (count + 1)) * routed.partOfOwn;
  }
  return Math.max(0, tier.rps * share - tier.capacityRps * working) / tier.rps;
}

/**
 * Whether `store` is, in the current state, in a state that lost data (scenario.ts); `up` and
 * `value` as for `refusedShare`. A planned maintenance window is a clean stop and loses nothing.
 */
export function isLosing(store: DataStoreWatch, up: Uint8Array, value: Uint8Array): boolean {
  const regionDown = store.regionEvent >= 0 && !up[store.regionEvent];
  let stopped = 0;
  let primaryStopped = false;
  for (let i = 0; i < store.instanceEvents.length; i++) {
    const zone = store.zoneEvents[i] as number;
    if (regionDown || !up[store.instanceEvents[i] as number] || (zone >= 0 && !up[zone])) {
      stopped++;
      if (i === 0) primaryStopped = true;
    }
  }
  if (stopped === store.instanceEvents.length) {
    if (store.isStandby) return false;
    for (let p = 0; p < store.peerExprs.length; p++) {
      const x = store.peerExprs[p] as number;
      if (x < 0 || value[x]) return store.peerLoses[p] as boolean;
    }
    if (store.peerExprs.length > 0 && store.isActiveActive) return store.peerLoses[0] as boolean;
    return store.loneLoses;
  }
  if (store.isReplicated) return primaryStopped && store.partialLoses;
  return stopped > 0 && store.loneLoses;
}
