/**
 * Where requests go during a scenario: users keep their home region when it can serve them,
 * routers send the rest to working targets, and a traffic shift moves a share of one region's
 * users elsewhere. From that: the share of requests served (capacity) and the extra round trip
 * of rerouted users (latency).
 */
import { regionTrafficShares } from '../../model/traffic';
import { tierSize } from '../../model/nodes';
import type { ModelNode, Scenario } from '../../model/types';
import { LINK_DEFAULTS } from '../../model/defaults';
import type { ScenarioContext } from './result';

/** Traffic outcome of a scenario. */
export interface ScenarioTraffic {
  /** Share of all requests served: not refused for lack of capacity, not sent to nothing. */
  readonly servedShare: number;
  /** Largest extra round trip a group of rerouted users sees, milliseconds. */
  readonly latencyChangeMs: number;
  /**
   * Share of all requests that travel each `depends` edge, keyed `from>to` (the member of a
   * replication group that serves them, when another member took over). Edges nobody uses are
   * absent.
   */
  readonly edgeShares: ReadonlyMap<string, number>;
  /** Share of all requests each tier refuses for lack of capacity (tiers that refuse none absent). */
  readonly refusedByTier: ReadonlyMap<string, number>;
}

/** A group of requests: the region its users come from and the share of all requests it is. */
interface Flow {
  readonly origin: string | undefined;
  /** Region these users are sent to (their own, or the shift's destination). */
  readonly prefer: string | undefined;
  readonly share: number;
  /** Region that first served the flow, once a regional node has. */
  servedIn?: string;
}

