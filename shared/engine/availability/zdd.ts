/**
 * The minimal cut sets of a monotone BDD as a zero-suppressed decision diagram (Minato 1993):
 * a family of sets that can hold millions of sets in a few thousand nodes (the 3-sets of a
 * 1,000-instance tier are 166 million sets and 3,000 nodes). Built by Rauzy's decomposition
 * (Rauzy 1993, "New algorithms for fault trees analysis"; Rauzy 2001, "Mathematical
 * foundations of minimal cutsets"): for F = x·F₁ + F₀, MCS(F) = MCS(F₀) ∪ x·(MCS(F₁) ∖ MCS(F₀)),
 * where P ∖ Q keeps the sets of P that contain no set of Q. Counting the sets and reading the
 * most probable ones first are linear in the diagram (best-first over its paths), so listing
 * the top N never enumerates the rest.
 *
 * Node 0 is the empty family, node 1 the family {∅}; every other node (v, low, high) is the
 * family low ∪ { {v} ∪ s : s ∈ high }, with high ≠ 0 and every variable below v.
 */
import type { Bdd } from './bdd';

/** Most nodes a cut-set diagram may hold: the work budget of {@link minimalCutSetFamily}. */
export const MAX_CUT_SET_NODES = 1 << 21;

/** Raised when a diagram would pass {@link MAX_CUT_SET_NODES}. */
export class CutSetBudgetExceeded extends Error {
  constructor() {
    super(`the minimal cut sets need more than ${MAX_CUT_SET_NODES} diagram nodes`);
  }
}

/** A family of sets of variables, as a zero-suppressed diagram. */
export class SetFamily {
  private readonly vars: number[] = [Infinity, Infinity];
  private readonly lows: number[] = [0, 1];
  private readonly highs: number[] = [0, 1];
  /**
   * Node ids by (v, low, high): keyed by the number (v · 2²¹ + low) · 2²¹ + high, exact while
   * v < 2¹¹ (low and high stay below {@link MAX_CUT_SET_NODES} = 2²¹), else by a string.
   */
  private readonly unique = new Map<number | string, number>();
  private readonly withoutMemo = new Map<number, number>();

  /** The node (v, low, high), zero-suppressed and shared. */
  node(v: number, low: number, high: number): number {
    if (high === 0) return low;
    const key =
      v < 2048 ? (v * MAX_CUT_SET_NODES + low) * MAX_CUT_SET_NODES + high : `${v},${low},${high}`;
    const found = this.unique.get(key);
    if (found !== undefined) return found;
    const id = this.vars.length;
    if (id >= MAX_CUT_SET_NODES) throw new CutSetBudgetExceeded();
    this.vars.push(v);
    this.lows.push(low);
    this.highs.push(high);
    this.unique.set(key, id);
    return id;
  }

  /** Number of nodes, constants included. */
  get size(): number {
    return this.vars.length;
  }

  /** True when the family `f` holds the empty set. */
  hasEmpty(f: number): boolean {
    while (f > 1) f = this.lows[f] as number;
    return f === 1;
  }

  /** The sets of `p` that contain no set of `q` (Rauzy's `without`). */
  without(p: number, q: number): number {
    if (p === 0 || q === 0) return p;
    if (p === q || this.hasEmpty(q)) return 0;
    if (p === 1) return 1;
    const key = p * 0x200000 + q;
    const found = this.withoutMemo.get(key);
    if (found !== undefined) return found;
    const vp = this.vars[p] as number;
    const vq = this.vars[q] as number;
    let result: number;
    if (vp < vq) {
      result = this.node(
        vp,
        this.without(this.lows[p] as number, q),
        this.without(this.highs[p] as number, q),
      );
    } else if (vp > vq) {
      // No set of p holds vq: only the sets of q without it can be inside one.
      result = this.without(p, this.lows[q] as number);
    } else {
      const q0 = this.lows[q] as number;
      result = this.node(
        vp,
        this.without(this.lows[p] as number, q0),
        this.without(this.without(this.highs[p] as number, this.highs[q] as number), q0),
      );
    }
    this.withoutMemo.set(key, result);
    return result;
  }

  /** The variables v with {v} in `f`, ascending: the sets of one element. */
  singletons(f: number): number[] {
    const out: number[] = [];
    for (let n = f; n > 1; n = this.lows[n] as number) {
      if (this.hasEmpty(this.highs[n] as number)) out.push(this.vars[n] as number);
    }
    return out;
  }

  /** Number of sets in `f` (exact up to 2^53). */
  count(f: number): number {
    return this.values(f, (low, high) => low + high, 0)[f] as number;
  }

  /**
   * The value of every node under `f`, children first, as `combine(value of low, value of
   * high, node)` with the constants worth `empty` (0, the empty family) and 1 ({∅}); by node id,
   * NaN for the nodes not under `f`.
   */
  private values(
    f: number,
    combine: (low: number, high: number, n: number) => number,
    empty: number,
  ): Float64Array {
    const value = new Float64Array(Math.max(2, f + 1)).fill(NaN);
    value[0] = empty;
    value[1] = 1;
    const stack = [f];
    while (stack.length > 0) {
      const n = stack[stack.length - 1] as number;
      if (!Number.isNaN(value[n])) {
        stack.pop();
        continue;
      }
      const low = this.lows[n] as number;
      const high = this.highs[n] as number;
      const lowValue = value[low] as number;
      const highValue = value[high] as number;
      if (Number.isNaN(lowValue) || Number.isNaN(highValue)) {
        if (Number.isNaN(lowValue)) stack.push(low);
        if (Number.isNaN(highValue)) stack.push(high);
        continue;
      }
      stack.pop();
      value[n] = combine(lowValue, highValue, n);
    }
    return value;
  }

