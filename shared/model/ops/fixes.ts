/**
 * The advisor's fixes as pure document operations: each `FixOp` is a serialisable description
 * (the app keeps it in a finding, previews it and applies it as one undoable step) and
 * `applyFix` turns it into a new document, leaving the given one untouched. Every operation
 * keeps the document valid: ids stay unique, edges stay unrepeated, layout keys name nodes.
 * See docs/advisor.md for which finding proposes which operation.
 */
import { NODE_DEFAULTS } from '../defaults';
import type {
  BackupNode,
  DatastoreNode,
  Edge,
  ModelNode,
  NinesDocument,
  Position,
  RegionLink,
  RouterNode,
  Variant,
} from '../types';

/** A serialisable model operation proposed by the advisor. */
export type FixOp =
  /** Place a tier in a region (its instances spread over the region's zones) with `instances`. */
  | {
      readonly kind: 'spread-tier';
      readonly nodeId: string;
      readonly regionId: string;
      readonly instances: number;
    }
  /** Set a tier's instance count (its `minHealthy` is kept). */
  | { readonly kind: 'scale-tier'; readonly nodeId: string; readonly instances: number }
  /** Point the consumer's `depends` edge at another member of the same replication group. */
  | {
      readonly kind: 'use-local-member';
      readonly consumerId: string;
      readonly dependencyId: string;
      readonly memberId: string;
    }
  /**
   * Copy the dependency into the consumer's region under `newId` (with its own dependencies;
   * a datastore copy replicates from the original) and point the consumer at the copy.
   */
  | {
      readonly kind: 'add-local-copy';
      readonly consumerId: string;
      readonly dependencyId: string;
      readonly regionId: string;
      readonly newId: string;
    }
  /** Make the replication of these datastores asynchronous (`sync: false`). */
  | { readonly kind: 'set-async'; readonly nodeIds: readonly string[] }
  /** Set the bandwidth of the link between regions `a` and `b`, Mbit/s. */
  | {
      readonly kind: 'set-link-bandwidth';
      readonly a: string;
      readonly b: string;
      readonly bandwidthMbps: number;
    }
  /**
   * Add a backup `backupId` that backs up the datastore, every `intervalSeconds` (absent: daily,
   * the documented default), kept 7 days, placed in `regionId` (absent: global, like the
   * datastore).
   */
  | {
      readonly kind: 'add-backup';
      readonly datastoreId: string;
      readonly backupId: string;
      readonly regionId?: string;
      readonly intervalSeconds?: number;
    }
  /** Set a backup's interval, seconds. */
  | {
      readonly kind: 'set-backup-interval';
      readonly backupId: string;
      readonly intervalSeconds: number;
    }
  /** Set a backup's restore throughput, MB/s. */
  | {
      readonly kind: 'set-restore-throughput';
      readonly backupId: string;
      readonly restoreThroughputMBps: number;
    }
  /** Give the datastore a witness (quorum) in a third location. */
  | { readonly kind: 'set-witness'; readonly nodeId: string }
  /** Turn on automatic failover of these datastores. */
  | { readonly kind: 'set-auto-failover'; readonly nodeIds: readonly string[] }
  /**
   * Stage a common cause region by region (rollouts one region at a time): the cause becomes one
   * cause per region it affects, `<id>-<region>`, each with its MTBF and MTTR (`stageCommonCause`).
   */
  | { readonly kind: 'stage-common-cause'; readonly causeId: string }
  /**
   * Roll the planned maintenance of tier `nodeId` one instance at a time (`maintenance.rolling`)
   * with `instances` instances (its `minHealthy` is kept): one more than it needs, so that the
   * instance a window takes out can be spared.
   */
  | { readonly kind: 'roll-maintenance'; readonly nodeId: string; readonly instances: number }
  /**
   * Add a second DNS provider beside router `routerId` (`addDnsProvider`): a router `newId` with
   * the same targets, routing and availability figure, and a resolver-side choice `resolverId`
   * between the two that takes the router's place (the entry, its consumers' edges).
   */
  | {
      readonly kind: 'add-dns-provider';
      readonly routerId: string;
      readonly newId: string;
      readonly resolverId: string;
    };

/** Vertical offset of a node the advisor adds below the node it belongs to, px. */
const ADDED_NODE_OFFSET_Y = 110;

