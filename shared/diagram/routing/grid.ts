/**
 * The orthogonal visibility grid the routes run on: vertical and horizontal lines through every
 * obstacle's sides pushed out by the clearance, through every card's middle (where the ports
 * are), along the soft boxes' sides and in the gaps beside the lane boxes; a grid point is free
 * when no obstacle (grown by the clearance) holds it, a stretch between neighbouring points
 * costs its length times a factor (Infinity through an obstacle, more through a soft box).
 */
import { type Box, EPSILON, type Point, grown } from './geometry';

/** What the grid is built from, in canvas units. */
export interface GridInput {
  /** Boxes no route may enter but at its own ends: the cards. */
  readonly cards: readonly Box[];
  /** Boxes no route may enter at all: the containers' labels. */
  readonly labels: readonly Box[];
  /** Boxes a route may cross at a cost (zones, whose instance marks it would strike through). */
  readonly soft: readonly Box[];
  /** Boxes with a lane on each side, twice the clearance out (regions: the gaps between them). */
  readonly lanes: readonly Box[];
  /** Space kept between a route and every obstacle. */
  readonly clearance: number;
}

/** Cost factor of a stretch through a soft box. */
const SOFT_COST = 2;

/** The grid: its lines, which points are free and the cost factor of each stretch. */
export interface Grid {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly nx: number;
  readonly ny: number;
  /** 1 where the point `j * nx + i` is free. */
  readonly free: Uint8Array;
  /** Cost factor of the stretch from point `j * nx + i` to its right neighbour. */
  readonly right: Float64Array;
  /** Cost factor of the stretch from point `j * nx + i` to the neighbour below. */
  readonly down: Float64Array;
}

/** Sorted distinct values. */
function distinct(values: readonly number[]): Float64Array {
  const sorted = [...values].sort((a, b) => a - b);
  return Float64Array.from(
    sorted.filter((v, i) => i === 0 || v - (sorted[i - 1] ?? -Infinity) > EPSILON),
  );
}

/** Index of the first value of `sorted` greater than `value` + EPSILON. */
function firstAbove(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) > value + EPSILON) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Index of the first value of `sorted` at or above `value` − EPSILON. */
function firstFrom(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) >= value - EPSILON) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Builds the grid; the work is the number of grid points plus the points each box covers. */
export function buildGrid(input: GridInput): Grid {
  const c = input.clearance;
  const blocking = [...input.cards, ...input.labels].map((b) => grown(b, c));
  const lanes = input.lanes.map((b) => grown(b, 2 * c));
  const all = [...blocking, ...input.soft, ...lanes];
  const minX = Math.min(...all.map((b) => b.x)) - c;
  const maxX = Math.max(...all.map((b) => b.x + b.width)) + c;
  const minY = Math.min(...all.map((b) => b.y)) - c;
  const maxY = Math.max(...all.map((b) => b.y + b.height)) + c;
  const xs = distinct([
    minX,
    maxX,
    ...[...blocking, ...input.soft, ...lanes].flatMap((b) => [b.x, b.x + b.width]),
    ...input.cards.map((b) => b.x + b.width / 2),
  ]);
  const ys = distinct([
    minY,
    maxY,
    ...[...blocking, ...input.soft, ...lanes].flatMap((b) => [b.y, b.y + b.height]),
    ...input.cards.map((b) => b.y + b.height / 2),
  ]);
  const nx = xs.length;
  const ny = ys.length;
  const free = new Uint8Array(nx * ny).fill(1);
  const right = new Float64Array(nx * ny).fill(1);
  const down = new Float64Array(nx * ny).fill(1);
  for (let j = 0; j < ny; j += 1) right[j * nx + nx - 1] = Infinity;
  for (let i = 0; i < nx; i += 1) down[(ny - 1) * nx + i] = Infinity;
  /** Marks the points strictly inside `b` and the stretches whose middle is strictly inside. */
  const mark = (b: Box, factor: number) => {
    // Lines strictly inside, and the first lines on or past each side.
    const [i0, i1] = [firstAbove(xs, b.x), firstFrom(xs, b.x + b.width)];
    const [j0, j1] = [firstAbove(ys, b.y), firstFrom(ys, b.y + b.height)];
    const [iFrom, jFrom] = [Math.max(i0 - 1, 0), Math.max(j0 - 1, 0)];
    for (let j = j0; j < j1; j += 1) {
      for (let i = iFrom; i < Math.min(i1, nx - 1); i += 1) {
        const k = j * nx + i;
        right[k] = factor === Infinity ? Infinity : Math.max(right[k] ?? 1, factor);
      }
    }
    for (let i = i0; i < i1; i += 1) {
      for (let j = jFrom; j < Math.min(j1, ny - 1); j += 1) {
        const k = j * nx + i;
        down[k] = factor === Infinity ? Infinity : Math.max(down[k] ?? 1, factor);
      }
    }
    if (factor !== Infinity) return;
    for (let j = j0; j < j1; j += 1) for (let i = i0; i < i1; i += 1) free[j * nx + i] = 0;
  };
  for (const b of input.soft) mark(b, SOFT_COST);
  for (const b of blocking) mark(b, Infinity);
  return { xs, ys, nx, ny, free, right, down };
}

/** The index of the grid line at `value`, or -1 when there is none. */
export function lineAt(lines: Float64Array, value: number): number {
  const i = firstFrom(lines, value);
  return i < lines.length && Math.abs((lines[i] ?? 0) - value) <= EPSILON ? i : -1;
}

/** The point of grid index `node`. */
export function pointOf(grid: Grid, node: number): Point {
  return [grid.xs[node % grid.nx] ?? 0, grid.ys[Math.floor(node / grid.nx)] ?? 0];
}
