/**
 * The resolved request graph of one variant: placement (region, zone) of every node, the
 * `depends` targets in file order, the replication groups of datastores, and the problems that
 * stop an evaluation (missing entry, dependency cycle, dangling references). Everything the
 * structure, traffic and capacity modules need to read from the model is read here, once.
 */
import { nodeDefault } from '../../model/defaults';
import { findCycle } from '../../model/invariants';
import type { DatastoreNode, Edge, ModelNode, Variant } from '../../model/types';
import { formatCount, formatNumber } from '../../text';
import type { EngineIssue } from '../types';
import {
  MAX_PATH_LENGTH,
  MAX_REQUEST_CLASSES,
  requestClasses,
  type RequestClasses,
} from './request-classes';

/** A group of datastores joined by `replicates` edges whose consumers may use any member. */
export interface FailoverGroup {
  /** Member node ids, primary first, then file order. */
  readonly members: readonly string[];
  /**
   * True when a standby takes over without a person: the `failover` of the `replicates` edge
   * between the primary and the first standby when it says, else the primary's `autoFailover`
   * (default true). Either way consumers may be served by any member; a manual failover only
   * takes longer.
   */
  readonly isAutomatic: boolean;
  /**
   * Time to promote a standby once the primary has failed, seconds: the edge's `failoverSeconds`,
   * else the primary's when the edge does not change the mode, else the documented default of the
   * mode (`nodeDefault`): detection and promotion when automatic, a person's promotion when
   * manual (the decision is counted apart).
   */
  readonly failoverSeconds: number;
  /** The `replicates` edge whose `failover` or `failoverSeconds` set the promotion, if any. */
  readonly promotionEdge?: Edge;
}

/** A variant with its references resolved. */
export interface ResolvedGraph {
  readonly variant: Variant;
  readonly byId: ReadonlyMap<string, ModelNode>;
  /** Region ids in file order. */
  readonly regions: readonly string[];
  /** Zone ids of each region, in file order. */
  readonly zonesOf: ReadonlyMap<string, readonly string[]>;
  /** Region a node sits in (directly or through its zone); absent for global nodes. */
  readonly regionOf: ReadonlyMap<string, string>;
  /** Zone a node is placed in directly; absent when placed in a region or global. */
  readonly zoneOf: ReadonlyMap<string, string>;
  /** `depends` targets of each node, file order, duplicates and dangling ends removed. */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
  /** The active-passive group a datastore belongs to, when its group has two or more members. */
  readonly groupOf: ReadonlyMap<string, FailoverGroup>;
  /** Peers of each datastore through `replicates` edges (either direction), file order. */
  readonly replicaPeers: ReadonlyMap<string, readonly string[]>;
  /** The routes requests take from the entry through the routers (see request-classes.ts). */
  readonly requests: RequestClasses;
}

const PASSIVE_MODES = new Set(['active-passive', 'primary-replica']);

/**
 * Resolves `variant`; returns the graph, or undefined with `error` issues when the structure
 * cannot be built (no entry, a cycle). Dangling references are dropped with a warning.
 */
