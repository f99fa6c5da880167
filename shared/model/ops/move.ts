/**
 * Moving nodes on the canvas: a new position, and a new container when the node was dropped in
 * another one. Re-parenting converts the position so that the node keeps its place on screen.
 */
import type { NinesDocument } from '../types';
import {
  absolutePosition,
  clearOfHeader,
  growAncestors,
  setPosition,
  type BoxMap,
  type Point,
} from './layout';
import { canPlace } from './placement';
import { variantOf, withVariant } from './variant-utils';

/** One moved node: where it now is on the canvas (absolute) and the container it is in. */
export interface Move {
  readonly nodeId: string;
  /** The container the node now sits in; undefined for the top level. */
  readonly parentId: string | undefined;
  /** Top-left corner in canvas coordinates, px. */
  readonly absolute: Point;
}

/**
 * Applies `moves` to variant `variantId`: each node gets its new parent (when it may sit there;
 * otherwise it keeps its parent) and a position relative to that parent such that it stays at
 * `absolute` on the canvas (moved down or right just enough to clear the container's title). `boxes` are the boxes shown before the move. Containers grow to
 * hold what was moved into them.
 */
export function moveNodes(
  doc: NinesDocument,
  variantId: string,
  moves: readonly Move[],
  boxes: BoxMap,
): NinesDocument {
  const variant = variantOf(doc, variantId);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const moved = new Set(moves.map((m) => m.nodeId));
  return withVariant(doc, variantId, (v) => {
    let next = v;
    const shown = new Map(boxes);
    for (const move of moves) {
      const node = byId.get(move.nodeId);
      if (!node) continue;
      let parentId = move.parentId;
      const parent = parentId === undefined ? undefined : byId.get(parentId);
      const isInsideItself =
        parentId !== undefined && isWithin(parentId, node.id, (id) => byId.get(id)?.parent);
      if ((parentId !== undefined && !parent) || !canPlace(node.kind, parent) || isInsideItself) {
        parentId = node.parent;
      }
      // A node moved together with its container keeps its place in it.
      if (node.parent !== undefined && moved.has(node.parent)) continue;
      const origin =
        parentId === undefined ? { x: 0, y: 0 } : absolutePosition(variant, boxes, parentId);
      const container = parentId === undefined ? undefined : byId.get(parentId)?.kind;
      const relative = clearOfHeader(
        { x: move.absolute.x - origin.x, y: move.absolute.y - origin.y },
        container === 'region' || container === 'zone' ? container : undefined,
      );
      if (parentId !== node.parent) {
        next = {
          ...next,
          nodes: next.nodes.map((n) => {
            if (n.id !== node.id) return n;
            const { parent: _old, ...rest } = n;
            return (parentId === undefined ? rest : { ...rest, parent: parentId }) as typeof n;
          }),
        };
      }
      next = setPosition(next, node.id, relative);
      const box = boxes.get(node.id);
      shown.set(node.id, {
        x: Math.round(relative.x),
        y: Math.round(relative.y),
        width: box?.width ?? 0,
        height: box?.height ?? 0,
      });
      next = growAncestors(next, shown, node.id);
    }
    return next;
  });
}

/** True when `id` is `ancestor` or lies inside it. */
function isWithin(
  id: string,
  ancestor: string,
  parentOf: (id: string) => string | undefined,
): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = id; at !== undefined && !seen.has(at); at = parentOf(at)) {
    if (at === ancestor) return true;
    seen.add(at);
  }
  return false;
}
