/**
 * The roles the diagram marks, read from the model the way the engine reads it: which regions
 * are on standby (no traffic while another region has some, the cost engine's rule), which
 * datastores are passive members of a failover group (every member but the primary, the
 * engine's `FailoverGroup`), which of them run scaled down, and how each `replicates` edge
 * replicates (Active-Active or to a passive member) and promotes (a person, or by itself).
 * The canvas and the exports draw the same marks from it.
 */
import { resolveGraph } from '../../engine';
import type { EngineIssue } from '../../engine';
import { tierSize, TIER_KINDS } from '../../model/nodes';
import type { Edge, ModelNode, Variant } from '../../model/types';

/** Replication modes with a passive member (the engine's failover groups). */
const PASSIVE_MODES: ReadonlySet<string> = new Set(['active-passive', 'primary-replica']);

/** What a region does with the requests: serves its share, or waits on standby with none. */
export interface RegionRole {
  /** Share of all requests the region serves, in [0, 1]. */
  readonly share: number;
  /** True when the region serves none while another region serves some. */
  readonly isStandby: boolean;
}

/** A tier that runs fewer instances than it will once it takes over. */
export interface ScaledDown {
  /** Instances it runs now. */
  readonly instances: number;
  /** Instances it runs after taking over: `maxInstances`, or its primary's instances. */
  readonly full: number;
}

/** How a `replicates` edge replicates and how its far side takes over. */
export interface ReplicationRole {
  /** `active-active`: both members serve (no passive member); `passive`: to a standby. */
  readonly mode: 'active-active' | 'passive';
  /** A person promotes the standby (the edge's `failover`, else the primary's `autoFailover`). */
  readonly isManual: boolean;
}

/** Every role the diagram marks in one variant. */
export interface DiagramRoles {
  /** Each region's role by id; empty when the regions all serve the same share (or one does). */
  readonly regions: ReadonlyMap<string, RegionRole>;
  /** Components on standby: passive datastores and every component of a standby region. */
  readonly standby: ReadonlySet<string>;
  /** Standby tiers that run scaled down, by id. */
  readonly scaledDown: ReadonlyMap<string, ScaledDown>;
  /** Each `replicates` edge's role, keyed by {@link replicationKey}. */
  readonly replication: ReadonlyMap<string, ReplicationRole>;
  /** How each member of a passive replication is promoted (`manual` when any edge says so). */
  readonly promotion: ReadonlyMap<string, 'manual' | 'automatic'>;
}

/** What a card's role badge says, and whether the card is drawn as standby. */
export interface CardRole {
  /** A datastore on standby (drawn muted); false for a tier that is only scaled down. */
  readonly isStandby: boolean;
  /** `Standby, promoted by hand, 1 of 2`, `Scaled down, 1 of 15`. */
  readonly role: string;
}

/** The role badge of component `id`, or undefined when it has none. */
export function cardRole(
  roles: DiagramRoles,
  node: Pick<ModelNode, 'id' | 'kind'>,
): CardRole | undefined {
  const isStandby = node.kind === 'datastore' && roles.standby.has(node.id);
  const scaled = roles.scaledDown.get(node.id);
  if (!isStandby && !scaled) return undefined;
  const how = roles.promotion.get(node.id);
  const parts = [
    isStandby ? 'Standby' : 'Scaled down',
    ...(isStandby && how === 'manual' ? ['promoted by hand'] : []),
    ...(scaled ? [`${scaled.instances} of ${scaled.full}`] : []),
  ];
  return { isStandby, role: parts.join(', ') };
}

/** The key of a `replicates` edge in {@link DiagramRoles.replication}. */
export function replicationKey(edge: Pick<Edge, 'from' | 'to'>): string {
  return `${edge.from}>${edge.to}`;
}

/**
 * The roles of `variant` with each region's share of the requests (`regionTrafficShares` of
 * shared/model/traffic.ts). A variant whose graph cannot be resolved (no entry, a cycle) has no
 * failover groups; its datastores then count as standby by their own `role: standby` only.
 */
export function diagramRoles(variant: Variant, shares: ReadonlyMap<string, number>): DiagramRoles {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const hasTraffic = [...shares.values()].some((s) => s > 0);
  const regions = new Map<string, RegionRole>();
  // Regions that all serve the same share need no mark; a design of one region neither.
  const isEven = new Set(shares.values()).size <= 1;
  if (shares.size > 1 && !isEven) {
    for (const [id, share] of shares)
      regions.set(id, { share, isStandby: hasTraffic && share === 0 });
  }
  const regionOf = (node: ModelNode): string | undefined => {
    const seen = new Set<string>();
    for (let at: ModelNode | undefined = node; at && !seen.has(at.id);) {
      if (at.kind === 'region') return at.id;
      seen.add(at.id);
      at = at.parent === undefined ? undefined : byId.get(at.parent);
    }
    return undefined;
  };

  const issues: EngineIssue[] = [];
  const groupOf = resolveGraph(variant, issues)?.groupOf ?? new Map();
  const standby = new Set<string>();
  const scaledDown = new Map<string, ScaledDown>();
  for (const node of variant.nodes) {
    if (node.kind === 'region' || node.kind === 'zone') continue;
    const region = regionOf(node);
    const group = groupOf.get(node.id);
    const isPassive =
      node.kind === 'datastore' && (group ? group.members[0] !== node.id : node.role === 'standby');
    const inStandbyRegion = region !== undefined && regions.get(region)?.isStandby === true;
    if (!isPassive && !inStandbyRegion) continue;
    standby.add(node.id);
    if (!TIER_KINDS.has(node.kind)) continue;
    const { instances } = tierSize(node);
    const primary = group ? byId.get(group.members[0]) : undefined;
    const max = 'maxInstances' in node ? node.maxInstances : undefined;
    const full = Math.max(max ?? 0, primary ? tierSize(primary).instances : 0);
    if (full > instances) scaledDown.set(node.id, { instances, full });
  }

  const replication = new Map<string, ReplicationRole>();
  const promotion = new Map<string, 'manual' | 'automatic'>();
  for (const edge of variant.edges) {
    if (edge.kind !== 'replicates') continue;
    const group = groupOf.get(edge.from) ?? groupOf.get(edge.to);
    const ends = [byId.get(edge.from), byId.get(edge.to)].filter((n) => n?.kind === 'datastore');
    const isPassive =
      group !== undefined ||
      ends.some((end) => end?.kind === 'datastore' && PASSIVE_MODES.has(end.replication ?? 'none'));
    // The primary: the group's, else the end that says so, else the edge's source.
    const primary = group
      ? byId.get(group.members[0])
      : (ends.find((end) => end?.kind === 'datastore' && end.role === 'primary') ?? ends[0]);
    const ownManual = primary?.kind === 'datastore' && primary.autoFailover === false;
    replication.set(replicationKey(edge), {
      mode: isPassive ? 'passive' : 'active-active',
      isManual: isPassive && (edge.failover ? edge.failover === 'manual' : ownManual),
    });
    const role = replication.get(replicationKey(edge));
    if (!role || role.mode !== 'passive') continue;
    for (const end of [edge.from, edge.to]) {
      if (promotion.get(end) !== 'manual')
        promotion.set(end, role.isManual ? 'manual' : 'automatic');
    }
  }
  return { regions, standby, scaledDown, replication, promotion };
}
