/**
 * What changed in one variant's topology: nodes matched by id, edges by (from, to, kind), region
 * links by their unordered pair, and with `renames` a removed and an added node of the same
 * kind and parent with at least {@link RENAME_SHARE} of their fields equal taken as one node
 * under a new id (its edges and links follow it). Layout moves are counted, never listed.
 */
import { LINK_DEFAULTS, nodeDefault } from '../model/defaults';
import type { Edge, ModelNode, NodeKind, RegionLink, Variant } from '../model/types';
import { fieldChanges, sameFieldShare, sameValue, type DefaultOf, type Fields } from './fields';
import { keyedDiff } from './keyed';
import type { EdgeRef, LinkRef, NodeRename, TopologyDiff } from './types';

/** Share of equal fields from which a removed and an added node count as a rename (design choice, docs/diff.md). */
export const RENAME_SHARE = 0.8;

const NODE_IDENTITY = new Set(['id']);
const EDGE_IDENTITY = new Set(['from', 'to', 'kind']);
const LINK_IDENTITY = new Set(['a', 'b']);
/** Variant fields compared elsewhere, or identity. */
const VARIANT_PARTS = new Set(['id', 'nodes', 'edges', 'links', 'layout']);

const nodeDefaultOf: DefaultOf = (owner, field) =>
  nodeDefault(owner.kind as NodeKind, field, owner as ModelNode)?.value;
const linkDefaultOf: DefaultOf = (_owner, field) => LINK_DEFAULTS[field]?.value;

/** A variant with nothing in it, the other side of an added or removed variant. */
export const EMPTY_VARIANT: Variant = { id: '', name: '', entry: '', nodes: [], edges: [] };

/** Compares the topology of two variants (either may be {@link EMPTY_VARIANT}). */
export function diffTopology(
  base: Variant,
  head: Variant,
  options: { renames?: boolean } = {},
): TopologyDiff {
  const nodes = keyedDiff(base.nodes, head.nodes, (n) => n.id);
  const renamed = options.renames === true ? detectRenames(nodes.removed, nodes.added) : [];
  const newId = new Map(renamed.map((r) => [r.from, r.to]));
  const mapId = (id: string): string => newId.get(id) ?? id;
  const renamedFrom = new Set(renamed.map((r) => r.from));
  const renamedTo = new Set(renamed.map((r) => r.to));

  const edgeKey = (e: Edge): string => `${e.kind}\u0000${e.from}\u0000${e.to}`;
  const baseEdges = base.edges.map((e) => ({ ...e, from: mapId(e.from), to: mapId(e.to) }));
  const edges = keyedDiff(baseEdges, head.edges, edgeKey);
  const linkKey = (l: RegionLink): string => pairOf(l).join('\u0000');
  const baseLinks = (base.links ?? []).map((l) => ({ ...l, a: mapId(l.a), b: mapId(l.b) }));
  const links = keyedDiff(baseLinks, head.links ?? [], linkKey);

  return {
    fields: fieldChanges(base, head, { ignore: VARIANT_PARTS }),
    nodes: {
      added: nodes.added.filter((n) => !renamedTo.has(n.id)).map(nodeRef),
      removed: nodes.removed.filter((n) => !renamedFrom.has(n.id)).map(nodeRef),
      renamed,
      changed: nodes.both.flatMap(([b, a]) => {
        const fields = fieldChanges(b, a, { defaultOf: nodeDefaultOf, ignore: NODE_IDENTITY });
        return fields.length === 0 ? [] : [{ id: a.id, kind: a.kind, fields }];
      }),
    },
    edges: {
      added: edges.added.map(edgeRef),
      removed: edges.removed.map(edgeRef),
      changed: edges.both.flatMap(([b, a]) => {
        const fields = fieldChanges(b, a, { ignore: EDGE_IDENTITY });
        return fields.length === 0 ? [] : [{ ...edgeRef(a), fields }];
      }),
    },
    links: {
      added: links.added.map(linkRef),
      removed: links.removed.map(linkRef),
      changed: links.both.flatMap(([b, a]) => {
        const fields = fieldChanges(b, a, { defaultOf: linkDefaultOf, ignore: LINK_IDENTITY });
        return fields.length === 0 ? [] : [{ ...linkRef(a), fields }];
      }),
    },
    layoutChanges: layoutChanges(
      base,
      head,
      mapId,
      new Set([...nodes.both.map(([, a]) => a.id), ...renamed.map((r) => r.to)]),
    ),
  };
}

