/**
 * Snapping guides while dragging: when an edge or the centre line of the dragged box comes
 * within a few pixels of an edge or centre line of another box, the drag snaps onto it and a
 * guide line is drawn along it, spanning the boxes that share it.
 */
import type { Rect } from './geometry';

/** A guide line: vertical at x = `at` (axis `x`) or horizontal at y = `at`, from `from` to `to`. */
export interface Guide {
  readonly axis: 'x' | 'y';
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Where the dragged box goes once snapped, and the guides to draw. */
export interface Snap {
  readonly dx: number;
  readonly dy: number;
  readonly guides: readonly Guide[];
}

/** The three lines of a box along an axis: start edge, centre, end edge. */
function linesOf(r: Rect, axis: 'x' | 'y'): [number, number, number] {
  const start = axis === 'x' ? r.x : r.y;
  const size = axis === 'x' ? r.width : r.height;
  return [start, start + size / 2, start + size];
}

/** The smallest shift along `axis` that puts a line of `moving` on a line of one of `others`. */
function nearestShift(moving: Rect, others: readonly Rect[], axis: 'x' | 'y', threshold: number) {
  let best: number | undefined;
  for (const other of others) {
    for (const target of linesOf(other, axis)) {
      for (const own of linesOf(moving, axis)) {
        const shift = target - own;
        if (
          Math.abs(shift) <= threshold &&
          (best === undefined || Math.abs(shift) < Math.abs(best))
        ) {
          best = shift;
        }
      }
    }
  }
  return best;
}

/** The guides along `axis` of `moving` (already snapped): one per line it shares with others. */
function guidesOf(moving: Rect, others: readonly Rect[], axis: 'x' | 'y'): Guide[] {
  const across = axis === 'x' ? 'y' : 'x';
  const guides: Guide[] = [];
  for (const line of linesOf(moving, axis)) {
    const sharing = others.filter((o) => linesOf(o, axis).some((l) => Math.abs(l - line) < 0.5));
    if (sharing.length === 0) continue;
    const spans = [moving, ...sharing].map((r) => linesOf(r, across));
    guides.push({
      axis,
      at: line,
      from: Math.min(...spans.map((s) => s[0])),
      to: Math.max(...spans.map((s) => s[2])),
    });
  }
  return guides;
}

/**
 * Snaps `moving` (canvas coordinates) onto the nearest line of `others` within `threshold` px,
 * separately along each axis, and returns the shift with the guides to draw.
 */
export function snapToGuides(moving: Rect, others: readonly Rect[], threshold: number): Snap {
  const dx = nearestShift(moving, others, 'x', threshold) ?? 0;
  const dy = nearestShift(moving, others, 'y', threshold) ?? 0;
  const snapped = { ...moving, x: moving.x + dx, y: moving.y + dy };
  return { dx, dy, guides: [...guidesOf(snapped, others, 'x'), ...guidesOf(snapped, others, 'y')] };
}
