/**
 * The state of one import while the mappers run: the nodes and edges drafted so far (keyed by
 * the Terraform address that made them, ids are given at assembly), the assumptions and
 * warnings, which resources were used, and the helpers every mapper shares (region, zones
 * from subnets, assumed values).
 */
import { regionOfZone, resolveRegion } from './placement';
import type { ResourceIndex } from './resources';
import { str, strings } from './resources';
import type { ImportOptions, TfResource } from './types';

/** The kinds of node a mapper makes (regions and zones are made at assembly). */
export type DraftKind = 'router' | 'service' | 'datastore' | 'backup';

/** A node before it has an id and a parent. */
export interface DraftNode {
  /** The address of the resource that made it: its key until assembly. */
  readonly key: string;
  readonly addresses: string[];
  readonly kind: DraftKind;
  /** The id it would like, e.g. `asg-app-use1` (made unique at assembly). */
  readonly idHint: string;
  readonly name: string;
  readonly provider: 'aws' | 'azure' | 'gcp';
  /** Region location (`us-east-1`); undefined for a global node. */
  readonly region?: string;
  /**
   * Zones the tier spans (zone names); `unknown` when it names subnets or zones that could not
   * be resolved; undefined for a node that is not zonal (a regional managed service, a router).
   */
  zones?: readonly string[] | 'unknown';
  readonly fields: Record<string, unknown>;
  readonly notes: string[];
  /** Security groups of the tier, for the app → datastore inference. */
  securityGroups?: readonly TfResource[];
  /** Port a datastore listens on, for the inference. */
  port?: number;
}

export interface DraftEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'depends' | 'replicates' | 'backs-up';
  /** Set on edges inferred from a signal other than an explicit reference. */
  readonly inferredWhy?: string;
  /** `replicates` only: how the far side is promoted, and how long it takes (seconds). */
  readonly failover?: 'automatic' | 'manual';
  readonly failoverSeconds?: number;
}

export interface DraftAssumption {
  readonly key: string;
  readonly field: string;
  readonly value: string | number | boolean;
  readonly why: string;
}

export interface DraftWarning {
  readonly code: string;
  readonly key?: string;
  readonly address?: string;
  readonly message: string;
}

/** How requests split between regions, from a router's routing policy (region location → weight). */
export interface TrafficSplit {
  readonly routerKey: string;
  readonly weights: ReadonlyMap<string, number>;
  readonly why: string;
}

export class ImportContext {
  readonly nodes: DraftNode[] = [];
  readonly edges: DraftEdge[] = [];
  readonly assumptions: DraftAssumption[] = [];
  readonly warnings: DraftWarning[] = [];
  readonly trafficSplits: TrafficSplit[] = [];
  /** Addresses read to make or link a node (subnets, target groups, health checks…) → node key. */
  readonly used = new Map<string, string | undefined>();
  /** Zone names seen per region location (subnets, tiers' zone lists). */
  readonly zonesByRegion = new Map<string, Set<string>>();
  /** Region locations in the order they were first met. */
  readonly regions: string[] = [];
  /** Target-group address → the tiers registered in it (ASG, ECS, instances). */
  readonly targets = new Map<string, DraftNode[]>();
  private readonly byKey = new Map<string, DraftNode>();

  constructor(
    readonly index: ResourceIndex,
    readonly options: ImportOptions,
  ) {}

  /** Adds a node; its addresses count as mapped. */
  add(node: DraftNode): DraftNode {
    this.nodes.push(node);
    this.byKey.set(node.key, node);
    for (const address of node.addresses) this.used.set(address, node.key);
    if (node.region) this.noteRegion(node.region);
    if (node.region && Array.isArray(node.zones)) this.noteZones(node.region, node.zones);
    return node;
  }

  /** Records that `tier` registers in target group `group`. */
  target(group: TfResource, tier: DraftNode): void {
    const tiers = this.targets.get(group.address) ?? [];
    if (!tiers.includes(tier)) this.targets.set(group.address, [...tiers, tier]);
  }

  node(key: string): DraftNode | undefined {
    return this.byKey.get(key);
  }

  /** The node `r` made, if any. */
  nodeOf(r: TfResource): DraftNode | undefined {
    const key = this.used.get(r.address);
    return key === undefined ? undefined : this.byKey.get(key);
  }

  /** Marks `r` as read for `node` (it makes no node of its own). */
  use(r: TfResource, node?: DraftNode): void {
    if (!this.used.has(r.address)) this.used.set(r.address, node?.key);
    if (node && !node.addresses.includes(r.address)) node.addresses.push(r.address);
  }

