/**
 * Where an edge's label goes: the middle of the route's longest stretch when the label's box
 * covers no card, container label or earlier edge label there, else the first such free spot
 * among the middles and quarter points of the other stretches, longest first.
 */
import { type Box, type Point, boxesOverlap } from './geometry';

/** The size of a label's box, canvas units. */
export interface LabelSize {
  readonly width: number;
  readonly height: number;
}

/** The box of a label of `size` centred on `at`. */
export function labelBox(at: Point, size: LabelSize): Box {
  return { x: at[0] - size.width / 2, y: at[1] - size.height / 2, ...size };
}

/**
 * The centre of a label of `size` on `route`, free of every box of `obstacles` when one of
 * the candidate spots is; the middle of the longest stretch when none is (a label must sit on
 * its edge). `undefined` for a route of fewer than two points.
 */
export function labelSpot(
  route: readonly Point[],
  size: LabelSize,
  obstacles: readonly Box[],
): Point | undefined {
  const stretches = route
    .slice(1)
    .map((b, k) => {
      const a = route[k] as Point;
      return { a, b, length: Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]), k };
    })
    .sort((s, t) => t.length - s.length || s.k - t.k);
  const at = (a: Point, b: Point, t: number): Point => [
    a[0] + (b[0] - a[0]) * t,
    a[1] + (b[1] - a[1]) * t,
  ];
  const candidates = stretches.flatMap(({ a, b }) => [0.5, 0.25, 0.75].map((t) => at(a, b, t)));
  const free = candidates.find((p) => !obstacles.some((o) => boxesOverlap(labelBox(p, size), o)));
  return free ?? candidates[0];
}
