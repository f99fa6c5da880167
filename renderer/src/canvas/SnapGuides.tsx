/**
 * Snapping guides while dragging (placement/guides.ts): `useSnapGuides` snaps the nodes React
 * Flow is dragging onto the edges and centre lines of the others and keeps the guides to draw;
 * `GuideLines` draws them, inside <ReactFlow>, in canvas coordinates.
 */
import {
  useReactFlow,
  useStore as useFlowStore,
  ViewportPortal,
  type InternalNode,
  type NodeChange,
  type NodePositionChange,
} from '@xyflow/react';
import { useCallback, useRef, useState } from 'react';
import { snapToGuides, unionOf, type Guide, type Rect } from './placement';
import type { PlanFlowEdge, PlanFlowNode } from './to-flow';

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

/** The guides, one pixel wide at any zoom. */
export function GuideLines({ guides }: { guides: readonly Guide[] }) {
  const zoom = useFlowStore((s) => s.transform[2]);
  if (guides.length === 0) return null;
  const thickness = 1 / zoom;
  return (
    <ViewportPortal>
      {guides.map((g) => (
        <div
          key={`${g.axis}:${g.at}`}
          className="snap-guide"
          data-testid="snap-guide"
          style={
            g.axis === 'x'
              ? { left: g.at - thickness / 2, top: g.from, width: thickness, height: g.to - g.from }
              : { left: g.from, top: g.at - thickness / 2, width: g.to - g.from, height: thickness }
          }
        />
      ))}
    </ViewportPortal>
  );
}
