import type { Node as FlowNode } from '@xyflow/react';

/**
 * The nodes of a new view, handed to React Flow so that it measures again only what may have
 * changed size. React Flow keeps each node's measured size and handle positions only while the
 * node object it is given carries `measured` (the copy `applyNodeChanges` made when it measured
 * it); a node object without it, as every view built from the model is, makes it measure the
 * node again: with 300 nodes, a forced layout and about 2,400 handle boxes read on every
 * selection and every drop.
 *
 * For each node of `next`: the canvas's `current` copy itself when the view's node is the very
 * object of the `previous` view and has not moved (nothing about it changed); the view's node
 * with the current copy's `measured` when it changed but kept its size and container (moved,
 * selected, marked: React Flow still watches its element and measures it again if it grows);
 * the view's node as it is when it is new or its size or container changed (measured afresh).
 * A node being dragged keeps the position the drag has taken it to (a view can arrive during a
 * drag: routes from the routing worker, results from theirs).
 */
export function keepMeasured<N extends FlowNode>(
  previous: readonly N[] | undefined,
  next: readonly N[],
  current: readonly N[],
): N[] {
  const wasShown = new Map(previous?.map((n) => [n.id, n]));
  const drawn = new Map(current.map((n) => [n.id, n]));
  return next.map((node) => {
    const copy = drawn.get(node.id);
    if (
      !copy?.measured ||
      copy.width !== node.width ||
      copy.height !== node.height ||
      copy.parentId !== node.parentId
    ) {
      return node;
    }
    // A node being dragged stays where the drag has taken it: the drop moves it in the model.
    if (copy.dragging)
      return { ...node, position: copy.position, measured: copy.measured, dragging: true };
    const isStill = copy.position.x === node.position.x && copy.position.y === node.position.y;
    if (wasShown.get(node.id) === node && isStill) return copy;
    return { ...node, measured: copy.measured };
  });
}
