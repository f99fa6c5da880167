/**
 * Rectangles on the canvas and the tests the placement rules are made of. Coordinates in px;
 * whether a rectangle is relative to a container or absolute is up to the caller.
 */

/** An axis-aligned rectangle, px. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A point, px. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * True when `a` and `b` share some area, or come closer than `margin` px to each other (with a
 * margin of 0, rectangles that only touch do not overlap).
 */
export function overlaps(a: Rect, b: Rect, margin = 0): boolean {
  return (
    a.x < b.x + b.width + margin &&
    b.x < a.x + a.width + margin &&
    a.y < b.y + b.height + margin &&
    b.y < a.y + a.height + margin
  );
}

/** The smallest rectangle holding every one of `rects` (which must not be empty). */
export function unionOf(rects: readonly Rect[]): Rect {
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The centre of `r`. */
export function centreOf(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** True when `inner` lies wholly inside `outer` (edges may touch). */
export function isInside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/** The part of `a` inside `b`, or null when they do not overlap. */
export function intersectionOf(a: Rect, b: Rect): Rect | null {
  const left = Math.max(a.x, b.x);
  const top = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** How far apart two rectangles are, px: 0 when they overlap or touch, else the larger gap. */
export function separation(a: Rect, b: Rect): number {
  const dx = Math.max(0, b.x - (a.x + a.width), a.x - (b.x + b.width));
  const dy = Math.max(0, b.y - (a.y + a.height), a.y - (b.y + b.height));
  return Math.max(dx, dy);
}

/** `r` moved so that its top-left corner is at `at`. */
export function movedTo(r: Rect, at: Point): Rect {
  return { x: at.x, y: at.y, width: r.width, height: r.height };
}

/** Where a container keeps what it holds: children's top-left corners lie at or past it. */
export interface Bounds {
  readonly minX: number;
  readonly minY: number;
}

/** No lower bound: the top level of the canvas. */
export const UNBOUNDED: Bounds = { minX: -Infinity, minY: -Infinity };

/** `r` moved right and down just enough to start within `bounds`. */
export function clampTo(r: Rect, bounds: Bounds): Rect {
  return movedTo(r, { x: Math.max(r.x, bounds.minX), y: Math.max(r.y, bounds.minY) });
}

/**
 * The free position nearest to `box` (by straight-line distance of its top-left corner, once moved within `bounds`) where it
 * keeps `gap` px from every one of `obstacles` and stays within `bounds`. It exists always (right
 * of everything). The nearest such position has each coordinate either where it was, on a bound,
 * or `gap` px beyond an obstacle's edge, so only those are tried; ties go to the position higher
 * up, then further left, so the answer is deterministic.
 */
export function nearestFree(
  requested: Rect,
  obstacles: readonly Rect[],
  bounds: Bounds,
  gap: number,
): Point {
  const box = clampTo(requested, bounds);
  const xs = new Set<number>([box.x]);
  const ys = new Set<number>([box.y]);
  if (Number.isFinite(bounds.minX)) xs.add(bounds.minX);
  if (Number.isFinite(bounds.minY)) ys.add(bounds.minY);
  for (const o of obstacles) {
    xs.add(o.x + o.width + gap);
    xs.add(o.x - gap - box.width);
    ys.add(o.y + o.height + gap);
    ys.add(o.y - gap - box.height);
  }
  const candidatesX = [...xs].filter((x) => x >= bounds.minX);
  const candidatesY = [...ys].filter((y) => y >= bounds.minY);
  let best: { x: number; y: number; cost: number } | undefined;
  for (const y of candidatesY) {
    for (const x of candidatesX) {
      const cost = (x - box.x) ** 2 + (y - box.y) ** 2;
      if (
        best &&
        (cost > best.cost || (cost === best.cost && (y > best.y || (y === best.y && x >= best.x))))
      ) {
        continue;
      }
      const at = movedTo(box, { x, y });
      if (obstacles.some((o) => overlaps(at, o, gap))) continue;
      best = { x, y, cost };
    }
  }
  // Unreachable: right of every obstacle at the box's own (bounded) height is always free.
  if (!best) throw new Error('no free position');
  return { x: best.x, y: best.y };
}
