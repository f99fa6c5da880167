/**
 * U_capacity of DESIGN.md: the expected share of requests refused because the working
 * instances cannot carry the load routed to them, over the steady-state distribution.
 *
 * For every tier with `capacityRps` c, when `workload.requestsPerSecond` R is given:
 *
 *   U_capacity(tier) = Σ_s Σ_{j ≥ k} P(J = j, path up, S = s) · max(0, L(s) − c · j) / R
 *
 * - J is the number of working instances (their region, zones and own events), exact: given
 *   the region and a pattern of the tier's zones, the instances are independent of each other
 *   and of everything else on the path, so the joint probability factors per pattern. While a
 *   rolling maintenance window is under way (its event, independent of the rest) one of them is
 *   out: J − 1 serve, and the tier needs k + 1 working (docs/availability.md).
 * - "path up": the sub-system through which the tier gets its requests works (the router's
 *   target that holds the tier, else the tier itself with its dependencies). When it is down,
 *   the requests fail structurally (U_structural) or while traffic moves (U_transition), and are
 *   not counted again.
 * - S, the states of the other targets of the router nearest the entry that sends the tier its
 *   requests through exactly one target u (e.g. the global DNS over the regions): with W the set
 *   of working targets (u among them), u receives the share s_u / Σ_{v ∈ W} s_v of the router's
 *   requests (an equal split over W when those shares add up to 0, as for an active-passive pair
 *   with a 1 / 0 split); L(s) = R × that share × the tier's part of u's requests.
 * - Exact (one BDD probability per pattern of the other targets, so shared regions, links and
 *   data tiers are accounted for) for routers with up to `EXACT_MAX_OTHERS` other targets.
 *   Beyond, the other targets are taken as independent of one another and of the tier (exact
 *   when they share no event): a distribution of Σ s over them, states below 1e-18 dropped.
 *
 * Example: two regions behind a DNS router, each region up with 0.99 and able to carry 600 of
 * 1000 requests per second: U_capacity = 2 × 0.99 × 0.01 × 400 / 1000 = 0.00792.
 */
import type { ModelNode, NinesDocument } from '../../model/types';
import { tierSize } from '../../model/nodes';
import type { ResolvedGraph, RouterInfo, Structure, TrafficShares } from '../structure';
import type { FailureModel } from './probability';

/**
 * Routers with at most this many other targets get the exact joint computation (2^n patterns).
 * Each pattern conditions the BDD on every other target's state, and where those targets share
 * events (a primary database in one region, the links to it) the conditioned BDDs grow with the
 * pattern count: a generated 8-region design (7 other targets) took 26 s of CPU, 5 regions 2 s.
 * 4 keeps every design within the work bound of docs/availability.md ("Work limits").
 */
export const EXACT_MAX_OTHERS = 4;

/** States of the other targets whose probability is below this are dropped (large routers). */
const NEGLIGIBLE = 1e-18;

/** One load level of the tier: its share of all requests, the BDD of the other targets' state. */
interface LoadCase {
  /** Share of all requests the tier receives in this case. */
  readonly share: number;
  /** Builds the BDD (failure variables) of the condition on the other targets; 1: none. */
  readonly condition: () => number;
  /** Probability factor outside the BDD (independent other targets); 1 when exact. */
  readonly weight: number;
}

