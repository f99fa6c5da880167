/**
 * The passes over a binary decision diagram laid out children first (`Bdd`'s layout of a root):
 * the probability of every node, the same under several probability vectors with only what
 * differs recomputed, and the Birnbaum derivatives. Each reads the layout's one compact table
 * front to back or back to front; the manager (`bdd.ts`) makes the layouts and owns the scratch
 * tables they fill.
 */

/**
 * A diagram laid out for the passes over it: its nodes children first (depth-first post-order),
 * for the i-th, at 3i, its variable and the positions of its low and high children in that
 * order (0 and 1 the constants, the i-th node at i + 2). A pass reads this one compact table
 * front to back or back to front, and the probabilities it fills are as compact. The root is the
 * last node.
 */
export interface Layout {
  /** Number of nodes (constants not counted). */
  readonly size: number;
  readonly cells: Int32Array;
}

/**
 * The layout of the `size` nodes `nodes` (children first), read from the manager's node table
 * `data` (variable, low child and high child of node n at 4n, 4n + 1, 4n + 2); `positions`, by
 * node id, is scratch.
 */
export function layOut(
  nodes: Int32Array,
  size: number,
  data: Int32Array,
  positions: Int32Array,
): Layout {
  const cells = new Int32Array(3 * size);
  for (let i = 0; i < size; i++) {
    const n = nodes[i] as number;
    const low = data[4 * n + 1] as number;
    const high = data[4 * n + 2] as number;
    positions[n] = i + 2;
    cells[3 * i] = data[4 * n] as number;
    cells[3 * i + 1] = low <= 1 ? low : (positions[low] as number);
    cells[3 * i + 2] = high <= 1 ? high : (positions[high] as number);
  }
  return { size, cells };
}

/**
 * Fills `prob` (at least `layout.size + 2` long) with the probability of the constants (at 0
 * and 1) and of every node of `layout` (the i-th at i + 2), children first, when variable v is
 * true with probability `p[v]`, independently (Shannon expansion); returns `prob`.
 */
export function probabilityTable(
  layout: Layout,
  p: ArrayLike<number>,
  prob: Float64Array,
): Float64Array {
  const size = layout.size + 2;
  const cells = layout.cells;
  prob[0] = 0;
  prob[1] = 1;
  for (let i = 0; i < size - 2; i++) {
    const pv = p[cells[3 * i] as number] as number;
    prob[i + 2] =
      pv * (prob[cells[3 * i + 2] as number] as number) +
      (1 - pv) * (prob[cells[3 * i + 1] as number] as number);
  }
  return prob;
}

/**
 * The probability of the root of `layout` under each of the vectors `ps` (over `varCount`
 * variables), `prob` being {@link probabilityTable} of `ps[0]`: for each other vector, only the
 * nodes above a variable whose probability differs between the vectors are computed again
 * (every other node keeps the same value: same inputs, same operations).
 */
export function probabilitiesOver(
  layout: Layout,
  ps: readonly ArrayLike<number>[],
  varCount: number,
  prob: Float64Array,
): Float64Array {
  const first = ps[0] as ArrayLike<number>;
  const n = layout.size;
  const cells = layout.cells;
  const out = new Float64Array(ps.length);
  out[0] = prob[n + 1] as number;
  if (ps.length === 1) return out;
  const varies = new Uint8Array(varCount);
  for (let v = 0; v < varCount; v++) {
    varies[v] = ps.some((p) => p[v] !== first[v]) ? 1 : 0;
  }
  // The positions of the nodes that depend on a varying variable, children first.
  const depends = new Uint8Array(n + 2);
  const changed: number[] = [];
  for (let i = 0; i < n; i++) {
    if (
      varies[cells[3 * i] as number] ||
      depends[cells[3 * i + 1] as number] ||
      depends[cells[3 * i + 2] as number]
    ) {
      depends[i + 2] = 1;
      changed.push(i);
    }
  }
  for (let s = 1; s < ps.length; s++) {
    const p = ps[s] as ArrayLike<number>;
    for (const i of changed) {
      const pv = p[cells[3 * i] as number] as number;
      prob[i + 2] =
        pv * (prob[cells[3 * i + 2] as number] as number) +
        (1 - pv) * (prob[cells[3 * i + 1] as number] as number);
    }
    out[s] = prob[n + 1] as number;
  }
  return out;
}

/**
 * ∂P(root)/∂p[v] for every one of `varCount` variables: P(root | v true) − P(root | v false),
 * the Birnbaum importance, in one backward pass over `layout`, `prob` being its
 * {@link probabilityTable} under `p`; `reach` (at least `layout.size + 2` long) is scratch.
 */
export function derivativesOver(
  layout: Layout,
  p: ArrayLike<number>,
  varCount: number,
  prob: Float64Array,
  reach: Float64Array,
): Float64Array {
  const out = new Float64Array(varCount);
  const size = layout.size + 2;
  reach.fill(0, 2, size - 1);
  reach[size - 1] = 1;
  const cells = layout.cells;
  for (let i = size - 3; i >= 0; i--) {
    const r = reach[i + 2] as number;
    const v = cells[3 * i] as number;
    const pv = p[v] as number;
    const low = cells[3 * i + 1] as number;
    const high = cells[3 * i + 2] as number;
    out[v] = (out[v] as number) + r * ((prob[high] as number) - (prob[low] as number));
    if (high > 1) reach[high] = (reach[high] as number) + r * pv;
    if (low > 1) reach[low] = (reach[low] as number) + r * (1 - pv);
  }
  return out;
}
