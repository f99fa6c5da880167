/**
 * How long a scenario's service takes to come back: the takeover chains when the structure
 * survives (routers that notice, data tiers that promote; a person's decision first when the
 * promotion is manual), the repair of what failed when it does not, and the restore from a backup
 * after a corruption (detection, decision, restore, warm-up, then the other members' re-sync).
 * Semantics: docs/scenarios.md, "Achieved RTO" and "People take time".
 */
import { NODE_DEFAULTS } from '../../model/defaults';
import { tierSize, warmupSeconds } from '../../model/nodes';
import type { DatastoreNode } from '../../model/types';
import type { Decomposition, TimePart } from './result';
import { evaluateExprs } from '../structure';
import { OPERATIONS_NODE, type ScenarioState } from './state';
import { chainOf } from './timeline';
import {
  BYTES_PER_GIB,
  backupPolicy,
  linkBandwidthMbps,
  restoreSeconds,
  routerDetection,
} from './timing';

/**
 * The service survives: the longest chain of what must notice and take over. A router acts when
 * one of its targets that carried requests stops, or is a tier that lost instances: detection
 * (+ DNS TTL). A data tier whose primary stopped: promotion (+ warm-up), after a person's decision
 * when its failover is manual. The chains run in parallel, so the time is the longest one.
 */
export function takeover(state: ScenarioState): Decomposition {
  const chains: TimePart[][] = [];
  for (const router of state.structure.routers) {
    const acts = router.targets.some(
      (t) =>
        (state.context.traffic.routed.get(`${router.routerId}>${t.nodeId}`) ?? 0) > 0 &&
        (!state.isUp(t.expr) || state.stoppedInstances(t.nodeId).length > 0),
    );
    if (!acts) continue;
    const node = state.graph.byId.get(router.routerId);
    if (node?.kind !== 'router') continue;
    const { detectionSeconds, dnsTtlSeconds } = routerDetection(node);
    const chain: TimePart[] = [
      { kind: 'detection', nodeId: router.routerId, seconds: detectionSeconds },
    ];
    if (dnsTtlSeconds > 0)
      chain.push({ kind: 'dns-ttl', nodeId: router.routerId, seconds: dnsTtlSeconds });
    chains.push(chain);
  }
  const promoted = new Set<string>();
  for (const failover of state.structure.failovers) {
    if (state.isUp(failover.primaryExpr)) continue;
    const primary = failover.nodeIds[0] as string;
    promoted.add(primary);
    const member = promotedMember(state, failover.nodeIds);
    const manual = state.graph.groupOf.get(primary)?.isAutomatic === false;
    if (manual && member) {
      state.addNote(
        `service returns when a person decides to promote the standby of ${primary} and does it (manual failover, as the runbook says), before ${primary} itself is repaired`,
      );
    }
    const chain: TimePart[] = manual
      ? [{ kind: 'decision', nodeId: OPERATIONS_NODE, seconds: state.decisionSeconds }]
      : [];
    chain.push({ kind: 'promotion', nodeId: primary, seconds: failover.failoverSeconds });
    const warmup = member ? warmupSeconds(member) : 0;
    if (member && warmup > 0) chain.push({ kind: 'warm-up', nodeId: member.id, seconds: warmup });
    chains.push(chain);
  }
  // A replicated tier that lost the instance holding its primary, but still works, promotes a
  // local replica (members of a replication group and active-active members included).
  for (const node of state.graph.variant.nodes) {
    if (node.kind !== 'datastore' || promoted.has(node.id) || !state.nodeWorks(node.id)) continue;
    if ((node.replication ?? 'none') === 'none' || tierSize(node).instances < 2) continue;
    if (!state.stoppedInstances(node.id).includes(0) || node.autoFailover === false) continue;
    const seconds =
      node.failoverSeconds ?? (NODE_DEFAULTS.datastore.failoverSeconds?.value as number);
    chains.push([{ kind: 'promotion', nodeId: node.id, seconds }]);
  }
  return longest(chains);
}

/** The member that takes over from a failed primary: the first working standby. */
function promotedMember(
  state: ScenarioState,
  nodeIds: readonly string[],
): DatastoreNode | undefined {
  const [primary, ...standbys] = nodeIds;
  if (standbys.length === 0) return state.graph.byId.get(primary as string) as DatastoreNode;
  const id = standbys.find((s) => state.nodeWorks(s));
  return id === undefined ? undefined : (state.graph.byId.get(id) as DatastoreNode);
}

/**
 * The service does not survive: the time until enough comes back. The repair (MTTR) of the
 * forced event whose return alone restores the service soonest; when no single one does, the
 * longest repair among them (all of them back).
 */
export function repair(state: ScenarioState): Decomposition {
  const repairs = forcedRepairs(state);
  const restoring = repairs
    .filter((r) => {
      const without = new Set(state.down);
      without.delete(r.index);
      return evaluateExprs(state.structure, without)[state.structure.top] === true;
    })
    .sort((a, b) => (a.seconds ?? Infinity) - (b.seconds ?? Infinity));
  const chosen =
    restoring[0] ??
    [...repairs].sort((a, b) => (b.seconds ?? Infinity) - (a.seconds ?? Infinity))[0];
  if (!chosen) return { seconds: null, parts: [], reason: 'nothing failed that can be repaired' };
  return repairChain(chosen.name, chosen.seconds);
}

