/**
 * Copy and paste within a document: copied nodes come with what they contain and the edges
 * among them; pasted ones get fresh ids and land beside the originals.
 */
import type { Edge, ModelNode, NinesDocument, Position, Variant } from '../types';
import { ID_STEMS, freshId, usedNodeIds } from './ids';
import { canPlace } from './placement';
import {
  clampMinTargets,
  repairEntry,
  variantOf,
  withDescendants,
  withVariant,
} from './variant-utils';

/** What Copy keeps: nodes (parents first), the edges among them and their positions. */
export interface Clipboard {
  readonly nodes: readonly ModelNode[];
  readonly edges: readonly Edge[];
  readonly layout: Readonly<Record<string, Position>>;
}

/** Copies `nodeIds` of `variant` with everything inside them. */
export function copyNodes(variant: Variant, nodeIds: Iterable<string>): Clipboard {
  const ids = withDescendants(variant, nodeIds);
  const nodes = variant.nodes.filter((n) => ids.has(n.id));
  const edges = variant.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const layout = Object.fromEntries(
    Object.entries(variant.layout ?? {}).filter(([id]) => ids.has(id)),
  );
  return structuredClone({ nodes, edges, layout });
}

/**
 * Pastes `clip` into variant `variantId`: every node gets a fresh id, nodes whose container was
 * copied stay in the copy of it, the others keep their container when it exists here (else they
 * go to the top level; a zone without its region is left out). Top-level pasted nodes move by
 * `offset` px so that the copy does not hide the original. Returns the ids of the new nodes.
 */
export function pasteNodes(
  doc: NinesDocument,
  variantId: string,
  clip: Clipboard,
  offset: { x: number; y: number } = { x: 24, y: 24 },
): { document: NinesDocument; nodeIds: string[] } {
  const variant = variantOf(doc, variantId);
  const used = usedNodeIds(doc);
  const renamed = new Map<string, string>();
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const added: ModelNode[] = [];
  const layout: Record<string, Position> = { ...variant.layout };
  for (const node of clip.nodes) {
    const insideCopy = node.parent !== undefined && renamed.has(node.parent);
    const parentId = insideCopy ? renamed.get(node.parent as string) : node.parent;
    const parent =
      parentId === undefined
        ? undefined
        : (byId.get(parentId) ?? added.find((n) => n.id === parentId));
    const placedParent = parent && canPlace(node.kind, parent) ? parent.id : undefined;
    if (!canPlace(node.kind, placedParent === undefined ? undefined : parent)) continue;
    const id = freshId(ID_STEMS[node.kind], used);
    used.add(id);
    renamed.set(node.id, id);
    const { parent: _old, ...rest } = node;
    added.push(
      (placedParent === undefined
        ? { ...rest, id }
        : { ...rest, id, parent: placedParent }) as ModelNode,
    );
    const position = clip.layout[node.id];
    if (position) {
      layout[id] = insideCopy
        ? { ...position }
        : { ...position, x: position.x + offset.x, y: position.y + offset.y };
    }
  }
  const edges = clip.edges
    .filter((e) => renamed.has(e.from) && renamed.has(e.to))
    .map((e) => ({ ...e, from: renamed.get(e.from) as string, to: renamed.get(e.to) as string }));
  const document = withVariant(doc, variantId, (v) =>
    repairEntry(
      clampMinTargets({
        ...v,
        nodes: [...v.nodes, ...added],
        edges: [...v.edges, ...edges],
        layout,
      }),
    ),
  );
  return { document, nodeIds: added.map((n) => n.id) };
}
