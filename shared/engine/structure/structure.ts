/**
 * Model → Boolean structure: an expression DAG (AND, OR, at-least-k-of-n over basic events)
 * whose value is "the entry works", the semantics of DESIGN.md "Availability semantics":
 *
 * - Basic events: every region, every zone, every region link a dependency needs, and every
 *   instance of every component (named per FORMAT.md: node id, `nodeId#i`, `link:a|b`).
 * - Placement: instance i of a tier (service, datastore, queue) placed in a region with zones
 *   z₀…z_{m−1} needs zone z_{i mod m} and the region; any node placed in a zone needs that zone
 *   and its region; another node placed in a region (a regional load balancer, object storage)
 *   spans the region's zones and needs only the region; global (no parent), nothing but itself.
 * - A tier works while at least `minHealthy` of its `instances` work (k-of-n), and all its
 *   dependencies work (AND). A router works if it works itself and at least `minTargets` of its
 *   `depends` targets work (k-of-n over the targets). A router of two or more `instances` (a
 *   self-managed pair) works itself while `minHealthy` of them work, spread over its region's
 *   zones like a tier's; moving its floating address off a failed #0 is a transition term
 *   (`failoverSeconds`).
 * - A dependency from a node in region R₁ on a node in region R₂ ≠ R₁ also needs the R₁–R₂ link;
 *   a global node on either end needs no link.
 * - Active-passive data (datastores joined by `replicates` edges, one of them `active-passive` or
 *   `primary-replica`): a consumer is served by any member that works and that it can reach (the
 *   link to that member's region), whether the failover is automatic (default) or manual
 *   (`autoFailover: false`, a person promotes the standby): a manual failover is a failover that
 *   takes longer, and the time it takes is a transition term (`FailoverInfo.transitionSeconds`).
 *   The primary is the member with `role: primary`, else the first in file order.
 * - Active-active members (`replicates` edges, no passive member) are independent: a consumer
 *   uses the member its edge names and no link for asynchronous replication.
 * - Synchronous replication (`sync: true`) needs, for writes, the link to every peer member in
 *   another region: the member is counted as down while such a link is down (all requests are
 *   treated as needing writes, the conservative reading).
 * - `backs-up` edges and backup nodes are not in the request path.
 * - Planned maintenance (docs/availability.md "Planned maintenance"): a tier's windows are one
 *   event `<id>#maint` (down w × f / 8,760 h of the time); a window that is not rolling is one
 *   more event the tier needs, a rolling one takes a working instance out: the tier needs
 *   k + 1 working instances while it lasts.
 * - Common causes (docs/availability.md "Common causes"): a variant's `commonCause` event
 *   `cause:<id>` is one basic event that every node it affects needs (a region: every node placed
 *   in it); a tier with `betaFactor` β > 0 and two or more instances needs its event `<id>#ccf`
 *   (rate βλ, the whole tier at once) and each instance fails alone at (1 − β)λ (`betaSplit`).
 *
 * The structure is coherent (monotone): no negation is ever needed.
 *
 * The gates are interned in `expressions.ts`, the basic events registered and ordered in
 * `events.ts`; this module says which gates and events each node needs.
 */
import {
  betaFactor,
  betaSplit,
  commonCauseFigure,
  linkFailureFigure,
  maintenanceOf,
  MAINTENANCE_SUFFIX,
  nodeFailureFigure,
  routerFailoverSeconds,
  spreadsOverZones,
  tierSize,
  TIER_KINDS,
  warmupSeconds,
} from '../../model/nodes';
import { NODE_DEFAULTS } from '../../model/defaults';
import type { CommonCause, ModelNode, RegionLink } from '../../model/types';
import { EVENT_SLOT, Events } from './events';
import { Expressions, TRUE } from './expressions';
import type { FailoverGroup, ResolvedGraph } from './graph';
import type { EngineIssue } from '../types';
import type { FailoverInfo, InstancePlacement, RouterInfo, Structure } from './types';

const ROUTER = NODE_DEFAULTS.router;

/** Builds the structure of a resolved variant. Warnings (e.g. a router with no target) go to `issues`. */
export function buildStructure(graph: ResolvedGraph, issues: EngineIssue[]): Structure {
  return new Builder(graph, issues).build();
}

