/** Steps of the scenarios that are not a component failure: corruption, partition, traffic shift. */
import type { ScenarioResult } from '../../../engine';
import { backupPolicy, restoreSeconds } from '../../../engine';
import type { DatastoreNode, ModelNode, Scenario } from '../../../model/types';
import { bold, inline, type Inline } from '../../document';
import { eventLabel, labelOf, type PlanBasis } from '../context';
import { formatCount, formatDuration, formatGiB, formatRate, formatShare } from '../../../text';

export function corruptionSteps(ctx: PlanBasis, scenario: Scenario): Inline[] {
  const steps: Inline[] = [];
  for (const id of scenario.corrupt ?? []) {
    const backups = ctx.variant.edges
      .filter((e) => e.kind === 'backs-up' && e.to === id)
      .map((e) => ctx.graph.byId.get(e.from))
      .filter((n): n is ModelNode & { kind: 'backup' } => n?.kind === 'backup');
    const name = labelOf(ctx, id);
    steps.push(
      inline(
        `Stop the writes that spread the corruption: take ${name} out of traffic or make it read-only; replication copies the bad data to every member, so failing over does not help.`,
      ),
    );
    const backup = backups[0];
    if (!backup) {
      steps.push(
        inline(
          bold('No backup of '),
          bold(name),
          bold(' is modelled'),
          ': the data cannot be restored to a point before the corruption; rebuild it from its sources of record.',
        ),
      );
      continue;
    }
    const policy = backupPolicy(backup);
    const dataSet = ctx.doc.workload?.dataSetGiB;
    steps.push(
      inline(
        `Choose the last backup of ${labelOf(ctx, backup.id)} taken before the corruption began (one every ${formatDuration(policy.intervalSeconds)}, kept ${formatCount(policy.retentionDays, 'day')}): writes since then are lost.`,
      ),
      inline(
        `Restore it into ${name}`,
        dataSet === undefined
          ? ` at ${formatRate(policy.restoreThroughputMBps, 'MB/s')}`
          : ` (${formatGiB(dataSet)} at ${formatRate(policy.restoreThroughputMBps, 'MB/s')}: ${formatDuration(restoreSeconds(dataSet, policy.restoreThroughputMBps))} in the model)`,
        ', then let replication carry the repaired data to the other members, and put it back into traffic.',
      ),
    );
  }
  return steps;
}

export function partitionSteps(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const steps: Inline[] = [];
  for (const [a, b] of scenario.partition ?? []) {
    const stores = ctx.variant.nodes.filter(
      (n): n is DatastoreNode =>
        n.kind === 'datastore' &&
        (ctx.graph.regionOf.get(n.id) === a || ctx.graph.regionOf.get(n.id) === b) &&
        (ctx.graph.replicaPeers.get(n.id) ?? []).length > 0,
    );
    const activeActive = stores.some((n) => n.replication === 'active-active');
    const link = eventLabel(ctx, `link:${a}|${b}`);
    if (activeActive) {
      steps.push(
        inline(
          `Keep both sides serving: Active-Active members on each side of ${link} accept reads and writes locally. Do not move traffic because of the partition alone.`,
        ),
        inline(
          'Watch the replication backlog between the two sides; when the link heals the members exchange what they missed and converge (conflict-free merge), so check the conflict counters afterwards.',
        ),
      );
    } else if (stores.length > 0) {
      steps.push(
        inline(
          `Make sure only one side of ${link} accepts writes: if the standby side was promoted while the old primary still serves, fence one of them at once (two primaries diverge).`,
        ),
      );
    }
  }
  if (steps.length === 0)
    steps.push(
      inline(
        'Confirm that calls between the two regions are not in the request path and that the service keeps serving on both sides.',
      ),
    );
  if (!s.survives)
    steps.push(
      inline(
        'The service does not survive the partition: restore the link or move the traffic to one side.',
      ),
    );
  return steps;
}

export function shiftSteps(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const shift = scenario.shift;
  if (!shift) return [];
  const to = shift.to === undefined ? 'the other regions' : labelOf(ctx, shift.to);
  return [
    inline(
      `Before moving traffic, check that ${to} can carry it: the model serves ${formatShare(s.capacityShare)} of requests after the shift; scale out first if that is below ${formatShare(1)}.`,
    ),
    inline(
      `Change the routing weights of the global router in steps, moving ${formatShare(shift.share)} of the traffic of ${labelOf(ctx, shift.from)} to ${to}, and watch the error rate and latency after each step`,
      s.latencyChangeMs > 0
        ? ` (moved users see about ${formatDuration(s.latencyChangeMs / 1000)} more per round trip)`
        : '',
      '.',
    ),
  ];
}