export function resolveGraph(variant: Variant, issues: EngineIssue[]): ResolvedGraph | undefined {
  const byId = new Map<string, ModelNode>();
  for (const node of variant.nodes) if (!byId.has(node.id)) byId.set(node.id, node);

  const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
  const zonesOf = new Map<string, string[]>(regions.map((r) => [r, []]));
  const regionOf = new Map<string, string>();
  const zoneOf = new Map<string, string>();
  for (const node of byId.values()) {
    const parent = node.parent === undefined ? undefined : byId.get(node.parent);
    if (node.kind === 'zone') {
      if (parent?.kind === 'region') {
        zonesOf.get(parent.id)?.push(node.id);
        regionOf.set(node.id, parent.id);
      }
    } else if (node.kind !== 'region' && parent) {
      if (parent.kind === 'region') regionOf.set(node.id, parent.id);
      else if (parent.kind === 'zone' && parent.parent !== undefined) {
        const region = byId.get(parent.parent);
        if (region?.kind === 'region') {
          zoneOf.set(node.id, parent.id);
          regionOf.set(node.id, region.id);
        }
      }
    }
  }

  const dependsOn = new Map<string, string[]>();
  const replicaPeers = new Map<string, string[]>();
  const addUnique = (map: Map<string, string[]>, key: string, value: string): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(value)) list.push(value);
    map.set(key, list);
  };
  for (const edge of variant.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to || edge.from === edge.to) {
      issues.push({
        code: 'dangling-edge',
        severity: 'warning',
        nodeIds: [edge.from, edge.to].filter((id) => byId.has(id)),
        message: `edge ${edge.from} → ${edge.to} is ignored: it does not join two nodes of the variant`,
      });
      continue;
    }
    if (edge.kind === 'depends') addUnique(dependsOn, edge.from, edge.to);
    else if (edge.kind === 'replicates' && from.kind === 'datastore' && to.kind === 'datastore') {
      addUnique(replicaPeers, edge.from, edge.to);
      addUnique(replicaPeers, edge.to, edge.from);
    }
  }

  const entry = byId.get(variant.entry);
  if (!entry) {
    issues.push({
      code: 'missing-entry',
      severity: 'error',
      nodeIds: [],
      message: `the entry "${variant.entry}" names no node of variant "${variant.id}"`,
    });
    return undefined;
  }
  const groupOf = failoverGroups(variant, byId, replicaPeers);
  // A consumer of a group needs the members it may be served by: cycles through them count.
  const needs = new Map<string, string[]>();
  for (const [from, targets] of dependsOn) {
    needs.set(
      from,
      targets.flatMap((t) => {
        const group = groupOf.get(t);
        return group ? [...group.members] : [t];
      }),
    );
  }
  // A cycle on the way from the entry stops the evaluation; one elsewhere (through a
  // replication group, which the file's own checks do not see) does not affect the service.
  const cycle = findCycle([entry.id], needs);
  if (cycle) {
    issues.push({
      code: 'dependency-cycle',
      severity: 'error',
      nodeIds: [...new Set(cycle)],
      message: `dependency cycle: ${cycle.join(' → ')}`,
    });
    return undefined;
  }
  const elsewhere = findCycle([...byId.keys()], needs);
  if (elsewhere) {
    issues.push({
      code: 'dependency-cycle',
      severity: 'warning',
      nodeIds: [...new Set(elsewhere)],
      message: `dependency cycle outside the request path: ${elsewhere.join(' → ')}`,
    });
  }

  // A consumer of an active-passive group sends its requests to the primary.
  const served = (d: string): string => groupOf.get(d)?.members[0] ?? d;
  const requests = requestClasses(entry.id, (id) =>
    (dependsOn.get(id) ?? []).map((t) =>
      byId.get(id)?.kind === 'router' ? { to: served(t), choice: `${id}>${t}` } : { to: served(t) },
    ),
  );
  if ('exceeded' in requests) {
    issues.push({
      code: 'over-limit',
      severity: 'error',
      nodeIds: [],
      message:
        requests.exceeded === 'path'
          ? `a request path from the entry passes ${formatCount(requests.longestPath, 'node')}, more than the ${formatNumber(MAX_PATH_LENGTH)} Nines evaluates: a chain of dependencies that long is usually a modelling mistake`
          : `the routers' choices give requests more than ${formatCount(MAX_REQUEST_CLASSES, 'distinct route')} through the design, the most Nines evaluates: fewer layers of routers with many targets each, or fewer targets per router, bring it under the limit`,
    });
    return undefined;
  }

  return {
    variant,
    byId,
    regions,
    zonesOf,
    regionOf,
    zoneOf,
    dependsOn,
    groupOf,
    replicaPeers,
    requests,
  };
}

/** Connected components of `replicates` edges with an active-passive or primary-replica member. */
function failoverGroups(
  variant: Variant,
  byId: ReadonlyMap<string, ModelNode>,
  peers: ReadonlyMap<string, readonly string[]>,
): Map<string, FailoverGroup> {
  const groupOf = new Map<string, FailoverGroup>();
  const seen = new Set<string>();
  for (const node of variant.nodes) {
    if (node.kind !== 'datastore' || seen.has(node.id) || !peers.has(node.id)) continue;
    const component: string[] = [];
    const stack = [node.id];
    seen.add(node.id);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      component.push(id);
      for (const peer of peers.get(id) ?? []) {
        if (!seen.has(peer)) {
          seen.add(peer);
          stack.push(peer);
        }
      }
    }
    const order = new Map(variant.nodes.map((n, i) => [n.id, i]));
    const members = component
      .map((id) => byId.get(id) as DatastoreNode)
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    if (!members.some((m) => PASSIVE_MODES.has(m.replication ?? 'none'))) continue;
    const primary = members.find((m) => m.role === 'primary') ?? (members[0] as DatastoreNode);
    const ordered = [primary.id, ...members.filter((m) => m !== primary).map((m) => m.id)];
    const group: FailoverGroup = { members: ordered, ...promotion(variant, primary, ordered[1]) };
    for (const m of members) groupOf.set(m.id, group);
  }
  return groupOf;
}

/**
 * How the first standby takes over from the primary: the `replicates` edge between them, when it
 * gives `failover` or `failoverSeconds`, overrides the primary's in-region settings (an automatic
 * in-region failover, a manual cross-region promotion); else the primary's `autoFailover` and
 * `failoverSeconds`, defaults applied.
 */
function promotion(
  variant: Variant,
  primary: DatastoreNode,
  standby: string | undefined,
): Pick<FailoverGroup, 'isAutomatic' | 'failoverSeconds' | 'promotionEdge'> {
  const ownMode = primary.autoFailover ?? true;
  const edge = variant.edges.find(
    (e) =>
      e.kind === 'replicates' &&
      ((e.from === primary.id && e.to === standby) ||
        (e.from === standby && e.to === primary.id)) &&
      (e.failover !== undefined || e.failoverSeconds !== undefined),
  );
  const isAutomatic = edge?.failover === undefined ? ownMode : edge.failover === 'automatic';
  // The primary's own figure holds while the edge keeps its mode; a changed mode takes the
  // documented default of the new one (a person's promotion: 900 s; automatic: 30 s).
  const ownSeconds = isAutomatic === ownMode ? primary.failoverSeconds : undefined;
  const failoverSeconds =
    edge?.failoverSeconds ??
    ownSeconds ??
    (nodeDefault('datastore', 'failoverSeconds', { ...primary, autoFailover: isAutomatic })
      ?.value as number);
  return { isAutomatic, failoverSeconds, ...(edge ? { promotionEdge: edge } : {}) };
}
