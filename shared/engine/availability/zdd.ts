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
  private readonly unique = new Map<string, number>();
  private readonly withoutMemo = new Map<number, number>();

  /** The node (v, low, high), zero-suppressed and shared. */
  node(v: number, low: number, high: number): number {
    if (high === 0) return low;
    const key = `${v},${low},${high}`;
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
    const memo = new Map<number, number>();
    const stack = [f];
    while (stack.length > 0) {
      const n = stack[stack.length - 1] as number;
      if (n <= 1 || memo.has(n)) {
        stack.pop();
        continue;
      }
      const low = this.lows[n] as number;
      const high = this.highs[n] as number;
      const pending = [low, high].filter((c) => c > 1 && !memo.has(c));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      memo.set(n, this.countOf(low, memo) + this.countOf(high, memo));
    }
    return this.countOf(f, memo);
  }

  private countOf(n: number, memo: Map<number, number>): number {
    return n <= 1 ? n : (memo.get(n) as number);
  }

  /**
   * The sets of `f` in descending order of weight, where a set's weight is the product of
   * `w[v]` over its variables (each 0 ≤ w ≤ 1), as long as `take` asks for more. Best-first over
   * the diagram's paths, bounded by the heaviest completion of each node, so the work is about
   * proportional to the sets read. Sets of equal weight come in an unspecified but fixed order.
   */
  *heaviest(f: number, w: ArrayLike<number>): Generator<{ vars: number[]; bound: number }> {
    const best = this.heaviestCompletion(f, w);
    const boundOf = (n: number): number => (n === 1 ? 1 : (best.get(n) as number));
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

  /** The largest weight of a set in each node's family below `f`. */
  private heaviestCompletion(f: number, w: ArrayLike<number>): Map<number, number> {
    const best = new Map<number, number>();
    const of = (n: number): number => (n === 0 ? -1 : n === 1 ? 1 : (best.get(n) as number));
    const stack = [f];
    while (stack.length > 0) {
      const n = stack[stack.length - 1] as number;
      if (n <= 1 || best.has(n)) {
        stack.pop();
        continue;
      }
      const low = this.lows[n] as number;
      const high = this.highs[n] as number;
      const pending = [low, high].filter((c) => c > 1 && !best.has(c));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      stack.pop();
      best.set(n, Math.max(of(low), (w[this.vars[n] as number] as number) * of(high)));
    }
    return best;
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
  const stack: [number, number][] = [[root, order]];
  const valueOf = (f: number, k: number): number | undefined => {
    if (f === 0) return 0;
    if (f === 1) return 1;
    if (k === 0) return 0;
    return memo.get(f * 64 + k);
  };
  while (stack.length > 0) {
    const [f, k] = stack[stack.length - 1] as [number, number];
    if (valueOf(f, k) !== undefined) {
      stack.pop();
      continue;
    }
    const low = bdd.lowOf(f);
    const high = bdd.highOf(f);
    const k0 = valueOf(low, k);
    const k1 = valueOf(high, k - 1);
    if (k0 === undefined || k1 === undefined) {
      if (k0 === undefined) stack.push([low, k]);
      if (k1 === undefined) stack.push([high, k - 1]);
      continue;
    }
    stack.pop();
    memo.set(f * 64 + k, family.node(bdd.varOf(f), k0, family.without(k1, k0)));
  }
  return valueOf(root, order) as number;
}

interface Path {
  readonly node: number;
  readonly weight: number;
  readonly vars: number[];
  readonly bound: number;
}

/** A binary max-heap of paths by bound; equal bounds come out first-in first-out. */
class PathHeap {
  private readonly items: { path: Path; seq: number }[] = [];
  private seq = 0;

  push(path: Path): void {
    const items = this.items;
    items.push({ path, seq: this.seq++ });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      [items[i], items[parent]] = [
        items[parent] as (typeof items)[0],
        items[i] as (typeof items)[0],
      ];
      i = parent;
    }
  }

  pop(): Path | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last) return undefined;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.before(l, m)) m = l;
        if (r < items.length && this.before(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as (typeof items)[0], items[i] as (typeof items)[0]];
        i = m;
      }
    }
    return top.path;
  }

  private before(a: number, b: number): boolean {
    const x = this.items[a] as { path: Path; seq: number };
    const y = this.items[b] as { path: Path; seq: number };
    return x.path.bound > y.path.bound || (x.path.bound === y.path.bound && x.seq < y.seq);
  }
}
