/**
 * The small document edits and lookups the advisor's fixes are made of (`fixes.ts`): finding a
 * node of a kind, a fresh id, replacing a node, adding nodes and edges without repeats, moving an
 * edge's end, keeping a moved node's place on the canvas.
 */
import type { Edge, ModelNode, NinesDocument, Position, RegionLink, Variant } from '../types';

/** Vertical offset of a node the advisor adds below the node it belongs to, px. */
export const ADDED_NODE_OFFSET_Y = 110;

export function dep(from: string, to: string): Edge {
  return { from, to, kind: 'depends' };
}

// ---- lookups ---------------------------------------------------------------------------------

export function findNode(variant: Variant, id: string): ModelNode {
  const node = variant.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`applyFix: no node "${id}" in variant "${variant.id}"`);
  return node;
}

export function nodeOfKind<K extends ModelNode['kind']>(
  variant: Variant,
  id: string,
  kind: K,
): Extract<ModelNode, { kind: K }> {
  const node = findNode(variant, id);
  if (node.kind !== kind) throw new Error(`applyFix: "${id}" is a ${node.kind}, not a ${kind}`);
  return node as Extract<ModelNode, { kind: K }>;
}

export function tierNode(
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
export function unusedId(doc: NinesDocument, variant: Variant, stem: string): string {
  const used = new Set([...doc.variants, variant].flatMap((v) => v.nodes.map((n) => n.id)));
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

// ---- edits -----------------------------------------------------------------------------------

export function replaceNode(variant: Variant, node: ModelNode): Variant {
  return { ...variant, nodes: variant.nodes.map((n) => (n.id === node.id ? node : n)) };
}

/** Adds edges, leaving out any that the variant already has. */
export function withEdges(variant: Variant, edges: readonly Edge[]): Variant {
  const key = (e: Edge): string => `${e.kind}|${e.from}|${e.to}`;
  const seen = new Set(variant.edges.map(key));
  const added = edges.filter((e) => !seen.has(key(e)) && seen.add(key(e)));
  return { ...variant, edges: [...variant.edges, ...added] };
}

/** Replaces the consumer's `depends` edge to `from` by one to `to` (kept once). */
export function retarget(variant: Variant, consumerId: string, from: string, to: string): Variant {
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
export function withLayoutInParent(variant: Variant, node: ModelNode, regionId: string): Variant {
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
export function besideAnchor(
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

export function withNode(
  variant: Variant,
  node: ModelNode,
  position: Position | undefined,
): Variant {
  return {
    ...variant,
    nodes: [...variant.nodes, node],
    layout:
      position && variant.layout ? { ...variant.layout, [node.id]: position } : variant.layout,
  };
}

export function setLink(
  variant: Variant,
  a: string,
  b: string,
  fields: Partial<RegionLink>,
): Variant {
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
