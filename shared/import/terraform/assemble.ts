/**
 * From drafted nodes to a `nines/1` document and its report: regions and zones (one zone per
 * distinct zone name, in name order, since Nines spreads a region-placed tier over its zones in
 * file order), unique ids, parents by the zone-spread rule, edges, the entry, the traffic split
 * of the entry's routing policy, and every node's Terraform addresses in its notes.
 *
 * Zone-spread rule: a tier whose zones are all of its region's zones is placed in the region
 * (Nines spreads it round-robin); one zone → that zone; a strict subset of two or more → the
 * region, with warning `partial-az-spread` (Nines cannot express "2 of 3 zones").
 */
import type { DraftNode, ImportContext } from './context';
import { regionId, sanitizeId, zoneSuffix } from './placement';
import type { ImportReport, ImportWarning, MappedEntry, SkippedType, TfSourceKind } from './types';
import type { Edge, ModelNode, NinesDocument, Variant } from '../../model/types';

/** Longest `notes` the format takes. */
const MAX_NOTES = 4000;

/** Fields that are counts in `nines/1` (a whole number from 1 to 1000). */
const COUNT_FIELDS = ['instances', 'minHealthy', 'maxInstances', 'minTargets', 'failureThreshold'];
/** Fields that are positive quantities (seconds, days, GiB). */
const POSITIVE_FIELDS = [
  'healthCheckSeconds',
  'failoverSeconds',
  'intervalSeconds',
  'retentionDays',
  'memoryGiB',
];
/** Largest count the format takes (shared/schema/nines-v1.ts `MAX_INSTANCES`). */
const MAX_COUNT = 1000;
/** Largest quantity the format takes (`MAX_QUANTITY`). */
const MAX_QUANTITY = 1e12;

/**
 * `fields` brought into the format's ranges: a count rounded and held to 1–1000, a quantity
 * that is not positive dropped (its kind's default applies), `minHealthy` at most `instances`;
 * each change is a warning `value-out-of-range`, so a strange input never makes an invalid design.
 */
function inRange(
  name: string,
  fields: Record<string, unknown>,
  warn: (message: string) => void,
): Record<string, unknown> {
  const out = { ...fields };
  for (const field of COUNT_FIELDS) {
    const value = out[field];
    if (typeof value !== 'number') continue;
    const held = Number.isFinite(value) ? Math.min(Math.max(Math.round(value), 1), MAX_COUNT) : 1;
    if (held !== value) {
      warn(`${name}: ${field} ${value} is outside 1–${MAX_COUNT}; ${held} used`);
      out[field] = held;
    }
  }
  for (const field of [...POSITIVE_FIELDS, 'dnsTtlSeconds']) {
    const value = out[field];
    if (typeof value !== 'number') continue;
    const floor = field === 'dnsTtlSeconds' ? 0 : Number.MIN_VALUE;
    if (!Number.isFinite(value) || value < floor || value > MAX_QUANTITY) {
      warn(`${name}: ${field} ${value} is not a usable figure; left to its default`);
      delete out[field];
    }
  }
  // Text fields the format bounds: a longer value is not a real type or engine name.
  for (const [field, max] of [
    ['instanceType', 100],
    ['engine', 40],
  ] as const) {
    const value = out[field];
    if (typeof value === 'string' && value.length > max) {
      warn(`${name}: ${field} is longer than ${max} characters; left out`);
      delete out[field];
    }
  }
  const { instances, minHealthy, maxInstances } = out;
  if (
    typeof minHealthy === 'number' &&
    minHealthy > (typeof instances === 'number' ? instances : 1)
  ) {
    out.minHealthy = typeof instances === 'number' ? instances : 1;
    warn(
      `${name}: minHealthy ${minHealthy} is more than its instances; ${String(out.minHealthy)} used`,
    );
  }
  if (
    typeof maxInstances === 'number' &&
    typeof instances === 'number' &&
    maxInstances < instances
  ) {
    delete out.maxInstances;
  }
  return out;
}

/** Rank of a node as the entry: a global router first, then a regional router, a service… */
function entryRank(node: ModelNode): number {
  if (node.kind === 'router') return node.parent === undefined ? 0 : 1;
  if (node.kind === 'service') return 2;
  if (node.kind === 'datastore') return 3;
  return 4;
}

