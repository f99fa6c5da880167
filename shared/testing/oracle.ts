/**
 * Brute-force oracle for the availability engine: enumerates all 2^n states of the basic events
 * and evaluates the model's semantics (DESIGN.md, as pinned down in shared/engine/structure/structure.ts)
 * state by state, directly from the document. It shares no code with the engine's structure,
 * BDD or graph modules, so that an error in one is not repeated in the other.
 */
import { linkFailureFigure, nodeFailureFigure } from '../model/nodes';
import type { ModelNode, NinesDocument } from '../model/types';

/** Thrown when the model's semantics need a node to evaluate itself (a dependency cycle). */
export class CycleError extends Error {
  constructor(readonly nodeId: string) {
    super(`dependency cycle through ${nodeId}`);
  }
}

/** β of a tier of two or more instances, read straight from the node (default 0). */
function betaOf(n: ModelNode): number {
  const count = 'instances' in n ? (n.instances ?? 1) : 1;
  return count >= 2 && 'betaFactor' in n ? (n.betaFactor ?? 0) : 0;
}

/**
 * The unavailability of a part `share` of the failure rate of an event of unavailability `q`:
 * the odds of being down, q / (1 − q) = λ · MTTR, scale with the rate at a fixed repair time.
 */
function oddsShare(q: number, share: number): number {
  if (share <= 0) return 0;
  if (q >= 1) return 1;
  const odds = (share * q) / (1 - q);
  return odds / (1 + odds);
}

/**
 * The planned maintenance of a tier read straight from the node: the unavailability of its
 * windows, w × f / 8,760 h, and whether they roll (default false); undefined without one.
 */
function maintenanceOfNode(n: ModelNode): { q: number; rolling: boolean } | undefined {
  const m = 'maintenance' in n ? n.maintenance : undefined;
  if (!m) return undefined;
  return { q: ((m.windowMinutes / 60) * m.perYear) / 8760, rolling: m.rolling === true };
}

/** What enumeration gives for one variant. */
export interface OracleResult {
  /** Event names in enumeration order. */
  readonly events: readonly string[];
  /** P(service down). */
  readonly unavailability: number;
  /** P(up | e up) − P(up | e down) for every event. */
  readonly birnbaum: ReadonlyMap<string, number>;
  /** Minimal cut sets with at most `maxOrder` events, each sorted by name, sorted as strings. */
  readonly cutSets: readonly string[][];
  /**
   * U_capacity for models whose entry is a router and whose capacity tiers are its direct
   * targets: per state, each working target t gets s_t / Σ_{working} s of the requests (equal
   * split when those shares add up to 0) and refuses max(0, R × share − capacityRps × J_t).
   */
  readonly capacity: number;
}

