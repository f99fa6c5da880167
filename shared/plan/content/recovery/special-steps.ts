/**
 * The work that runs alongside a runbook's timed steps for the scenarios that are not a plain
 * failure: a partition (which members keep taking writes, by the design's replication), a traffic
 * shift (capacity first, then the weights), and a service left short of capacity. Active-Active
 * wording appears only where a member is Active-Active.
 */
import type { ScenarioResult } from '../../../engine';
import { NODE_DEFAULTS } from '../../../model/defaults';
import type { DatastoreNode, Scenario } from '../../../model/types';
import { type Inline } from '../../document';
import {
  affectedNodes,
  eventLabel,
  groupOf,
  labelOf,
  locationOf,
  type PlanBasis,
} from '../context';
import { formatDuration, formatShare, listOf } from '../../../text';
import { actionsFor, withCommand } from './products';
import { ROLE } from '../roles';
import { task } from './steps';

/** The replicated datastores with a member on each side of the link `a`–`b`. */
function acrossLink(ctx: PlanBasis, a: string, b: string): DatastoreNode[] {
  return ctx.variant.nodes.filter((n): n is DatastoreNode => {
    if (n.kind !== 'datastore') return false;
    const region = ctx.graph.regionOf.get(n.id);
    if (region !== a && region !== b) return false;
    const other = region === a ? b : a;
    return (ctx.graph.replicaPeers.get(n.id) ?? []).some(
      (p) => ctx.graph.regionOf.get(p) === other,
    );
  });
}

function partitionTasks(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const tasks: Inline[] = [];
  for (const [a, b] of scenario.partition ?? []) {
    const link = eventLabel(ctx, `link:${a}|${b}`);
    const stores = acrossLink(ctx, a, b);
    const activeActive = stores.filter((n) => n.replication === 'active-active');
    const passive = stores.filter((n) => n.replication !== 'active-active');
    if (activeActive.length > 0) {
      const lww = activeActive.some(
        (n) =>
          (n.conflictResolution ?? NODE_DEFAULTS.datastore.conflictResolution?.value) ===
          'last-write-wins',
      );
      tasks.push(
        task(
          ROLE.data,
          `keep both sides serving: the Active-Active members of ${listOf(activeActive.map((n) => labelOf(ctx, n.id)))} take reads and writes on each side of ${link}; do not move traffic because of the partition alone. Watch the replication backlog between the two sides.`,
        ),
        task(
          ROLE.data,
          lww
            ? `when the link heals the members exchange what they missed; two writes to one key on the two sides keep only the later one (last write wins), so list the keys written on both sides (achieved RPO ${formatDuration(s.rpoSeconds)}).`
            : 'when the link heals the members exchange what they missed and merge concurrent writes (CRDT types): nothing is lost.',
        ),
      );
    }
    for (const store of passive) {
      const group = groupOf(ctx, store.id);
      const primary = group?.members[0] ?? store.id;
      if (primary !== store.id) continue;
      tasks.push(
        task(
          ROLE.data,
          `make sure only ${labelOf(ctx, primary)} accepts writes while ${link} is cut: its replicas fall behind but must not be promoted because of the partition alone (${
            group?.isAutomatic !== true
              ? 'the failover is manual: promote nothing'
              : store.witness === true
                ? 'the witness in a third site keeps one primary'
                : 'automatic failover with no witness in a third site: a replica may promote itself, so check the role of each member'
          }). If one was promoted, fence one side at once: two primaries diverge.`,
        ),
      );
    }
    if (stores.length === 0)
      tasks.push(
        task(
          ROLE.platform,
          `confirm that no call in the request path crosses ${link} and that both sides keep serving.`,
        ),
      );
  }
  return tasks;
}

function shiftTasks(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const shift = scenario.shift;
  if (!shift) return [];
  const to = shift.to === undefined ? 'the other regions' : labelOf(ctx, shift.to);
  const receiving = ctx.variant.nodes.filter(
    (n) =>
      n.kind === 'service' &&
      (shift.to === undefined
        ? ctx.graph.regionOf.get(n.id) !== shift.from
        : ctx.graph.regionOf.get(n.id) === shift.to),
  );
  const scale = receiving.flatMap((n) => {
    const command = actionsFor(ctx, n)?.setCapacity;
    const max = n.kind === 'service' ? n.maxInstances : undefined;
    return command && max !== undefined
      ? [
          withCommand(`scale ${labelOf(ctx, n.id)} out first:`, command, {
            count: String(max),
            region: locationOf(ctx, n.id),
          }),
        ]
      : [];
  });
  return [
    task(
      ROLE.platform,
      `before moving traffic, check that ${to} can carry it: the model serves ${formatShare(s.servedShare)} of the requests once it has moved`,
      s.servedShare < 1 ? '; ' : '.',
      ...(s.servedShare < 1 ? [...(scale[0] ?? ['scale out the receiving tiers first']), '.'] : []),
    ),
    task(
      ROLE.platform,
      `change the routing weights in steps, moving ${formatShare(shift.share)} of the traffic of ${labelOf(ctx, shift.from)} to ${to}, and watch the error rate and latency after each step`,
      s.latencyChangeMs > 0
        ? ` (moved users see about ${formatDuration(s.latencyChangeMs / 1000)} more per round trip)`
        : '',
      '.',
    ),
  ];
}

/** A service left short of capacity with no scale-out on the clock: shed load, say who grows. */
function capacityTasks(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  if (!s.survives || s.servedShare >= 1 || scenario.shift) return [];
  if (
    s.rto.parts.some((p) => p.kind === 'scale-out') ||
    s.fullCapacity.parts.some((p) => p.kind === 'scale-out')
  )
    return [
      task(
        ROLE.platform,
        `shed or queue non-essential traffic until the scale-out is done: ${formatShare(s.servedShare)} of the requests are served meanwhile.`,
      ),
    ];
  const affected = affectedNodes(ctx, s);
  const receiving = ctx.variant.nodes.filter(
    (n) => n.kind === 'service' && n.capacityRps !== undefined && !affected.has(n.id),
  );
  return [
    task(
      ROLE.platform,
      `${formatShare(s.servedShare)} of the requests are served after this failure and the model has no scale-out for it: shed or queue non-essential traffic, and add capacity to ${listOf(receiving.map((n) => labelOf(ctx, n.id))) || 'the tiers that now take the traffic'} by hand.`,
    ),
  ];
}

/** The work alongside the timed steps; empty when there is none. */
export function alongsideTasks(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  return [
    ...partitionTasks(ctx, s, scenario),
    ...shiftTasks(ctx, s, scenario),
    ...capacityTasks(ctx, s, scenario),
  ];
}