/** The model semantics of DESIGN.md, node by node, over the expressions and events. */
class Builder {
  private readonly exprs = new Expressions();
  private readonly events: Events;
  private readonly gateNames = new Map<number, string>();
  private readonly availMemo = new Map<string, number>();
  private readonly reachMemo = new Map<string, number>();
  private readonly instanceMemo = new Map<string, number>();
  private readonly routers: RouterInfo[] = [];
  private readonly failovers: FailoverInfo[] = [];
  private readonly failoverSeen = new Set<string>();
  private readonly tiers = new Map<
    string,
    {
      regionEvent?: number;
      instances: InstancePlacement[];
      maintenanceEvent?: number;
      rolling?: boolean;
    }
  >();
  private readonly regionIndex: Map<string, number>;
  private readonly linkSpecs: Map<string, RegionLink>;
  /** The common causes that affect each node or region, by its id. */
  private readonly causesOf = new Map<string, CommonCause[]>();

  constructor(
    private readonly graph: ResolvedGraph,
    private readonly issues: EngineIssue[],
  ) {
    this.regionIndex = new Map(graph.regions.map((r, i) => [r, i]));
    this.events = new Events(this.exprs, this.regionIndex);
    this.linkSpecs = new Map(
      (graph.variant.links ?? []).map((l) => [[l.a, l.b].sort().join('|'), l]),
    );
    for (const cause of graph.variant.commonCause ?? []) {
      for (const id of new Set(cause.affects)) {
        this.causesOf.set(id, [...(this.causesOf.get(id) ?? []), cause]);
      }
    }
  }

  build(): Structure {
    const top = this.avail(this.graph.variant.entry);
    const { events, renumber } = this.events.order();
    return {
      events,
      exprs: this.exprs.list,
      top,
      nodeExprs: this.availMemo,
      gateNames: this.gateNames,
      routers: this.routers,
      failovers: this.failovers,
      tiers: new Map(
        [...this.tiers].map(([id, t]) => [
          id,
          {
            regionEvent: t.regionEvent === undefined ? undefined : renumber(t.regionEvent),
            ...(t.maintenanceEvent === undefined
              ? {}
              : {
                  maintenance: { event: renumber(t.maintenanceEvent), rolling: t.rolling === true },
                }),
            instances: t.instances.map((inst) => ({
              event: renumber(inst.event),
              zoneEvent: inst.zoneEvent === undefined ? undefined : renumber(inst.zoneEvent),
            })),
          },
        ]),
      ),
    };
  }

  // ---- model semantics ---------------------------------------------------------------------

  private node(id: string): ModelNode {
    return this.graph.byId.get(id) as ModelNode;
  }

  private regionEvent(region: string): number {
    return this.events.leaf(
      region,
      'region',
      () => nodeFailureFigure(this.node(region)),
      region,
      EVENT_SLOT.region,
    );
  }

  private zoneEvent(zone: string): number {
    const region = this.graph.regionOf.get(zone);
    return this.events.leaf(
      zone,
      'zone',
      () => nodeFailureFigure(this.node(zone)),
      region,
      EVENT_SLOT.zone,
    );
  }

  /** The R₁–R₂ link as an expression: true within one region or when either end is global. */
  private link(from: string | undefined, to: string | undefined): number {
    if (from === undefined || to === undefined || from === to) return TRUE;
    const [a, b] = [from, to].sort() as [string, string];
    const spec = this.linkSpecs.get(`${a}|${b}`);
    const later = (this.regionIndex.get(a) ?? 0) > (this.regionIndex.get(b) ?? 0) ? a : b;
    return this.events.leaf(
      `link:${a}|${b}`,
      'link',
      () => linkFailureFigure(spec),
      later,
      EVENT_SLOT.regional,
    );
  }

  /** Instance `i` of `node` with its zone (the region is factored out by `own`). */
  private instance(node: ModelNode, i: number, instances: number): number {
    const name = instances > 1 ? `${node.id}#${i}` : node.id;
    const memo = this.instanceMemo.get(name);
    if (memo !== undefined) return memo;
    const region = this.graph.regionOf.get(node.id);
    const zones = region === undefined ? [] : (this.graph.zonesOf.get(region) ?? []);
    const directZone = this.graph.zoneOf.get(node.id);
    // Tiers and routers of two or more instances spread instances over zones; any other node
    // placed in a region is a regional managed service (a load balancer, object storage) that
    // spans the region's zones.
    const spreads = spreadsOverZones(node) && zones.length > 0;
    const zone = directZone ?? (spreads ? zones[i % zones.length] : undefined);
    const zoneExpr = zone === undefined ? TRUE : this.zoneEvent(zone);
    const beta = betaFactor(node);
    const figure = nodeFailureFigure(node);
    const own = this.events.leaf(
      name,
      'component',
      () => (beta > 0 ? betaSplit(figure, beta).independent : figure),
      region,
      EVENT_SLOT.instance,
    );
    if (zone !== undefined) {
      this.events.placeInZone(own, zoneExpr);
    }
    if (TIER_KINDS.has(node.kind)) {
      const tier = this.tiers.get(node.id) ?? {
        regionEvent:
          region === undefined ? undefined : this.exprs.eventOf(this.regionEvent(region)),
        instances: [],
      };
      tier.instances.push({
        event: this.exprs.eventOf(own),
        zoneEvent: zone === undefined ? undefined : this.exprs.eventOf(zoneExpr),
      });
      this.tiers.set(node.id, tier);
    }
    const expr = this.exprs.and([own, zoneExpr]);
    this.instanceMemo.set(name, expr);
    return expr;
  }

