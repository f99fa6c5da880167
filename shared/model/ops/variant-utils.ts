/**
 * Helpers shared by the document operations: replacing one variant immutably, walking the
 * containment tree and keeping the cross-references of a document sound after a removal.
 */
import type { ModelNode, NinesDocument, Scenario, Variant } from '../types';

/** The variant `variantId` of `doc`; throws on an unknown id (a programmer error). */
export function variantOf(doc: NinesDocument, variantId: string): Variant {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) throw new Error(`no variant "${variantId}"`);
  return variant;
}

/** `doc` with variant `variantId` replaced by `update(variant)`. */
export function withVariant(
  doc: NinesDocument,
  variantId: string,
  update: (variant: Variant) => Variant,
): NinesDocument {
  return {
    ...doc,
    variants: doc.variants.map((v) => (v.id === variantId ? update(v) : v)),
  };
}

/** `node` and every node inside it, as a set of ids. */
export function withDescendants(variant: Variant, ids: Iterable<string>): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const node of variant.nodes) {
      if (node.parent !== undefined && out.has(node.parent) && !out.has(node.id)) {
        out.add(node.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Kinds that can be a variant's entry (the node whose working is the service working). */
export function canBeEntry(node: ModelNode): boolean {
  return node.kind !== 'region' && node.kind !== 'zone' && node.kind !== 'backup';
}

/**
 * Keeps the entry of `variant` pointing at a node that can be one: when it names no such node,
 * the first root of the request flow (nothing depends on it) becomes the entry.
 */
export function repairEntry(variant: Variant): Variant {
  const current = variant.nodes.find((n) => n.id === variant.entry);
  if (current && canBeEntry(current)) return variant;
  const dependedOn = new Set(variant.edges.filter((e) => e.kind === 'depends').map((e) => e.to));
  const root = variant.nodes.find((n) => canBeEntry(n) && !dependedOn.has(n.id));
  return root ? { ...variant, entry: root.id } : variant;
}

/**
 * Routers ask for at most as many targets as they have: after edges are removed, a router's
 * `minTargets` is lowered to its remaining targets (or dropped with none left).
 */
export function clampMinTargets(variant: Variant): Variant {
  let changed = false;
  const nodes = variant.nodes.map((node) => {
    if (node.kind !== 'router' || node.minTargets === undefined) return node;
    const targets = variant.edges.filter((e) => e.kind === 'depends' && e.from === node.id).length;
    if (node.minTargets <= targets) return node;
    changed = true;
    if (targets === 0) {
      const { minTargets: _dropped, ...rest } = node;
      return rest;
    }
    return { ...node, minTargets: targets };
  });
  return changed ? { ...variant, nodes } : variant;
}

/** A share table without the keys that `keep` refuses, renormalised to 1; undefined when empty. */
export function pruneShares(
  table: Readonly<Record<string, number>> | undefined,
  keep: (region: string) => boolean,
): Record<string, number> | undefined {
  if (!table) return undefined;
  const kept = Object.entries(table).filter(([region]) => keep(region));
  if (kept.length === Object.keys(table).length) return { ...table };
  const total = kept.reduce((sum, [, share]) => sum + share, 0);
  if (kept.length === 0 || total <= 0) return undefined;
  return Object.fromEntries(kept.map(([region, share]) => [region, share / total]));
}

/**
 * Drops the references of the document-level parts (workload traffic shares, scenarios) to nodes
 * that no variant has any more, so that removing nodes or variants keeps the document valid.
 */
export function pruneDocumentReferences(doc: NinesDocument): NinesDocument {
  const nodes = new Map<string, ModelNode[]>();
  for (const v of doc.variants) {
    for (const n of v.nodes) nodes.set(n.id, [...(nodes.get(n.id) ?? []), n]);
  }
  const isRegion = (id: string) => (nodes.get(id) ?? []).some((n) => n.kind === 'region');
  const isDatastore = (id: string) => (nodes.get(id) ?? []).some((n) => n.kind === 'datastore');
  const causes = new Set(doc.variants.flatMap((v) => (v.commonCause ?? []).map((c) => c.id)));
  const maxInstances = (id: string) =>
    Math.max(0, ...(nodes.get(id) ?? []).map((n) => ('instances' in n ? (n.instances ?? 1) : 1)));
  const isFailTarget = (target: string) => {
    const [id = '', instance] = target.split('#');
    if (!nodes.has(id)) return false;
    return instance === undefined || Number(instance) < maxInstances(id);
  };
  let next = doc;
  const shares = doc.workload?.trafficShare;
  if (shares) {
    const pruned = pruneShares(shares, isRegion);
    if (pruned === undefined || Object.keys(pruned).length !== Object.keys(shares).length) {
      const { trafficShare: _old, ...workload } = doc.workload ?? {};
      next = { ...next, workload: pruned ? { ...workload, trafficShare: pruned } : workload };
    }
  }
  if (doc.scenarios) {
    const scenarios = doc.scenarios.map((s): Scenario => {
      const out: Scenario = { id: s.id, name: s.name };
      if (s.fail) out.fail = s.fail.filter(isFailTarget);
      if (s.partition) out.partition = s.partition.filter((p) => p.every(isRegion));
      if (s.shift && isRegion(s.shift.from) && (s.shift.to === undefined || isRegion(s.shift.to))) {
        out.shift = s.shift;
      }
      if (s.corrupt) out.corrupt = s.corrupt.filter(isDatastore);
      if (s.commonCause) out.commonCause = s.commonCause.filter((c) => causes.has(c));
      return out;
    });
    const same = scenarios.every(
      (s, i) => JSON.stringify(s) === JSON.stringify(doc.scenarios?.[i]),
    );
    if (!same) next = { ...next, scenarios };
  }
  return next;
}