  /**
   * The sets of `f` in descending order of weight, where a set's weight is the product of
   * `w[v]` over its variables (each 0 ≤ w ≤ 1), as long as `take` asks for more. Best-first over
   * the diagram's paths, bounded by the heaviest completion of each node, so the work is about
   * proportional to the sets read. Sets of equal weight come in an unspecified but fixed order.
   */
  *heaviest(f: number, w: ArrayLike<number>): Generator<{ vars: number[]; bound: number }> {
    const best = this.heaviestCompletion(f, w);
    const boundOf = (n: number): number => (n === 1 ? 1 : (best[n] as number));
    const heap = new PathHeap();
    if (f !== 0) heap.push({ node: f, weight: 1, vars: [], bound: boundOf(f) });
    for (;;) {
      const path = heap.pop();
      if (!path) return;
      if (path.node === 1) {
        yield { vars: path.vars, bound: path.bound };
        continue;
      }
      const v = this.vars[path.node] as number;
      const low = this.lows[path.node] as number;
      const high = this.highs[path.node] as number;
      const wv = w[v] as number;
      if (low !== 0) {
        heap.push({
          node: low,
          weight: path.weight,
          vars: path.vars,
          bound: path.weight * boundOf(low),
        });
      }
      const weight = path.weight * wv;
      heap.push({ node: high, weight, vars: [...path.vars, v], bound: weight * boundOf(high) });
    }
  }

  /** The largest weight of a set in each node's family below `f`, by node id (−1: none). */
  private heaviestCompletion(f: number, w: ArrayLike<number>): Float64Array {
    return this.values(
      f,
      (low, high, n) => Math.max(low, (w[this.vars[n] as number] as number) * high),
      -1,
    );
  }
}

/**
 * The minimal cut sets of the monotone function `root` of `bdd` with at most `maxOrder`
 * variables, as a node of `family`. Throws {@link CutSetBudgetExceeded} past the node budget.
 */
export function minimalCutSetFamily(
  bdd: Bdd,
  root: number,
  maxOrder: number,
  family: SetFamily,
): number {
  const memo = new Map<number, number>();
  const order = Math.min(maxOrder, 63);
  // Post-order over (node, order) pairs, without recursion: a deep diagram never overflows.
  const nodes = [root];
  const orders = [order];
  const valueOf = (f: number, k: number): number | undefined => {
    if (f === 0) return 0;
    if (f === 1) return 1;
    if (k === 0) return 0;
    return memo.get(f * 64 + k);
  };
  while (nodes.length > 0) {
    const f = nodes[nodes.length - 1] as number;
    const k = orders[orders.length - 1] as number;
    if (valueOf(f, k) !== undefined) {
      nodes.pop();
      orders.pop();
      continue;
    }
    const low = bdd.lowOf(f);
    const high = bdd.highOf(f);
    const k0 = valueOf(low, k);
    const k1 = valueOf(high, k - 1);
    if (k0 === undefined || k1 === undefined) {
      if (k0 === undefined) {
        nodes.push(low);
        orders.push(k);
      }
      if (k1 === undefined) {
        nodes.push(high);
        orders.push(k - 1);
      }
      continue;
    }
    nodes.pop();
    orders.pop();
    memo.set(f * 64 + k, family.node(bdd.varOf(f), k0, family.without(k1, k0)));
  }
  return valueOf(root, order) as number;
}

interface Path {
  readonly node: number;
  readonly weight: number;
  readonly vars: number[];
  readonly bound: number;
  /** Order of arrival in the heap, set by `push`: the tie-break among equal bounds. */
  seq?: number;
}

/** A binary max-heap of paths by bound; equal bounds come out first-in first-out. */
class PathHeap {
  private readonly items: Path[] = [];
  private seq = 0;

  push(path: Path): void {
    const items = this.items;
    path.seq = this.seq++;
    // Sift up: move parents down into the hole until the path's place is found.
    let i = items.length;
    items.push(path);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as Path;
      if (!before(path, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = path;
  }

  pop(): Path | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) return undefined;
    const n = items.length;
    if (n > 0) {
      // Sift down: move the larger child up into the hole until `last` fits.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        let m = l;
        const r = l + 1;
        if (r < n && before(items[r] as Path, items[l] as Path)) m = r;
        const child = items[m] as Path;
        if (!before(child, last)) break;
        items[i] = child;
        i = m;
      }
      items[i] = last;
    }
    return top;
  }
}

/** True when path `x` comes out of the heap before `y`: a larger bound, or the same and older. */
function before(x: Path, y: Path): boolean {
  return x.bound > y.bound || (x.bound === y.bound && (x.seq as number) < (y.seq as number));
}
