/**
 * U_capacity of DESIGN.md: the expected share of requests refused because the working
 * instances cannot carry the load routed to them, over the steady-state distribution.
 *
 * For every tier with `capacityRps` c, when `workload.requestsPerSecond` R is given:
 *
 *   U_capacity(tier) = Σ_{j ≥ k} Σ_s P(J = j) · P(S = s) · max(0, L(s) − c · j) / R
 *
 * - J, the number of working instances, is exact: the tier's region up, every pattern of its
 *   zones, and the instances of each zone (independent given the zones). States with j < k are
 *   structural downtime, already in U_structural, and are not counted again.
 * - L(s), the load on the tier: its nominal share of R, scaled by the router nearest the entry
 *   that sends it traffic through exactly one of its targets u (e.g. the global DNS in front of
 *   the regions). With W the set of that router's working targets (u among them), u receives the
 *   share s_u / Σ_{v ∈ W} s_v of the router's requests (an equal split over W when those shares
 *   add up to 0, as for an active-passive pair with a 1 / 0 split). The other targets are taken
 *   as working independently of one another and of the tier, each with the exact probability of
 *   its own sub-system: exact when they share no event, a first-order approximation otherwise.
 * - Refused requests while the service is structurally down elsewhere are not subtracted
 *   (an overlap of two failures, second order, as in U_transition).
 */
import type { ModelNode, NinesDocument } from '../model/types';
import { tierSize } from '../model/nodes';
import type { ResolvedGraph } from './graph';
import type { FailureModel } from './probability';
import type { Structure } from './structure';
import type { TrafficShares } from './traffic';

/** States of the other targets whose probability is below this are dropped (error < 1e-18 each). */
const NEGLIGIBLE = 1e-18;

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
  const subtrees = new Subtrees(graph);
  let total = 0;
  for (const [id, tier] of structure.tiers) {
    const node = graph.byId.get(id) as ModelNode;
    const capacity = 'capacityRps' in node ? node.capacityRps : undefined;
    const share = traffic.node.get(id) ?? 0;
    if (capacity === undefined) continue;
    const working = workingInstances(model, tier);
    const loads = loadDistribution(id, share, structure, model, traffic, subtrees);
    const { minHealthy } = tierSize(node);
    let refused = 0;
    working.forEach((pj, j) => {
      if (j < minHealthy || pj === 0) return;
      for (const { probability, share: loadShare } of loads) {
        refused += pj * probability * Math.max(0, rps * loadShare - capacity * j);
      }
    });
    total += refused / rps;
  }
  return total;
}

/** P(J = j, region up) for j = 0…n: exact over the region, zone patterns and instances. */
function workingInstances(
  model: FailureModel,
  tier: NonNullable<ReturnType<Structure['tiers']['get']>>,
): number[] {
  const q = model.q;
  const zones = [
    ...new Set(tier.instances.flatMap((i) => (i.zoneEvent === undefined ? [] : [i.zoneEvent]))),
  ];
  const regionUp = tier.regionEvent === undefined ? 1 : 1 - (q[tier.regionEvent] as number);
  const out = new Array<number>(tier.instances.length + 1).fill(0);
  for (let pattern = 0; pattern < 1 << zones.length; pattern++) {
    let p = regionUp;
    const up = new Set<number>();
    zones.forEach((z, b) => {
      const isUp = (pattern & (1 << b)) === 0;
      p *= isUp ? 1 - (q[z] as number) : (q[z] as number);
      if (isUp) up.add(z);
    });
    if (p === 0) continue;
    let dist = [1];
    for (const inst of tier.instances) {
      const a =
        inst.zoneEvent === undefined || up.has(inst.zoneEvent) ? 1 - (q[inst.event] as number) : 0;
      const nextDist = new Array<number>(dist.length + 1).fill(0);
      dist.forEach((d, j) => {
        nextDist[j] = (nextDist[j] as number) + d * (1 - a);
        nextDist[j + 1] = (nextDist[j + 1] as number) + d * a;
      });
      dist = nextDist;
    }
    dist.forEach((d, j) => {
      out[j] = (out[j] as number) + p * d;
    });
  }
  return out;
}

/** The distribution of the tier's share of all requests, given the other targets' states. */
function loadDistribution(
  tierId: string,
  nominalShare: number,
  structure: Structure,
  model: FailureModel,
  traffic: TrafficShares,
  subtrees: Subtrees,
): { probability: number; share: number }[] {
  // Routers are recorded after their targets: reversed, the one nearest the entry comes first.
  for (const router of [...structure.routers].reverse()) {
    const holders = router.targets.filter((t) => subtrees.of(t.nodeId).has(tierId));
    if (holders.length !== 1) continue;
    const own = holders[0] as (typeof router.targets)[number];
    const splitOf = (t: string): number => traffic.split.get(`${router.routerId}>${t}`) ?? 0;
    const routerShare = traffic.node.get(router.routerId) ?? 0;
    const routedToOwn = traffic.routed.get(`${router.routerId}>${own.nodeId}`) ?? 0;
    const partOfOwn = routedToOwn > 0 ? Math.min(1, nominalShare / routedToOwn) : 1;
    // States of the other targets: (Σ of their splits, how many work) → probability.
    let states = new Map<string, { sum: number; count: number; probability: number }>([
      ['0|0', { sum: 0, count: 0, probability: 1 }],
    ]);
    for (const other of router.targets) {
      if (other === own) continue;
      const up = 1 - model.unavailability(other.expr);
      const s = splitOf(other.nodeId);
      const next = new Map<string, { sum: number; count: number; probability: number }>();
      const put = (sum: number, count: number, probability: number): void => {
        if (probability < NEGLIGIBLE) return;
        const key = `${sum.toPrecision(12)}|${count}`;
        const found = next.get(key);
        if (found) found.probability += probability;
        else next.set(key, { sum, count, probability });
      };
      for (const st of states.values()) {
        put(st.sum + s, st.count + 1, st.probability * up);
        put(st.sum, st.count, st.probability * (1 - up));
      }
      states = next;
    }
    const sOwn = splitOf(own.nodeId);
    return [...states.values()].map((st) => {
      const fraction = st.sum + sOwn > 0 ? sOwn / (st.sum + sOwn) : 1 / (st.count + 1);
      return { probability: st.probability, share: routerShare * fraction * partOfOwn };
    });
  }
  return [{ probability: 1, share: nominalShare }];
}

/** Nodes a request to a node may need: its dependency closure (all members of a group). */
class Subtrees {
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