  edge(
    from: DraftNode,
    to: DraftNode,
    kind: DraftEdge['kind'],
    inferredWhy?: string,
    promotion?: Pick<DraftEdge, 'failover' | 'failoverSeconds'>,
  ): void {
    if (from.key === to.key) return;
    const exists = this.edges.some(
      (e) => e.from === from.key && e.to === to.key && e.kind === kind,
    );
    if (!exists) {
      this.edges.push({
        from: from.key,
        to: to.key,
        kind,
        ...(inferredWhy ? { inferredWhy } : {}),
        ...promotion,
      });
    }
  }

  /** Sets a field Terraform does not state, and records it as an assumption and a note. */
  assume(node: DraftNode, field: string, value: string | number | boolean, why: string): void {
    node.fields[field] = value;
    this.assumptions.push({ key: node.key, field, value, why });
    node.notes.push(`assumed ${field} = ${String(value)} (${why})`);
  }

  /** Spreads `node` over `zones` when they are known, noting them as zones of its region. */
  spread(node: DraftNode, zones: DraftNode['zones']): void {
    if (zones === undefined) return;
    node.zones = zones;
    if (Array.isArray(zones) && node.region !== undefined) this.noteZones(node.region, zones);
  }

  /** Sets `field` to the value Terraform states, else to `fallback` as an assumption (`why`). */
  stated(node: DraftNode, field: string, value: number | undefined, fallback: number, why: string) {
    if (value !== undefined) node.fields[field] = value;
    else this.assume(node, field, fallback, why);
  }

  /**
   * Records a value Terraform does not state that is set on an edge (not a node field): an
   * assumption about node `key`, with a note on it.
   */
  assumeOnEdge(node: DraftNode, field: string, value: string | number, why: string): void {
    this.assumptions.push({ key: node.key, field, value, why });
    node.notes.push(`assumed ${field} = ${String(value)} (${why})`);
  }

  warn(code: string, message: string, where: { node?: DraftNode; address?: string } = {}): void {
    this.warnings.push({
      code,
      message,
      ...(where.node ? { key: where.node.key } : {}),
      ...(where.address ? { address: where.address } : {}),
    });
    if (where.node) where.node.notes.push(`warning ${code}: ${message}`);
  }

  noteRegion(region: string): void {
    if (!this.regions.includes(region)) this.regions.push(region);
  }

  noteZones(region: string, zones: readonly string[]): void {
    this.noteRegion(region);
    const set = this.zonesByRegion.get(region) ?? new Set<string>();
    for (const zone of zones) set.add(zone);
    this.zonesByRegion.set(region, set);
  }

  /**
   * The region of `r` by the resolution rules; undefined (with warning `region-unresolved`)
   * when none applies. A region from `--default-region` is an assumption of the node made.
   */
  region(r: TfResource): { region: string; fromDefault: boolean } | undefined {
    const found = resolveRegion(r, this.options.defaultRegion);
    if (!found) {
      this.warn(
        'region-unresolved',
        `${r.address}: no region in the resource, its provider, its ARN or its zone; skipped (give --default-region)`,
        { address: r.address },
      );
      return undefined;
    }
    return { region: found.region, fromDefault: found.source === 'default' };
  }

  /**
   * The AWS zones that subnets named by attribute `path` of `r` are in (a subnet's
   * `availability_zone`, found by id or, in a plan, by configuration reference); `unknown` when
   * the attribute names subnets none of which resolves; undefined when it names none.
   */
  subnetZones(r: TfResource, path: string, node?: DraftNode): string[] | 'unknown' | undefined {
    const subnets = this.index.linked(r, path, 'id', ['aws_subnet']);
    const named = strings(r, path).length > 0 || subnets.length > 0;
    const zones = new Set<string>();
    for (const subnet of subnets) {
      this.use(subnet);
      const zone = str(subnet, 'availability_zone');
      if (zone) zones.add(zone);
    }
    if (zones.size > 0) return [...zones].sort();
    if (!named) return undefined;
    this.warn(
      'az-unknown',
      `${r.address}: the zones of its subnets (${path}) are not known; placed in its region`,
      { address: r.address, ...(node ? { node } : {}) },
    );
    return 'unknown';
  }

  /** Zone names of a list attribute (e.g. `availability_zones`), sorted, those of `region` only. */
  zoneList(r: TfResource, path: string, region: string): string[] | undefined {
    const zones = strings(r, path).filter((z) => (regionOfZone(z) ?? region) === region);
    return zones.length > 0 ? [...new Set(zones)].sort() : undefined;
  }
}
