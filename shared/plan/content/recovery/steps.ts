/**
 * A runbook's recovery steps: confirm the scope, then per affected component in dependency order
 * the router, tier or datastore step (special cases in special-steps.ts).
 */
import type { ScenarioResult } from '../../../engine';
import { persistenceWindowSeconds, routerDetection } from '../../../engine';
import { TIER_KINDS, nodeFailureFigure, tierSize } from '../../../model/nodes';
import type { DatastoreNode, ModelNode, RouterNode, Scenario } from '../../../model/types';
import { bold, inline, type Inline } from '../../document';
import { decompositionText } from '../bia';
import {
  affectedNodes,
  eventLabel,
  groupOf,
  labelOf,
  nodeOf,
  recoveryOrder,
  routersInFrontOf,
  type PlanBasis,
} from '../context';
import { formatCount, formatDuration, formatRate, formatShare, listOf } from '../../../text';
import { corruptionSteps, partitionSteps, shiftSteps } from './special-steps';

export function failedDescription(ctx: PlanBasis, scenario: Scenario): string {
  const parts: string[] = [];
  if ((scenario.fail ?? []).length > 0)
    parts.push(`${listOf((scenario.fail ?? []).map((id) => eventLabel(ctx, id)))} fails`);
  for (const [a, b] of scenario.partition ?? [])
    parts.push(`${eventLabel(ctx, `link:${a}|${b}`)} is cut`);
  if (scenario.shift) {
    const to =
      scenario.shift.to === undefined ? 'the other regions' : labelOf(ctx, scenario.shift.to);
    parts.push(
      `${formatShare(scenario.shift.share)} of the traffic of ${labelOf(ctx, scenario.shift.from)} is moved to ${to}`,
    );
  }
  for (const id of scenario.corrupt ?? [])
    parts.push(`the data of ${labelOf(ctx, id)} is corrupted`);
  return listOf(parts);
}

function routerStep(
  ctx: PlanBasis,
  router: RouterNode,
  affected: ReadonlySet<string>,
  stopped: ReadonlySet<string>,
): Inline {
  const targets = (ctx.graph.dependsOn.get(router.id) ?? []).filter((t) => affected.has(t));
  const whole = targets.filter((t) => stopped.has(t) || !TIER_KINDS.has(nodeOf(ctx, t).kind));
  const partial = targets.filter((t) => !whole.includes(t));
  const { detectionSeconds, dnsTtlSeconds } = routerDetection(router);
  const ttl =
    dnsTtlSeconds > 0
      ? ` Clients that cached the previous DNS answer keep using it for up to ${formatDuration(dnsTtlSeconds)} (the TTL); they must retry on connection errors.`
      : '';
  const what = [
    ...(whole.length === 0
      ? []
      : [
          `${listOf(whole.map((t) => labelOf(ctx, t)))} ${whole.length === 1 ? 'is' : 'are'} out of rotation`,
        ]),
    ...(partial.length === 0
      ? []
      : [
          `the failed instances of ${listOf(partial.map((t) => labelOf(ctx, t)))} are out of rotation`,
        ]),
  ];
  return inline(
    bold(labelOf(ctx, router.id)),
    `: confirm that ${what.join(' and ')} (the health checks take ${formatDuration(detectionSeconds)}). If not, take ${whole.length + partial.length === 1 && partial.length === 0 ? 'it' : 'them'} out by hand (fail the health check, or deregister the target) rather than wait.${ttl}`,
  );
}

function tierStep(ctx: PlanBasis, node: ModelNode, isStopped: boolean): Inline {
  const { instances, minHealthy } = tierSize(node);
  const mttr = nodeFailureFigure(node).mttrHours;
  const capacity =
    node.kind === 'service' && node.capacityRps !== undefined
      ? ` (${formatRate(node.capacityRps, 'requests/s')} each)`
      : '';
  const replace =
    mttr === undefined ? '' : ` (the model expects ${formatDuration(mttr * 3600)} per instance)`;
  return inline(
    bold(labelOf(ctx, node.id)),
    isStopped
      ? `: stopped with its site. Where the site serves again, bring back at least ${minHealthy} of its ${formatCount(instances, 'instance')}${replace} before the router sends traffic to it. Stateless instances need no data recovery.`
      : `: check that at least ${minHealthy} of its ${formatCount(instances, 'instance')} are healthy and carry the load${capacity}; replace the lost instances in the surviving zones${replace}. Stateless instances need no data recovery.`,
  );
}

