/**
 * After recovery: validation against the achieved RTO and RPO, then failback. Failback waits for
 * the steady-state replication lag the model computes (a recovered member has caught up when its
 * lag is back to it), never for the RPO; replication is only said to return where a peer works.
 */
import type { ScenarioResult } from '../../../engine';
import { persistenceWindowSeconds } from '../../../engine';
import type { DatastoreNode, Scenario } from '../../../model/types';
import { bold, inline, type Inline } from '../../document';
import {
  eventLabel,
  groupOf,
  labelOf,
  replicationPairs,
  routers,
  type PlanBasis,
} from '../context';
import { formatDuration, listOf } from '../../../text';
import { steadyLagSeconds } from './lag';
import { actionsFor, withCommand } from './products';
import { backupOf } from './backup-of';

/** `A → B 38.5 ms` for each pair, in the pairs' order. */
function lagList(ctx: PlanBasis, pairs: readonly (readonly [string, string])[]): string {
  return listOf(
    pairs.map(
      ([from, to]) =>
        `${labelOf(ctx, from)} to ${labelOf(ctx, to)} ${formatDuration(steadyLagSeconds(ctx, from, to))}`,
    ),
  );
}

/** What a member without a working replica loses if it fails too: persistence, else backups. */
function secondLoss(ctx: PlanBasis, store: DatastoreNode): string {
  const window = persistenceWindowSeconds(store);
  if (window !== undefined) return `up to ${formatDuration(window)} of writes (its persistence)`;
  const backup = backupOf(ctx, store.id);
  return backup === undefined
    ? 'all its data (no persistence, no backup)'
    : `the writes since the last backup of ${labelOf(ctx, backup.id)}`;
}

function replicationChecks(ctx: PlanBasis, s: ScenarioResult): Inline[] {
  const stopped = new Set(s.stops);
  const working = replicationPairs(ctx).filter(
    ([a, b]) => !stopped.has(a.id) && !stopped.has(b.id),
  );
  const lines: Inline[] = [];
  if (working.length > 0)
    lines.push(
      inline(
        `Replication between the working data-tier members is at its steady state: ${lagList(
          ctx,
          working.map(([a, b]) => [a.id, b.id] as const),
        )} in the model.`,
      ),
    );
  // A member whose every peer stopped has no replica until they return.
  for (const node of ctx.variant.nodes) {
    if (node.kind !== 'datastore' || stopped.has(node.id)) continue;
    const peers = ctx.graph.replicaPeers.get(node.id) ?? [];
    if (peers.length === 0 || peers.some((p) => !stopped.has(p))) continue;
    const sites = listOf(
      [...new Set(peers.map((p) => ctx.graph.regionOf.get(p) ?? p))].map((r) => eventLabel(ctx, r)),
    );
    lines.push(
      inline(
        `${labelOf(ctx, node.id)} has no working replica until ${sites} returns: a failure of it meanwhile loses ${secondLoss(ctx, node)}.`,
      ),
    );
  }
  return lines;
}

export function validation(ctx: PlanBasis, s: ScenarioResult): Inline[] {
  const t = ctx.doc.targets ?? {};
  return [
    inline(
      'The service answers again at every entry: the achieved RTO in the model is ',
      bold(formatDuration(s.rtoSeconds)),
      t.rtoSeconds === undefined ? '' : ` against a target of ${formatDuration(t.rtoSeconds)}`,
      '.',
    ),
    inline(
      'Data lost is no more than the achieved RPO of ',
      bold(formatDuration(s.rpoSeconds)),
      t.rpoSeconds === undefined ? '' : ` (target ${formatDuration(t.rpoSeconds)})`,
      '; reconcile the writes of that window with their sources where they matter.',
    ),
    inline(
      'The error rate at the entry is back within the error budget and latency is back to its baseline',
      s.latencyChangeMs > 0
        ? ` (users served from another region see about ${formatDuration(s.latencyChangeMs / 1000)} more until failback)`
        : '',
      '.',
    ),
    ...replicationChecks(ctx, s),
  ];
}

