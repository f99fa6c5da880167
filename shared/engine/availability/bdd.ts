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

import {
  derivativesOver,
  layOut,
  type Layout,
  probabilitiesOver,
  probabilityTable,
} from './diagram-passes';

/** Largest number of nodes: 4 × id + op must fit the Int32 computed table. */
const MAX_NODES = 1 << 28;

/** A BDD manager: nodes are plain integer ids into its tables. */
export class Bdd {
  /**
   * Variable, low child and high child of node n at 4n, 4n + 1, 4n + 2 (4n + 3 unused): one
   * cache line holds all that a step of `apply` or a traversal reads of a node. The constants
   * carry `varCount`.
   */
  private data = new Int32Array(4 * 1024);
  private count = 2;
  /** Open-addressing unique table of node ids (0 = empty slot, constants are never stored). */
  private unique = new Int32Array(2048);
  /**
   * Lossy computed table (as in CUDD): [4a + op, b, result] triples, direct mapped; op 0 AND,
   * 1 OR, 2 NOT. Only non-constant a (≥ 2) are stored, so a key is never 0: a zeroed slot is
   * empty, and a new table needs no fill.
   */
  private cache = new Int32Array(3 * (1 << 10));
  /** Number of triples in `cache` − 1 (a power of two − 1). */
  private cacheMask = (1 << 10) - 1;
  /** Scratch tables of the depth-first traversal: visit marks (by epoch), stack and output. */
  private marks = new Uint32Array(0);
  private epoch = 0;
  private stack = new Int32Array(0);
  private order = new Int32Array(0);
  /**
   * The layout of every root passed so far: nodes never change, so it stays valid, and the same
   * diagram is read many times (the service's for its unavailability and its importance, a
   * region's for its failure frequency, its load cases and its negation).
   */
  private readonly layouts = new Map<number, Layout>();
  /** Scratch table by node id: a node's position in the layout being made. */
  private positions = new Int32Array(0);
  /** Scratch tables by layout position: probabilities, and reach in `derivatives`. */
  private prob = new Float64Array(0);
  private reach = new Float64Array(0);

  /** A manager for `varCount` variables. */
  constructor(readonly varCount: number) {
    this.data[0] = varCount;
    this.data[4] = varCount;
    this.data[5] = 1;
    this.data[6] = 1;
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
    const unique = this.unique;
    const mask = unique.length - 1;
    let slot = Bdd.hash(v, low, high) & mask;
    for (;;) {
      const id = unique[slot] as number;
      if (id === 0) break;
      const n = this.data;
      if (n[4 * id] === v && n[4 * id + 1] === low && n[4 * id + 2] === high) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id >= MAX_NODES) throw new Error('BDD node table full');
    if (4 * id >= this.data.length) this.growNodes();
    const n = this.data;
    n[4 * id] = v;
    n[4 * id + 1] = low;
    n[4 * id + 2] = high;
    unique[slot] = id;
    if (this.count * 2 > this.unique.length) this.rehash();
    return id;
  }

  private growNodes(): void {
    const nodes = new Int32Array(this.data.length * 2);
    nodes.set(this.data);
    this.data = nodes;
  }

  /** Room for this many nodes in the node table (constants included). */
  private get capacity(): number {
    return this.data.length >> 2;
  }

