/**
 * Request classes: the routes a request can take through the routers, as the lists of router
 * choices that lead it to each node. Two routes into one node with the same choices are the
 * same requests reaching it twice (counted once); different choices are different requests.
 * `trafficShares` weighs each class by the routers' splits. The number of classes grows with
 * the product of the routers' fan-outs along a path, so it is computed under a budget and a
 * design past it is refused before any analysis starts.
 */

/** Most request classes, over all nodes, that a variant may have. */
export const MAX_REQUEST_CLASSES = 250_000;

/**
 * Most nodes on one request path from the entry (the depth of the `depends` graph). Real
 * designs have a few dozen; the structure is built by walking these paths, so the limit keeps
 * that walk far from the call stack's depth in every host.
 */
export const MAX_PATH_LENGTH = 200;

/** The request classes of every node reached from the entry, and a topological order. */
export interface RequestClasses {
  /** Nodes reached from the entry, each after every node that sends it requests. */
  readonly order: readonly string[];
  /** Most nodes on one path from the entry, the entry included. */
  readonly longestPath: number;
  /** The classes that reach each node, in the order they first reach it. */
  readonly classesOf: ReadonlyMap<string, readonly number[]>;
  /**
   * Class c is class `parent[c]` that took the router choice `choice[c]` (`router>target`);
   * class 0, the entry's, has parent −1 and no choice. A parent's number is below its child's.
   */
  readonly parent: readonly number[];
  readonly choice: readonly string[];
}

/** Where a request at a node goes next: a node, and the router's choice that sends it there. */
export interface RequestStep {
  readonly to: string;
  /** `router>target` when a router chooses this step; absent when every request takes it. */
  readonly choice?: string;
}

/** Why {@link requestClasses} refused a graph: a path or the number of classes past its limit. */
export type RequestLimit =
  { readonly exceeded: 'path'; readonly longestPath: number } | { readonly exceeded: 'classes' };

/**
 * The request classes from `entry`, where `steps(id)` are where a request at `id` goes on to
 * (a router's steps are choices, which make a new class each; any other node passes its
 * classes on); the graph must be acyclic. Refuses, before counting classes, a path longer than
 * {@link MAX_PATH_LENGTH}, and stops counting past `limit` classes.
 */
export function requestClasses(
  entry: string,
  steps: (id: string) => readonly RequestStep[],
  limit: number = MAX_REQUEST_CLASSES,
): RequestClasses | RequestLimit {
  const order = topologicalOrder(entry, (id) => steps(id).map((s) => s.to));
  const length = new Map<string, number>([[entry, 1]]);
  let longestPath = 1;
  for (const id of order) {
    const here = length.get(id) as number;
    longestPath = Math.max(longestPath, here);
    for (const { to } of steps(id)) length.set(to, Math.max(length.get(to) ?? 0, here + 1));
  }
  if (longestPath > MAX_PATH_LENGTH) return { exceeded: 'path', longestPath };
  const parent = [-1];
  const choice = [''];
  const classesOf = new Map<string, number[]>([[entry, [0]]]);
  const seen = new Map<string, Set<number>>([[entry, new Set([0])]]);
  let reached = 1;
  for (const id of order) {
    const incoming = classesOf.get(id) ?? [];
    for (const step of steps(id)) {
      let list = classesOf.get(step.to);
      let set = seen.get(step.to);
      if (!list || !set) {
        classesOf.set(step.to, (list = []));
        seen.set(step.to, (set = new Set()));
      }
      for (const c of incoming) {
        let k = c;
        if (step.choice !== undefined) {
          k = parent.length;
          parent.push(c);
          choice.push(step.choice);
        }
        if (set.has(k)) continue;
        set.add(k);
        list.push(k);
        if (++reached > limit) return { exceeded: 'classes' };
      }
    }
  }
  return { order, longestPath, classesOf, parent, choice };
}

/** Nodes reached from `entry`, each before the nodes it leads to (iterative depth-first). */
function topologicalOrder(entry: string, next: (id: string) => readonly string[]): string[] {
  const post: string[] = [];
  const seen = new Set<string>([entry]);
  const stack: { id: string; children: readonly string[]; i: number }[] = [
    { id: entry, children: next(entry), i: 0 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    const child = top.children[top.i++];
    if (child === undefined) {
      post.push(top.id);
      stack.pop();
    } else if (!seen.has(child)) {
      seen.add(child);
      stack.push({ id: child, children: next(child), i: 0 });
    }
  }
  return post.reverse();
}
