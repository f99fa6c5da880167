/**
 * What the editing gestures do to the document, as functions of the window's store so that the
 * canvas, the keyboard and the tests share them. Each is one undo step.
 */
import { connect, edgeKindFor } from '../../../shared/model/ops/connect';
import { deleteEdges, deleteNodes } from '../../../shared/model/ops/delete';
import { absolutePosition, type Point } from '../../../shared/model/ops/layout';
import type { Move } from '../../../shared/model/ops/move';
import { copyNodes } from '../../../shared/model/ops/paste';
import { dropTarget } from '../../../shared/model/ops/placement';
import type { NodeKind, Variant } from '../../../shared/model/types';
import type { PlannerStore } from '../store/create-store';
import { selectActiveVariant } from '../store/selectors';
import { KIND_META } from './kind-meta';
import { layoutVariant } from './layout';
import { moveSpot } from './move-targets';
import {
  alignRects,
  arrangeNodes,
  containersAt,
  distributeRects,
  dropMoves,
  duplicateSpot,
  moveAndTidy,
  newNodeSize,
  pasteAt,
  paletteSpot,
  placeNode,
  resizeAndTidy,
  type Alignment,
  type Dragged,
  type Rect,
  type Spacing,
} from './placement';
import { edgeId } from './to-flow';

/** Where a dropped container is held, from its top-left corner, px: on its title bar. */
const TITLE_GRIP = { x: 20, y: 10 } as const;

function active(store: PlannerStore): Variant | undefined {
  return selectActiveVariant(store.getState());
}

/** Adds a node in `parentId` centred on `centre` (see `placeNode`) as one step, and selects it. */
function addPlaced(
  store: PlannerStore,
  variant: Variant,
  kind: NodeKind,
  parentId: string | undefined,
  centre: Point,
): string {
  let nodeId = '';
  store.getState().commit(`Add ${KIND_META[kind].label.toLowerCase()}`, (doc) => {
    const added = placeNode(doc, variant.id, kind, parentId, centre);
    nodeId = added.nodeId;
    return added.document;
  });
  store.getState().selectNode(nodeId);
  return nodeId;
}

/**
 * Adds a node of `kind` dropped at `point` (canvas coordinates) in the deepest container there
 * that may hold it, and selects it: a card centred on the point, a region with its title bar
 * under it, or at the nearest free spot when that is taken; a zone takes its region's next slot. Returns its id, or null when it cannot go
 * there (a zone outside every region).
 */
export function addNodeAt(store: PlannerStore, kind: NodeKind, point: Point): string | null {
  const variant = active(store);
  if (!variant) return null;
  const parent = dropTarget(kind, containersAt(variant, point));
  if (parent === null) return null;
  // A container is held by its title bar: its top-left corner lands just above-left of the point.
  const size = newNodeSize(kind);
  const centre =
    kind === 'region' || kind === 'zone'
      ? { x: point.x - TITLE_GRIP.x + size.width / 2, y: point.y - TITLE_GRIP.y + size.height / 2 }
      : point;
  return addPlaced(store, variant, kind, parent?.id, centre);
}

/**
 * Adds a node of `kind` from a palette click: in the selected container, else in the middle of
 * `view` (the part of the canvas on screen, canvas coordinates); see `paletteSpot`. Returns its
 * id, or null when there is nowhere for it (a zone with no region).
 */
export function addNodeFromPalette(store: PlannerStore, kind: NodeKind, view: Rect): string | null {
  const variant = active(store);
  if (!variant) return null;
  const spot = paletteSpot(variant, kind, store.getState().selectedNodeIds, view);
  if (!spot) return null;
  return addPlaced(store, variant, kind, spot.parentId, spot.centre);
}

/**
 * Ends a drag: each dragged node (top-left corner `absolute`, canvas coordinates) lands in the
 * deepest container under its centre that may hold it, keeping its place on screen; what it
 * now covers moves aside (a zone dropped into another region takes that region's next slot).
 */
export function dropDragged(store: PlannerStore, dragged: readonly Dragged[]): void {
  const variant = active(store);
  if (!variant || dragged.length === 0) return;
  const moves = dropMoves(variant, dragged);
  store
    .getState()
    .commit(dragged.length === 1 ? 'Move' : `Move ${dragged.length} nodes`, (doc) =>
      moveAndTidy(doc, variant.id, moves),
    );
}

/**
 * Moves node `nodeId` into container `parentId` (undefined: the top level) from the keyboard, as
 * one step: below what the container holds (`moveSpot`), the container growing to hold it.
 */
export function moveNodeInto(
  store: PlannerStore,
  nodeId: string,
  parentId: string | undefined,
): void {
  const variant = active(store);
  if (!variant) return;
  const absolute = moveSpot(variant, nodeId, parentId);
  store
    .getState()
    .commit('Move', (doc) => moveAndTidy(doc, variant.id, [{ nodeId, parentId, absolute }]));
}

/**
 * Makes the one selected container `delta` px wider and taller (negative: narrower, shorter)
 * from its right and bottom edges, as one step: a resize by its bottom-right handle, never smaller
 * than what it holds. False when the selection is not one region or zone.
 */