/**
 * Applies `op` to variant `variantId` of `doc` and returns the new document. Throws when the op
 * names a variant or node that does not exist, or a node of the wrong kind (the op is stale:
 * a programmer error, since ops come from `advise` on the same document).
 */
export function applyFix(doc: NinesDocument, variantId: string, op: FixOp): NinesDocument {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`applyFix: no variant "${variantId}"`);
  const next = applyToVariant(doc, variant, op);
  return { ...doc, variants: doc.variants.map((v) => (v === variant ? next : v)) };
}

function applyToVariant(doc: NinesDocument, variant: Variant, op: FixOp): Variant {
  switch (op.kind) {
    case 'spread-tier': {
      const node = tierNode(variant, op.nodeId);
      nodeOfKind(variant, op.regionId, 'region');
      const moved = { ...node, parent: op.regionId, instances: op.instances };
      return withLayoutInParent(replaceNode(variant, moved), node, op.regionId);
    }
    case 'scale-tier':
      return replaceNode(variant, { ...tierNode(variant, op.nodeId), instances: op.instances });
    case 'use-local-member': {
      nodeOfKind(variant, op.memberId, 'datastore');
      return retarget(variant, op.consumerId, op.dependencyId, op.memberId);
    }
    case 'add-local-copy':
      return addLocalCopy(doc, variant, op);
    case 'set-async':
      return op.nodeIds.reduce(
        (v, id) => replaceNode(v, { ...nodeOfKind(v, id, 'datastore'), sync: false }),
        variant,
      );
    case 'set-link-bandwidth':
      return setLink(variant, op.a, op.b, { bandwidthMbps: op.bandwidthMbps });
    case 'add-backup':
      return addBackup(variant, op);
    case 'set-backup-interval':
      return replaceNode(variant, {
        ...nodeOfKind(variant, op.backupId, 'backup'),
        intervalSeconds: op.intervalSeconds,
      });
    case 'set-restore-throughput':
      return replaceNode(variant, {
        ...nodeOfKind(variant, op.backupId, 'backup'),
        restoreThroughputMBps: op.restoreThroughputMBps,
      });
    case 'set-witness':
      return replaceNode(variant, {
        ...nodeOfKind(variant, op.nodeId, 'datastore'),
        witness: true,
      });
    case 'set-auto-failover':
      return op.nodeIds.reduce(
        (v, id) => replaceNode(v, { ...nodeOfKind(v, id, 'datastore'), autoFailover: true }),
        variant,
      );
    case 'stage-common-cause':
      return stageCommonCause(variant, op.causeId);
    case 'roll-maintenance': {
      const node = tierNode(variant, op.nodeId);
      if (!node.maintenance) throw new Error(`applyFix: "${op.nodeId}" has no maintenance`);
      return replaceNode(variant, {
        ...node,
        instances: op.instances,
        maintenance: { ...node.maintenance, rolling: true },
      });
    }
    case 'add-dns-provider':
      return addDnsProvider(doc, variant, op);
  }
}

/**
 * The regions a common cause's affected nodes sit in, each with the nodes it holds (a region
 * affected as a whole holds itself), file order; undefined when one of them is global (a change
 * to a global node cannot be staged by region).
 */
export function causeRegions(variant: Variant, causeId: string): Map<string, string[]> | undefined {
  const cause = (variant.commonCause ?? []).find((c) => c.id === causeId);
  if (!cause) return undefined;
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const regionOf = (id: string): string | undefined => {
    const seen = new Set<string>();
    for (let node = byId.get(id); node && !seen.has(node.id);) {
      if (node.kind === 'region') return node.id;
      seen.add(node.id);
      node = node.parent === undefined ? undefined : byId.get(node.parent);
    }
    return undefined;
  };
  const regions = new Map<string, string[]>();
  for (const id of cause.affects) {
    const region = regionOf(id);
    if (region === undefined) return undefined;
    regions.set(region, [...(regions.get(region) ?? []), id]);
  }
  return regions;
}

/**
 * A rollout staged one region at a time: a bad change is stopped in the region it reached first,
 * so the cause becomes one cause per region, each affecting that region's nodes. Each keeps the
 * whole MTBF (conservative: every region may still receive a bad change as often as the whole
 * estate did, only never all at once) and its MTTR.
 */