  private rehash(): void {
    const table = new Int32Array(this.unique.length * 2);
    const mask = table.length - 1;
    const n = this.data;
    for (let id = 2; id < this.count; id++) {
      let slot =
        Bdd.hash(n[4 * id] as number, n[4 * id + 1] as number, n[4 * id + 2] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id;
    }
    this.unique = table;
    // Keep the computed table at about a quarter of the node table: a larger one barely
    // saves any work (most pairs are asked once) and falls out of the processor cache.
    if (4 * this.cache.length < 3 * this.count && this.cache.length < 3 * (1 << 22)) {
      this.cache = new Int32Array(this.cache.length * 2);
      this.cacheMask = this.cache.length / 3 - 1;
    }
  }

  private cached(op: number, a: number, b: number): number {
    const slot = 3 * (Bdd.hash(op, a, b) & this.cacheMask);
    return this.cache[slot] === a * 4 + op && this.cache[slot + 1] === b
      ? (this.cache[slot + 2] as number)
      : -1;
  }

  private remember(op: number, a: number, b: number, result: number): void {
    const slot = 3 * (Bdd.hash(op, a, b) & this.cacheMask);
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

  /**
   * Negation (the result is no longer monotone: cut sets do not apply to it): the same diagram
   * with its constants swapped, built bottom-up over the nodes of `a` in one pass.
   */
  not(a: number): number {
    if (a <= 1) return 1 - a;
    const found = this.cached(2, a, 0);
    if (found >= 0) return found;
    const { size, cells } = this.layout(a);
    // negations[i + 2]: the negation of the i-th node of the layout; the constants swap.
    const negations = new Int32Array(size + 2);
    negations[0] = 1;
    for (let i = 0; i < size; i++) {
      negations[i + 2] = this.mk(
        cells[3 * i] as number,
        negations[cells[3 * i + 1] as number] as number,
        negations[cells[3 * i + 2] as number] as number,
      );
    }
    const result = negations[size + 1] as number;
    this.remember(2, a, 0, result);
    // The negation has the same shape, with the constants swapped.
    if (!this.layouts.has(result)) {
      const negated = cells.slice();
      for (let j = 0; j < negated.length; j++) {
        if (j % 3 !== 0 && (negated[j] as number) <= 1) negated[j] = 1 - (negated[j] as number);
      }
      this.layouts.set(result, { size, cells: negated });
    }
    return result;
  }

  private split(a: number, b: number, op: number): number {
    const va = this.data[4 * a] as number;
    const vb = this.data[4 * b] as number;
    const v = va < vb ? va : vb;
    const a0 = va === v ? (this.data[4 * a + 1] as number) : a;
    const a1 = va === v ? (this.data[4 * a + 2] as number) : a;
    const b0 = vb === v ? (this.data[4 * b + 1] as number) : b;
    const b1 = vb === v ? (this.data[4 * b + 2] as number) : b;
    const low = op === 0 ? this.and(a0, b0) : this.or(a0, b0);
    const high = op === 0 ? this.and(a1, b1) : this.or(a1, b1);
    return this.mk(v, low, high);
  }

  /** True when at least `k` of `fs` are true (k ≤ 0: true; k > fs.length: false). */
  atLeast(k: number, fs: readonly number[]): number {
    if (k <= 0) return 1;
    if (k > fs.length) return 0;
    // Deepest functions first, so that the partial results stay near the bottom of the order.
    const sorted = [...fs].sort(
      (x, y) => (this.data[4 * x] as number) - (this.data[4 * y] as number),
    );
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
    return [...fs].sort((x, y) => (this.data[4 * y] as number) - (this.data[4 * x] as number));
  }

  /**
   * Writes the nodes reachable from `root` (not a constant) into the scratch table `order`,
   * children before parents (depth-first post-order), and returns how many there are.
   */
  private reachable(root: number): number {
    if (this.marks.length < this.count) {
      this.marks = new Uint32Array(this.capacity);
      this.epoch = 0;
    }
    // A node is pushed at most once per parent edge, plus its own negated entry.
    if (this.stack.length < 3 * this.count) this.stack = new Int32Array(3 * this.capacity);
    if (this.order.length < this.count) this.order = new Int32Array(this.capacity);
    const epoch = ++this.epoch;
    const marks = this.marks;
    const stack = this.stack;
    const out = this.order;
    const data = this.data;
    let size = 0;
    // Each stack entry is a node, negated once its children have been pushed; a node is marked
    // when it is expanded, so it is emitted after all of its descendants.
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const n = stack[--top] as number;
      if (n < 0) {
        out[size++] = -n;
        continue;
      }
      if (marks[n] === epoch) continue;
      marks[n] = epoch;
      stack[top++] = -n;
      const low = data[4 * n + 1] as number;
      const high = data[4 * n + 2] as number;
      if (low > 1 && marks[low] !== epoch) stack[top++] = low;
      if (high > 1 && marks[high] !== epoch) stack[top++] = high;
    }
    return size;
  }

  /** The layout of the diagram of `root` (not a constant), made on its first pass. */
  private layout(root: number): Layout {
    const known = this.layouts.get(root);
    if (known) return known;
    const size = this.reachable(root);
    if (this.positions.length < this.count) this.positions = new Int32Array(this.capacity);
    const layout = layOut(this.order, size, this.data, this.positions);
    this.layouts.set(root, layout);
    return layout;
  }

  /** Number of non-constant nodes reachable from `root`. */
  size(root: number): number {
    return root <= 1 ? 0 : this.layout(root).size;
  }

  /**
   * Probability that `root` is true when variable v is true with probability `p[v]`,
   * independently (Shannon expansion, one pass).
   */
  probability(root: number, p: ArrayLike<number>): number {
    if (root <= 1) return root;
    const layout = this.layout(root);
    return this.fill(layout, p)[layout.size + 1] as number;
  }

  /**
   * {@link probability} of `root` under each of the vectors `ps`: one pass over the diagram for
   * the first, then for each other only over the nodes above a variable whose probability
   * differs between the vectors (every other node keeps the same value: same inputs, same
   * operations).
   */
  probabilities(root: number, ps: readonly ArrayLike<number>[]): Float64Array {
    const first = ps[0];
    if (root <= 1 || first === undefined) return new Float64Array(ps.length).fill(root);
    const layout = this.layout(root);
    return probabilitiesOver(layout, ps, this.varCount, this.fill(layout, first));
  }

  /**
   * The scratch table of probabilities filled for `layout` under `p` ({@link probabilityTable}),
   * grown when the layout needs more room.
   */
  private fill(layout: Layout, p: ArrayLike<number>): Float64Array {
    const size = layout.size + 2;
    if (this.prob.length < size) this.prob = new Float64Array(Math.max(size, 2 * this.prob.length));
    return probabilityTable(layout, p, this.prob);
  }

  /**
   * ∂P(root)/∂p[v] for every variable v: P(root | v true) − P(root | v false), the Birnbaum
   * importance, in one forward and one backward pass over the diagram.
   */
  derivatives(root: number, p: ArrayLike<number>): Float64Array {
    if (root <= 1) return new Float64Array(this.varCount);
    const layout = this.layout(root);
    const prob = this.fill(layout, p);
    const size = layout.size + 2;
    if (this.reach.length < size)
      this.reach = new Float64Array(Math.max(size, 2 * this.reach.length));
    return derivativesOver(layout, p, this.varCount, prob, this.reach);
  }

  /** Variable tested at node `n` (`varCount` for the constants). */
  varOf(n: number): number {
    return this.data[4 * n] as number;
  }

  /** Child of node `n` when its variable is false. */
  lowOf(n: number): number {
    return this.data[4 * n + 1] as number;
  }

  /** Child of node `n` when its variable is true. */
  highOf(n: number): number {
    return this.data[4 * n + 2] as number;
  }
}
