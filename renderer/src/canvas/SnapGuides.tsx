/**
 * Snapping guides while dragging (placement/guides.ts): `useSnapGuides` snaps the nodes React
 * Flow is dragging onto the edges and centre lines of the others and keeps the guides to draw;
 * `GuideLines` draws them, inside <ReactFlow>, in canvas coordinates.
 */
import {
  useReactFlow,
  useStore as useFlowStore,
  type InternalNode,
  type NodeChange,
  type NodePositionChange,
} from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { snapToGuides, unionOf, type Guide, type Rect } from './placement';
import type { PlanFlowEdge, PlanFlowNode } from './to-flow';

/** React Flow's layer inside the viewport, which pans and zooms with the nodes. */
const VIEWPORT_PORTAL = '.react-flow__viewport-portal';

/** How close a line must come to snap, in screen pixels. */
const SNAP_DISTANCE_PX = 6;

/** The boxes a drag snaps to, kept for the drag: which nodes move, over which layout. */
interface SnapTargets {
  readonly moving: string;
  readonly layout: unknown;
  readonly boxes: readonly Rect[];
}

/**
 * Snaps dragged nodes to guides; `snap` rewrites a batch of node changes, `clear` ends it.
 * `layout` is the object of the canvas's current layout (its view's nodes): the boxes of the
 * nodes that do not move are read once per drag and again only when it changes (a view that
 * arrives during the drag), not on every move of the pointer (301 boxes and their parents' walk,
 * on each of some 60 moves a second).
 */
export function useSnapGuides(layout: unknown) {
  const { getInternalNode, getNodes, getZoom } = useReactFlow<PlanFlowNode, PlanFlowEdge>();
  const [guides, setGuides] = useState<readonly Guide[]>([]);
  const targets = useRef<SnapTargets | undefined>(undefined);

  const snap = useCallback(
    (changes: NodeChange<PlanFlowNode>[]): NodeChange<PlanFlowNode>[] => {
      const dragged = changes.filter(
        (c): c is NodePositionChange =>
          c.type === 'position' && c.dragging === true && !!c.position,
      );
      if (dragged.length === 0) {
        if (changes.some((c) => c.type === 'position' && c.dragging === false)) {
          targets.current = undefined;
          setGuides([]);
        }
        return changes;
      }
      const moving = new Set(dragged.map((c) => c.id));
      const absoluteOf = (id: string): Rect | undefined => {
        const node = getInternalNode(id);
        if (!node) return undefined;
        const { x, y } = node.internals.positionAbsolute;
        return { x, y, width: node.measured.width ?? 0, height: node.measured.height ?? 0 };
      };
      const boxes: Rect[] = [];
      for (const change of dragged) {
        const node = getInternalNode(change.id);
        const parent = node?.parentId ? getInternalNode(node.parentId) : undefined;
        const origin = parent?.internals.positionAbsolute ?? { x: 0, y: 0 };
        const size = absoluteOf(change.id);
        if (!change.position || !size) continue;
        boxes.push({ ...size, x: origin.x + change.position.x, y: origin.y + change.position.y });
      }
      if (boxes.length === 0) return changes;
      const movingKey = [...moving].sort().join('\n');
      let kept = targets.current;
      if (kept?.moving !== movingKey || kept.layout !== layout) {
        kept = {
          moving: movingKey,
          layout,
          boxes: othersThan(moving, getNodes(), getInternalNode, absoluteOf),
        };
        targets.current = kept;
      }
      const found = snapToGuides(unionOf(boxes), kept.boxes, SNAP_DISTANCE_PX / getZoom());
      setGuides(found.guides);
      if (found.dx === 0 && found.dy === 0) return changes;
      return changes.map((c) =>
        c.type === 'position' && c.dragging && c.position && moving.has(c.id)
          ? { ...c, position: { x: c.position.x + found.dx, y: c.position.y + found.dy } }
          : c,
      );
    },
    [getInternalNode, getNodes, getZoom, layout],
  );
  const clear = useCallback(() => {
    targets.current = undefined;
    setGuides([]);
  }, []);
  return { guides, snap, clear };
}

/**
 * The boxes a drag of `moving` snaps to: every node but the dragged ones, what they hold and
 * what holds them, in absolute canvas px; nodes not measured yet are left out.
 */
function othersThan(
  moving: ReadonlySet<string>,
  nodes: readonly PlanFlowNode[],
  getInternalNode: (id: string) => InternalNode<PlanFlowNode> | undefined,
  absoluteOf: (id: string) => Rect | undefined,
): Rect[] {
  const holders = new Set<string>();
  for (const id of moving) {
    for (
      let p = getInternalNode(id)?.parentId;
      p && !holders.has(p);
      p = getInternalNode(p)?.parentId
    ) {
      holders.add(p);
    }
  }
  const isMoving = (id: string): boolean => {
    for (
      let at = getInternalNode(id);
      at;
      at = at.parentId ? getInternalNode(at.parentId) : undefined
    ) {
      if (moving.has(at.id)) return true;
    }
    return false;
  };
  return nodes
    .filter((n) => !holders.has(n.id) && !isMoving(n.id))
    .map((n) => absoluteOf(n.id))
    .filter((r): r is Rect => r !== undefined && r.width > 0);
}

/** The viewport portal of each canvas (React Flow's root element), once found. */
const viewportPortals = new WeakMap<HTMLElement, Element>();

function viewportPortalOf(canvas: HTMLElement | null): Element | undefined {
  if (!canvas) return undefined;
  const known = viewportPortals.get(canvas);
  if (known?.isConnected) return known;
  const found = canvas.querySelector(VIEWPORT_PORTAL) ?? undefined;
  if (found) viewportPortals.set(canvas, found);
  return found;
}

/**
 * The guides, one pixel wide at any zoom, in the viewport's portal (where React Flow's
 * `ViewportPortal` puts them). The portal element is looked up once per canvas (`viewportPortalOf`): React Flow's
 * own component looks it up with a query over the whole canvas on every change of its store,
 * that is on every move of a drag (a walk past every node and edge element before it).
 *
 * A guide keeps its element while the drag moves it (keyed by its place among the guides of
 * its axis, placed by a transform), and each guide is a compositing layer of its own
 * (`.snap-guide` in editing.css): a guide made afresh at each move, painted with the cards,
 * made Chromium raster again every tile of the canvas it crossed, on every move of a drag.
 */
export function GuideLines({ guides }: { guides: readonly Guide[] }) {
  const zoom = useFlowStore((s) => s.transform[2]);
  const canvas = useFlowStore((s) => s.domNode);
  const portal = guides.length === 0 ? undefined : viewportPortalOf(canvas);
  if (!portal) return null;
  const thickness = 1 / zoom;
  const placed = { x: 0, y: 0 };
  return createPortal(
    <>
      {guides.map((g) => {
        const [left, top, width, height] =
          g.axis === 'x'
            ? [g.at - thickness / 2, g.from, thickness, g.to - g.from]
            : [g.from, g.at - thickness / 2, g.to - g.from, thickness];
        placed[g.axis] += 1;
        return (
          <div
            key={`${g.axis}${placed[g.axis]}`}
            className="snap-guide"
            data-testid="snap-guide"
            style={{ transform: `translate(${left}px, ${top}px)`, width, height }}
          />
        );
      })}
    </>,
    portal,
  );
}