  /** The region every instance of `node` needs (true for a global node). */
  private regionOfNode(node: ModelNode): number {
    const region = this.graph.regionOf.get(node.id);
    return region === undefined ? TRUE : this.regionEvent(region);
  }

  /**
   * The node's own instances: k-of-n for tiers, the single instance otherwise; and the common
   * causes that fail all of them at once (its tier's `#ccf` event, the variant's causes that
   * affect it or its region).
   */
  private own(node: ModelNode): number {
    const { instances, minHealthy } = tierSize(node);
    const all = Array.from({ length: instances }, (_, i) => this.instance(node, i, instances));
    // Shared by every instance, the region and the common causes are taken out of the k-of-n:
    // smaller diagrams.
    return this.exprs.and([
      this.regionOfNode(node),
      ...this.commonCauses(node),
      this.exprs.atLeast(minHealthy, all),
      ...this.maintenance(node, minHealthy, all),
    ]);
  }

  /**
   * What `node`'s planned maintenance adds to its own expression: a window that takes the whole
   * node out is one more event the node needs; a rolling window takes one working instance out,
   * so while it lasts the node needs one working instance more: (window not under way) OR (at
   * least k + 1 of n work). The tier records the event for the capacity term.
   */
  private maintenance(node: ModelNode, minHealthy: number, all: readonly number[]): number[] {
    const maintenance = maintenanceOf(node);
    if (!maintenance) return [];
    const region = this.graph.regionOf.get(node.id);
    const event = this.events.leaf(
      `${node.id}${MAINTENANCE_SUFFIX}`,
      'maintenance',
      () => maintenance.figure,
      region,
      EVENT_SLOT.regional,
    );
    const tier = this.tiers.get(node.id);
    if (tier) {
      tier.maintenanceEvent = this.exprs.eventOf(event);
      tier.rolling = maintenance.rolling;
    }
    if (!maintenance.rolling) return [event];
    return [this.exprs.or([event, this.exprs.atLeast(minHealthy + 1, all)])];
  }

  /** The common-cause events `node` needs: its beta-factor event, then the variant's causes. */
  private commonCauses(node: ModelNode): number[] {
    const region = this.graph.regionOf.get(node.id);
    const events: number[] = [];
    const beta = betaFactor(node);
    if (beta > 0) {
      const common = betaSplit(nodeFailureFigure(node), beta).common;
      events.push(
        this.events.leaf(
          `${node.id}#ccf`,
          'common-cause',
          () => common,
          region,
          EVENT_SLOT.regional,
        ),
      );
    }
    const causes = [
      ...(this.causesOf.get(node.id) ?? []),
      ...(region === undefined ? [] : (this.causesOf.get(region) ?? [])),
    ];
    for (const cause of new Set(causes)) {
      events.push(
        this.events.leaf(
          `cause:${cause.id}`,
          'common-cause',
          () => commonCauseFigure(cause),
          undefined,
          EVENT_SLOT.region,
        ),
      );
    }
    return events;
  }

