/**
 * What the editing gestures do to the document, as functions of the window's store so that the
 * canvas, the keyboard and the tests share them. Each is one undo step.
 */
import { addNode } from '../../../shared/model/ops/add-node';
import { connect, edgeKindFor } from '../../../shared/model/ops/connect';
import { deleteEdges, deleteNodes } from '../../../shared/model/ops/delete';
import { absolutePosition, type Point } from '../../../shared/model/ops/layout';
import { moveNodes, type Move } from '../../../shared/model/ops/move';
import { copyNodes, pasteNodes } from '../../../shared/model/ops/paste';
import { dropTarget } from '../../../shared/model/ops/placement';
import type { ModelNode, NodeKind, Variant } from '../../../shared/model/types';
import type { PlannerStore } from '../store/create-store';
import { selectActiveVariant } from '../store/selectors';
import { KIND_META } from './kind-meta';
import { CARD, layoutVariant } from './layout';
import { edgeId } from './to-flow';

function active(store: PlannerStore): Variant | undefined {
  return selectActiveVariant(store.getState());
}

/**
 * The containers of `variant` whose box holds `point` (canvas coordinates), outermost first,
 * leaving out `except` and everything inside it.
 */
export function containersAt(
  variant: Variant,
  point: Point,
  except: ReadonlySet<string> = new Set(),
): ModelNode[] {
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const isExcluded = (node: ModelNode): boolean => {
    for (
      let at: ModelNode | undefined = node;
      at;
      at = at.parent ? byId.get(at.parent) : undefined
    ) {
      if (except.has(at.id)) return true;
    }
    return false;
  };
  const depth = (node: ModelNode) => (node.kind === 'region' ? 0 : 1);
  return variant.nodes
    .filter((n) => (n.kind === 'region' || n.kind === 'zone') && !isExcluded(n))
    .filter((n) => {
      const box = boxes.get(n.id);
      const at = absolutePosition(variant, boxes, n.id);
      return (
        box !== undefined &&
        point.x >= at.x &&
        point.x <= at.x + box.width &&
        point.y >= at.y &&
        point.y <= at.y + box.height
      );
    })
    .sort((a, b) => depth(a) - depth(b));
}

/**
 * Adds a node of `kind` centred on `point` (canvas coordinates) in the deepest container there
 * that may hold it, and selects it. Returns its id, or null when it cannot go there (a zone
 * outside every region).
 */
export function addNodeAt(store: PlannerStore, kind: NodeKind, point: Point): string | null {
  const variant = active(store);
  if (!variant) return null;
  const parent = dropTarget(kind, containersAt(variant, point));
  if (parent === null) return null;
  const boxes = layoutVariant(variant);
  const origin = parent ? absolutePosition(variant, boxes, parent.id) : { x: 0, y: 0 };
  const size = kind === 'region' || kind === 'zone' ? { width: 40, height: 20 } : CARD;
  const position = {
    x: point.x - origin.x - size.width / 2,
    y: point.y - origin.y - size.height / 2,
  };
  let nodeId: string | null = null;
  store.getState().commit(`Add ${KIND_META[kind].label.toLowerCase()}`, (doc) => {
    const added = addNode(doc, variant.id, kind, parent?.id, position, boxes);
    nodeId = added.nodeId;
    return added.document;
  });
  if (nodeId !== null) store.getState().selectNode(nodeId);
  return nodeId;
}

/**
 * Ends a drag: each dragged node (top-left corner `absolute`, canvas coordinates) lands in the
 * deepest container under its centre that may hold it, keeping its place on screen.
 */
export function dropDragged(
  store: PlannerStore,
  dragged: readonly { id: string; absolute: Point; width: number; height: number }[],
): void {
  const variant = active(store);
  if (!variant || dragged.length === 0) return;
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const ids = new Set(dragged.map((d) => d.id));
  const moves: Move[] = [];
  for (const d of dragged) {
    const node = byId.get(d.id);
    if (!node) continue;
    const centre = { x: d.absolute.x + d.width / 2, y: d.absolute.y + d.height / 2 };
    const target = dropTarget(node.kind, containersAt(variant, centre, ids));
    moves.push({
      nodeId: d.id,
      parentId: target === null ? node.parent : target?.id,
      absolute: d.absolute,
    });
  }
  const boxes = layoutVariant(variant);
  store
    .getState()
    .commit(dragged.length === 1 ? 'Move' : `Move ${dragged.length} nodes`, (doc) =>
      moveNodes(doc, variant.id, moves, boxes),
    );
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

/** Pastes the clipboard into the active variant and selects the copies. False when empty. */
export function pasteClipboard(store: PlannerStore): boolean {
  const variant = active(store);
  const { clipboard } = store.getState();
  if (!variant || !clipboard || clipboard.nodes.length === 0) return false;
  // Pasted nodes need positions: take the shown boxes of what was copied when they have none.
  const boxes = layoutVariant(variant);
  const layout = { ...clipboard.layout };
  for (const node of clipboard.nodes) {
    const box = boxes.get(node.id);
    if (!layout[node.id] && box) layout[node.id] = { x: box.x, y: box.y };
  }
  let ids: string[] = [];
  store.getState().commit('Paste', (doc) => {
    const pasted = pasteNodes(doc, variant.id, { ...clipboard, layout });
    ids = pasted.nodeIds;
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
  store.getState().commit('Nudge', (doc) => moveNodes(doc, variant.id, moves, boxes));
  return true;
}
