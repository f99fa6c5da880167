/**
 * Orthogonal edge routing around the cards: each edge leaves its card from the middle of a
 * side, runs along horizontal and vertical lines that keep a clearance from every card and
 * container label, and enters the other card from the middle of a side. The lines are those
 * of an orthogonal visibility grid (grid.ts); the cheapest path on it, with a cost per bend,
 * through a zone and from a port an earlier edge uses, is found with the A* search (Manhattan
 * distance to the nearest end port as the estimate, which never overestimates, so the path is
 * as cheap as Dijkstra's), shortest edges first. Edges that share a line are pulled apart
 * afterwards (nudge.ts). Deterministic: the same boxes (and kept routes) give the same routes.
 */
import { type Box, type Point, EPSILON, grown, segmentCrossesBox } from './geometry';
import { buildGrid, type Grid, lineAt, pointOf } from './grid';
import { Heap } from './heap';

/** A route request: the two cards an edge joins. */
export interface RouteEnds {
  readonly from: Box;
  readonly to: Box;
}

/** Options of {@link routeEdges}, in canvas units. */
export interface RouteOptions {
  /** Space kept between a route and every card but its ends, and every label. */
  readonly clearance: number;
  /** Boxes a route may not cross at all (the containers' labels). */
  readonly labels?: readonly Box[];
  /** Boxes a route may cross at a cost (zones, whose instance marks it would strike through). */
  readonly soft?: readonly Box[];
  /** Boxes with a lane along each side, twice the clearance out (regions). */
  readonly lanes?: readonly Box[];
  /** Search states the routing may expand in all; {@link ROUTING_WORK_BUDGET} when absent. */
  readonly workBudget?: number;
  /**
   * Earlier routes of the same edges (in the same order, as {@link routeEdges} returned them):
   * each one that still joins its cards' ports and keeps clear of every card and label is kept
   * as it is, so that moving one card re-routes only the edges it disturbs.
   */
  readonly previous?: readonly (readonly Point[] | undefined)[];
  /**
   * The cards and labels that are new or moved since `previous` was laid: a kept route is
   * checked against these only (it kept clear of the others then). All of them when absent.
   */
  readonly changed?: readonly Box[];
}

/**
 * Work the routing of one diagram may do, in search states expanded (a state is a grid point
 * with the direction it was reached from). Measured: the three-region template takes about
 * 5 × 10^3 on the canvas, a generated 40-region design (320 edges) about 9.5 × 10^5 on the
 * canvas and 5.2 × 10^5 in the 1,200-point export. Edges beyond the budget, the longest ones
 * (routed last), get no route and are drawn straight, so every drawing is routed in bounded
 * time.
 */
export const ROUTING_WORK_BUDGET = 5e6;

/** Extra length a bend costs, in canvas units. */
const BEND_COST = 40;
/** Extra cost of leaving or entering a card where an earlier edge leaves or enters it. */
const SHARED_PORT_COST = 120;

/** The four ports of a box (top, right, bottom, left): the side's middle, and pushed out by `gap`. */
function ports(box: Box, gap: number): { port: Point; border: Point }[] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return [
    { port: [cx, box.y - gap], border: [cx, box.y] },
    { port: [box.x + box.width + gap, cy], border: [box.x + box.width, cy] },
    { port: [cx, box.y + box.height + gap], border: [cx, box.y + box.height] },
    { port: [box.x - gap, cy], border: [box.x, cy] },
  ];
}

/** Drops repeated points and the middle of three points on one line. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const a = out[out.length - 2];
    const b = out[out.length - 1];
    if (b && Math.abs(b[0] - p[0]) < 1e-9 && Math.abs(b[1] - p[1]) < 1e-9) continue;
    if (a && b && ((a[0] === b[0] && b[0] === p[0]) || (a[1] === b[1] && b[1] === p[1]))) {
      out[out.length - 1] = p;
    } else {
      out.push(p);
    }
  }
  return out;
}

/** A port a route can use: its point, the card's border behind it, the side and grid point. */
interface Port {
  readonly port: Point;
  readonly border: Point;
  /** 0 top, 1 right, 2 bottom, 3 left. */
  readonly side: number;
  readonly node: number;
}

/** One search's reusable memory: best cost and predecessor per state, valid where stamped. */
interface Scratch {
  readonly best: Float64Array;
  readonly previous: Int32Array;
  readonly stamp: Int32Array;
  /** Stamped when a state has been expanded. */
  readonly closed: Int32Array;
  run: number;
}

/** The routing of many edges on one grid, each route weighing those laid before it. */
class Router {
  private readonly usedPorts = new Set<string>();
  /** The ports of each card (`portsOf`), found once: a card is the end of several edges. */
  private readonly openPorts = new Map<Box, Port[]>();
  private readonly scratch: Scratch;
  /** States expanded so far. */
  work = 0;