export function resizeSelection(store: PlannerStore, delta: Point): boolean {
  const variant = active(store);
  const { selectedNodeIds } = store.getState();
  const [nodeId] = selectedNodeIds;
  const node = variant?.nodes.find((n) => n.id === nodeId);
  if (!variant || !node || selectedNodeIds.length !== 1) return false;
  if (node.kind !== 'region' && node.kind !== 'zone') return false;
  const box = layoutVariant(variant).get(node.id);
  if (!box) return false;
  resizeContainer(store, node.id, {
    ...box,
    width: box.width + delta.x,
    height: box.height + delta.y,
  });
  return true;
}

/**
 * Ends a resize of container `nodeId`: its new box (relative to its container) as one step; it
 * never gets smaller than what it holds, and pushes its neighbours aside.
 */
export function resizeContainer(store: PlannerStore, nodeId: string, box: Rect): void {
  const variant = active(store);
  if (!variant) return;
  store.getState().commit('Resize', (doc) => resizeAndTidy(doc, variant.id, nodeId, box));
}

/** Draws an edge from `from` to `to`: replication between datastores, else a dependency. */
export function connectNodes(store: PlannerStore, from: string, to: string): void {
  const variant = active(store);
  if (!variant) return;
  const kind = edgeKindFor(variant, from, to);
  store
    .getState()
    .commit(kind === 'replicates' ? 'Add replication' : 'Connect', (doc) =>
      connect(doc, variant.id, from, to, kind),
    );
}

/** Deletes the selected nodes (with what they contain) and edges. False when nothing was selected. */
export function deleteSelection(store: PlannerStore): boolean {
  const variant = active(store);
  const { selectedNodeIds, selectedEdgeIds } = store.getState();
  if (!variant || (selectedNodeIds.length === 0 && selectedEdgeIds.length === 0)) return false;
  const edgeIds = new Set(selectedEdgeIds);
  const edges = variant.edges.filter((e) => edgeIds.has(edgeId(e)));
  store
    .getState()
    .commit('Delete', (doc) =>
      deleteNodes(deleteEdges(doc, variant.id, edges), variant.id, selectedNodeIds),
    );
  store.getState().setSelection([], []);
  return true;
}

/** Selects every node of the active variant. */
export function selectAll(store: PlannerStore): void {
  const variant = active(store);
  if (variant)
    store.getState().setSelection(
      variant.nodes.map((n) => n.id),
      [],
    );
}

/** Copies the selected nodes to the window's clipboard. False when nothing was selected. */
export function copySelection(store: PlannerStore): boolean {
  const variant = active(store);
  const { selectedNodeIds } = store.getState();
  if (!variant || selectedNodeIds.length === 0) return false;
  store.getState().setClipboard(copyNodes(variant, selectedNodeIds));
  return true;
}

/**
 * Pastes the clipboard into the active variant, as one step, and selects the copies of what was
 * selected (a region's copy, not also everything in it): at the pointer when it is over the
 * canvas, else beside the originals; see `pasteAt`. False when the clipboard is empty.
 */
export function pasteClipboard(store: PlannerStore): boolean {
  return pasteTo(store, store.getState().pointer, 'Paste');
}

/**
 * Copies the selection and pastes it, as one step, not at the pointer: copies of regions right
 * of the rightmost region (`duplicateSpot`), anything else beside the originals. Selects the
 * copies of what was selected.
 */
export function duplicateSelection(store: PlannerStore): boolean {
  const variant = active(store);
  if (!variant || !copySelection(store)) return false;
  const { clipboard } = store.getState();
  return pasteTo(store, clipboard && duplicateSpot(variant, clipboard), 'Duplicate');
}

function pasteTo(store: PlannerStore, at: Point | null, label: string): boolean {
  const variant = active(store);
  const { clipboard } = store.getState();
  if (!variant || !clipboard || clipboard.nodes.length === 0) return false;
  let ids: string[] = [];
  store.getState().commit(label, (doc) => {
    const pasted = pasteAt(doc, variant.id, clipboard, at);
    ids = pasted.rootIds;
    return pasted.document;
  });
  store.getState().setSelection(ids, []);
  return ids.length > 0;
}

/** Moves the selected nodes by `delta` px within their containers. False when nothing was selected. */
export function nudgeSelection(store: PlannerStore, delta: Point): boolean {
  const variant = active(store);
  const { selectedNodeIds } = store.getState();
  if (!variant || selectedNodeIds.length === 0) return false;
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const moves = selectedNodeIds.map((id): Move => {
    const at = absolutePosition(variant, boxes, id);
    return {
      nodeId: id,
      parentId: byId.get(id)?.parent,
      absolute: { x: at.x + delta.x, y: at.y + delta.y },
    };
  });
  store.getState().commit('Nudge', (doc) => moveAndTidy(doc, variant.id, moves));
  return true;
}

/** Lines up the selected nodes (two or more) on an edge or centre line, as one step. */
export function alignSelection(store: PlannerStore, how: Alignment): void {
  arrangeSelection(store, `Align ${how}`, (rects) => alignRects(rects, how));
}

/** Makes the gaps between the selected nodes (three or more) equal, as one step. */
export function distributeSelection(store: PlannerStore, axis: Spacing): void {
  arrangeSelection(store, `Distribute ${axis}ly`, (rects) => distributeRects(rects, axis));
}

function arrangeSelection(
  store: PlannerStore,
  label: string,
  arrange: (rects: readonly Rect[]) => Point[],
): void {
  const variant = active(store);
  const { selectedNodeIds } = store.getState();
  if (!variant || selectedNodeIds.length < 2) return;
  store.getState().commit(label, (doc) => arrangeNodes(doc, variant.id, selectedNodeIds, arrange));
}
