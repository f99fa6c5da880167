/**
 * Align and distribute a selection, in canvas coordinates: pure functions of the selected boxes,
 * and the edit that applies them (each one undo step, the aligned nodes anchored by the tidy
 * rule so that whatever they now cover moves aside).
 */
import type { NinesDocument } from '../../../../shared/model/types';
import { variantOf } from '../../../../shared/model/ops/variant-utils';
import { layoutVariant } from '../layout';
import { unionOf, type Point, type Rect } from './geometry';
import { moveAndTidy } from './edits';
import { absoluteBox } from './variant-geometry';

/** Which edge or centre line the selection lines up on. */
export type Alignment = 'left' | 'centre' | 'right' | 'top' | 'middle' | 'bottom';

/** Along which axis the gaps between the selected nodes are made equal. */
export type Spacing = 'horizontal' | 'vertical';

/**
 * The new top-left corners of `rects` lined up on the selection's bounding box: its left edge,
 * vertical centre line or right edge; its top edge, horizontal centre line or bottom edge.
 */
export function alignRects(rects: readonly Rect[], how: Alignment): Point[] {
  if (rects.length === 0) return [];
  const all = unionOf(rects);
  return rects.map((r) => {
    switch (how) {
      case 'left':
        return { x: all.x, y: r.y };
      case 'centre':
        return { x: Math.round(all.x + (all.width - r.width) / 2), y: r.y };
      case 'right':
        return { x: all.x + all.width - r.width, y: r.y };
      case 'top':
        return { x: r.x, y: all.y };
      case 'middle':
        return { x: r.x, y: Math.round(all.y + (all.height - r.height) / 2) };
      case 'bottom':
        return { x: r.x, y: all.y + all.height - r.height };
    }
  });
}

/**
 * The new top-left corners of `rects` with equal gaps between neighbours along `axis`: in order of
 * their left (top) edges, the first stays, the others follow at an equal gap, so that the last
 * ends where it ended (when the boxes overlap along the axis, the gap is 0 and the row
 * lengthens). Needs three boxes; fewer come back where they are.
 */
export function distributeRects(rects: readonly Rect[], axis: Spacing): Point[] {
  if (rects.length < 3) return rects.map((r) => ({ x: r.x, y: r.y }));
  const start = (r: Rect) => (axis === 'horizontal' ? r.x : r.y);
  const size = (r: Rect) => (axis === 'horizontal' ? r.width : r.height);
  const order = rects
    .map((r, i) => i)
    .sort((a, b) => start(rects[a] as Rect) - start(rects[b] as Rect) || a - b);
  const sorted = order.map((i) => rects[i] as Rect);
  const first = sorted[0] as Rect;
  const span = Math.max(...sorted.map((r) => start(r) + size(r))) - start(first);
  const filled = sorted.reduce((sum, r) => sum + size(r), 0);
  const gap = Math.max(0, (span - filled) / (sorted.length - 1));
  const out: Point[] = rects.map((r) => ({ x: r.x, y: r.y }));
  let at = start(first);
  for (const i of order) {
    const r = rects[i] as Rect;
    const p = Math.round(at);
    out[i] = axis === 'horizontal' ? { x: p, y: r.y } : { x: r.x, y: p };
    at += size(r) + gap;
  }
  return out;
}

/**
 * Applies an arrangement to nodes `nodeIds` of variant `variantId`: `arrange` gets their boxes
 * (canvas coordinates) and returns their new top-left corners. Nodes inside another selected
 * node travel with it and are left out. Each keeps its container.
 */
export function arrangeNodes(
  doc: NinesDocument,
  variantId: string,
  nodeIds: readonly string[],
  arrange: (rects: readonly Rect[]) => Point[],
): NinesDocument {
  const variant = variantOf(doc, variantId);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const chosen = new Set(nodeIds);
  const isInsideChosen = (id: string): boolean => {
    const seen = new Set<string>();
    for (let p = byId.get(id)?.parent; p !== undefined && !seen.has(p); p = byId.get(p)?.parent) {
      if (chosen.has(p)) return true;
      seen.add(p);
    }
    return false;
  };
  const ids = nodeIds.filter((id) => byId.has(id) && !isInsideChosen(id));
  if (ids.length < 2) return doc;
  const boxes = layoutVariant(variant);
  const targets = arrange(ids.map((id) => absoluteBox(variant, boxes, id)));
  return moveAndTidy(
    doc,
    variantId,
    ids.map((id, i) => ({
      nodeId: id,
      parentId: byId.get(id)?.parent,
      absolute: targets[i] ?? absoluteBox(variant, boxes, id),
    })),
  );
}
