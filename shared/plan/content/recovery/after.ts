/** After recovery: validation against the achieved RTO and RPO, then failback. */
import type { ScenarioResult } from '../../../engine';
import { replicationLagSeconds } from '../../../engine';
import type { DatastoreNode, Scenario } from '../../../model/types';
import { bold, inline, type Inline } from '../../document';
import { groupOf, linkBetween, type PlanBasis } from '../context';
import { formatDuration } from '../../../text';

export function validation(ctx: PlanBasis, s: ScenarioResult): Inline[] {
  const t = ctx.doc.targets ?? {};
  const lags = ctx.variant.nodes
    .filter((n): n is DatastoreNode => n.kind === 'datastore' && n.sync !== true)
    .flatMap((n) =>
      (ctx.graph.replicaPeers.get(n.id) ?? []).map((p) => {
        const a = ctx.graph.regionOf.get(n.id);
        const b = ctx.graph.regionOf.get(p);
        return replicationLagSeconds(
          n,
          a !== undefined && b !== undefined && a !== b
            ? (linkBetween(ctx, a, b) ?? { a, b })
            : undefined,
        );
      }),
    );
  const maxLag = lags.length === 0 ? undefined : Math.max(...lags);
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
    ...(maxLag === undefined
      ? []
      : [
          inline(
            `Replication lag between data-tier members is back to its steady state (the model expects at most ${formatDuration(maxLag)}).`,
          ),
        ]),
  ];
}

export function failback(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const rpo = ctx.doc.targets?.rpoSeconds;
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
    return [
      inline(
        'Nothing moves back: once the link heals, check that the members have converged (key counts, conflict counters) and that replication lag is back to its steady state.',
      ),
    ];
  const stores = ctx.variant.nodes.filter(
    (n): n is DatastoreNode => n.kind === 'datastore' && s.stops.includes(n.id),
  );
  const steps: Inline[] = [];
  if (stores.some((n) => n.replication === 'active-active')) {
    steps.push(
      inline(
        bold('Lag-aware failback'),
        ': when the failed site is repaired, its Active-Active member resynchronises from its peers. Send traffic back only when its replication lag to every peer is ',
        rpo === undefined ? 'back to its steady state' : `below the RPO of ${formatDuration(rpo)}`,
        '; then add the region back to the global router and restore its traffic share in steps, watching error rate, latency and lag.',
      ),
    );
  }
  if (stores.some((n) => groupOf(ctx, n.id) !== undefined)) {
    steps.push(
      inline(
        'The old primary rejoins as a standby and resynchronises. Switch back only in a planned window, once its lag is zero (a planned switchover loses no data), or keep the new primary and update the documentation.',
      ),
    );
  }
  steps.push(
    inline(
      'Replaced instances join their load balancer once healthy; check that every zone and region carries its usual share of the traffic again.',
    ),
  );
  return steps;
}
