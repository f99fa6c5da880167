/**
 * Where the requests go in normal operation: the share of all requests that reaches each node
 * and that each router sends to each of its targets.
 *
 * Requests start at the entry (share 1). A router splits what it receives over its targets by
 * the traffic share of each target's region (`regionTrafficShares`: the variant's or the
 * workload's `trafficShare`, normalised over the variant's regions, an equal split otherwise),
 * divided equally among its targets in the same region; when a target is global or the shares
 * of its targets' regions add up to 0, the router splits equally. Any other node passes every
 * request it serves to each of its dependencies (each request needs all of them). A consumer of
 * an active-passive group sends its requests to the primary.
 *
 * Requests are tracked as classes (the path of router choices they took), so a node reached by
 * two paths counts the requests that need it once, not twice.
 */
import type { NinesDocument } from '../../model/types';
import { regionTrafficShares } from '../../model/traffic';
import type { ResolvedGraph } from './graph';

/** Traffic shares of a variant, each in [0, 1]. */
export interface TrafficShares {
  /** Share of all requests that need each node. */
  readonly node: ReadonlyMap<string, number>;
  /** Share of all requests router → target, keyed `router>target`. */
  readonly routed: ReadonlyMap<string, number>;
  /** The split of each router over its targets (sums to 1 per router), keyed `router>target`. */
  readonly split: ReadonlyMap<string, number>;
}

/** Computes the traffic shares of the variant `graph` of `doc`. */
export function trafficShares(doc: NinesDocument, graph: ResolvedGraph): TrafficShares {
  const regionShare = regionTrafficShares(doc, graph.variant);
  const { order, classesOf, parent, choice } = graph.requests;
  const split = new Map<string, number>();
  const routed = new Map<string, number>();
  // Each class's share of all requests, the product of the splits along its route: in
  // topological order a router's split is set before any class through it is weighed.
  const weight: number[] = [1];
  const weightOf = (c: number): number => {
    for (let k = weight.length; k <= c; k++) {
      weight.push(
        (weight[parent[k] as number] as number) * (split.get(choice[k] as string) as number),
      );
    }
    return weight[c] as number;
  };
  for (const id of order) {
    if (graph.byId.get(id)?.kind !== 'router') continue;
    const weights = routerSplit(graph, id, regionShare);
    const incoming = (classesOf.get(id) ?? []).map(weightOf);
    (graph.dependsOn.get(id) ?? []).forEach((t, i) => {
      const s = weights[i] as number;
      split.set(`${id}>${t}`, s);
      routed.set(
        `${id}>${t}`,
        incoming.reduce((total, w) => total + w * s, 0),
      );
    });
  }
  const node = new Map<string, number>();
  for (const [id, list] of classesOf) {
    let total = 0;
    for (const c of list) total += weightOf(c);
    node.set(id, Math.min(1, total));
  }
  return { node, routed, split };
}

/** The router's split over its targets, in target order, summing to 1. */
function routerSplit(
  graph: ResolvedGraph,
  routerId: string,
  regionShare: ReadonlyMap<string, number>,
): number[] {
  const targets = graph.dependsOn.get(routerId) ?? [];
  const regions = targets.map((t) => graph.regionOf.get(t));
  const perRegion = new Map<string, number>();
  for (const r of regions) if (r !== undefined) perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
  const raw = regions.map((r) =>
    r === undefined ? Number.NaN : (regionShare.get(r) ?? 0) / (perRegion.get(r) as number),
  );
  const total = raw.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return targets.map(() => 1 / targets.length);
  return raw.map((w) => w / total);
}