/** U_capacity summed over the tiers that model capacity; 0 without `requestsPerSecond`. */
export function capacityUnavailability(
  doc: NinesDocument,
  graph: ResolvedGraph,
  structure: Structure,
  model: FailureModel,
  traffic: TrafficShares,
): number {
  const rps = doc.workload?.requestsPerSecond ?? 0;
  if (!(rps > 0)) return 0;
  const bdd = model.bdd;
  const subtrees = new Subtrees(graph);
  const sumDigits = new Map<number, string>();
  let total = 0;
  for (const [id, tier] of structure.tiers) {
    const node = graph.byId.get(id) as ModelNode;
    const capacity = 'capacityRps' in node ? node.capacityRps : undefined;
    if (capacity === undefined) continue;
    const { instances, minHealthy } = tierSize(node);
    const routed = routingOf(id, structure, subtrees);
    const pathExpr = routed ? routed.own.expr : (structure.nodeExprs.get(id) as number);
    const cases = routed
      ? loadCases(routed, id, model, traffic, sumDigits)
      : [{ share: traffic.node.get(id) ?? 0, condition: () => 1, weight: 1 }];

    // Given the region up and a pattern of the tier's zones, J is a sum of independent
    // instances, and the rest of the path and the other targets do not involve them: so
    // P(J = j, path up, S = s) = Σ_patterns P(pattern) · P(J = j | pattern) ·
    // P(path up, S = s | pattern, every instance of the tier up), for j ≥ k.
    const patterns = zonePatterns(model, tier);
    const windows = maintenanceStates(model, tier.maintenance);
    // The unavailabilities of every (pattern, window) state, and the probability of each load
    // case's condition in every state: cases that share a condition (all of them, past
    // EXACT_MAX_OTHERS) share one pass over its diagram.
    const states = patterns.flatMap((pattern) =>
      windows.map((window) => ({ pattern, window, q: window.fix(pattern.q) })),
    );
    const restOf = new Map<number, Float64Array>();
    let refused = 0;
    for (const c of cases) {
      // Only instance counts that cannot carry the load contribute: j < load / capacity.
      const last = Math.ceil((rps * c.share) / capacity) - 1;
      // A rolling window under way takes one of the J working instances out: j − out serve.
      const counts = states.map(({ window }) => ({
        from: minHealthy + window.out,
        to: Math.min(instances, last + window.out),
      }));
      if (counts.every(({ from, to }, s) => to < from || states[s]?.window.probability === 0)) {
        continue;
      }
      const base = bdd.and(bdd.not(model.failure(pathExpr)), c.condition());
      let rests = restOf.get(base);
      if (!rests) {
        rests = bdd.probabilities(
          base,
          states.map((s) => s.q),
        );
        restOf.set(base, rests);
      }
      states.forEach(({ pattern, window }, s) => {
        const { from, to } = counts[s] as { from: number; to: number };
        if (to < from || window.probability === 0) return;
        const rest = rests[s] as number;
        if (rest === 0) return;
        for (let j = from; j <= to; j++) {
          refused +=
            c.weight *
            pattern.probability *
            window.probability *
            (pattern.working[j] ?? 0) *
            rest *
            (rps * c.share - capacity * (j - window.out));
        }
      });
    }
    total += refused / rps;
  }
  return total;
}

/** One state of a tier's rolling maintenance: under way (one instance out) or not. */
interface WindowState {
  /** P(this state). */
  readonly probability: number;
  /** Working instances the window takes out: 1 while a rolling window is under way, else 0. */
  readonly out: number;
  /** The pattern's unavailabilities with the maintenance event fixed to this state. */
  readonly fix: (q: Float64Array) => Float64Array;
}

/**
 * The states of a tier's maintenance that change its working count: a rolling window under way
 * (probability q_m, one instance out) or not (1 − q_m). A window that is not rolling takes the
 * whole tier out, so its path is down and the window stays in the BDD as any other event.
 */
function maintenanceStates(
  model: FailureModel,
  maintenance: { readonly event: number; readonly rolling: boolean } | undefined,
): WindowState[] {
  if (!maintenance?.rolling) return [{ probability: 1, out: 0, fix: (q) => q }];
  const event = maintenance.event;
  const qm = model.q[event] as number;
  const fixed =
    (value: number) =>
    (q: Float64Array): Float64Array => {
      const copy = Float64Array.from(q);
      copy[event] = value;
      return copy;
    };
  return [
    { probability: 1 - qm, out: 0, fix: fixed(0) },
    { probability: qm, out: 1, fix: fixed(1) },
  ];
}

/** One state of a tier's region (up) and zones, with what it implies. */
interface ZonePattern {
  /** P(region up, these zones up and the others down). */
  readonly probability: number;
  /** P(J = j | pattern) for j = 0…n. */
  readonly working: readonly number[];
  /** Unavailabilities with the region, the zones and the tier's instances fixed by the pattern. */
  readonly q: Float64Array;
}

