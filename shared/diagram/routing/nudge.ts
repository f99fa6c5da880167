/**
 * Parallel edges pulled apart: routes found one by one may run along the same grid line for a
 * while (a trunk of edges to one card, two edges out of one port). Every horizontal or vertical
 * stretch that overlaps another route's stretch on the same line is given a lane of its own,
 * the lanes spread evenly about the line and never further than `maxOffset` from it; moving a
 * stretch sideways moves the ends of its neighbouring stretches along their own line, so a
 * route stays orthogonal. With `maxOffset` below the routing's clearance, a route that kept the
 * clearance still crosses no card and no label.
 */
import { EPSILON, type Point } from './geometry';

/** One stretch of one route: its line and extent along it. */
interface Stretch {
  readonly route: number;
  /** Index of its first point in the route. */
  readonly at: number;
  readonly low: number;
  readonly high: number;
}

/** Assigns lanes to the overlapping stretches on one line: each stretch's offset across it. */
function lanesOf(stretches: Stretch[], spacing: number, maxOffset: number): Map<Stretch, number> {
  const offsets = new Map<Stretch, number>();
  const sorted = stretches.toSorted((a, b) => a.low - b.low || a.route - b.route || a.at - b.at);
  let cluster: Stretch[] = [];
  let reach = -Infinity;
  const close = () => {
    if (cluster.length < 2) return;
    // Greedy colouring of the intervals: each stretch takes the lowest lane free at its start.
    const laneEnds: number[] = [];
    const lane = new Map<Stretch, number>();
    for (const s of cluster) {
      let l = laneEnds.findIndex((end) => end <= s.low + EPSILON);
      if (l < 0) l = laneEnds.length;
      laneEnds[l] = s.high;
      lane.set(s, l);
    }
    const count = laneEnds.length;
    if (count < 2) return;
    const step = Math.min(spacing, (2 * maxOffset) / (count - 1));
    for (const [s, l] of lane) offsets.set(s, (l - (count - 1) / 2) * step);
  };
  for (const s of sorted) {
    if (s.low >= reach - EPSILON) {
      close();
      cluster = [];
    }
    cluster.push(s);
    reach = Math.max(reach, s.high);
  }
  close();
  return offsets;
}

/**
 * `routes` with overlapping parallel stretches of different routes `spacing` apart (closer when
 * many share a line, at most `maxOffset` off it). Routes without a stretch to share come back
 * unchanged; `undefined` stays `undefined`.
 */
export function nudgeRoutes(
  routes: readonly (readonly Point[] | undefined)[],
  spacing: number,
  maxOffset: number,
): (Point[] | undefined)[] {
  const lines = new Map<string, Stretch[]>();
  routes.forEach((route, r) => {
    for (let k = 1; k < (route?.length ?? 0); k += 1) {
      const [a, b] = [route?.[k - 1] as Point, route?.[k] as Point];
      const isHorizontal = Math.abs(a[1] - b[1]) <= EPSILON;
      const isVertical = Math.abs(a[0] - b[0]) <= EPSILON;
      if (isHorizontal === isVertical) continue;
      const [along, across] = isHorizontal ? ([0, 1] as const) : ([1, 0] as const);
      const key = `${isHorizontal ? 'h' : 'v'}${a[across].toFixed(4)}`;
      const stretch = {
        route: r,
        at: k - 1,
        low: Math.min(a[along], b[along]),
        high: Math.max(a[along], b[along]),
      };
      lines.set(key, [...(lines.get(key) ?? []), stretch]);
    }
  });
  const moved = routes.map((route) => route?.map((p): [number, number] => [p[0], p[1]]));
  for (const [key, stretches] of lines) {
    const across = key.startsWith('h') ? 1 : 0;
    for (const [s, offset] of lanesOf(stretches, spacing, maxOffset)) {
      const route = moved[s.route];
      for (const p of [route?.[s.at], route?.[s.at + 1]]) if (p) p[across] += offset;
    }
  }
  return moved;
}