/** True when the topology diff lists nothing (layout moves do not count). */
export function isTopologyEmpty(t: TopologyDiff): boolean {
  return (
    t.fields.length === 0 &&
    [t.nodes.added, t.nodes.removed, t.nodes.renamed, t.nodes.changed].every(
      (l) => l.length === 0,
    ) &&
    [t.edges.added, t.edges.removed, t.edges.changed].every((l) => l.length === 0) &&
    [t.links.added, t.links.removed, t.links.changed].every((l) => l.length === 0)
  );
}

/**
 * Pairs removed and added nodes of one kind and parent whose fields are at least
 * {@link RENAME_SHARE} equal; each removed node (in base order) takes the best match among
 * the added ones not yet taken, the first in head order on a tie. A parent that was itself
 * renamed counts as the same parent.
 */
function detectRenames(removed: readonly ModelNode[], added: readonly ModelNode[]): NodeRename[] {
  const taken = new Set<string>();
  const newId = new Map<string, string>();
  const renames: NodeRename[] = [];
  for (const old of removed) {
    const parent = old.parent === undefined ? undefined : (newId.get(old.parent) ?? old.parent);
    let best: { node: ModelNode; share: number } | undefined;
    for (const candidate of added) {
      if (taken.has(candidate.id) || candidate.kind !== old.kind || candidate.parent !== parent) {
        continue;
      }
      const share = sameFieldShare(withoutParent(old), withoutParent(candidate), {
        defaultOf: nodeDefaultOf,
        ignore: NODE_IDENTITY,
      });
      if (share >= RENAME_SHARE && (best === undefined || share > best.share)) {
        best = { node: candidate, share };
      }
    }
    if (best === undefined) continue;
    taken.add(best.node.id);
    newId.set(old.id, best.node.id);
    renames.push({
      from: old.id,
      to: best.node.id,
      kind: old.kind,
      fields: fieldChanges(withoutParent(old), withoutParent(best.node), {
        defaultOf: nodeDefaultOf,
        ignore: NODE_IDENTITY,
      }),
    });
  }
  return renames;
}

/** The node's fields without `parent` (compared through the rename map instead). */
function withoutParent(node: ModelNode): Fields {
  const { parent: _parent, ...rest } = node;
  return rest;
}

/**
 * Nodes on both sides (renamed ones included) whose `layout` entry (after renaming the base's
 * ids) differs, appears or disappears; the entry of an added or removed node goes with it.
 */
function layoutChanges(
  base: Variant,
  head: Variant,
  mapId: (id: string) => string,
  kept: ReadonlySet<string>,
): number {
  const before = new Map(Object.entries(base.layout ?? {}).map(([id, p]) => [mapId(id), p]));
  const after = new Map(Object.entries(head.layout ?? {}));
  let count = 0;
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    if (kept.has(id) && !sameValue(before.get(id), after.get(id))) count += 1;
  }
  return count;
}

function pairOf(link: LinkRef): [string, string] {
  return link.a <= link.b ? [link.a, link.b] : [link.b, link.a];
}

function nodeRef(node: ModelNode): { id: string; kind: string } {
  return { id: node.id, kind: node.kind };
}

function edgeRef(edge: Edge): EdgeRef {
  return { from: edge.from, to: edge.to, kind: edge.kind };
}

function linkRef(link: RegionLink): LinkRef {
  const [a, b] = pairOf(link);
  return { a, b };
}
