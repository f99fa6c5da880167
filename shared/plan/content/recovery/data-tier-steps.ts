/**
 * The runbook steps of a data tier, by the engine's RTO part: promotion of a standby (or of a
 * local replica), the warm-up of a promoted cache, a restore from backup and the re-sync of a
 * member that comes back (`step-content.ts` chooses the step).
 */
import { backupPolicy, restoreSeconds } from '../../../engine';
import { warmupSeconds } from '../../../model/nodes';
import type { DatastoreNode } from '../../../model/types';
import { bold, code, inline, text } from '../../document';
import { blank } from '../blanks';
import { groupOf, labelOf, locationOf, nodeOf } from '../context';
import { formatCount, formatDuration, formatInterval, listOf } from '../../../text';
import { backupOf } from './backup-of';
import { steadyLagSeconds } from './lag';
import { actionsFor, withCommand } from './products';
import { ROLE } from '../roles';
import { shows, type StepContent, type StepSubject } from './step-subject';

/** The member that takes over from `primary`: the first working other member of its group. */
function promotedMember(subject: StepSubject, primary: string): string | undefined {
  return groupOf(subject.ctx, primary)?.members.find(
    (m) => m !== primary && !subject.s.stops.includes(m),
  );
}

export function promotion(subject: StepSubject, storeId: string): StepContent {
  const { ctx } = subject;
  const member = promotedMember(subject, storeId);
  const group = groupOf(ctx, storeId);
  if (member === undefined || !group) {
    // A replicated tier that lost the instance holding its primary promotes a local replica.
    const store = nodeOf(ctx, storeId);
    const actions = actionsFor(ctx, store);
    return {
      role: ROLE.data,
      action: [
        text(`Automatic: ${labelOf(ctx, storeId)} promotes a replica in a surviving zone. Check:`),
        ...(actions?.checkRole
          ? withCommand('', actions.checkRole)
          : [text(' which instance is primary.')]),
      ],
      verify: shows(actions?.checkRole, 'A primary in a surviving zone accepts writes.'),
      goNoGo: [
        text('No primary when the budget is spent: '),
        ...(actions?.failoverInRegion
          ? withCommand('fail over by hand:', actions.failoverInRegion)
          : [text('promote a replica by hand.')]),
      ],
    };
  }
  const standby = nodeOf(ctx, member);
  const actions = actionsFor(ctx, standby);
  const acrossRegions = ctx.graph.regionOf.get(member) !== ctx.graph.regionOf.get(storeId);
  const command = acrossRegions ? actions?.failoverAcrossRegions : actions?.failoverInRegion;
  const values = { region: locationOf(ctx, member) };
  const name = labelOf(ctx, member);
  const fence = `fence ${labelOf(ctx, storeId)} (block its writes, remove it from service discovery) so that it cannot take writes when its site returns`;
  const backup = backupOf(ctx, member);
  const dataSet = (standby as DatastoreNode).memoryGiB ?? ctx.doc.workload?.dataSetGiB;
  const fallback =
    backup === undefined
      ? 'rebuild it from its sources of record'
      : `restore ${name} from ${labelOf(ctx, backup.id)}${dataSet === undefined ? '' : ` (${formatDuration(restoreSeconds(dataSet, backupPolicy(backup).restoreThroughputMBps))} in the model)`}`;
  const check = actions?.checkRole;
  if (group.isAutomatic) {
    return {
      role: ROLE.data,
      action: [
        text(`Automatic: ${name} is promoted. Check:`),
        ...(check ? withCommand('', check) : [text(' which member is primary.')]),
        text(` Then ${fence}.`),
      ],
      verify: shows(check, `${name} accepts writes.`),
      goNoGo: [
        text('Not promoted when the budget is spent: '),
        ...(command
          ? withCommand('promote it by hand:', command, values)
          : [text('promote it by hand.')]),
      ],
    };
  }
  return {
    role: ROLE.data,
    action: [
      text(`First ${fence}. Then promote ${name}:`),
      ...(command
        ? withCommand('', command, values)
        : [text(' by the provider’s procedure ('), blank('procedure'), text(').')]),
      text(' Repoint the clients to its endpoint.'),
    ],
    verify: [
      ...(check ? withCommand('Run', check) : [text('Check the member’s role')]),
      text(
        `: ${check?.expect === undefined ? `${name} is primary and accepts writes` : `it shows ${check.expect}`}.`,
      ),
    ],
    goNoGo: inline(
      `Rollback point: nothing is promoted until the old primary is fenced. If the promotion fails, ${fallback}.`,
    ),
  };
}

