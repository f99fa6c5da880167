/**
 * Adding a node from the palette: a fresh readable id, its place in the containment tree and its
 * position on the canvas.
 */
import type { ModelNode, NinesDocument, NodeKind } from '../types';
import { ID_STEMS, freshId, usedNodeIds } from './ids';
import { clearOfHeader, growAncestors, setPosition, type BoxMap, type Point } from './layout';
import { canPlace } from './placement';
import { repairEntry, variantOf, withVariant } from './variant-utils';

/** Size a new container starts with, px: room to drop what it will hold. */
export const NEW_CONTAINER_SIZE: Readonly<
  Record<'region' | 'zone', { width: number; height: number }>
> = {
  region: { width: 360, height: 320 },
  zone: { width: 228, height: 160 },
};

/** What `addNode` did: the new document and the id it gave the node. */
export interface Added {
  readonly document: NinesDocument;
  readonly nodeId: string;
}

/**
 * Adds a node of `kind` to variant `variantId`, inside `parentId` (undefined: global or top
 * level) at `position` relative to that parent. Containers around it grow to hold it. The first
 * node that can be the entry becomes it when the variant has none. Throws when the kind cannot
 * sit in that parent (check with `canPlace` first).
 */
export function addNode(
  doc: NinesDocument,
  variantId: string,
  kind: NodeKind,
  parentId: string | undefined,
  position: Point,
  boxes: BoxMap = new Map(),
): Added {
  const variant = variantOf(doc, variantId);
  const parent = parentId === undefined ? undefined : variant.nodes.find((n) => n.id === parentId);
  if (parentId !== undefined && !parent) throw new Error(`no node "${parentId}"`);
  if (!canPlace(kind, parent))
    throw new Error(`a ${kind} cannot be placed in ${parentId ?? 'the top level'}`);
  const nodeId = freshId(ID_STEMS[kind], usedNodeIds(doc));
  const at = clearOfHeader(
    position,
    parent?.kind === 'region' || parent?.kind === 'zone' ? parent.kind : undefined,
  );
  const node = {
    id: nodeId,
    kind,
    ...(parentId === undefined ? {} : { parent: parentId }),
  } as ModelNode;
  const document = withVariant(doc, variantId, (v) => {
    let next = setPosition({ ...v, nodes: [...v.nodes, node] }, nodeId, at);
    if (kind === 'region' || kind === 'zone') {
      const size = NEW_CONTAINER_SIZE[kind];
      next = {
        ...next,
        layout: {
          ...next.layout,
          [nodeId]: {
            ...next.layout?.[nodeId],
            x: Math.round(at.x),
            y: Math.round(at.y),
            ...size,
          },
        },
      };
    }
    const withSize = new Map(boxes);
    const saved = next.layout?.[nodeId];
    withSize.set(nodeId, {
      x: saved?.x ?? 0,
      y: saved?.y ?? 0,
      width: saved?.width ?? CARD_SIZE.width,
      height: saved?.height ?? CARD_SIZE.height,
    });
    return repairEntry(growAncestors(next, withSize, nodeId));
  });
  return { document, nodeId };
}

/** Size of a component card on the canvas, px (the renderer draws cards this size). */
export const CARD_SIZE = { width: 200, height: 72 } as const;
