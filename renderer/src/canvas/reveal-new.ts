/**
 * New nodes are never off-screen: when an edit adds nodes and selects them (a palette click, a
 * paste, a duplicate) and they are not wholly in view, the canvas pans to centre them, keeping
 * its zoom. Selecting nodes that were already there never moves the view.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, type RefObject } from 'react';
import type { Variant } from '../../../shared/model/types';
import { layoutVariant } from './layout';
import { absoluteBox, centreOf, isInside, unionOf, type Point, type Rect } from './placement';

/**
 * Where to centre the view (canvas coordinates) so that the selected nodes of `variant` that are
 * not among `knownIds` (the nodes before the edit) come into `view`, or null when there are none
 * or they are already wholly in view.
 */
export function revealCentre(
  variant: Variant,
  selectedIds: readonly string[],
  knownIds: ReadonlySet<string>,
  view: Rect,
): Point | null {
  const present = new Set(variant.nodes.map((n) => n.id));
  const added = selectedIds.filter((id) => present.has(id) && !knownIds.has(id));
  if (added.length === 0) return null;
  const boxes = layoutVariant(variant);
  const box = unionOf(added.map((id) => absoluteBox(variant, boxes, id)));
  return isInside(box, view) ? null : centreOf(box);
}

/**
 * Pans the canvas in `canvasRef` to new selected nodes that are out of view (see the module's
 * comment). Call inside <ReactFlowProvider>, with the variant shown and the selection.
 */
export function useRevealNew(
  canvasRef: RefObject<HTMLElement | null>,
  variant: Variant | undefined,
  selectedIds: readonly string[],
): void {
  const { screenToFlowPosition, setCenter, getZoom } = useReactFlow();
  const known = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    if (!variant) return;
    const before = known.current;
    known.current = new Set(variant.nodes.map((n) => n.id));
    // The first variant shown is fitted in view when it opens: nothing to reveal. Nor when
    // every selected node was there before (a click, the press of a drag): the pane's box is
    // not read then, which would force a layout of the page the selection just changed.
    if (!before || selectedIds.every((id) => before.has(id))) return;
    const pane = canvasRef.current?.getBoundingClientRect();
    if (!pane) return;
    const topLeft = screenToFlowPosition({ x: pane.left, y: pane.top });
    const bottomRight = screenToFlowPosition({ x: pane.right, y: pane.bottom });
    const view = {
      x: topLeft.x,
      y: topLeft.y,
      width: bottomRight.x - topLeft.x,
      height: bottomRight.y - topLeft.y,
    };
    const centre = revealCentre(variant, selectedIds, before, view);
    if (centre) void setCenter(centre.x, centre.y, { zoom: getZoom() });
  }, [canvasRef, variant, selectedIds, screenToFlowPosition, setCenter, getZoom]);
}