/** Enumerates the variant `variantIndex` of `doc`; refuses models of more than `maxEvents` events. */
export function bruteForce(
  doc: NinesDocument,
  variantIndex = 0,
  maxOrder = 3,
  maxEvents = 20,
): OracleResult {
  const variant = doc.variants[variantIndex];
  if (!variant) throw new Error('no such variant');
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const regionOf = (n: ModelNode): string | undefined => {
    if (n.parent === undefined) return undefined;
    const p = byId.get(n.parent);
    if (p?.kind === 'region') return p.id;
    return p?.parent;
  };

  // Basic events: every region, zone, region pair and instance of every component.
  const names: string[] = [];
  const q: number[] = [];
  const add = (name: string, unavailability: number): void => {
    names.push(name);
    q.push(unavailability);
  };
  const regions = variant.nodes.filter((n) => n.kind === 'region');
  for (const n of variant.nodes) {
    const figure = nodeFailureFigure(n);
    const u = 1 - figure.availability;
    if (n.kind === 'region' || n.kind === 'zone') add(n.id, u);
    else if (n.kind !== 'backup') {
      const count = 'instances' in n ? (n.instances ?? 1) : 1;
      const beta = betaOf(n);
      const own = beta > 0 ? oddsShare(u, 1 - beta) : u;
      for (let i = 0; i < count; i++) add(count > 1 ? `${n.id}#${i}` : n.id, own);
    }
  }
  // Common causes: one event per cause of the variant, one per tier with a beta factor.
  for (const cause of variant.commonCause ?? []) {
    add(`cause:${cause.id}`, cause.mttrHours / (cause.mtbfHours + cause.mttrHours));
  }
  for (const n of variant.nodes) {
    const beta = betaOf(n);
    if (beta > 0) add(`${n.id}#ccf`, oddsShare(1 - nodeFailureFigure(n).availability, beta));
    const maintenance = maintenanceOfNode(n);
    if (maintenance) add(`${n.id}#maint`, maintenance.q);
  }
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      const [a, b] = [regions[i]?.id as string, regions[j]?.id as string].sort();
      const spec = (variant.links ?? []).find((l) => [l.a, l.b].sort().join('|') === `${a}|${b}`);
      add(`link:${a}|${b}`, 1 - linkFailureFigure(spec).availability);
    }
  }
  if (names.length > maxEvents) throw new Error(`${names.length} events: too many to enumerate`);
  const index = new Map(names.map((name, i) => [name, i]));

  // Replication groups, found by a plain search over replicates edges.
  const peers = (id: string): string[] =>
    variant.edges
      .filter((e) => e.kind === 'replicates' && (e.from === id || e.to === id))
      .map((e) => (e.from === id ? e.to : e.from));
  const groupMembers = (id: string): string[] => {
    const seen = new Set([id]);
    const todo = [id];
    while (todo.length > 0) {
      for (const p of peers(todo.pop() as string)) {
        if (!seen.has(p)) {
          seen.add(p);
          todo.push(p);
        }
      }
    }
    return variant.nodes.filter((n) => seen.has(n.id)).map((n) => n.id);
  };
  const deps = (id: string): string[] => [
    ...new Set(variant.edges.filter((e) => e.kind === 'depends' && e.from === id).map((e) => e.to)),
  ];

  const evaluator = (state: readonly boolean[]) => {
    const up = (name: string): boolean => state[index.get(name) as number] as boolean;
    const linkUp = (r1: string | undefined, r2: string | undefined): boolean =>
      r1 === undefined || r2 === undefined || r1 === r2 || up(`link:${[r1, r2].sort().join('|')}`);
    const memo = new Map<string, boolean>();
    const open = new Set<string>();
    const works = (id: string): boolean => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      if (open.has(id)) throw new CycleError(id);
      open.add(id);
      const n = byId.get(id) as ModelNode;
      const region = regionOf(n);
      const need = 'minHealthy' in n ? (n.minHealthy ?? 1) : 1;
      const working = workingCount(id);
      let result = working >= need && causesUp(n);
      if (n.kind === 'router') {
        // filter evaluates every target, so a cycle through any of them is found.
        const reached = deps(id).filter((t) => reaches(region, t)).length;
        result &&= reached >= (n.minTargets ?? 1);
      } else {
        // Every dependency is evaluated (no short cut), so that a cycle is always found.
        const reached = deps(id).map((d) => reaches(region, d));
        result &&= reached.every(Boolean);
        if (n.kind === 'datastore' && n.sync === true) {
          result &&= peers(id).every((p) => linkUp(region, regionOf(byId.get(p) as ModelNode)));
        }
      }
      memo.set(id, result);
      open.delete(id);
      return result;
    };
    const reaches = (from: string | undefined, id: string): boolean => {
      const members = groupMembers(id).map((m) => byId.get(m) as ModelNode);
      const passive = members.some(
        (m) =>
          m.kind === 'datastore' &&
          (m.replication === 'active-passive' || m.replication === 'primary-replica'),
      );
      const ok = (m: ModelNode): boolean => works(m.id) && linkUp(from, regionOf(m));
      if (members.length < 2 || !passive) return ok(byId.get(id) as ModelNode);
      // Automatic or manual, any member may serve: a manual failover only takes longer (a
      // transition term, not a structural one). map, not some, so a cycle is always found.
      return members.map(ok).some(Boolean);
    };
    /** Whether every common cause of `n` (its beta event, its own and its region's) is up. */
    const causesUp = (n: ModelNode): boolean => {
      const region = regionOf(n);
      const causes = (variant.commonCause ?? []).filter(
        (c) => c.affects.includes(n.id) || (region !== undefined && c.affects.includes(region)),
      );
      // A window that is not rolling takes the whole node out.
      const wholeOut = maintenanceOfNode(n)?.rolling === false && !up(`${n.id}#maint`);
      return (
        causes.every((c) => up(`cause:${c.id}`)) &&
        (betaOf(n) === 0 || up(`${n.id}#ccf`)) &&
        !wholeOut
      );
    };
    /**
     * Working instances of `id` in this state (own events, zone, region), less the one a rolling
     * maintenance window has taken out while it lasts.
     */
    const workingCount = (id: string): number => {
      const n = byId.get(id) as ModelNode;
      const region = regionOf(n);
      const parent = n.parent === undefined ? undefined : byId.get(n.parent);
      const zones = variant.nodes.filter((z) => z.kind === 'zone' && z.parent === region);
      const count = 'instances' in n ? (n.instances ?? 1) : 1;
      // Tiers and routers of two or more instances spread over zones; other regional nodes
      // span them (DESIGN.md placement, docs/model.md "Routers with instances").
      const isTier =
        n.kind === 'service' ||
        n.kind === 'datastore' ||
        n.kind === 'queue' ||
        (n.kind === 'router' && count > 1);
      let working = 0;
      for (let i = 0; i < count; i++) {
        let ok = up(count > 1 ? `${id}#${i}` : id);
        if (region !== undefined) ok &&= up(region);
        if (parent?.kind === 'zone') ok &&= up(parent.id);
        else if (zones.length > 0 && isTier) ok &&= up((zones[i % zones.length] as ModelNode).id);
        if (ok) working++;
      }
      const rollingOut = maintenanceOfNode(n)?.rolling === true && !up(`${id}#maint`);
      return rollingOut ? Math.max(0, working - 1) : working;
    };
    return { works, reaches, workingCount };
  };
  const isDown = (state: readonly boolean[]): boolean => !evaluator(state).works(variant.entry);

  const entry = byId.get(variant.entry) as ModelNode;
  const rps = doc.workload?.requestsPerSecond ?? 0;
  const shares = doc.workload?.trafficShare ?? {};
  const targets = entry.kind === 'router' ? deps(entry.id) : [];
  const capacityTargets = targets.filter((t) => {
    const node = byId.get(t) as ModelNode;
    return 'capacityRps' in node && node.capacityRps !== undefined;
  });
  const splitWeight = (t: string): number => {
    const region = regionOf(byId.get(t) as ModelNode);
    if (region === undefined) return 0;
    const sameRegion = targets.filter((u) => regionOf(byId.get(u) as ModelNode) === region).length;
    return (shares[region] ?? 0) / sameRegion;
  };
  let capacity = 0;

  const n = names.length;
  let unavailability = 0;
  const upGivenUp = new Array<number>(n).fill(0);
  const upGivenDown = new Array<number>(n).fill(0);
  for (let s = 0; s < 1 << n; s++) {
    const state = names.map((_, i) => (s & (1 << i)) === 0);
    let p = 1;
    state.forEach((isUp, i) => {
      p *= isUp ? 1 - (q[i] as number) : (q[i] as number);
    });
    if (rps > 0 && capacityTargets.length > 0) {
      const at = evaluator(state);
      const entryRegion = regionOf(entry);
      const working = targets.filter((t) => at.reaches(entryRegion, t));
      const total = working.reduce((sum, t) => sum + splitWeight(t), 0);
      for (const t of capacityTargets) {
        const node = byId.get(t) as ModelNode;
        if (!working.includes(t) || !('capacityRps' in node)) continue;
        const share = total > 0 ? splitWeight(t) / total : 1 / working.length;
        const refused = rps * share - (node.capacityRps as number) * at.workingCount(t);
        if (refused > 0) capacity += (p * refused) / rps;
      }
    }
    if (isDown(state)) {
      unavailability += p;
      continue;
    }
    state.forEach((isUp, i) => {
      if (isUp) upGivenUp[i] = (upGivenUp[i] as number) + p / (1 - (q[i] as number));
      else upGivenDown[i] = (upGivenDown[i] as number) + p / (q[i] as number);
    });
  }

  const cutSets: string[][] = [];
  const isCut = (set: readonly number[]): boolean => isDown(names.map((_, i) => !set.includes(i)));
  const subsets = (size: number, from: number): number[][] =>
    size === 0
      ? [[]]
      : Array.from({ length: Math.max(0, n - from) }, (_, k) => from + k).flatMap((i) =>
          subsets(size - 1, i + 1).map((rest) => [i, ...rest]),
        );
  for (let size = 1; size <= maxOrder; size++) {
    for (const set of subsets(size, 0)) {
      if (!isCut(set)) continue;
      const minimal = set.every((_, drop) => !isCut(set.filter((__, j) => j !== drop)));
      if (minimal) cutSets.push(set.map((i) => names[i] as string).sort());
    }
  }
  return {
    events: names,
    unavailability,
    birnbaum: new Map(
      names.map((name, i) => [name, (upGivenUp[i] as number) - (upGivenDown[i] as number)]),
    ),
    cutSets: cutSets.sort((a, b) => a.join(',').localeCompare(b.join(','))),
    capacity,
  };
}