/** Every pattern of the tier's zones with the region up (patterns of probability 0 left out). */
function zonePatterns(
  model: FailureModel,
  tier: NonNullable<ReturnType<Structure['tiers']['get']>>,
): ZonePattern[] {
  const zones: number[] = [];
  for (const { zoneEvent } of tier.instances) {
    if (zoneEvent !== undefined && !zones.includes(zoneEvent)) zones.push(zoneEvent);
  }
  const q = model.q;
  const regionUp = tier.regionEvent === undefined ? 1 : 1 - (q[tier.regionEvent] as number);
  const out: ZonePattern[] = [];
  for (let bits = 0; bits < 1 << zones.length; bits++) {
    const fixed = q.slice();
    if (tier.regionEvent !== undefined) fixed[tier.regionEvent] = 0;
    let probability = regionUp;
    for (let b = 0; b < zones.length; b++) {
      const z = zones[b] as number;
      const up = (bits & (1 << b)) === 0;
      probability *= up ? 1 - (q[z] as number) : (q[z] as number);
      fixed[z] = up ? 0 : 1;
    }
    if (probability === 0) continue;
    // P(J = j | pattern), instance by instance, in place from the top count down: P(j) becomes
    // P(j − 1) · a + P(j) · (1 − a), a the instance's availability (0 in a zone that is down).
    const working = new Array<number>(tier.instances.length + 1).fill(0);
    working[0] = 1;
    tier.instances.forEach((inst, i) => {
      fixed[inst.event] = 0;
      const a =
        inst.zoneEvent === undefined || fixed[inst.zoneEvent] === 0
          ? 1 - (q[inst.event] as number)
          : 0;
      for (let j = i + 1; j > 0; j--) {
        working[j] = (working[j - 1] as number) * a + (working[j] as number) * (1 - a);
      }
      working[0] = (working[0] as number) * (1 - a);
    });
    out.push({ probability, working, q: fixed });
  }
  return out;
}

/**
 * How a tier receives its requests: through target `own` of `router`, the router nearest the
 * entry that sends it requests through exactly one target. `group` lists the routers that
 * receive the requests in turn and route them alike (`router` and its mirrors, below): their
 * shares of the requests add up.
 */
export interface TierRouting {
  readonly router: RouterInfo;
  readonly own: RouterInfo['targets'][number];
  readonly group: readonly string[];
}

/**
 * The routing of tier `tierId`, or undefined when no router sends it its requests through
 * exactly one target. A router whose targets holding the tier are all routers with the same
 * targets (two DNS providers under a resolver-side choice, `add-dns-provider`) is looked
 * through: whichever of them a request reaches, it is split over the same targets, so the tier
 * is routed by the first of them with the requests of all of them.
 */
export function routingOf(
  tierId: string,
  structure: Structure,
  subtrees: Subtrees,
): TierRouting | undefined {
  const byId = new Map(structure.routers.map((r) => [r.routerId, r]));
  const holding = (router: RouterInfo): RouterInfo['targets'] =>
    router.targets.filter((t) => subtrees.of(t.nodeId).has(tierId));
  // Routers are recorded after their targets: reversed, the one nearest the entry comes first.
  for (const router of [...structure.routers].reverse()) {
    const holders = holding(router);
    if (holders.length === 1) {
      return { router, own: holders[0] as RouterInfo['targets'][number], group: [router.routerId] };
    }
    const mirrors = holders.map((h) => byId.get(h.nodeId));
    const [first] = mirrors;
    if (first === undefined || !mirrors.every((m) => m !== undefined && routesAlike(m, first))) {
      continue;
    }
    const own = holding(first);
    if (own.length === 1) {
      return {
        router: first,
        own: own[0] as RouterInfo['targets'][number],
        group: holders.map((h) => h.nodeId),
      };
    }
  }
  return undefined;
}

/** True when two routers have the same targets, each seen alike (the same expression). */
function routesAlike(a: RouterInfo, b: RouterInfo): boolean {
  return (
    a.targets.length === b.targets.length &&
    a.targets.every((t, i) => t.nodeId === b.targets[i]?.nodeId && t.expr === b.targets[i]?.expr)
  );
}

/**
 * The share of all requests the routing's routers receive, and the share they send to its
 * target `own` (`TrafficShares`), summed over its group.
 */