function stageCommonCause(variant: Variant, causeId: string): Variant {
  const causes = variant.commonCause ?? [];
  const cause = causes.find((c) => c.id === causeId);
  const regions = causeRegions(variant, causeId);
  if (!cause || !regions) {
    throw new Error(`applyFix: no common cause "${causeId}" over regions in "${variant.id}"`);
  }
  const used = new Set(causes.map((c) => c.id));
  const staged = [...regions].map(([region, affects]) => {
    let id = `${cause.id}-${region}`;
    for (let n = 2; used.has(id); n += 1) id = `${cause.id}-${region}-${n}`;
    used.add(id);
    return { ...cause, id, name: `${cause.name} (${region})`, affects };
  });
  return {
    ...variant,
    commonCause: causes.flatMap((c) => (c === cause ? staged : [c])),
  };
}

/**
 * Seconds a recursive resolver waits for a name server before it asks another: Microsoft DNS
 * Server's recursion `RetryInterval` default, 3 s (BIND and Unbound adapt theirs to the
 * measured round trip, usually below a second). With two providers' name servers in the
 * delegation, this is how long a query waits when one provider is down.
 */
export const RESOLVER_RETRY_SECONDS = 3;

/** Horizontal distance between the first DNS provider and the second, px. */
const SECOND_PROVIDER_OFFSET_X = 240;

/**
 * A second DNS provider: name servers of two providers are listed in the domain's delegation,
 * and recursive resolvers ask one and retry the other on a timeout (RFC 1034 §5.3.3). The choice
 * is made by the resolvers, not by a component of the design: `resolverId` is a router that
 * cannot fail (availability 1, so no single point of failure) and costs nothing (monthlyUsd 0:
 * the registrar lists both providers' name servers at no charge beyond the domain), which
 * detects a dead provider in one resolver retry. The second provider copies the first's
 * routing (targets, health checks, TTL, policy) and availability figure, independent of it,
 * without its price overrides (the engine prices it from the book); the DNS queries, a property
 * of the resolvers' caching, are split evenly between the two. The resolver takes the first
 * router's place: the variant's entry, and every `depends` edge to it.
 */
function addDnsProvider(
  doc: NinesDocument,
  variant: Variant,
  op: Extract<FixOp, { kind: 'add-dns-provider' }>,
): Variant {
  const router = nodeOfKind(variant, op.routerId, 'router');
  for (const id of [op.newId, op.resolverId]) {
    if (op.newId === op.resolverId || unusedId(doc, variant, id) !== id) {
      throw new Error(`applyFix: a node "${id}" already exists`);
    }
  }
  const name = router.name ?? router.id;
  const queries =
    router.queriesPerMonth === undefined ? {} : { queriesPerMonth: router.queriesPerMonth / 2 };
  const first: RouterNode = { ...router, ...queries };
  // Its own price comes from the book: the first's overrides and notes are not copied.
  const {
    monthlyUsd: _monthly,
    hourlyUsd: _hourly,
    licenseMonthlyUsd: _licence,
    notes: _notes,
    ...routing
  } = first;
  const second: RouterNode = {
    ...routing,
    id: op.newId,
    name: 'Second DNS provider',
    notes:
      `Added by the advisor beside ${name}: the same routing, targets and availability figure ` +
      `(an assumption: set your provider's), failing independently of it; priced from the price ` +
      `book as ${name} would be (set monthlyUsd for your provider's price). The DNS queries are ` +
      `split evenly between the two providers.`,
  };
  const resolver: RouterNode = {
    id: op.resolverId,
    kind: 'router',
    name: 'Either DNS provider',
    ...(router.parent === undefined ? {} : { parent: router.parent }),
    availability: 1,
    monthlyUsd: 0,
    minTargets: 1,
    healthCheckSeconds: RESOLVER_RETRY_SECONDS,
    failureThreshold: 1,
    dnsTtlSeconds: 0,
    notes:
      `Not a component: the domain's delegation lists the name servers of ${name} and of the ` +
      `second provider, and recursive resolvers retry the other after a timeout (RFC 1034 ` +
      `§5.3.3; ${RESOLVER_RETRY_SECONDS} s, Microsoft DNS Server's default retry interval). It ` +
      `cannot fail by itself (availability 1) and costs nothing beyond the domain (monthlyUsd 0).`,
  };
  const at = variant.layout?.[router.id];
  let next = withNode(
    replaceNode(variant, first),
    second,
    at && { ...at, x: at.x + SECOND_PROVIDER_OFFSET_X },
  );
  next = withNode(
    next,
    resolver,
    at && { x: at.x + SECOND_PROVIDER_OFFSET_X / 2, y: at.y - ADDED_NODE_OFFSET_Y },
  );
  const edges = next.edges.map((e) =>
    e.kind === 'depends' && e.to === router.id ? { ...e, to: resolver.id } : e,
  );
  const copied = variant.edges
    .filter((e) => e.kind === 'depends' && e.from === router.id)
    .map((e) => ({ ...e, from: second.id }));
  next = withEdges(
    { ...next, edges, entry: variant.entry === router.id ? resolver.id : variant.entry },
    [...copied, dep(resolver.id, router.id), dep(resolver.id, second.id)],
  );
  return next;
}