/** Ids handed out once each: the hint, else the hint with `-2`, `-3`… */
class Ids {
  private readonly used = new Set<string>();
  take(hint: string): string {
    const base = sanitizeId(hint);
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

interface Source {
  readonly kind: TfSourceKind;
  readonly formatVersion: string;
  readonly terraformVersion?: string;
}

export type Assembled =
  | { readonly ok: true; readonly document: NinesDocument; readonly report: ImportReport }
  | { readonly ok: false; readonly message: string };

export function assemble(ctx: ImportContext, source: Source): Assembled {
  const ids = new Ids();
  const regionIds = new Map<string, string>();
  const zoneIds = new Map<string, string>();
  const out: ModelNode[] = [];
  const providerOf = (location: string): 'aws' | 'azure' | 'gcp' =>
    ctx.nodes.find((n) => n.region === location)?.provider ?? 'aws';
  for (const location of ctx.regions) {
    const id = ids.take(regionId(location));
    regionIds.set(location, id);
    out.push({
      id,
      kind: 'region',
      provider: providerOf(location),
      location: location.slice(0, 100),
    });
    for (const zone of [...(ctx.zonesByRegion.get(location) ?? [])].sort()) {
      const zoneId = ids.take(`${id}-${zoneSuffix(zone, location)}`);
      zoneIds.set(zone, zoneId);
      out.push({ id: zoneId, kind: 'zone', parent: id, location: zone.slice(0, 100) });
    }
  }
  const nodeIds = new Map<string, string>();
  for (const draft of ctx.nodes) nodeIds.set(draft.key, ids.take(draft.idHint));
  const warnings: ImportWarning[] = [];
  const components = ctx.nodes.map((draft) => {
    const parent = parentOf(ctx, draft, regionIds, zoneIds, warnings, nodeIds);
    const notes = [
      `tf: ${draft.addresses.join(', ') || draft.key.replace(/#.*$/, '')}`,
      ...draft.notes,
    ]
      .join('; ')
      .slice(0, MAX_NOTES);
    const id = nodeIds.get(draft.key) as string;
    const fields = inRange(draft.name, draft.fields, (message) =>
      warnings.push({ code: 'value-out-of-range', node: id, message }),
    );
    return {
      id,
      kind: draft.kind,
      name: draft.name,
      ...(parent === undefined ? {} : { parent }),
      notes,
      ...fields,
    } as ModelNode;
  });
  if (components.length === 0) {
    return {
      ok: false,
      message: `nothing to import: none of the ${ctx.index.all.length} resources is of a type Nines maps (see docs/import.md)`,
    };
  }
  out.push(...components);
  const edges: Edge[] = ctx.edges.map((e) => ({
    from: nodeIds.get(e.from) as string,
    to: nodeIds.get(e.to) as string,
    kind: e.kind,
    ...(e.failover === undefined ? {} : { failover: e.failover }),
    ...(e.failoverSeconds === undefined ? {} : { failoverSeconds: e.failoverSeconds }),
  }));
  for (const node of out) {
    if (node.kind !== 'router' || edges.some((e) => e.kind === 'depends' && e.from === node.id))
      continue;
    // A router with nothing behind it cannot ask for a target; the reader connects it.
    delete (node as { minTargets?: number }).minTargets;
    warnings.push({
      code: 'router-without-targets',
      node: node.id,
      message: `${node.name ?? node.id} sends to nothing Nines mapped; connect its targets by hand`,
    });
  }
  const entry = chooseEntry(out, edges, warnings);
  const variant: Variant = {
    id: 'imported',
    name: 'Imported',
    entry,
    nodes: out,
    edges,
    links: [],
    ...trafficShareOf(ctx, entry, nodeIds, regionIds),
  };
  const label = source.kind === 'terraform-plan' ? 'plan' : 'state';
  const version = source.terraformVersion ? ` (terraform ${source.terraformVersion})` : '';
  const document: NinesDocument = {
    format: 'nines/1',
    name: `Imported from terraform ${label}${version}`.slice(0, 200),
    targets: {},
    workload: {},
    variants: [variant],
    scenarios: [],
  };
  const report = buildReport(ctx, source, nodeIds, zoneIds, out, edges, entry, warnings);
  return { ok: true, document, report };
}

function parentOf(
  ctx: ImportContext,
  draft: DraftNode,
  regionIds: ReadonlyMap<string, string>,
  zoneIds: ReadonlyMap<string, string>,
  warnings: ImportWarning[],
  nodeIds: ReadonlyMap<string, string>,
): string | undefined {
  if (draft.region === undefined) return undefined;
  const region = regionIds.get(draft.region);
  const zones = draft.zones;
  if (!Array.isArray(zones) || zones.length === 0 || draft.kind === 'backup') return region;
  const all = ctx.zonesByRegion.get(draft.region) ?? new Set<string>();
  if (zones.length === 1) return zoneIds.get(zones[0] as string) ?? region;
  if (zones.length < all.size) {
    warnings.push({
      code: 'partial-az-spread',
      node: nodeIds.get(draft.key) as string,
      message: `${draft.name} spans ${zones.join(', ')}, ${zones.length} of the ${all.size} zones of ${draft.region}; placed in the region, so Nines spreads it over all ${all.size}`,
    });
  }
  return region;
}

/** The entry: the node no `depends` edge reaches with the best rank; a tie is warned about. */
function chooseEntry(
  nodes: readonly ModelNode[],
  edges: readonly Edge[],
  warnings: ImportWarning[],
): string {
  const reached = new Set(edges.filter((e) => e.kind === 'depends').map((e) => e.to));
  const roots = nodes.filter(
    (n) => n.kind !== 'region' && n.kind !== 'zone' && n.kind !== 'backup' && !reached.has(n.id),
  );
  const best = Math.min(...roots.map(entryRank));
  const candidates = roots.filter((n) => entryRank(n) === best);
  const entry = candidates[0] ?? nodes.find((n) => n.kind !== 'region' && n.kind !== 'zone');
  if (candidates.length > 1) {
    warnings.push({
      code: 'entry-chosen',
      node: entry?.id,
      message: `${candidates.length} nodes could be the entry (${candidates.map((c) => c.id).join(', ')}); ${entry?.id ?? ''} was taken: add the router in front of them or change the entry`,
    });
  }
  return entry?.id ?? '';
}

function trafficShareOf(
  ctx: ImportContext,
  entry: string,
  nodeIds: ReadonlyMap<string, string>,
  regionIds: ReadonlyMap<string, string>,
): { trafficShare?: Record<string, number> } {
  const split = ctx.trafficSplits.find((s) => nodeIds.get(s.routerKey) === entry);
  if (!split) return {};
  const share: Record<string, number> = {};
  for (const [location, weight] of split.weights) {
    const id = regionIds.get(location);
    if (id !== undefined) share[id] = weight;
  }
  return Object.keys(share).length >= 2 ? { trafficShare: share } : {};
}

/** Nodes a request from the entry reaches (depends), with their replicas and backups. */
function reachable(entry: string, edges: readonly Edge[]): Set<string> {
  const seen = new Set<string>([entry]);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of edges) {
      const forward = e.kind === 'depends' && seen.has(e.from) && !seen.has(e.to);
      const replica = e.kind === 'replicates' && seen.has(e.from) !== seen.has(e.to);
      const backup = e.kind === 'backs-up' && seen.has(e.to) && !seen.has(e.from);
      if (forward || replica) seen.add(e.kind === 'replicates' && seen.has(e.to) ? e.from : e.to);
      if (backup) seen.add(e.from);
      grew ||= forward || replica || backup;
    }
  }
  return seen;
}

