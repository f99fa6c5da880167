/**
 * The data a scenario loses (achieved RPO): replication lag where a replica takes over, the
 * persistence window of a lone node, the last backup when nothing else is left; for a corruption
 * the backup interval plus the time to notice it; for a partition between Active-Active members
 * under last-write-wins, the partition's duration. Semantics: docs/scenarios.md, "Achieved RPO".
 */
import { NODE_DEFAULTS } from '../../model/defaults';
import { tierSize } from '../../model/nodes';
import type { DatastoreNode, RegionLink } from '../../model/types';
import { longest } from './recovery';
import type { Decomposition, TimePart } from './result';
import { OPERATIONS_NODE, linkName, type ScenarioState } from './state';
import {
  backupPolicy,
  linkBandwidthMbps,
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
} from './timing';
import { formatRate } from '../../text';

/**
 * Data lost to a corruption: replication copies it, so the last good copy is a backup taken
 * before it began. Worst case it began just after a backup and was noticed `detectionSeconds`
 * later: RPO = backup interval + detection.
 */
export function corruptionLoss(state: ScenarioState, corrupted: readonly string[]): Decomposition {
  return longest(
    corrupted.map((id) => {
      const backup = state.backupOf(id);
      return [
        {
          kind: 'backup-interval' as const,
          nodeId: backup?.id ?? id,
          seconds: backup ? backupPolicy(backup).intervalSeconds : null,
        },
        { kind: 'detection' as const, nodeId: OPERATIONS_NODE, seconds: state.detectionSeconds },
      ];
    }),
  );
}

/**
 * Data lost when datastores lose the member or instance that held the latest writes, and when a
 * partition splits Active-Active members that resolve conflicts by last write wins: the longest
 * of these losses (0 when nothing is lost).
 */
export function failureLoss(state: ScenarioState): Decomposition {
  const chains: TimePart[][] = [];
  for (const node of state.graph.variant.nodes) {
    if (node.kind !== 'datastore') continue;
    const chain = dataLoss(state, node);
    if (chain) chains.push(chain);
  }
  chains.push(...partitionLoss(state));
  return longest(chains, 0);
}

/**
 * Active-Active members on both sides of a partition keep taking writes; under last-write-wins
 * one of two concurrent writes to a key is lost when it heals, so the loss spans the partition:
 * the link's repair time. CRDT types merge without loss.
 */
function partitionLoss(state: ScenarioState): TimePart[][] {
  const chains: TimePart[][] = [];
  for (const [a, b] of state.scenario.partition ?? []) {
    const crossing = state.graph.variant.nodes.some((node) => {
      if (node.kind !== 'datastore' || (node.replication ?? 'none') !== 'active-active')
        return false;
      if (conflictResolution(node) !== 'last-write-wins') return false;
      const region = state.graph.regionOf.get(node.id);
      if (region !== a && region !== b) return false;
      const other = region === a ? b : a;
      return (state.graph.replicaPeers.get(node.id) ?? []).some(
        (p) => state.graph.regionOf.get(p) === other,
      );
    });
    if (!crossing) continue;
    const link = linkName(a, b);
    chains.push([{ kind: 'partition', nodeId: link, seconds: state.repairSeconds(link) }]);
  }
  return chains;
}

/** `conflictResolution`, default applied. */
export function conflictResolution(store: DatastoreNode): 'last-write-wins' | 'crdt' {
  return (
    store.conflictResolution ??
    (NODE_DEFAULTS.datastore.conflictResolution?.value as 'last-write-wins' | 'crdt')
  );
}

function dataLoss(state: ScenarioState, store: DatastoreNode): TimePart[] | undefined {
  const { instances } = tierSize(store);
  const lost = state.stoppedInstances(store.id);
  const mode = store.replication ?? 'none';
  const peers = state.graph.replicaPeers.get(store.id) ?? [];
  const group = state.graph.groupOf.get(store.id);
  const lag = (from: DatastoreNode, to: string): TimePart[] => {
    const region = state.graph.regionOf.get(from.id);
    const peerRegion = state.graph.regionOf.get(to);
    const link =
      region !== undefined && peerRegion !== undefined && region !== peerRegion
        ? (state.linkBetween(region, peerRegion) ??
          ({ a: region, b: peerRegion } satisfies RegionLink))
        : undefined;
    if (from.sync === true) return [{ kind: 'replication-lag', nodeId: from.id, seconds: 0 }];
    if (link && replicationOverflows(state, from, link, peers.length)) {
      return [{ kind: 'replication-lag', nodeId: from.id, seconds: null }];
    }
    return [
      { kind: 'replication-lag', nodeId: from.id, seconds: replicationLagSeconds(from, link) },
    ];
  };

  if (lost.length === instances) {
    // The whole node is gone: its latest writes survive only where they were replicated.
    if (group && group.members[0] !== store.id) return undefined; // a standby held no new writes
    const survivor = peers.find((p) => state.nodeWorks(p));
    if (survivor !== undefined) return lag(store, survivor);
    if (peers.length > 0 && mode === 'active-active') return lag(store, peers[0] as string);
    return loneNodeLoss(state, store);
  }
  // Some instances are gone: a replicated tier that lost its primary instance promotes a local
  // replica and loses what the primary had not sent it yet.
  if (mode !== 'none' && lost.includes(0)) {
    return [
      {
        kind: 'replication-lag',
        nodeId: store.id,
        seconds: store.sync === true ? 0 : replicationLagSeconds(store, undefined),
      },
    ];
  }
  if (mode === 'none' && lost.length > 0) return loneNodeLoss(state, store);
  return undefined;
}

/** A node without a surviving replica: its persistence window, else its last backup. */
function loneNodeLoss(state: ScenarioState, store: DatastoreNode): TimePart[] {
  const window = persistenceWindowSeconds(store);
  if (window !== undefined)
    return [{ kind: 'persistence-window', nodeId: store.id, seconds: window }];
  const backup = state.backupOf(store.id);
  if (backup)
    return [
      {
        kind: 'backup-interval',
        nodeId: backup.id,
        seconds: backupPolicy(backup).intervalSeconds,
      },
    ];
  state.addNote(`${store.id} has no persistence, replica or backup: its data is lost`);
  return [{ kind: 'persistence-window', nodeId: store.id, seconds: null }];
}

/** True (with a note) when the replicated write volume exceeds the link's bandwidth. */
function replicationOverflows(
  state: ScenarioState,
  store: DatastoreNode,
  link: RegionLink,
  peers: number,
): boolean {
  const mbps = replicationMbps(state.context.doc.workload, peers);
  const bandwidth = linkBandwidthMbps(link);
  if (mbps <= bandwidth) return false;
  state.addNote(
    `replication from ${store.id} needs ${formatRate(mbps, 'Mbit/s')} but the ${link.a}–${link.b} link carries ${formatRate(bandwidth, 'Mbit/s')}: the lag grows without bound`,
  );
  return true;
}