/** The global routers, by name, for "add the region back to …". */
function globalRouterNames(ctx: PlanBasis): string {
  const global = routers(ctx).filter((r) => !ctx.graph.regionOf.has(r.id));
  return listOf(global.map((r) => labelOf(ctx, r.id))) || 'the global router';
}

function partitionFailback(ctx: PlanBasis, scenario: Scenario): Inline[] {
  const lines: Inline[] = [];
  for (const [a, b] of scenario.partition ?? []) {
    const pairs = replicationPairs(ctx).filter(([x, y]) => {
      const rx = ctx.graph.regionOf.get(x.id);
      const ry = ctx.graph.regionOf.get(y.id);
      return (rx === a && ry === b) || (rx === b && ry === a);
    });
    if (pairs.length === 0) continue;
    const activeActive = pairs.some(([x]) => x.replication === 'active-active');
    const lags = lagList(
      ctx,
      pairs.map(([x, y]) => [x.id, y.id] as const),
    );
    lines.push(
      inline(
        activeActive
          ? `Nothing moves back. Once the link heals, check that the Active-Active members hold the same data (key counts per member) and that their replication lag is back to its steady state: ${lags}.`
          : `Nothing moves back. Once the link heals, check that the replicas have caught up: their replication lag back to its steady state, ${lags}.`,
      ),
    );
  }
  return lines.length > 0
    ? lines
    : [inline('Nothing moves back: no replication crosses the link.')];
}

export function failback(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  if ((scenario.corrupt ?? []).length > 0)
    return [
      inline(
        'No failback: the restored data is the new baseline. Check that backups resume on schedule and that the next backup succeeds.',
      ),
    ];
  if (scenario.shift)
    return [
      inline(
        'Move the traffic back with the routing weights, in steps, watching the same signals, once the reason for the shift has passed.',
      ),
    ];
  if ((scenario.partition ?? []).length > 0 && (scenario.fail ?? []).length === 0)
    return partitionFailback(ctx, scenario);
  const stopped = new Set(s.stops);
  const steps: Inline[] = [];
  for (const node of ctx.variant.nodes) {
    if (node.kind !== 'datastore' || !stopped.has(node.id)) continue;
    const peers = (ctx.graph.replicaPeers.get(node.id) ?? []).filter((p) => !stopped.has(p));
    if (node.replication === 'active-active' && peers.length > 0) {
      steps.push(
        inline(
          bold('Lag-aware failback'),
          `: when its site is repaired, ${labelOf(ctx, node.id)} re-synchronises from ${listOf(peers.map((p) => labelOf(ctx, p)))}. Send traffic back only when its replication lag from every peer is back to its steady state (${lagList(
            ctx,
            peers.map((p) => [p, node.id] as const),
          )} in the model), not merely below the RPO; then add its region back to ${globalRouterNames(ctx)} and restore its share of the traffic in steps, watching error rate, latency and lag.`,
        ),
      );
      continue;
    }
    const group = groupOf(ctx, node.id);
    const member = group?.members.find((m) => m !== node.id && !stopped.has(m));
    if (group && group.members[0] === node.id && member !== undefined) {
      const rejoin = actionsFor(ctx, node)?.rejoinAsReplica;
      steps.push([
        ...inline(
          `${labelOf(ctx, node.id)} rejoins as a replica of ${labelOf(ctx, member)} and catches up`,
        ),
        ...(rejoin ? withCommand(':', rejoin) : []),
        ...inline(
          `. Switch back only in a planned window, once its replication lag is back to its steady state of ${formatDuration(steadyLagSeconds(ctx, member, node.id))} and writes are paused for the switchover (a planned switchover then loses nothing), or keep ${labelOf(ctx, member)} as the primary and update this plan.`,
        ),
      ]);
    }
  }
  steps.push(
    inline(
      'Replaced instances join their load balancer once healthy; check that every zone and region carries its usual share of the traffic again.',
    ),
  );
  return steps;
}
