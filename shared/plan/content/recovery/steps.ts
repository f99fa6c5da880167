/**
 * A runbook's untimed work: what the scenario is in words, and the tasks once the service is
 * back (replace lost instances, keep a demoted primary fenced, drop an Active-Active member
 * whose region stays down), each with its role and the provider's command.
 */
import type { ScenarioResult } from '../../../engine';
import { persistenceWindowSeconds } from '../../../engine';
import { nodeFailureFigure, tierSize } from '../../../model/nodes';
import type { DatastoreNode, ModelNode, Scenario } from '../../../model/types';
import { bold, inline, text, type Inline, type Run } from '../../document';
import {
  affectedNodes,
  eventLabel,
  groupOf,
  labelOf,
  locationOf,
  recoveryOrder,
  type PlanBasis,
} from '../context';
import { formatCount, formatDuration, formatShare, listOf } from '../../../text';
import { actionsFor, withCommand } from './products';
import { ROLE, type RoleName } from '../roles';
import { backupOf } from './backup-of';

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

/** `**Role**: …` — a task with the role that does it. */
export function task(role: RoleName, ...parts: readonly (string | Run)[]): Inline {
  return [bold(role), text(': '), ...inline(...parts)];
}

function tierTask(ctx: PlanBasis, node: ModelNode): Inline {
  const mttr = nodeFailureFigure(node).mttrHours;
  const { instances, minHealthy } = tierSize(node);
  const check = actionsFor(ctx, node)?.checkCapacity;
  return task(
    ROLE.platform,
    `replace the lost instances of ${labelOf(ctx, node.id)} in the surviving zones${mttr === undefined ? '' : ` (${formatDuration(mttr * 3600)} per instance in the model)`}; at least ${minHealthy} of its ${formatCount(instances, 'instance')} must stay healthy meanwhile.`,
    ...(check ? withCommand(' Check:', check, { region: locationOf(ctx, node.id) }) : []),
  );
}

function datastoreTask(
  ctx: PlanBasis,
  s: ScenarioResult,
  store: DatastoreNode,
): Inline | undefined {
  const actions = actionsFor(ctx, store);
  const name = labelOf(ctx, store.id);
  if (!s.stops.includes(store.id)) {
    return task(
      ROLE.data,
      `replace the lost instance of ${name} and check that it has re-synchronised.`,
      ...(actions?.checkRole ? withCommand(' Check:', actions.checkRole) : []),
    );
  }
  const group = groupOf(ctx, store.id);
  if (group && group.members[0] === store.id) {
    const member = group.members.find((m) => m !== store.id && !s.stops.includes(m));
    return member === undefined
      ? undefined
      : task(
          ROLE.data,
          `keep ${name} fenced until failback; ${labelOf(ctx, member)} is now the primary: check that its backups run.`,
        );
  }
  const peers = (ctx.graph.replicaPeers.get(store.id) ?? []).filter((p) => !s.stops.includes(p));
  if (store.replication === 'active-active' && peers.length > 0) {
    const mtd = ctx.doc.targets?.mtdSeconds;
    return task(
      ROLE.data,
      `if ${eventLabel(ctx, ctx.graph.regionOf.get(store.id) ?? store.id)} is not back${mtd === undefined ? ' soon' : ` within the MTD (${formatDuration(mtd)})`}, remove its member from the Active-Active database on a surviving cluster`,
      ...(actions?.removeMember ? withCommand(':', actions.removeMember) : []),
      '; after its repair, purge it on its own cluster and add it back',
      ...(actions?.rejoinMember ? withCommand(':', actions.rejoinMember) : []),
      '.',
    );
  }
  if (peers.length > 0) return undefined;
  // A lone datastore comes back with its site: from its persistence, else from its backup.
  const window = persistenceWindowSeconds(store);
  if (window !== undefined)
    return task(
      ROLE.data,
      `when its site returns, check that ${name} reloaded its data from persistence (at most ${formatDuration(window)} of writes lost).`,
    );
  const backup = backupOf(ctx, store.id);
  return task(
    ROLE.data,
    backup === undefined
      ? `when its site returns, ${name} has lost its data (no persistence, no backup): rebuild it from its systems of record.`
      : `when its site returns, ${name} has no persistence: restore it from the last backup of ${labelOf(ctx, backup.id)} before it takes traffic`,
    ...(backup !== undefined && actions?.restore
      ? withCommand(':', actions.restore, { region: locationOf(ctx, store.id) })
      : []),
    backup === undefined ? '' : '.',
  );
}

/** The tasks once the service is back, from the entry down, then the record of the times. */
export function afterServiceTasks(ctx: PlanBasis, s: ScenarioResult): Inline[] {
  const affected = affectedNodes(ctx, s);
  const stopped = new Set(s.stops);
  const tasks: Inline[] = [];
  for (const { id } of [...recoveryOrder(ctx)].reverse()) {
    const node = ctx.graph.byId.get(id);
    if (!node || !affected.has(id)) continue;
    if ((node.kind === 'service' || node.kind === 'queue') && !stopped.has(id))
      tasks.push(tierTask(ctx, node));
    else if (node.kind === 'datastore') {
      const t = datastoreTask(ctx, s, node);
      if (t) tasks.push(t);
    } else if (node.kind === 'router' || node.kind === 'objectStore' || node.kind === 'external')
      tasks.push(
        task(
          ROLE.platform,
          `${labelOf(ctx, id)} is provider-managed: follow the provider’s status page and open a support case.`,
        ),
      );
  }
  tasks.push(
    task(
      ROLE.coordinator,
      'record when each step started and ended, and the measured RTO and RPO, in the results log of the testing chapter for the after-action report.',
    ),
  );
  return tasks;
}
