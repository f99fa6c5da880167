/**
 * Achieved RPO of a scenario: what a corruption loses (everything since the last good backup:
 * `corruptionRpo`) and what losing a datastore's member or instance loses (replication lag,
 * persistence window or backup interval: `lossRpo`). Each function takes the running scenario
 * first (types.ts `ScenarioState`).
 */
import { tierSize } from '../../model/nodes';
import type { DatastoreNode, RegionLink } from '../../model/types';
import { longest, type Decomposition, type TimePart } from './decomposition';
import {
  backupPolicy,
  linkBandwidthMbps,
  persistenceWindowSeconds,
  replicationLagSeconds,
  replicationMbps,
} from './timing';
import type { ScenarioState } from './types';

/** Data lost to a corruption: everything since the last good backup. */
export function corruptionRpo(run: ScenarioState, corrupted: readonly string[]): Decomposition {
  return longest(
    corrupted.map((id) => {
      const backup = run.backupOf(id);
      return [
        {
          kind: 'backup-interval' as const,
          nodeId: backup?.id ?? id,
          seconds: backup ? backupPolicy(backup).intervalSeconds : null,
        },
      ];
    }),
  );
}

/**
 * Data lost when a datastore loses the member or instance that held the latest writes:
 * the replication lag where a replica takes over (0 when synchronous), the persistence window
 * of a lone node, the backup interval when nothing else is left.
 */
export function lossRpo(run: ScenarioState): Decomposition {
  const chains: TimePart[][] = [];
  for (const node of run.graph.variant.nodes) {
    if (node.kind !== 'datastore') continue;
    const chain = dataLoss(run, node);
    if (chain) chains.push(chain);
  }
  return longest(chains, 0);
}

export function dataLoss(run: ScenarioState, store: DatastoreNode): TimePart[] | undefined {
  const { instances } = tierSize(store);
  const lost = run.stoppedInstances(store.id);
  const mode = store.replication ?? 'none';
  const peers = run.graph.replicaPeers.get(store.id) ?? [];
  const group = run.graph.groupOf.get(store.id);
  const lag = (from: DatastoreNode, to: string): TimePart[] => {
    const region = run.graph.regionOf.get(from.id);
    const peerRegion = run.graph.regionOf.get(to);
    const link =
      region !== undefined && peerRegion !== undefined && region !== peerRegion
        ? (run.linkBetween(region, peerRegion) ??
          ({ a: region, b: peerRegion } satisfies RegionLink))
        : undefined;
    if (from.sync === true) return [{ kind: 'replication-lag', nodeId: from.id, seconds: 0 }];
    if (link && replicationOverflows(run, from, link, peers.length)) {
      return [{ kind: 'replication-lag', nodeId: from.id, seconds: null }];
    }
    return [
      { kind: 'replication-lag', nodeId: from.id, seconds: replicationLagSeconds(from, link) },
    ];
  };

  if (lost.length === instances) {
    // The whole node is gone: its latest writes survive only where they were replicated.
    if (group && group.members[0] !== store.id) return undefined; // a standby held no new writes
    const survivor = peers.find((p) => run.nodeWorks(p));
    if (survivor !== undefined) return lag(store, survivor);
    if (peers.length > 0 && mode === 'active-active') return lag(store, peers[0] as string);
    return loneNodeLoss(run, store);
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
  if (mode === 'none' && lost.length > 0) return loneNodeLoss(run, store);
  return undefined;
}

/** A node without a surviving replica: its persistence window, else its last backup. */
export function loneNodeLoss(run: ScenarioState, store: DatastoreNode): TimePart[] {
  const window = persistenceWindowSeconds(store);
  if (window !== undefined)
    return [{ kind: 'persistence-window', nodeId: store.id, seconds: window }];
  const backup = run.backupOf(store.id);
  if (backup)
    return [
      {
        kind: 'backup-interval',
        nodeId: backup.id,
        seconds: backupPolicy(backup).intervalSeconds,
      },
    ];
  run.notes.push(`${store.id} has no persistence, replica or backup: its data is lost`);
  return [{ kind: 'persistence-window', nodeId: store.id, seconds: null }];
}

/** True (with a note) when the replicated write volume exceeds the link's bandwidth. */
export function replicationOverflows(
  run: ScenarioState,
  store: DatastoreNode,
  link: RegionLink,
  peers: number,
): boolean {
  const mbps = replicationMbps(run.context.doc.workload, peers);
  const bandwidth = linkBandwidthMbps(link);
  if (mbps <= bandwidth) return false;
  const note = `replication from ${store.id} needs ${mbps.toFixed(1)} Mbit/s but the ${link.a}–${link.b} link carries ${bandwidth} Mbit/s: the lag grows without bound`;
  if (!run.notes.includes(note)) run.notes.push(note);
  return true;
}
