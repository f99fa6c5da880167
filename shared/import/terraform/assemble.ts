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
    out.push({ id, kind: 'region', provider: providerOf(location), location });
    for (const zone of [...(ctx.zonesByRegion.get(location) ?? [])].sort()) {
      const zoneId = ids.take(`${id}-${zoneSuffix(zone, location)}`);
      zoneIds.set(zone, zoneId);
      out.push({ id: zoneId, kind: 'zone', parent: id, location: zone });
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
    return {
      id: nodeIds.get(draft.key) as string,
      kind: draft.kind,
      name: draft.name,
      ...(parent === undefined ? {} : { parent }),
      notes,
      ...draft.fields,
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
