/**
 * The placing edits as pure functions of the document: the model's operation (add, move,
 * resize), a zone's slot in its region's strip, then the tidy rule. The editor commands, the
 * palette and the property test share them.
 */
import { addNode, NEW_CONTAINER_SIZE, type Added } from '../../../../shared/model/ops/add-node';
import { absolutePosition, type Point } from '../../../../shared/model/ops/layout';
import { moveNodes, type Move } from '../../../../shared/model/ops/move';
import { dropTarget } from '../../../../shared/model/ops/placement';
import { variantOf, withVariant } from '../../../../shared/model/ops/variant-utils';
import type { NinesDocument, NodeKind, Variant } from '../../../../shared/model/types';
import { CARD, layoutVariant } from '../layout';
import type { Rect } from './geometry';
import { nextZoneSlot } from './slots';
import { containersAt, isContainer, tidyVariant } from './variant-geometry';

/**
 * The box (relative to `regionId`) a zone put into that region takes: the next free slot of its
 * zone strip (slots.ts), leaving out `zoneId` itself when it is already there.
 */
export function zoneSlotIn(variant: Variant, regionId: string, zoneId?: string): Rect {
  const boxes = layoutVariant(variant);
  const kids = variant.nodes.filter((n) => n.parent === regionId && n.id !== zoneId);
  const boxesOf = (zones: boolean) =>
    kids
      .filter((n) => (n.kind === 'zone') === zones)
      .map((n) => boxes.get(n.id))
      .filter((b): b is Rect => b !== undefined);
  return nextZoneSlot(boxesOf(true), boxesOf(false));
}

/** The size a new node of `kind` starts with, px. */
export function newNodeSize(kind: NodeKind): { width: number; height: number } {
  return kind === 'region' || kind === 'zone' ? NEW_CONTAINER_SIZE[kind] : CARD;
}

/**
 * Adds a node of `kind` in `parentId` (undefined: the top level). A zone takes the next slot of
 * its region's strip; anything else is centred on `centre` (canvas coordinates) or, when that
 * is taken, at the nearest free position (the tidy rule's `arriving`). Containers around it grow
 * and push their neighbours aside. Throws when the kind cannot sit in that parent.
 */
export function placeNode(
  doc: NinesDocument,
  variantId: string,
  kind: NodeKind,
  parentId: string | undefined,
  centre: Point,
): Added {
  const variant = variantOf(doc, variantId);
  const boxes = layoutVariant(variant);
  const slot = kind === 'zone' && parentId !== undefined ? zoneSlotIn(variant, parentId) : null;
  const size = slot ?? newNodeSize(kind);
  const origin =
    parentId === undefined ? { x: 0, y: 0 } : absolutePosition(variant, boxes, parentId);
  const position = slot ?? {
    x: centre.x - origin.x - size.width / 2,
    y: centre.y - origin.y - size.height / 2,
  };
  const added = addNode(doc, variantId, kind, parentId, position, boxes);
  const { nodeId } = added;
  const document = withVariant(added.document, variantId, (v) =>
    tidyVariant(
      v,
      slot ? { anchored: [nodeId] } : { arriving: [nodeId] },
      new Map([[nodeId, { x: position.x, y: position.y, ...size }]]),
    ),
  );
  return { document, nodeId };
}

/**
 * Moves nodes (`moveNodes`: new container, place kept on screen) and tidies with the moved nodes
 * anchored: they stay where they were dropped and push the others aside. A zone dropped into
 * another region takes that region's next free slot instead.
 */
