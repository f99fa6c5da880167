/**
 * Orthogonal edge routing around the cards: each edge leaves its card from the middle of a
 * side, runs along horizontal and vertical lines that keep a clearance from every card, and
 * enters the other card from the middle of a side. The lines are those of an orthogonal
 * visibility grid (every card's sides pushed out by the clearance, and the cards' middles);
 * the shortest path on it, with a cost per bend and for running over an earlier edge, through
 * a zone or from a port an earlier edge uses, is found with Dijkstra's algorithm, shortest
 * edges first. Deterministic: the same boxes give the same routes.
 */
import type { Box } from './theme';

type Point = readonly [number, number];

/** A route request: the two cards an edge joins. */
export interface RouteEnds {
  readonly from: Box;
  readonly to: Box;
}

/** Options of {@link routeEdges}, in canvas units. */
export interface RouteOptions {
  /** Space kept between a route and every card but its ends. */
  readonly clearance: number;
  /** Boxes a route may cross at a cost (zones, whose instance marks it would strike through). */
  readonly soft?: readonly Box[];
  /** Grid points the routing may search in all; {@link ROUTING_WORK_BUDGET} when absent. */
  readonly workBudget?: number;
}

/**
 * Work the routing of one diagram may do, in grid points searched (each route searches at most
 * the whole grid; the search also weighs the routes laid before it, so a point costs more as
 * routes accumulate). The three-region template takes about 10^4; a generated 40-region design
 * (320 edges on a grid of 7,904 points) 2.5 × 10^6; 100 services × 100 datastores would take
 * 2.3 × 10^7 (10,100 edges), about 28 s. Edges beyond it, the longest ones (routed last), get
 * no route and are drawn straight, so every figure is drawn in bounded time.
 */
export const ROUTING_WORK_BUDGET = 3e6;

/** Extra length a bend costs, in canvas units. */
const BEND_COST = 40;
/** Cost factor of a stretch through a soft box or over an earlier route. */
const SOFT_COST = 2;
const SHARED_COST = 1.5;
/** Extra cost of leaving or entering a card where an earlier edge leaves or enters it. */
const SHARED_PORT_COST = 120;

/** The four ports of a box: the middle of each side, pushed out by `gap`, with the side's point. */
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

/** Whether `p` lies strictly inside `box` grown by `grow`. */
function strictlyInside(p: Point, box: Box, grow: number): boolean {
  return (
    p[0] > box.x - grow + 1e-9 &&
    p[0] < box.x + box.width + grow - 1e-9 &&
    p[1] > box.y - grow + 1e-9 &&
    p[1] < box.y + box.height + grow - 1e-9
  );
}

/** Sorted distinct values. */
function distinct(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v - (sorted[i - 1] ?? -Infinity) > 1e-6);
}

/** A binary min-heap of `[cost, state]`. */
class Heap {
  private readonly items: [number, number][] = [];

  get size(): number {
    return this.items.length;
  }

  push(cost: number, state: number): void {
    const items = this.items;
    items.push([cost, state]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const [a, b] = [items[parent], items[i]] as [[number, number], [number, number]];
      if (a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1])) break;
      items[parent] = b;
      items[i] = a;
      i = parent;
    }
  }

  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let smallest = i;
        for (const c of [l, r]) {
          const [a, b] = [items[c], items[smallest]];
          if (a && b && (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]))) smallest = c;
        }
        if (smallest === i) break;
        [items[i], items[smallest]] = [
          items[smallest] as [number, number],
          items[i] as [number, number],
        ];
        i = smallest;
      }
    }
    return top;
  }
}