  constructor(
    private readonly grid: Grid,
    private readonly labels: readonly Box[],
    private readonly clearance: number,
    private readonly budget: number,
  ) {
    const size = grid.nx * grid.ny * 4 + 4;
    this.scratch = {
      best: new Float64Array(size),
      previous: new Int32Array(size),
      stamp: new Int32Array(size),
      closed: new Int32Array(size),
      run: 0,
    };
  }

  /** The ports of `box` a route can use: free, and not reached through a label over the card. */
  private portsOf(box: Box): Port[] {
    const known = this.openPorts.get(box);
    if (known) return known;
    const { xs, ys, nx, free } = this.grid;
    const open = ports(box, this.clearance).flatMap((p, side) => {
      const [i, j] = [lineAt(xs, p.port[0]), lineAt(ys, p.port[1])];
      const node = j * nx + i;
      const isOpen =
        i >= 0 &&
        j >= 0 &&
        free[node] === 1 &&
        !this.labels.some((label) => segmentCrossesBox(p.border, p.port, label));
      return isOpen ? [{ ...p, side, node }] : [];
    });
    this.openPorts.set(box, open);
    return open;
  }

  /** Counts the ports of a route kept from before as used. */
  keep(route: readonly Point[]): void {
    for (const p of [route[0], route[route.length - 1]])
      if (p) this.usedPorts.add(`${p[0]},${p[1]}`);
  }

  /** The route of one edge, or undefined when none exists or the budget runs out. */
  route({ from, to }: RouteEnds): Point[] | undefined {
    const { xs, ys, nx, ny, free, right, down } = this.grid;
    const starts = this.portsOf(from);
    const ends = this.portsOf(to);
    if (starts.length === 0 || ends.length === 0) return undefined;
    const s = this.scratch;
    const { best, previous, stamp, closed } = s;
    s.run += 1;
    const run = s.run;
    // A state's best cost is best[state] where stamped in this run, else Infinity; the loops
    // below read and write the arrays in place (no closure per step: see the Heap).
    const endCount = ends.length;
    const endX = ends.map((e) => e.port[0]);
    const endY = ends.map((e) => e.port[1]);
    /** Manhattan distance from grid point `node` to the nearest end port. */
    const estimate = (node: number): number => {
      const x = xs[node % nx] ?? 0;
      const y = ys[Math.floor(node / nx)] ?? 0;
      let least = Infinity;
      for (let k = 0; k < endCount; k += 1) {
        least = Math.min(
          least,
          Math.abs(x - (endX[k] as number)) + Math.abs(y - (endY[k] as number)),
        );
      }
      return least;
    };
    const portCost = (p: Point) => (this.usedPorts.has(`${p[0]},${p[1]}`) ? SHARED_PORT_COST : 0);
    // State: node × direction of arrival; past the grid's states, one terminal state per end.
    const terminal = nx * ny * 4;
    const heap = new Heap();
    for (const start of starts) {
      const state = start.node * 4 + start.side;
      const value = portCost(start.border);
      if (value < (stamp[state] === run ? (best[state] as number) : Infinity)) {
        stamp[state] = run;
        best[state] = value;
        previous[state] = -1;
        const rest = estimate(start.node);
        heap.push(value + rest, rest, state);
      }
    }
    let reached: number | undefined;
    while (heap.size > 0) {
      const state = heap.pop();
      if (state >= terminal) {
        reached = state;
        break;
      }
      if (closed[state] === run) continue;
      closed[state] = run;
      this.work += 1;
      if (this.work > this.budget) return undefined;
      const here = stamp[state] === run ? (best[state] as number) : Infinity;
      const node = Math.floor(state / 4);
      const direction = state % 4;
      // An end is entered moving towards the card: against the side's outward direction.
      for (let k = 0; k < endCount; k += 1) {
        const e = ends[k];
        if (!e || e.node !== node || (e.side + 2) % 4 !== direction) continue;
        const total = here + portCost(e.border);
        const end = terminal + k;
        if (total < (stamp[end] === run ? (best[end] as number) : Infinity)) {
          stamp[end] = run;
          best[end] = total;
          previous[end] = state;
          heap.push(total, 0, end);
        }
      }
      const i = node % nx;
      const j = Math.floor(node / nx);
      // Directions: 0 up, 1 right, 2 down, 3 left.
      for (let d = 0; d < 4; d += 1) {
        if (d === (direction + 2) % 4) continue;
        const ni = d === 1 ? i + 1 : d === 3 ? i - 1 : i;
        const nj = d === 2 ? j + 1 : d === 0 ? j - 1 : j;
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
        const next = nj * nx + ni;
        if (!free[next]) continue;
        const factor =
          d === 1 ? right[node] : d === 3 ? right[next] : d === 2 ? down[node] : down[next];
        if (factor === undefined || factor === Infinity) continue;
        const length =
          Math.abs((xs[i] ?? 0) - (xs[ni] ?? 0)) + Math.abs((ys[j] ?? 0) - (ys[nj] ?? 0));
        const total = here + length * factor + (d === direction ? 0 : BEND_COST);
        const nextState = next * 4 + d;
        if (total < (stamp[nextState] === run ? (best[nextState] as number) : Infinity)) {
          stamp[nextState] = run;
          best[nextState] = total;
          previous[nextState] = state;
          const rest = estimate(next);
          heap.push(total + rest, rest, nextState);
        }
      }
    }
    if (reached === undefined) return undefined;
    const end = ends[reached - terminal];
    const nodes: number[] = [];
    for (let state = previous[reached] ?? -1; state >= 0; state = previous[state] ?? -1) {
      nodes.push(Math.floor(state / 4));
    }
    nodes.reverse();
    const start = starts.find((p) => p.node === nodes[0]) ?? starts[0];
    if (!start || !end) return undefined;
    // Copies of the ports' points: a port serves other routes too.
    const route = simplify([
      [start.border[0], start.border[1]],
      ...nodes.map((n) => pointOf(this.grid, n)),
      [end.border[0], end.border[1]],
    ]);
    this.keep(route);
    return route;
  }
}