export function moveAndTidy(
  doc: NinesDocument,
  variantId: string,
  moves: readonly Move[],
): NinesDocument {
  const before = variantOf(doc, variantId);
  const beforeBoxes = layoutVariant(before);
  const moved = moveNodes(doc, variantId, moves, beforeBoxes);
  const parentBefore = new Map(before.nodes.map((n) => [n.id, n.parent]));
  const movedIds = new Set(moves.map((m) => m.nodeId));
  return withVariant(moved, variantId, (v) => {
    // Where each was dropped, relative to its container, before any clamping: left of or above
    // the container's content it makes the container grow that way (tidy.ts).
    const slotted = new Map<string, Rect>();
    for (const node of v.nodes) {
      const move = moves.find((m) => m.nodeId === node.id);
      const box = beforeBoxes.get(node.id);
      if (!move || !box || (node.parent !== undefined && movedIds.has(node.parent))) continue;
      const origin =
        node.parent === undefined
          ? { x: 0, y: 0 }
          : absolutePosition(before, beforeBoxes, node.parent);
      slotted.set(node.id, {
        ...box,
        x: move.absolute.x - origin.x,
        y: move.absolute.y - origin.y,
      });
    }
    for (const node of v.nodes) {
      const wasIn = parentBefore.get(node.id);
      if (node.kind !== 'zone' || node.parent === undefined || node.parent === wasIn) continue;
      if (!moves.some((m) => m.nodeId === node.id)) continue;
      const box = layoutVariant(v).get(node.id);
      const slot = zoneSlotIn(v, node.parent, node.id);
      slotted.set(node.id, {
        ...slot,
        width: box?.width ?? slot.width,
        height: box?.height ?? slot.height,
      });
    }
    return tidyVariant(v, { anchored: moves.map((m) => m.nodeId) }, slotted);
  });
}

/**
 * Gives container `nodeId` the box `box` (relative to its parent, as a resize handle leaves it),
 * never smaller than what it holds, and tidies with it anchored: a region made larger pushes its
 * neighbours aside. What it holds keeps its place on screen.
 */
export function resizeAndTidy(
  doc: NinesDocument,
  variantId: string,
  nodeId: string,
  box: Rect,
): NinesDocument {
  return withVariant(doc, variantId, (v) => {
    const node = v.nodes.find((n) => n.id === nodeId);
    if (!node || !isContainer(node)) return v;
    const boxes = layoutVariant(v);
    const old = boxes.get(nodeId);
    const whole = {
      x: Math.round(box.x),
      y: Math.round(box.y),
      width: Math.max(1, Math.round(box.width)),
      height: Math.max(1, Math.round(box.height)),
    };
    // A handle on the left or top edge moves the container: what it holds stays on screen.
    const dx = (old?.x ?? whole.x) - whole.x;
    const dy = (old?.y ?? whole.y) - whole.y;
    const changed = new Map<string, Rect>([[nodeId, whole]]);
    for (const kid of v.nodes) {
      const kidBox = boxes.get(kid.id);
      if (kid.parent === nodeId && kidBox) {
        changed.set(kid.id, { ...kidBox, x: kidBox.x + dx, y: kidBox.y + dy });
      }
    }
    return tidyVariant(v, { anchored: [nodeId] }, changed);
  });
}

/** A node at the end of a drag: its top-left corner and size in canvas coordinates. */
export interface Dragged {
  readonly id: string;
  readonly absolute: Point;
  readonly width: number;
  readonly height: number;
}

/**
 * The moves a drop makes: each dragged node goes into the deepest container under its centre
 * that may hold it (leaving out the dragged nodes themselves), else keeps its container.
 */
export function dropMoves(variant: Variant, dragged: readonly Dragged[]): Move[] {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const ids = new Set(dragged.map((d) => d.id));
  const boxes = layoutVariant(variant);
  const moves: Move[] = [];
  for (const d of dragged) {
    const node = byId.get(d.id);
    if (!node) continue;
    const centre = { x: d.absolute.x + d.width / 2, y: d.absolute.y + d.height / 2 };
    const target = dropTarget(node.kind, containersAt(variant, centre, ids, boxes));
    moves.push({
      nodeId: d.id,
      parentId: target === null ? node.parent : target?.id,
      absolute: d.absolute,
    });
  }
  return moves;
}
