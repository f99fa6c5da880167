/**
 * The check the routing answers to: which stretches of which edges pass through a card or a
 * container label. A route that keeps its clearance crosses nothing; an edge drawn straight
 * (no route found) may.
 */
import { type Box, type Point, segmentCrossesBox } from './geometry';

/** One stretch of an edge passing through an obstacle. */
export interface Crossing {
  /** Index of the edge among the lines given. */
  readonly edge: number;
  /** Index of the stretch in the edge's line (from point `segment` to `segment + 1`). */
  readonly segment: number;
  /** Index of the obstacle among those given. */
  readonly obstacle: number;
}

/**
 * Every stretch of `lines` (polylines) that passes through the inside of a box of `obstacles`;
 * running along a border or touching a corner does not count, so an edge that starts or ends
 * on its card's border does not cross it.
 */
export function findCrossings(
  lines: readonly (readonly Point[])[],
  obstacles: readonly Box[],
): Crossing[] {
  const out: Crossing[] = [];
  lines.forEach((line, edge) => {
    for (let segment = 0; segment + 1 < line.length; segment += 1) {
      const [a, b] = [line[segment] as Point, line[segment + 1] as Point];
      obstacles.forEach((box, obstacle) => {
        if (segmentCrossesBox(a, b, box)) out.push({ edge, segment, obstacle });
      });
    }
  });
  return out;
}