/** Routes the scenario's traffic through the working structure (`values` per expression). */
export function routeScenarioTraffic(
  context: ScenarioContext,
  scenario: Scenario,
  values: readonly boolean[],
  down: ReadonlySet<number>,
  scaledInstances: ReadonlyMap<string, number> = new Map(),
): ScenarioTraffic {
  const { doc, graph, structure } = context;
  const works = (id: string): boolean => {
    const expr = structure.nodeExprs.get(id);
    return expr === undefined || values[expr] === true;
  };
  const regions = regionTrafficShares(doc, graph.variant);
  const flows: Flow[] = [];
  for (const [region, share] of regions) {
    const shift = scenario.shift;
    const moved = shift && shift.from === region ? share * shift.share : 0;
    if (share - moved > 0) flows.push({ origin: region, prefer: region, share: share - moved });
    if (moved > 0) {
      const others = [...regions].filter(
        ([r]) => r !== region && (shift?.to === undefined || r === shift.to),
      );
      const weight = others.reduce((sum, [, s]) => sum + s, 0);
      for (const [r, s] of others) {
        const part = weight > 0 ? s / weight : 1 / others.length;
        flows.push({ origin: region, prefer: r, share: moved * part });
      }
    }
  }
  if (flows.length === 0) flows.push({ origin: undefined, prefer: undefined, share: 1 });

  const load = new Map<string, number>();
  const edgeShares = new Map<string, number>();
  const carry = (from: string, to: string, share: number): void => {
    const key = `${from}>${to}`;
    edgeShares.set(key, (edgeShares.get(key) ?? 0) + share);
  };
  let failed = 0;
  let latency = 0;
  const served = (id: string): string => {
    const group = graph.groupOf.get(id);
    if (!group) return id;
    return group.members.find((m) => works(m)) ?? (group.members[0] as string);
  };
  const visit = (id: string, flow: Flow): void => {
    if (!works(id)) {
      failed += flow.share;
      return;
    }
    const region = graph.regionOf.get(id);
    if (region !== undefined && flow.servedIn === undefined) {
      flow.servedIn = region;
      if (flow.origin !== undefined && flow.origin !== region && flow.share > 0) {
        latency = Math.max(latency, rttBetween(context, flow.origin, region));
      }
    }
    load.set(id, (load.get(id) ?? 0) + flow.share);
    const node = graph.byId.get(id) as ModelNode;
    const deps = graph.dependsOn.get(id) ?? [];
    if (node.kind !== 'router') {
      for (const d of deps) {
        const to = served(d);
        carry(id, to, flow.share);
        visit(to, { ...flow });
      }
      return;
    }
    const { alive, byRegion } = routerChoices(id, deps);
    if (alive.length === 0) {
      failed += flow.share;
      return;
    }
    const home = byRegion.get(flow.prefer);
    for (const [t, part] of home ?? splitByRegion(alive)) {
      const to = served(t);
      carry(id, to, flow.share * part);
      visit(to, { ...flow, share: flow.share * part });
    }
  };
  const splits = new Map<readonly string[], (readonly [string, number])[]>();
  const splitByRegion = (targets: readonly string[]): (readonly [string, number])[] => {
    const known = splits.get(targets);
    if (known) return known;
    const weights = targets.map((t) => regions.get(graph.regionOf.get(t) ?? '') ?? 0);
    const total = weights.reduce((a, b) => a + b, 0);
    const split = targets.map(
      (t, i) => [t, total > 0 ? (weights[i] as number) / total : 1 / targets.length] as const,
    );
    splits.set(targets, split);
    return split;
  };
  // A router's working targets, and those of each region with an equal part each: the same for
  // every flow of the scenario, so worked out once per router rather than once per flow.
  const choicesOf = new Map<
    string,
    { alive: string[]; byRegion: Map<string | undefined, (readonly [string, number])[]> }
  >();
  const routerChoices = (id: string, deps: readonly string[]) => {
    const known = choicesOf.get(id);
    if (known) return known;
    const alive = deps.filter((t) => works(served(t)));
    // Keyed by region, global targets under `undefined`, as a flow's `prefer` is.
    const byRegion = new Map<string | undefined, string[]>();
    for (const t of alive) {
      const region = graph.regionOf.get(t);
      const list = byRegion.get(region);
      if (list) list.push(t);
      else byRegion.set(region, [t]);
    }
    const choices = {
      alive,
      byRegion: new Map(
        [...byRegion].map(([r, ts]) => [r, ts.map((t) => [t, 1 / ts.length] as const)]),
      ),
    };
    choicesOf.set(id, choices);
    return choices;
  };

  for (const flow of flows) visit(graph.variant.entry, flow);

  const rps = doc.workload?.requestsPerSecond ?? 0;
  let refused = 0;
  const refusedByTier = new Map<string, number>();
  if (rps > 0) {
    for (const [id, tier] of structure.tiers) {
      const node = graph.byId.get(id) as ModelNode;
      const capacity = 'capacityRps' in node ? node.capacityRps : undefined;
      const share = load.get(id) ?? 0;
      if (capacity === undefined || share === 0) continue;
      const regionDown = tier.regionEvent !== undefined && down.has(tier.regionEvent);
      const working = regionDown
        ? 0
        : tier.instances.filter(
            (i) => !down.has(i.event) && (i.zoneEvent === undefined || !down.has(i.zoneEvent)),
          ).length;
      // A tier that scales out runs its `maxInstances` in the zones that still work.
      const scaled = scaledInstances.get(id);
      const serving =
        working > 0 && scaled !== undefined ? scaled : Math.min(working, tierSize(node).instances);
      const tierRefused = Math.max(0, share * rps - capacity * serving) / rps;
      if (tierRefused > 0) refusedByTier.set(id, tierRefused);
      refused += tierRefused;
    }
  }

  return {
    servedShare: Math.max(0, 1 - Math.min(1, failed + refused)),
    latencyChangeMs: latency,
    edgeShares,
    refusedByTier,
  };
}

function rttBetween(context: ScenarioContext, a: string, b: string): number {
  const link = (context.graph.variant.links ?? []).find(
    (l) => (l.a === a && l.b === b) || (l.a === b && l.b === a),
  );
  return link?.rttMs ?? (LINK_DEFAULTS.rttMs?.value as number);
}