function dep(from: string, to: string): Edge {
  return { from, to, kind: 'depends' };
}

// ---- lookups ---------------------------------------------------------------------------------

function findNode(variant: Variant, id: string): ModelNode {
  const node = variant.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`applyFix: no node "${id}" in variant "${variant.id}"`);
  return node;
}

function nodeOfKind<K extends ModelNode['kind']>(
  variant: Variant,
  id: string,
  kind: K,
): Extract<ModelNode, { kind: K }> {
  const node = findNode(variant, id);
  if (node.kind !== kind) throw new Error(`applyFix: "${id}" is a ${node.kind}, not a ${kind}`);
  return node as Extract<ModelNode, { kind: K }>;
}

function tierNode(
  variant: Variant,
  id: string,
): Extract<ModelNode, { kind: 'service' | 'datastore' | 'queue' }> {
  const node = findNode(variant, id);
  if (node.kind !== 'service' && node.kind !== 'datastore' && node.kind !== 'queue') {
    throw new Error(`applyFix: "${id}" is a ${node.kind}, not a tier`);
  }
  return node;
}

/** A new id from `stem` used by no node of any variant (scenarios name nodes across variants). */
function unusedId(doc: NinesDocument, variant: Variant, stem: string): string {
  const used = new Set([...doc.variants, variant].flatMap((v) => v.nodes.map((n) => n.id)));
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

// ---- edits -----------------------------------------------------------------------------------

function replaceNode(variant: Variant, node: ModelNode): Variant {
  return { ...variant, nodes: variant.nodes.map((n) => (n.id === node.id ? node : n)) };
}

/** Adds edges, leaving out any that the variant already has. */
function withEdges(variant: Variant, edges: readonly Edge[]): Variant {
  const key = (e: Edge): string => `${e.kind}|${e.from}|${e.to}`;
  const seen = new Set(variant.edges.map(key));
  const added = edges.filter((e) => !seen.has(key(e)) && seen.add(key(e)));
  return { ...variant, edges: [...variant.edges, ...added] };
}

/** Replaces the consumer's `depends` edge to `from` by one to `to` (kept once). */
function retarget(variant: Variant, consumerId: string, from: string, to: string): Variant {
  findNode(variant, consumerId);
  const isOld = (e: Edge): boolean =>
    e.kind === 'depends' && e.from === consumerId && e.to === from;
  if (!variant.edges.some(isOld)) {
    throw new Error(`applyFix: "${consumerId}" does not depend on "${from}"`);
  }
  const hasNew = variant.edges.some(
    (e) => e.kind === 'depends' && e.from === consumerId && e.to === to,
  );
  const edges = hasNew
    ? variant.edges.filter((e) => !isOld(e))
    : variant.edges.map((e) => (isOld(e) ? { ...e, to } : e));
  return { ...variant, edges };
}

/**
 * After `node` moved from its old parent to `regionId`, its layout position (relative to the
 * parent) is converted so that it stays where it was on the canvas.
 */
function withLayoutInParent(variant: Variant, node: ModelNode, regionId: string): Variant {
  const layout = variant.layout;
  const own = layout?.[node.id];
  if (!layout || !own || node.parent === undefined || node.parent === regionId) return variant;
  const oldParent = layout[node.parent];
  if (!oldParent) return variant;
  return {
    ...variant,
    layout: { ...layout, [node.id]: { ...own, x: own.x + oldParent.x, y: own.y + oldParent.y } },
  };
}

/** The layout of a node added beside `anchor` in the container `parent`, if `anchor` has one. */
function besideAnchor(
  variant: Variant,
  anchor: ModelNode,
  parent: string | undefined,
): Position | undefined {
  const at = variant.layout?.[anchor.id];
  if (!at) return undefined;
  const viaZone = anchor.parent !== parent && anchor.parent !== undefined;
  const zone = viaZone ? variant.layout?.[anchor.parent as string] : undefined;
  return {
    x: at.x + (zone?.x ?? 0),
    y: at.y + (zone?.y ?? 0) + ADDED_NODE_OFFSET_Y,
  };
}

function withNode(variant: Variant, node: ModelNode, position: Position | undefined): Variant {
  return {
    ...variant,
    nodes: [...variant.nodes, node],
    layout:
      position && variant.layout ? { ...variant.layout, [node.id]: position } : variant.layout,
  };
}

function setLink(variant: Variant, a: string, b: string, fields: Partial<RegionLink>): Variant {
  nodeOfKind(variant, a, 'region');
  nodeOfKind(variant, b, 'region');
  const links = variant.links ?? [];
  const same = (l: RegionLink): boolean => (l.a === a && l.b === b) || (l.a === b && l.b === a);
  return {
    ...variant,
    links: links.some(same)
      ? links.map((l) => (same(l) ? { ...l, ...fields } : l))
      : [...links, { a, b, ...fields }],
  };
}

function addBackup(variant: Variant, op: Extract<FixOp, { kind: 'add-backup' }>): Variant {
  const store = nodeOfKind(variant, op.datastoreId, 'datastore');
  if (op.regionId !== undefined) nodeOfKind(variant, op.regionId, 'region');
  if (variant.nodes.some((n) => n.id === op.backupId)) {
    throw new Error(`applyFix: a node "${op.backupId}" already exists`);
  }
  const defaults = NODE_DEFAULTS.backup;
  const backup: BackupNode = {
    id: op.backupId,
    kind: 'backup',
    name: `Backup of ${store.name ?? store.id}`,
    ...(op.regionId === undefined ? {} : { parent: op.regionId }),
    intervalSeconds: op.intervalSeconds ?? (defaults.intervalSeconds?.value as number),
    retentionDays: defaults.retentionDays?.value as number,
  };
  const added = withNode(variant, backup, besideAnchor(variant, store, op.regionId));
  return withEdges(added, [{ from: backup.id, to: store.id, kind: 'backs-up' }]);
}

function addLocalCopy(
  doc: NinesDocument,
  variant: Variant,
  op: Extract<FixOp, { kind: 'add-local-copy' }>,
): Variant {
  const original = findNode(variant, op.dependencyId);
  nodeOfKind(variant, op.regionId, 'region');
  if (
    variant.nodes.some((n) => n.id === op.newId) ||
    unusedId(doc, variant, op.newId) !== op.newId
  ) {
    throw new Error(`applyFix: a node "${op.newId}" already exists`);
  }
  let source: ModelNode = original;
  let copy: ModelNode = { ...original, id: op.newId, parent: op.regionId };
  if (original.kind === 'datastore') {
    const mode = original.replication ?? 'none';
    // A lone datastore becomes the primary of a group whose local replica is the copy.
    const replicated: DatastoreNode =
      mode === 'none' ? { ...original, replication: 'primary-replica', role: 'primary' } : original;
    source = replicated;
    copy = {
      ...replicated,
      id: op.newId,
      parent: op.regionId,
      ...(replicated.replication === 'active-active' ? {} : { role: 'standby' as const }),
    };
  }
  const withCopy = withNode(
    replaceNode(variant, source),
    copy,
    variant.layout?.[original.id] ? { ...(variant.layout[original.id] as Position) } : undefined,
  );
  const ownDeps = variant.edges
    .filter((e) => e.kind === 'depends' && e.from === original.id)
    .map((e) => ({ ...e, from: op.newId }));
  const replicates: Edge[] =
    original.kind === 'datastore' ? [{ from: original.id, to: op.newId, kind: 'replicates' }] : [];
  const linked = withEdges(withCopy, [...ownDeps, ...replicates]);
  return retarget(linked, op.consumerId, op.dependencyId, op.newId);
}

/** A fresh id for a node the advisor would add: `stem`, else `stem-2`, `stem-3`, … */
export function freshFixId(doc: NinesDocument, variantId: string, stem: string): string {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`freshFixId: no variant "${variantId}"`);
  return unusedId(doc, variant, stem);
}
