/**
 * The notes a scenario adds beside its figures: what a network partition does to replicated
 * datastores (two primaries, quorum, CRDT merge), the round trip synchronous replication costs
 * every write, and the requests a traffic shift leaves without capacity.
 */
import { LINK_DEFAULTS, NODE_DEFAULTS } from '../../model/defaults';
import type { ScenarioTraffic } from './traffic';
import type { ScenarioState } from './types';

export function partitionNotes(run: ScenarioState): void {
  for (const [a, b] of run.scenario.partition ?? []) {
    for (const node of run.graph.variant.nodes) {
      if (node.kind !== 'datastore') continue;
      const region = run.graph.regionOf.get(node.id);
      if (region !== a && region !== b) continue;
      const other = region === a ? b : a;
      const crossing = (run.graph.replicaPeers.get(node.id) ?? []).filter(
        (p) => run.graph.regionOf.get(p) === other,
      );
      if (crossing.length === 0) continue;
      if ((node.replication ?? 'none') === 'active-active') {
        run.addNote(
          `Active-Active members on both sides of the ${a}–${b} partition keep serving reads and writes; when it heals they converge (CRDT merge: last-write-wins for strings, tombstones of deleted keys grow while the partition lasts)`,
        );
      } else if (run.graph.groupOf.get(node.id)?.members[0] === node.id) {
        const group = run.graph.groupOf.get(node.id);
        const witness = node.witness ?? (NODE_DEFAULTS.datastore.witness?.value as boolean);
        if (group?.isAutomatic && !witness) {
          run.addNote(
            `risk of two primaries: ${node.id} and its standby in ${other} cannot see each other and nothing in a third location decides, so automatic failover can promote the standby while the primary keeps taking writes; writes on one side are lost when the partition heals`,
          );
        } else if (group?.isAutomatic && witness) {
          run.addNote(
            `the side of the ${a}–${b} partition without the quorum stops taking writes (witness in a third location)`,
          );
        }
      }
      if (node.sync === true) {
        run.addNote(
          `synchronous replication from ${node.id} needs the ${a}–${b} link: writes stop while it is down`,
        );
      }
    }
  }
}

/** Synchronous replication across regions costs every write one round trip of the link. */
export function syncNotes(run: ScenarioState): void {
  for (const node of run.graph.variant.nodes) {
    if (node.kind !== 'datastore' || node.sync !== true || !run.nodeWorks(node.id)) continue;
    const region = run.graph.regionOf.get(node.id);
    for (const peer of run.graph.replicaPeers.get(node.id) ?? []) {
      const peerRegion = run.graph.regionOf.get(peer);
      if (region === undefined || peerRegion === undefined || region === peerRegion) continue;
      const rtt =
        run.linkBetween(region, peerRegion)?.rttMs ?? (LINK_DEFAULTS.rttMs?.value as number);
      run.addNote(
        `writes to ${node.id} wait for ${peer} in ${peerRegion}: one ${rtt} ms round trip each (synchronous replication)`,
      );
    }
  }
}

export function shiftNotes(run: ScenarioState, traffic: ScenarioTraffic): void {
  if (!run.scenario.shift) return;
  if (traffic.servedShare < 1) {
    run.addNote(
      `after the shift, ${((1 - traffic.servedShare) * 100).toFixed(1)} % of requests exceed the capacity left to serve them`,
    );
  }
}