  /** "`id` works": itself and its dependencies (routers: k of their targets). */
  private avail(id: string): number {
    const memo = this.availMemo.get(id);
    if (memo !== undefined) return memo;
    const node = this.node(id);
    const region = this.graph.regionOf.get(id);
    const deps = this.graph.dependsOn.get(id) ?? [];
    let expr: number;
    if (node.kind === 'router') {
      const targets = deps.map((t) => ({ nodeId: t, expr: this.reach(region, t) }));
      if (targets.length === 0) {
        this.issues.push({
          code: 'router-without-targets',
          severity: 'warning',
          nodeIds: [id],
          message: `router "${id}" has no depends targets, so it never works`,
        });
      }
      this.routers.push({
        routerId: id,
        detectionSeconds:
          (node.healthCheckSeconds ?? (ROUTER.healthCheckSeconds?.value as number)) *
            (node.failureThreshold ?? (ROUTER.failureThreshold?.value as number)) +
          (node.dnsTtlSeconds ?? (ROUTER.dnsTtlSeconds?.value as number)),
        targets,
      });
      const k = node.minTargets ?? (ROUTER.minTargets?.value as number);
      expr = this.exprs.and([
        this.own(node),
        this.exprs.atLeast(
          k,
          targets.map((t) => t.expr),
        ),
      ]);
      this.noteRouterFailover(node);
    } else {
      const parts = [this.own(node), ...deps.map((d) => this.reach(region, d))];
      if (node.kind === 'datastore' && node.sync === true) {
        for (const peer of this.graph.replicaPeers.get(id) ?? []) {
          parts.push(this.link(region, this.graph.regionOf.get(peer)));
        }
      }
      expr = this.exprs.and(parts);
      this.noteTierFailover(node);
    }
    this.availMemo.set(id, expr);
    if (!this.gateNames.has(expr)) this.gateNames.set(expr, id);
    return expr;
  }

  /** A single data tier with a primary and replicas in one node fails over from instance #0. */
  private noteTierFailover(node: ModelNode): void {
    if (node.kind !== 'datastore' || this.graph.groupOf.has(node.id)) return;
    const mode = node.replication ?? 'none';
    const { instances } = tierSize(node);
    if ((mode !== 'active-passive' && mode !== 'primary-replica') || instances < 2) return;
    if (node.autoFailover === false) return;
    this.noteInstanceFailover(
      node,
      node.failoverSeconds ?? (NODE_DEFAULTS.datastore.failoverSeconds?.value as number),
    );
  }

  /**
   * A router of two or more instances (a self-managed pair with a floating address) moves the
   * address when the instance holding it, #0, stops: each such failure costs `failoverSeconds`.
   */
  private noteRouterFailover(node: ModelNode): void {
    const failoverSeconds = routerFailoverSeconds(node);
    if (failoverSeconds !== undefined) this.noteInstanceFailover(node, failoverSeconds);
  }

  /** An automatic failover off `node`'s instance #0 (with its region) in `failoverSeconds`. */
  private noteInstanceFailover(node: ModelNode, failoverSeconds: number): void {
    const { instances } = tierSize(node);
    this.failovers.push({
      nodeIds: [node.id],
      primaryExpr: this.exprs.and([this.instance(node, 0, instances), this.regionOfNode(node)]),
      failoverSeconds,
      transitionSeconds: failoverSeconds,
      manual: false,
    });
  }

  /**
   * A replication group fails over from its primary to its first standby. To first order (the
   * primary's repair is slower than the promotion, and only the primary has failed) each failure
   * of the primary costs the promotion, plus, when a person promotes, the standby's warm-up. When
   * the primary comes back sooner than that, the term overstates the loss.
   */
  private noteGroupFailover(group: FailoverGroup): void {
    const [primary, standby] = group.members as [string, string];
    if (this.failoverSeen.has(primary)) return;
    this.failoverSeen.add(primary);
    const warmup = group.isAutomatic ? 0 : warmupSeconds(this.node(standby));
    this.failovers.push({
      nodeIds: group.members,
      primaryExpr: this.avail(primary),
      failoverSeconds: group.failoverSeconds,
      transitionSeconds: group.failoverSeconds + warmup,
      manual: !group.isAutomatic,
    });
  }

  /** "`id` works, as seen from a consumer in region `from`" (undefined: a global consumer). */
  private reach(from: string | undefined, id: string): number {
    const key = `${from ?? ''}>${id}`;
    const memo = this.reachMemo.get(key);
    if (memo !== undefined) return memo;
    const group = this.graph.groupOf.get(id);
    let expr: number;
    if (group) {
      expr = this.exprs.or(
        group.members.map((m) =>
          this.exprs.and([this.avail(m), this.link(from, this.graph.regionOf.get(m))]),
        ),
      );
      this.noteGroupFailover(group);
    } else {
      expr = this.exprs.and([this.avail(id), this.link(from, this.graph.regionOf.get(id))]);
    }
    this.reachMemo.set(key, expr);
    if (!this.gateNames.has(expr)) this.gateNames.set(expr, `${id} from ${from ?? 'global'}`);
    return expr;
  }
}
