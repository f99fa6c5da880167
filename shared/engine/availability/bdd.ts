/**
 * A reduced ordered binary decision diagram (Bryant 1986) over monotone functions: a unique
 * table per variable makes equal functions equal ids, and AND / OR are memoised `apply`
 * operations. At-least-k-of-n is built by the standard dynamic programme over BDDs
 * (T(i, j) = f_i ∧ T(i+1, j−1) ∨ T(i+1, j)). Probabilities and Birnbaum derivatives are read off
 * the diagram; its minimal cut sets are built from it in `zdd.ts`.
 *
 * Variables are integers 0…n−1; a lower number is nearer the root. Node ids 0 and 1 are the
 * constants false and true; every other node's children have smaller ids than the node itself.
 */

/** Largest number of nodes: 4 × id + op must fit the Int32 computed table. */
const MAX_NODES = 1 << 28;

/** A BDD manager: nodes are plain integer ids into its tables. */
export class Bdd {
  /** Variable, low child and high child of each node; the constants carry `varCount`. */
  private vars = new Int32Array(1024);
  private lows = new Int32Array(1024);
  private highs = new Int32Array(1024);
  private count = 2;
  /** Open-addressing unique table of node ids (0 = empty slot, constants are never stored). */
  private unique = new Int32Array(2048);
  /** Lossy computed table (as in CUDD): [4a + op, b, result] triples, direct mapped; op 0 AND, 1 OR, 2 NOT. */
  private cache = new Int32Array(3 * (1 << 12));
  /** Scratch tables of the traversals: visit marks (by epoch) and node probabilities. */
  private marks = new Uint32Array(0);
  private epoch = 0;
  private scratch = new Float64Array(0);
  private reachScratch = new Float64Array(0);
  private stack = new Int32Array(0);

  /** A manager for `varCount` variables. */
  constructor(readonly varCount: number) {
    this.vars[0] = varCount;
    this.vars[1] = varCount;
    this.lows[1] = 1;
    this.highs[1] = 1;
    this.cache.fill(-1);
  }

  /** Number of nodes created so far, constants included. */
  get nodeCount(): number {
    return this.count;
  }

  /** The function "variable v is true". */
  variable(v: number): number {
    return this.mk(v, 0, 1);
  }

  private static hash(v: number, low: number, high: number): number {
    return (
      (Math.imul(v, 0x9e3779b1) ^ Math.imul(low, 0x85ebca6b) ^ Math.imul(high, 0xc2b2ae35)) >>> 0
    );
  }

  private mk(v: number, low: number, high: number): number {
    if (low === high) return low;
    const mask = this.unique.length - 1;
    let slot = Bdd.hash(v, low, high) & mask;
    for (;;) {
      const id = this.unique[slot] as number;
      if (id === 0) break;
      if (this.vars[id] === v && this.lows[id] === low && this.highs[id] === high) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id >= MAX_NODES) throw new Error('BDD node table full');
    if (id >= this.vars.length) this.growNodes();
    this.vars[id] = v;
    this.lows[id] = low;
    this.highs[id] = high;
    this.unique[slot] = id;
    if (this.count * 2 > this.unique.length) this.rehash();
    return id;
  }

  private growNodes(): void {
    const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.vars = grow(this.vars);
    this.lows = grow(this.lows);
    this.highs = grow(this.highs);
  }