/** Every forced event back: the longest repair of the forced events (full capacity by repair). */
export function repairAll(state: ScenarioState): Decomposition {
  const repairs = forcedRepairs(state);
  if (repairs.length === 0)
    return { seconds: null, parts: [], reason: 'nothing failed whose repair would end it' };
  const unknown = repairs.find((r) => r.seconds === null);
  if (unknown) return repairChain(unknown.name, null);
  const longestRepair = [...repairs].sort(
    (a, b) => (b.seconds as number) - (a.seconds as number),
  )[0];
  return repairChain(longestRepair?.name ?? '', longestRepair?.seconds ?? null);
}

function forcedRepairs(
  state: ScenarioState,
): { index: number; name: string; seconds: number | null }[] {
  return [...state.down].map((index) => {
    const name = state.structure.events[index]?.name ?? '';
    return { index, name, seconds: state.repairSeconds(name) };
  });
}

function repairChain(name: string, seconds: number | null): Decomposition {
  return seconds === null
    ? {
        seconds: null,
        parts: [{ kind: 'repair', nodeId: name, seconds: null }],
        reason: `${name} has no repair time (only an availability is given)`,
      }
    : { seconds, parts: [{ kind: 'repair', nodeId: name, seconds }] };
}

/**
 * A logical corruption is noticed by people, then undone from a backup: detection, decision,
 * restore (data set / restore throughput, REF-25), warm-up. Until then nothing correct is served.
 * The longest chain over the corrupted datastores.
 */
export function restore(state: ScenarioState, corrupted: readonly string[]): Decomposition {
  const chains = corrupted.map((id) => restoreChain(state, id));
  return longestDecomposition(chains);
}

function restoreChain(state: ScenarioState, id: string): Decomposition {
  const store = state.graph.byId.get(id) as DatastoreNode;
  const people: TimePart[] = [
    { kind: 'detection', nodeId: OPERATIONS_NODE, seconds: state.detectionSeconds },
    { kind: 'decision', nodeId: OPERATIONS_NODE, seconds: state.decisionSeconds },
  ];
  const backup = state.backupOf(id);
  if (!backup) {
    state.addNote(
      `${id} has no backup: a corruption cannot be undone, only rebuilt from the systems of record`,
    );
    return chainOf(
      [...people, { kind: 'restore', nodeId: id, seconds: null }],
      `${id} has no backup to restore from`,
    );
  }
  const size = dataSetGiB(state, store);
  if (size === undefined) {
    const reason = `the restore time of ${id} is unknown: neither its memoryGiB nor the workload's dataSetGiB is given`;
    state.addNote(reason);
    return chainOf([...people, { kind: 'restore', nodeId: backup.id, seconds: null }], reason);
  }
  const parts: TimePart[] = [
    ...people,
    {
      kind: 'restore',
      nodeId: backup.id,
      seconds: restoreSeconds(size, backupPolicy(backup).restoreThroughputMBps),
    },
  ];
  const warmup = warmupSeconds(store);
  if (warmup > 0) parts.push({ kind: 'warm-up', nodeId: id, seconds: warmup });
  return chainOf(parts);
}

/**
 * After a restore, the other members of the datastore's replication group hold the corrupted
 * data and serve again only once they have re-synced from the restored one: the data set over
 * the link's bandwidth (the slowest peer). Undefined when the datastore has no peers.
 */
export function resync(state: ScenarioState, corrupted: readonly string[]): TimePart | undefined {
  let slowest: TimePart | undefined;
  for (const id of corrupted) {
    const store = state.graph.byId.get(id) as DatastoreNode;
    const peers = state.graph.replicaPeers.get(id) ?? [];
    const size = dataSetGiB(state, store);
    for (const peer of peers) {
      const a = state.graph.regionOf.get(id);
      const b = state.graph.regionOf.get(peer);
      const link =
        a !== undefined && b !== undefined && a !== b ? state.linkBetween(a, b) : undefined;
      const seconds =
        size === undefined ? null : (size * BYTES_PER_GIB * 8) / (linkBandwidthMbps(link) * 1e6);
      if (!slowest || seconds === null || (slowest.seconds !== null && seconds > slowest.seconds)) {
        slowest = { kind: 'resync', nodeId: peer, seconds };
      }
    }
  }
  return slowest;
}

/** The datastore's data set, GiB: its `memoryGiB`, else the workload's `dataSetGiB`. */
function dataSetGiB(state: ScenarioState, store: DatastoreNode): number | undefined {
  return store.memoryGiB ?? state.context.doc.workload?.dataSetGiB;
}

/** The chain whose parts add up to the most (an unknown part makes a chain unknown). */
export function longest(chains: readonly TimePart[][], empty = 0): Decomposition {
  return longestDecomposition(
    chains.map((parts) => chainOf(parts)),
    empty,
  );
}

function longestDecomposition(chains: readonly Decomposition[], empty = 0): Decomposition {
  let best: Decomposition = { seconds: empty, parts: [] };
  for (const chain of chains) {
    if (best.seconds === null) break;
    if (
      chain.seconds === null ||
      chain.seconds > best.seconds ||
      (best.parts.length === 0 && chain.seconds === best.seconds)
    ) {
      best = chain;
    }
  }
  return best;
}