function buildReport(
  ctx: ImportContext,
  source: Source,
  nodeIds: ReadonlyMap<string, string>,
  zoneIds: ReadonlyMap<string, string>,
  nodes: readonly ModelNode[],
  edges: readonly Edge[],
  entry: string,
  assemblyWarnings: readonly ImportWarning[],
): ImportReport {
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const mapped: MappedEntry[] = [];
  for (const r of ctx.index.all) {
    if (!ctx.used.has(r.address)) continue;
    const key = ctx.used.get(r.address);
    const zone =
      r.type === 'aws_subnet' ? zoneIds.get(String(r.values.availability_zone)) : undefined;
    const node = key === undefined ? zone : nodeIds.get(key);
    mapped.push({
      address: r.address,
      node: node ?? '',
      kind: node ? (kindOf.get(node) ?? '') : 'read',
    });
  }
  const skippedCounts = new Map<string, number>();
  for (const r of ctx.index.all) {
    if (!ctx.used.has(r.address)) skippedCounts.set(r.type, (skippedCounts.get(r.type) ?? 0) + 1);
  }
  const skipped: SkippedType[] = [...skippedCounts]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const id = (key: string) => nodeIds.get(key) as string;
  const assumed = ctx.assumptions.map((a) => ({
    node: id(a.key),
    field: a.field,
    value: a.value,
    why: a.why,
  }));
  const inferred = ctx.edges
    .filter((e) => e.inferredWhy !== undefined)
    .map((e) => ({
      from: id(e.from),
      to: id(e.to),
      kind: 'depends' as const,
      why: e.inferredWhy as string,
    }));
  const warnings: ImportWarning[] = [
    ...ctx.warnings.map((w) => ({
      code: w.code,
      ...(w.key ? { node: id(w.key) } : {}),
      ...(w.address ? { address: w.address } : {}),
      message: w.message,
    })),
    ...assemblyWarnings,
  ];
  const reached = reachable(entry, edges);
  const unconnected = nodes
    .filter((n) => n.kind !== 'region' && n.kind !== 'zone' && !reached.has(n.id))
    .map((n) => n.id);
  const skippedTotal = skipped.reduce((a, s) => a + s.count, 0);
  return {
    source,
    counts: {
      resources: ctx.index.all.length,
      mapped: mapped.length,
      assumed: assumed.length,
      inferred: inferred.length,
      skipped: skippedTotal,
      warnings: warnings.length,
    },
    mapped,
    assumed,
    inferred,
    warnings,
    skipped,
    unconnected,
  };
}