function sameBox(a: Box, b: Box): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/**
 * Whether `route` still serves the edge between `from` and `to`: it starts and ends at the
 * middle of a side of each, leaves and enters perpendicularly, runs only horizontally and
 * vertically, and keeps `clearance` from every obstacle (its own cards excepted where it
 * leaves and enters them).
 */
export function isRouteValid(
  route: readonly Point[],
  { from, to }: RouteEnds,
  obstacles: readonly Box[],
  clearance: number,
): boolean {
  const first = route[0];
  const second = route[1];
  const last = route[route.length - 1];
  const beforeLast = route[route.length - 2];
  if (!first || !second || !last || !beforeLast) return false;
  const same = (a: Point, b: Point) =>
    Math.abs(a[0] - b[0]) <= EPSILON && Math.abs(a[1] - b[1]) <= EPSILON;
  /** Whether `p` is the middle of a side of `box` and `q` lies straight out from that side. */
  const leaves = (box: Box, p: Point, q: Point): boolean =>
    ports(box, 1).some(({ port, border }) => {
      if (!same(p, border)) return false;
      const outward: Point = [port[0] - border[0], port[1] - border[1]];
      const towards: Point = [q[0] - p[0], q[1] - p[1]];
      return (
        Math.abs(outward[0] * towards[1] - outward[1] * towards[0]) <= EPSILON &&
        outward[0] * towards[0] + outward[1] * towards[1] > 0
      );
    });
  if (!leaves(from, first, second) || !leaves(to, last, beforeLast)) return false;
  for (let k = 1; k < route.length; k += 1) {
    const [a, b] = [route[k - 1] as Point, route[k] as Point];
    if (Math.abs(a[0] - b[0]) > EPSILON && Math.abs(a[1] - b[1]) > EPSILON) return false;
    for (const box of obstacles) {
      const isOwn = (k === 1 && sameBox(box, from)) || (k === route.length - 1 && sameBox(box, to));
      if (!isOwn && segmentCrossesBox(a, b, grown(box, clearance))) return false;
    }
  }
  return true;
}

/**
 * Routes for `edges` among the cards `cards` (which include each edge's ends), in order: each
 * a polyline from the middle of a side of `from` to the middle of a side of `to`, its first and
 * last stretches perpendicular to those sides, that stays `clearance` away from every other
 * card and every label. `undefined` for an edge with no such route (cards overlapping or packed
 * without gaps), or beyond the work budget ({@link ROUTING_WORK_BUDGET}).
 */
export function routeEdges(
  edges: readonly RouteEnds[],
  cards: readonly Box[],
  options: RouteOptions,
): (Point[] | undefined)[] {
  if (edges.length === 0) return [];
  const grid = buildGrid({
    cards,
    labels: options.labels ?? [],
    soft: options.soft ?? [],
    lanes: options.lanes ?? [],
    clearance: options.clearance,
  });
  const router = new Router(
    grid,
    options.labels ?? [],
    options.clearance,
    options.workBudget ?? ROUTING_WORK_BUDGET,
  );
  // Short edges first: they take the ports that face each other, and longer edges, which have
  // more ways to go, keep clear of them.
  const distance = ({ from, to }: RouteEnds) =>
    Math.abs(from.x + from.width / 2 - (to.x + to.width / 2)) +
    Math.abs(from.y + from.height / 2 - (to.y + to.height / 2));
  const order = edges
    .map((_, i) => i)
    .sort((a, b) => {
      const [ea, eb] = [edges[a], edges[b]] as [RouteEnds, RouteEnds];
      return distance(ea) - distance(eb) || a - b;
    });
  const obstacles = options.changed ?? [...cards, ...(options.labels ?? [])];
  const routes = edges.map((edge, i): Point[] | undefined => {
    const before = options.previous?.[i];
    return before && isRouteValid(before, edge, obstacles, options.clearance)
      ? [...before]
      : undefined;
  });
  for (const route of routes) if (route) router.keep(route);
  for (const i of order) {
    if (!routes[i]) routes[i] = router.route(edges[i] as RouteEnds);
  }
  return routes;
}