function datastoreStep(
  ctx: PlanBasis,
  store: DatastoreNode,
  scenario: Scenario,
  isStopped: boolean,
): Inline {
  const group = groupOf(ctx, store.id);
  const peers = ctx.graph.replicaPeers.get(store.id) ?? [];
  const name = bold(labelOf(ctx, store.id));
  const { instances, minHealthy } = tierSize(store);
  if ((scenario.corrupt ?? []).includes(store.id))
    return inline(name, ': see the restore steps below.');
  if (!isStopped) {
    return inline(
      name,
      `: keeps serving from its instances in the surviving zones (at least ${minHealthy} of ${instances} needed); check that a replica took over the lost instance's data and replace that instance, then check that it has resynchronised.`,
    );
  }
  if (store.replication === 'active-active' && peers.length > 0) {
    return inline(
      name,
      ': Active-Active member, down with its site. Clients in the other regions stay on their own local member: do not repoint them across regions. The global router keeps users away from the failed region; the member rejoins after its repair and resynchronises from ',
      listOf(peers.map((p) => labelOf(ctx, p))),
      '.',
    );
  }
  if (group) {
    if (group.members[0] === store.id) {
      const standby = group.members.slice(1).map((m) => labelOf(ctx, m));
      return inline(
        name,
        `: primary of an ${store.replication ?? 'active-passive'} group. `,
        group.isAutomatic
          ? `Confirm that ${listOf(standby)} was promoted (automatic, ${formatDuration(group.failoverSeconds)}); promote it by hand if not. `
          : `Promote ${listOf(standby)} by hand (failover is manual: ${formatDuration(group.failoverSeconds)} to decide and promote). `,
        'Repoint the clients to the new primary’s endpoint, then fence the old primary (block its writes, remove it from service discovery) so that it cannot accept writes when its site returns.',
      );
    }
    return inline(
      name,
      ': standby member, down with its site; it resynchronises from the primary after its repair.',
    );
  }
  const window = persistenceWindowSeconds(store);
  return inline(
    name,
    `: replace or restart it; ${window === undefined ? 'it has no persistence, so its data must be restored from backup' : `it reloads its data from persistence (at most ${formatDuration(window)} of writes lost)`}.`,
  );
}

/** The numbered recovery steps of one scenario, per tier from the entry down to the data. */
export function recoverySteps(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): Inline[] {
  const affected = affectedNodes(ctx, s);
  const stopped = new Set(s.stops);
  const steps: Inline[] = [inline(`Confirm the scope: ${failedDescription(ctx, scenario)}.`)];
  const order = [...recoveryOrder(ctx)].reverse();
  const inFront = new Set(routersInFrontOf(ctx, affected).map((r) => r.id));
  for (const { id } of order) {
    const node = ctx.graph.byId.get(id);
    if (!node) continue;
    if (node.kind === 'router' && inFront.has(id) && !affected.has(id))
      steps.push(routerStep(ctx, node, affected, stopped));
    else if (!affected.has(id)) continue;
    else if (node.kind === 'service' || node.kind === 'queue')
      steps.push(tierStep(ctx, node, stopped.has(id)));
    else if (node.kind === 'datastore')
      steps.push(datastoreStep(ctx, node, scenario, stopped.has(id)));
    else if (node.kind === 'router' || node.kind === 'objectStore' || node.kind === 'external')
      steps.push(
        inline(
          bold(labelOf(ctx, id)),
          ': provider-managed; follow the provider’s status page and open a support case.',
        ),
      );
  }
  if (s.survives && s.capacityShare < 1 && !scenario.shift) {
    const receiving = ctx.variant.nodes.filter(
      (n) => n.kind === 'service' && n.capacityRps !== undefined && !affected.has(n.id),
    );
    steps.push(
      inline(
        `Capacity: the model serves ${formatShare(s.capacityShare)} of the requests after this failure. Scale out `,
        receiving.length === 0
          ? 'the tiers that now receive the traffic'
          : listOf(receiving.map((n) => labelOf(ctx, n.id))),
        `${receiving.length === 1 ? ' until it carries' : ' until they carry'} the whole load, and shed or queue non-essential traffic meanwhile.`,
      ),
    );
  }
  if ((scenario.partition ?? []).length > 0) steps.push(...partitionSteps(ctx, s, scenario));
  steps.push(...shiftSteps(ctx, s, scenario));
  steps.push(...corruptionSteps(ctx, scenario));
  if (!s.survives && (scenario.corrupt ?? []).length === 0) {
    steps.push(
      inline(
        `The service is down until the failed elements return: the model expects ${decompositionText(ctx, s.rto, 'rto')}. Bring components back in the order of Table 7.`,
      ),
    );
  }
  steps.push(inline('Record the time of each step for the after-action report.'));
  return steps;
}
