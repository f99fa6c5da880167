/** The plane the routing works in: boxes and points in canvas units (y grows downwards). */

/** A rectangle: its top-left corner, width and height. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point `[x, y]`. */
export type Point = readonly [number, number];

/** Distances below this are rounding, not geometry. */
export const EPSILON = 1e-6;

/** `box` pushed out by `grow` on every side (pulled in when negative). */
export function grown(box: Box, grow: number): Box {
  return {
    x: box.x - grow,
    y: box.y - grow,
    width: box.width + 2 * grow,
    height: box.height + 2 * grow,
  };
}

/** Whether `p` lies strictly inside `box` (not on its border). */
export function strictlyInside(p: Point, box: Box): boolean {
  return (
    p[0] > box.x + EPSILON &&
    p[0] < box.x + box.width - EPSILON &&
    p[1] > box.y + EPSILON &&
    p[1] < box.y + box.height - EPSILON
  );
}

/**
 * Whether the segment from `a` to `b` passes through the inside of `box`: some part of it lies
 * strictly inside (running along a border or touching a corner does not count). Exact for the
 * horizontal and vertical segments of orthogonal routes, and for any other segment (a straight
 * fallback) by clipping it to the box (Liang–Barsky).
 */
export function segmentCrossesBox(a: Point, b: Point, box: Box): boolean {
  const inner = grown(box, -EPSILON);
  if (inner.width <= 0 || inner.height <= 0) return false;
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const clips: [number, number][] = [
    [-dx, a[0] - inner.x],
    [dx, inner.x + inner.width - a[0]],
    [-dy, a[1] - inner.y],
    [dy, inner.y + inner.height - a[1]],
  ];
  for (const [p, q] of clips) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return t1 - t0 > EPSILON;
}

/** Whether two boxes overlap with some area (touching borders do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - EPSILON &&
    b.x < a.x + a.width - EPSILON &&
    a.y < b.y + b.height - EPSILON &&
    b.y < a.y + a.height - EPSILON
  );
}