/** Drops the middle of three points on one line. */
function simplify(points: readonly Point[]): Point[] {
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

/**
 * Routes for `edges` among the cards `cards` (which include each edge's ends), in order: each
 * a polyline from a point on the border of `from` to one on the border of `to`, its first and
 * last stretches perpendicular to those borders, that stays `clearance` away from every other
 * card. `undefined` for an edge with no such route (cards overlapping or packed without gaps),
 * or beyond {@link ROUTING_WORK_BUDGET}.
 */
export function routeEdges(
  edges: readonly RouteEnds[],
  cards: readonly Box[],
  options: RouteOptions,
): (Point[] | undefined)[] {
  const c = options.clearance;
  const soft = options.soft ?? [];
  const all = [...cards, ...soft];
  const minX = Math.min(...all.map((b) => b.x)) - 3 * c;
  const maxX = Math.max(...all.map((b) => b.x + b.width)) + 3 * c;
  const minY = Math.min(...all.map((b) => b.y)) - 3 * c;
  const maxY = Math.max(...all.map((b) => b.y + b.height)) + 3 * c;
  const xs = distinct([
    minX,
    maxX,
    ...cards.flatMap((b) => [b.x - c, b.x + b.width + c, b.x + b.width / 2]),
    ...soft.flatMap((b) => [b.x, b.x + b.width]),
  ]);
  const ys = distinct([
    minY,
    maxY,
    ...cards.flatMap((b) => [b.y - c, b.y + b.height + c, b.y + b.height / 2]),
    ...soft.flatMap((b) => [b.y, b.y + b.height]),
  ]);
  const nx = xs.length;
  const ny = ys.length;
  const index = (i: number, j: number) => j * nx + i;
  const blocked = (p: Point) => cards.some((b) => strictlyInside(p, b, c));
  const free: boolean[] = [];
  for (let j = 0; j < ny; j += 1) {
    for (let i = 0; i < nx; i += 1) free[index(i, j)] = !blocked([xs[i] ?? 0, ys[j] ?? 0]);
  }
  /** Cost factor of the grid stretch between two neighbouring nodes (Infinity when it crosses a card). */
  const stretch = (a: Point, b: Point): number => {
    const middle: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    if (blocked(middle)) return Infinity;
    return soft.some((box) => strictlyInside(middle, box, 0)) ? SOFT_COST : 1;
  };
  // The factor of each stretch to the right of and below each node, worked out once.
  const right: number[] = [];
  const down: number[] = [];
  for (let j = 0; j < ny; j += 1) {
    for (let i = 0; i < nx; i += 1) {
      const here: Point = [xs[i] ?? 0, ys[j] ?? 0];
      right[index(i, j)] = i + 1 < nx ? stretch(here, [xs[i + 1] ?? 0, here[1]]) : Infinity;
      down[index(i, j)] = j + 1 < ny ? stretch(here, [here[0], ys[j + 1] ?? 0]) : Infinity;
    }
  }
  const factorOf = (i: number, j: number, d: number): number =>
    d === 1
      ? (right[index(i, j)] ?? Infinity)
      : d === 3
        ? (right[index(i - 1, j)] ?? Infinity)
        : d === 2
          ? (down[index(i, j)] ?? Infinity)
          : (down[index(i, j - 1)] ?? Infinity);
  const usedPorts = new Set<string>();
  const portKey = (p: Point) => `${p[0]},${p[1]}`;
  const used = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * nx * ny + b : b * nx * ny + a);
  const find = (value: number, among: readonly number[]) =>
    among.findIndex((v) => Math.abs(v - value) < 1e-6);
  // Directions: 0 up, 1 right, 2 down, 3 left.
  const step = [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ] as const;

  const route = ({ from, to }: RouteEnds): Point[] | undefined => {
    const starts = ports(from, c)
      .map((p, side) => ({ ...p, side, node: index(find(p.port[0], xs), find(p.port[1], ys)) }))
      .filter((p) => p.node >= 0 && free[p.node]);
    const ends = ports(to, c)
      .map((p, side) => ({ ...p, side, node: index(find(p.port[0], xs), find(p.port[1], ys)) }))
      .filter((p) => p.node >= 0 && free[p.node]);
    if (starts.length === 0 || ends.length === 0) return undefined;
    // State: node × direction of arrival; past the grid's states, one terminal state per end.
    const terminal = nx * ny * 4;
    const best = new Float64Array(terminal + ends.length).fill(Infinity);
    const previous = new Int32Array(terminal + ends.length).fill(-1);
    const endsAt = new Map<number, number[]>();
    ends.forEach((e, k) => endsAt.set(e.node, [...(endsAt.get(e.node) ?? []), k]));
    const heap = new Heap();
    for (const s of starts) {
      const state = s.node * 4 + s.side;
      const cost = usedPorts.has(portKey(s.border)) ? SHARED_PORT_COST : 0;
      best[state] = cost;
      heap.push(cost, state);
    }
    let reached: number | undefined;
    while (heap.size > 0) {
      const [cost, state] = heap.pop() as [number, number];
      if (cost > (best[state] ?? Infinity)) continue;
      if (state >= terminal) {
        reached = state;
        break;
      }
      const node = Math.floor(state / 4);
      const direction = state % 4;
      // An end is entered moving towards the card: against the side's outward direction.
      for (const k of endsAt.get(node) ?? []) {
        const e = ends[k];
        if (!e || (e.side + 2) % 4 !== direction) continue;
        const total = cost + (usedPorts.has(portKey(e.border)) ? SHARED_PORT_COST : 0);
        if (total < (best[terminal + k] ?? Infinity)) {
          best[terminal + k] = total;
          previous[terminal + k] = state;
          heap.push(total, terminal + k);
        }
      }
      const i = node % nx;
      const j = Math.floor(node / nx);
      for (let d = 0; d < 4; d += 1) {
        if (d === (direction + 2) % 4) continue;
        const [di, dj] = step[d] as readonly [number, number];
        const ni = i + di;
        const nj = j + dj;
        if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
        const next = index(ni, nj);
        if (!free[next]) continue;
        const factor = factorOf(i, j, d);
        if (factor === Infinity) continue;
        const length =
          Math.abs((xs[i] ?? 0) - (xs[ni] ?? 0)) + Math.abs((ys[j] ?? 0) - (ys[nj] ?? 0));
        const shared = used.get(key(node, next)) ?? 0;
        const total =
          cost + length * factor * (1 + SHARED_COST * shared) + (d === direction ? 0 : BEND_COST);
        const nextState = next * 4 + d;
        if (total < (best[nextState] ?? Infinity)) {
          best[nextState] = total;
          previous[nextState] = state;
          heap.push(total, nextState);
        }
      }
    }
    if (reached === undefined) return undefined;
    const end = ends[reached - terminal];
    const nodes: number[] = [];
    for (let s = previous[reached] ?? -1; s >= 0; s = previous[s] ?? -1) {
      nodes.unshift(Math.floor(s / 4));
    }
    for (let k = 1; k < nodes.length; k += 1) {
      const edge = key(nodes[k - 1] ?? 0, nodes[k] ?? 0);
      used.set(edge, (used.get(edge) ?? 0) + 1);
    }
    const first = nodes[0];
    const start = starts.find((s) => s.node === first) ?? starts[0];
    const points: Point[] = nodes.map((n) => [xs[n % nx] ?? 0, ys[Math.floor(n / nx)] ?? 0]);
    if (start) usedPorts.add(portKey(start.border));
    if (end) usedPorts.add(portKey(end.border));
    return simplify([start?.border ?? points[0] ?? [0, 0], ...points, end?.border ?? [0, 0]]);
  };
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
  const routes: (Point[] | undefined)[] = [];
  let work = 0;
  for (const i of order) {
    work += nx * ny;
    routes[i] = work <= (options.workBudget ?? ROUTING_WORK_BUDGET) ? route(edges[i] as RouteEnds) : undefined;
  }
  return edges.map((_, i) => routes[i]);
}
