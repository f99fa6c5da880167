/**
 * The plain-language notes of a scenario: what a partition does to each data tier (Active-Active
 * merging, two primaries, a quorum), the round trip of synchronous replication, and the requests
 * refused after a traffic shift.
 */
import { LINK_DEFAULTS, NODE_DEFAULTS } from '../../model/defaults';
import { conflictResolution } from './data-loss';
import type { ScenarioState } from './state';
import { formatNumber, formatShare, withUnit } from '../../text';

/** Every note of the scenario, added to the state. */
export function addScenarioNotes(state: ScenarioState, servedShare: number): void {
  partitionNotes(state);
  if (state.scenario.shift && servedShare < 1) {
    state.addNote(
      `after the shift, ${formatShare(1 - servedShare)} of requests exceed the capacity left to serve them`,
    );
  }
  syncNotes(state);
}

function partitionNotes(state: ScenarioState): void {
  for (const [a, b] of state.scenario.partition ?? []) {
    for (const node of state.graph.variant.nodes) {
      if (node.kind !== 'datastore') continue;
      const region = state.graph.regionOf.get(node.id);
      if (region !== a && region !== b) continue;
      const other = region === a ? b : a;
      const crossing = (state.graph.replicaPeers.get(node.id) ?? []).filter(
        (p) => state.graph.regionOf.get(p) === other,
      );
      if (crossing.length === 0) continue;
      if ((node.replication ?? 'none') === 'active-active') {
        state.addNote(
          conflictResolution(node) === 'crdt'
            ? `Active-Active members on both sides of the ${a}–${b} partition keep serving reads and writes; when it heals their CRDT types (counters, sets) merge without loss; tombstones of deleted keys grow while the partition lasts`
            : `Active-Active members on both sides of the ${a}–${b} partition keep serving reads and writes; when it heals, last write wins: of two concurrent writes to one key, one is lost, so the data at risk spans the whole partition`,
        );
      } else if (state.graph.groupOf.get(node.id)?.members[0] === node.id) {
        const group = state.graph.groupOf.get(node.id);
        const witness = node.witness ?? (NODE_DEFAULTS.datastore.witness?.value as boolean);
        if (group?.isAutomatic && !witness) {
          state.addNote(
            `risk of two primaries: ${node.id} and its standby in ${other} cannot see each other and nothing in a third location decides, so automatic failover can promote the standby while the primary keeps taking writes; writes on one side are lost when the partition heals`,
          );
        } else if (group?.isAutomatic && witness) {
          state.addNote(
            `the side of the ${a}–${b} partition without the quorum stops taking writes (witness in a third location)`,
          );
        }
      }
      if (node.sync === true) {
        state.addNote(
          `synchronous replication from ${node.id} needs the ${a}–${b} link: writes stop while it is down`,
        );
      }
    }
  }
}

/** Synchronous replication across regions costs every write one round trip of the link. */
function syncNotes(state: ScenarioState): void {
  for (const node of state.graph.variant.nodes) {
    if (node.kind !== 'datastore' || node.sync !== true || !state.nodeWorks(node.id)) continue;
    const region = state.graph.regionOf.get(node.id);
    for (const peer of state.graph.replicaPeers.get(node.id) ?? []) {
      const peerRegion = state.graph.regionOf.get(peer);
      if (region === undefined || peerRegion === undefined || region === peerRegion) continue;
      const rtt =
        state.linkBetween(region, peerRegion)?.rttMs ?? (LINK_DEFAULTS.rttMs?.value as number);
      state.addNote(
        `writes to ${node.id} wait for ${peer} in ${peerRegion}: one ${withUnit(formatNumber(rtt), 'ms')} round trip each (synchronous replication)`,
      );
    }
  }
}