export function routedShares(
  routing: TierRouting,
  traffic: TrafficShares,
): { readonly routerShare: number; readonly routedToOwn: number } {
  let routerShare = 0;
  let routedToOwn = 0;
  for (const id of routing.group) {
    routerShare += traffic.node.get(id) ?? 0;
    routedToOwn += traffic.routed.get(`${id}>${routing.own.nodeId}`) ?? 0;
  }
  return { routerShare: Math.min(1, routerShare), routedToOwn };
}

/**
 * The tier's load cases over the states of the router's other targets. `sumDigits` memoises
 * `toPrecision(12)` of the sums of their splits, shared by the tiers of one evaluation.
 */
function loadCases(
  routing: TierRouting,
  tierId: string,
  model: FailureModel,
  traffic: TrafficShares,
  sumDigits: Map<number, string>,
): LoadCase[] {
  const { router, own } = routing;
  const bdd = model.bdd;
  const splitOf = (t: string): number => traffic.split.get(`${router.routerId}>${t}`) ?? 0;
  const { routerShare, routedToOwn } = routedShares(routing, traffic);
  const nominal = traffic.node.get(tierId) ?? 0;
  const partOfOwn = routedToOwn > 0 ? Math.min(1, nominal / routedToOwn) : 1;
  const sOwn = splitOf(own.nodeId);
  const shareGiven = (sum: number, count: number): number =>
    routerShare * (sum + sOwn > 0 ? sOwn / (sum + sOwn) : 1 / (count + 1)) * partOfOwn;
  const others = router.targets.filter((t) => t !== own);

  if (others.length <= EXACT_MAX_OTHERS) {
    const cases: LoadCase[] = [];
    for (let pattern = 0; pattern < 1 << others.length; pattern++) {
      const up = others.filter((_, b) => (pattern & (1 << b)) === 0);
      const condition = (): number =>
        others.reduce((acc, other, b) => {
          const fails = model.failure(other.expr);
          return bdd.and(acc, (pattern & (1 << b)) === 0 ? bdd.not(fails) : fails);
        }, 1);
      const sum = up.reduce((total, other) => total + splitOf(other.nodeId), 0);
      cases.push({ share: shareGiven(sum, up.length), condition, weight: 1 });
    }
    return cases;
  }

  // States are merged by their sum to 12 significant digits and their count; the digits of a
  // sum are worked out once (toPrecision is slow, and the same sums come back for every tier).
  const keyOf = (sum: number, count: number): string => {
    let digits = sumDigits.get(sum);
    if (digits === undefined) {
      digits = sum.toPrecision(12);
      sumDigits.set(sum, digits);
    }
    return `${digits}|${count}`;
  };
  let states = new Map<string, { sum: number; count: number; probability: number }>([
    [keyOf(0, 0), { sum: 0, count: 0, probability: 1 }],
  ]);
  for (const other of others) {
    const up = 1 - model.unavailability(other.expr);
    const s = splitOf(other.nodeId);
    const next = new Map<string, { sum: number; count: number; probability: number }>();
    const put = (key: string, sum: number, count: number, probability: number): void => {
      if (probability < NEGLIGIBLE) return;
      const found = next.get(key);
      if (found) found.probability += probability;
      else next.set(key, { sum, count, probability });
    };
    for (const [key, st] of states) {
      const sum = st.sum + s;
      put(keyOf(sum, st.count + 1), sum, st.count + 1, st.probability * up);
      put(key, st.sum, st.count, st.probability * (1 - up));
    }
    states = next;
  }
  return [...states.values()].map((st) => ({
    share: shareGiven(st.sum, st.count),
    condition: () => 1,
    weight: st.probability,
  }));
}

/** Nodes a request to a node may need: its dependency closure (all members of a group). */
export class Subtrees {
  private readonly memo = new Map<string, Set<string>>();
  constructor(private readonly graph: ResolvedGraph) {}

  of(id: string): Set<string> {
    const found = this.memo.get(id);
    if (found) return found;
    const set = new Set<string>([id]);
    for (const d of this.graph.dependsOn.get(id) ?? []) {
      for (const member of this.graph.groupOf.get(d)?.members ?? [d]) {
        for (const x of this.of(member)) set.add(x);
      }
    }
    this.memo.set(id, set);
    return set;
  }
}
