/**
 * The A* search's open set for edge routing (route.ts): a binary min-heap of grid states.
 */

/**
 * A binary min-heap of states keyed by estimated total cost; ties go to the state nearer its
 * goal (the smaller estimate left), which on a grid, where many paths cost the same, keeps the
 * search from widening, then to the lower state (deterministic: no two entries have the same
 * key, since a state is pushed again only at a lower cost, so the order of the pops does not
 * depend on how the heap is laid out). The keys sit in typed arrays and are moved, not swapped,
 * along the path an entry takes: a whole routing runs once per plan, mostly before V8 has
 * optimised it, where each call and each array element written costs.
 */
export class Heap {
  private costs = new Float64Array(256);
  private rests = new Float64Array(256);
  private states = new Int32Array(256);
  /** Entries in the heap. */
  size = 0;

  /** Adds `state` with estimated total `cost`, of which `rest` is the estimate still to go. */
  push(cost: number, rest: number, state: number): void {
    if (this.size === this.states.length) this.grow();
    const { costs, rests, states } = this;
    let i = this.size;
    this.size += 1;
    // Up while the new entry is less than its parent (cost, then rest, then state).
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pc = costs[parent] as number;
      const pr = rests[parent] as number;
      if (
        cost > pc ||
        (cost === pc && (rest > pr || (rest === pr && state >= (states[parent] as number))))
      ) {
        break;
      }
      costs[i] = pc;
      rests[i] = pr;
      states[i] = states[parent] as number;
      i = parent;
    }
    costs[i] = cost;
    rests[i] = rest;
    states[i] = state;
  }

  /** Removes the cheapest entry and returns its state (the heap must not be empty). */
  pop(): number {
    const { costs, rests, states } = this;
    const top = states[0] as number;
    this.size -= 1;
    const size = this.size;
    if (size === 0) return top;
    // The last entry goes down from the root while a child is less than it.
    const cost = costs[size] as number;
    const rest = rests[size] as number;
    const state = states[size] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.less(right, child)) child = right;
      const cc = costs[child] as number;
      const cr = rests[child] as number;
      const cs = states[child] as number;
      if (cc > cost || (cc === cost && (cr > rest || (cr === rest && cs >= state)))) break;
      costs[i] = cc;
      rests[i] = cr;
      states[i] = cs;
      i = child;
    }
    costs[i] = cost;
    rests[i] = rest;
    states[i] = state;
    return top;
  }

  /** Whether entry `a` comes before entry `b`. */
  private less(a: number, b: number): boolean {
    const ca = this.costs[a] as number;
    const cb = this.costs[b] as number;
    if (ca !== cb) return ca < cb;
    const ra = this.rests[a] as number;
    const rb = this.rests[b] as number;
    return ra < rb || (ra === rb && (this.states[a] as number) < (this.states[b] as number));
  }

  /** Doubles the room. */
  private grow(): void {
    const room = this.states.length * 2;
    const costs = new Float64Array(room);
    const rests = new Float64Array(room);
    const states = new Int32Array(room);
    costs.set(this.costs);
    rests.set(this.rests);
    states.set(this.states);
    this.costs = costs;
    this.rests = rests;
    this.states = states;
  }
}