export function warmUp(subject: StepSubject, storeId: string): StepContent {
  const { ctx } = subject;
  const store = nodeOf(ctx, storeId);
  return {
    role: ROLE.data,
    action: inline(
      `Let ${labelOf(ctx, storeId)} warm up before it carries the full load (${formatDuration(warmupSeconds(store))} in the model).`,
    ),
    verify: inline(`Latency of ${labelOf(ctx, storeId)} is back to its baseline.`),
    goNoGo: inline(
      'Still slow when the budget is spent: keep part of the traffic away (router weights) until it is not.',
    ),
  };
}

export function restore(subject: StepSubject, nodeId: string): StepContent {
  const { ctx, scenario } = subject;
  const backup = ctx.graph.byId.get(nodeId);
  const storeId =
    backup?.kind === 'backup'
      ? ((scenario.corrupt ?? []).find((id) => backupOf(ctx, id)?.id === nodeId) ?? nodeId)
      : nodeId;
  const store = nodeOf(ctx, storeId);
  if (backup?.kind !== 'backup') {
    return {
      role: ROLE.data,
      action: inline(
        bold(`No backup of ${labelOf(ctx, storeId)} is modelled`),
        ': its data cannot be restored to a point before the corruption; rebuild it from its systems of record.',
      ),
      verify: inline('Spot checks of the rebuilt data against its sources pass.'),
      goNoGo: inline(
        'The service stays down until the data is rebuilt: escalate to the ISCP director.',
      ),
    };
  }
  const policy = backupPolicy(backup);
  const storeActions = actionsFor(ctx, store);
  const fileActions = actionsFor(ctx, backup);
  // A managed engine restores its own snapshots; self-managed Redis loads an RDB file copied back.
  const how = storeActions?.restore
    ? withCommand('Restore it:', storeActions.restore, { region: locationOf(ctx, storeId) })
    : fileActions?.restore
      ? [
          ...withCommand('Copy the backup file back:', fileActions.restore),
          text(' and restart Redis on it (with AOF on, start with '),
          code('appendonly no'),
          text(', then turn it back on with '),
          code('CONFIG SET appendonly yes'),
          text(').'),
        ]
      : [text('Restore it by the engine’s procedure ('), blank('procedure'), text(').')];
  return {
    role: ROLE.data,
    action: [
      text(
        `Restore into ${labelOf(ctx, storeId)} the last backup of ${labelOf(ctx, backup.id)} taken before the corruption began (one every ${formatInterval(policy.intervalSeconds)}; writes since then are lost). `,
      ),
      ...how,
    ],
    verify: inline(
      'Records written just before the restore point are present; the application’s read checks pass.',
    ),
    goNoGo: inline(
      `Rollback point: keep a copy of the corrupted data until the restored data is validated. If this backup is bad too, take the one before it (kept ${formatCount(policy.retentionDays, 'day')}).`,
    ),
  };
}

export function resync(subject: StepSubject, peerId: string): StepContent {
  const { ctx, scenario } = subject;
  const source = (scenario.corrupt ?? []).find((id) =>
    (ctx.graph.replicaPeers.get(id) ?? []).includes(peerId),
  );
  // Every peer of the restored member re-syncs at once; the engine times the slowest one.
  const peers = source === undefined ? [peerId] : (ctx.graph.replicaPeers.get(source) ?? [peerId]);
  const names = listOf(peers.map((p) => labelOf(ctx, p)));
  const lags =
    source === undefined
      ? undefined
      : listOf(
          peers.map(
            (p) => `${labelOf(ctx, p)} ${formatDuration(steadyLagSeconds(ctx, source, p))}`,
          ),
        );
  return {
    role: ROLE.data,
    action: inline(
      `Let ${names} re-sync the whole data set from ${source === undefined ? 'the restored member' : labelOf(ctx, source)} before ${peers.length === 1 ? 'it serves' : 'they serve'} again${peers.length === 1 ? '' : `; ${labelOf(ctx, peerId)}, the slowest, sets the budget`}.`,
    ),
    verify: inline(
      lags === undefined
        ? `${names} report the re-sync complete.`
        : `Replication lag back to its steady state: ${lags}.`,
    ),
    goNoGo: inline(`A member takes traffic again only once it is in sync.`),
  };
}