  private rehash(): void {
    const table = new Int32Array(this.unique.length * 2);
    const mask = table.length - 1;
    for (let id = 2; id < this.count; id++) {
      let slot =
        Bdd.hash(this.vars[id] as number, this.lows[id] as number, this.highs[id] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.unique = table;
    // Keep the computed table about as large as the node table.
    if (this.cache.length < 3 * this.count && this.cache.length < 3 * (1 << 22)) {
      this.cache = new Int32Array(this.cache.length * 2).fill(-1);
    }
  }

  private cached(op: number, a: number, b: number): number {
    const slot = 3 * ((Bdd.hash(op, a, b) & (this.cache.length / 3 - 1)) >>> 0);
    return this.cache[slot] === a * 4 + op && this.cache[slot + 1] === b
      ? (this.cache[slot + 2] as number)
      : -1;
  }

  private remember(op: number, a: number, b: number, result: number): void {
    const slot = 3 * ((Bdd.hash(op, a, b) & (this.cache.length / 3 - 1)) >>> 0);
    this.cache[slot] = a * 4 + op;
    this.cache[slot + 1] = b;
    this.cache[slot + 2] = result;
  }

  /** Conjunction. */
  and(a: number, b: number): number {
    if (a === 0 || b === 0) return 0;
    if (a === 1 || a === b) return b;
    if (b === 1) return a;
    if (a > b) [a, b] = [b, a];
    const found = this.cached(0, a, b);
    if (found >= 0) return found;
    const result = this.split(a, b, 0);
    this.remember(0, a, b, result);
    return result;
  }

  /** Disjunction. */
  or(a: number, b: number): number {
    if (a === 1 || b === 1) return 1;
    if (a === 0 || a === b) return b;
    if (b === 0) return a;
    if (a > b) [a, b] = [b, a];
    const found = this.cached(1, a, b);
    if (found >= 0) return found;
    const result = this.split(a, b, 1);
    this.remember(1, a, b, result);
    return result;
  }

  /** The node "if variable v then `high` else `low`"; v must come before both in the order. */
  ite(v: number, high: number, low: number): number {
    return this.mk(v, low, high);
  }

  /** Negation (the result is no longer monotone: cut sets do not apply to it). */
  not(a: number): number {
    if (a <= 1) return 1 - a;
    const found = this.cached(2, a, 0);
    if (found >= 0) return found;
    const result = this.mk(
      this.vars[a] as number,
      this.not(this.lows[a] as number),
      this.not(this.highs[a] as number),
    );
    this.remember(2, a, 0, result);
    return result;
  }

  private split(a: number, b: number, op: number): number {
    const va = this.vars[a] as number;
    const vb = this.vars[b] as number;
    const v = va < vb ? va : vb;
    const a0 = va === v ? (this.lows[a] as number) : a;
    const a1 = va === v ? (this.highs[a] as number) : a;
    const b0 = vb === v ? (this.lows[b] as number) : b;
    const b1 = vb === v ? (this.highs[b] as number) : b;
    const low = op === 0 ? this.and(a0, b0) : this.or(a0, b0);
    const high = op === 0 ? this.and(a1, b1) : this.or(a1, b1);
    return this.mk(v, low, high);
  }

  /** True when at least `k` of `fs` are true (k ≤ 0: true; k > fs.length: false). */
  atLeast(k: number, fs: readonly number[]): number {
    if (k <= 0) return 1;
    if (k > fs.length) return 0;
    // Deepest functions first, so that the partial results stay near the bottom of the order.
    const sorted = [...fs].sort((x, y) => (this.vars[x] as number) - (this.vars[y] as number));
    let row: number[] = Array.from({ length: k + 1 }, (_, j) => (j === 0 ? 1 : 0));
    for (let i = sorted.length - 1; i >= 0; i--) {
      const f = sorted[i] as number;
      const next = [1];
      for (let j = 1; j <= k; j++) {
        next.push(this.or(this.and(f, row[j - 1] as number), row[j] as number));
      }
      row = next;
    }
    return row[k] as number;
  }

  /**
   * "At least `k` of the variables of `groups` are true, where a group's `zone`, when true,
   * makes all of its variables count as true", built directly (no apply). The groups must come
   * in variable order, each zone before its own variables and after the previous group's:
   * node (g, c) is "at least c among groups g…", a chain through the group's variables when
   * its zone is false. O(Σ|vars| · k) nodes.
   */
  groupedThreshold(
    k: number,
    groups: readonly { zone?: number; vars: readonly number[] }[],
  ): number {
    if (k <= 0) return 1;
    // row[c] = at least c among the groups after the current one, c = 0…k.
    let row: number[] = Array.from({ length: k + 1 }, (_, c) => (c === 0 ? 1 : 0));
    for (let g = groups.length - 1; g >= 0; g--) {
      const { zone, vars } = groups[g] as { zone?: number; vars: readonly number[] };
      // chain[c] = at least c among vars[i…] and the groups after, for the current i.
      let chain = row;
      for (let i = vars.length - 1; i >= 0; i--) {
        const v = vars[i] as number;
        const below = chain;
        chain = below.map((low, c) => (c === 0 ? 1 : this.mk(v, low, below[c - 1] as number)));
      }
      row =
        zone === undefined
          ? chain
          : chain.map((up, c) =>
              c === 0 ? 1 : this.mk(zone, up, row[Math.max(0, c - vars.length)] as number),
            );
    }
    return row[k] as number;
  }

  /**
   * Conjunction of all of `fs` (true when empty), folded one at a time from the end of the
   * deepest-first order back to its start. Functions whose roots tie keep the order of `fs`,
   * which follows the variable order for the targets of a router over regions (each region's
   * failure starts at the events they share, e.g. a global dependency): they are then added from
   * the last region up, and each step leaves the nodes below the region it adds as they are.
   * Pairwise combination rebuilds every region's nodes at each of its log₂ n levels: 12 regions
   * × 3 zones took 150,000 nodes for a result of 43,000, this takes 99,000; 40 regions 573,000
   * and 259,000. Failures are conjoined for redundancy (routers, OR gates); a series (`orAll`)
   * stays pairwise, which made fewer nodes there. The diagram is the same: it is canonical.
   */
  andAll(fs: readonly number[]): number {
    const deepestFirst = this.deepestFirst(fs);
    let result = 1;
    for (let i = deepestFirst.length - 1; i >= 0; i--) {
      result = this.and(deepestFirst[i] as number, result);
    }
    return result;
  }

  /** Disjunction of all of `fs` (false when empty). */
  orAll(fs: readonly number[]): number {
    return this.balanced(this.deepestFirst(fs), 0, (a, b) => this.or(a, b));
  }

  /** Combines neighbours pairwise, level by level: intermediate results stay small. */
  private balanced(fs: number[], unit: number, op: (a: number, b: number) => number): number {
    let level = fs;
    while (level.length > 1) {
      const next: number[] = [];
      for (let i = 0; i < level.length; i += 2) {
        next.push(
          i + 1 < level.length
            ? op(level[i] as number, level[i + 1] as number)
            : (level[i] as number),
        );
      }
      level = next;
    }
    return level[0] ?? unit;
  }

  private deepestFirst(fs: readonly number[]): number[] {
    return [...fs].sort((x, y) => (this.vars[y] as number) - (this.vars[x] as number));
  }

  /** Nodes reachable from `root`, children before parents (depth-first post-order). */
  private reachable(root: number): Int32Array {
    if (root <= 1) return new Int32Array(0);
    if (this.marks.length < this.count) {
      this.marks = new Uint32Array(this.vars.length);
      this.epoch = 0;
    }
    // A node is pushed at most once per parent edge, plus its own negated entry.
    if (this.stack.length < 3 * this.count) this.stack = new Int32Array(3 * this.vars.length);
    const epoch = ++this.epoch;
    const marks = this.marks;
    const stack = this.stack;
    const out: number[] = [];
    // Each stack entry is a node, negated once its children have been pushed; a node is marked
    // when it is expanded, so it is emitted after all of its descendants.
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const n = stack[--top] as number;
      if (n < 0) {
        out.push(-n);
        continue;
      }
      if (marks[n] === epoch) continue;
      marks[n] = epoch;
      stack[top++] = -n;
      const low = this.lows[n] as number;
      const high = this.highs[n] as number;
      if (low > 1 && marks[low] !== epoch) stack[top++] = low;
      if (high > 1 && marks[high] !== epoch) stack[top++] = high;
    }
    return Int32Array.from(out);
  }

  /** Number of non-constant nodes reachable from `root`. */
  size(root: number): number {
    return this.reachable(root).length;
  }

  /**
   * Probability that `root` is true when variable v is true with probability `p[v]`,
   * independently (Shannon expansion, one pass).
   */
  probability(root: number, p: ArrayLike<number>): number {
    return this.fillProbabilities(p, this.reachable(root))[root] as number;
  }

  /**
   * {@link probability} of `root` under each of the vectors `ps`, one pass per vector over the
   * diagram's nodes, found once.
   */
  probabilities(root: number, ps: readonly ArrayLike<number>[]): Float64Array {
    const nodes = this.reachable(root);
    return Float64Array.from(ps, (p) => this.fillProbabilities(p, nodes)[root] as number);
  }

  /** Fills the scratch table with the probability of every node in `nodes` (ascending). */
  private fillProbabilities(p: ArrayLike<number>, nodes: Int32Array): Float64Array {
    if (this.scratch.length < this.count) this.scratch = new Float64Array(this.vars.length);
    const prob = this.scratch;
    const vars = this.vars;
    const lows = this.lows;
    const highs = this.highs;
    prob[0] = 0;
    prob[1] = 1;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i] as number;
      const pv = p[vars[n] as number] as number;
      prob[n] =
        pv * (prob[highs[n] as number] as number) + (1 - pv) * (prob[lows[n] as number] as number);
    }
    return prob;
  }

  /**
   * ∂P(root)/∂p[v] for every variable v: P(root | v true) − P(root | v false), the Birnbaum
   * importance, in one forward and one backward pass over the diagram.
   */
  derivatives(root: number, p: ArrayLike<number>): Float64Array {
    const nodes = this.reachable(root);
    const prob = this.fillProbabilities(p, nodes);
    if (this.reachScratch.length < this.count)
      this.reachScratch = new Float64Array(this.vars.length);
    const reach = this.reachScratch;
    for (let i = 0; i < nodes.length; i++) reach[nodes[i] as number] = 0;
    reach[root] = 1;
    const out = new Float64Array(this.varCount);
    for (let i = nodes.length - 1; i >= 0; i--) {
      const n = nodes[i] as number;
      const r = reach[n] as number;
      const v = this.vars[n] as number;
      const pv = p[v] as number;
      const high = this.highs[n] as number;
      const low = this.lows[n] as number;
      out[v] = (out[v] as number) + r * ((prob[high] as number) - (prob[low] as number));
      if (high > 1) reach[high] = (reach[high] as number) + r * pv;
      if (low > 1) reach[low] = (reach[low] as number) + r * (1 - pv);
    }
    return out;
  }

  /** Variable tested at node `n` (`varCount` for the constants). */
  varOf(n: number): number {
    return this.vars[n] as number;
  }

  /** Child of node `n` when its variable is false. */
  lowOf(n: number): number {
    return this.lows[n] as number;
  }

  /** Child of node `n` when its variable is true. */
  highOf(n: number): number {
    return this.highs[n] as number;
  }
}
