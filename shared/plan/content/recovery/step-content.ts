/**
 * What one runbook step says, by the kind of time the engine spends on it (its RTO part): who
 * does it, the concrete action for the component's provider and engine, how to verify it with
 * the value to expect, and the go/no-go or rollback point. The time itself is the part's
 * (`runbook-steps.ts`).
 */
import type { ScenarioResult, TimePart } from '../../../engine';
import { backupPolicy, restoreSeconds, routerDetection } from '../../../engine';
import { NODE_DEFAULTS } from '../../../model/defaults';
import { nodeFailureFigure, warmupSeconds } from '../../../model/nodes';
import type { DatastoreNode, ModelNode, RouterNode, Scenario } from '../../../model/types';
import { bold, code, inline, text, type Inline } from '../../document';
import { blank } from '../blanks';
import {
  affectedNodes,
  eventLabel,
  groupOf,
  labelOf,
  locationOf,
  nodeOf,
  type PlanBasis,
} from '../context';
import { formatCount, formatDuration, formatInterval, formatShare, listOf } from '../../../text';
import { backupOf } from './backup-of';
import { steadyLagSeconds } from './lag';
import { actionsFor, withCommand } from './products';
import type { ProviderCommand } from './provider-actions';
import { ROLE, type RoleName } from '../roles';
import { failedDescription } from './steps';

/** A step's words: who, what, how to tell it worked, and when to stop or roll back. */
export interface StepContent {
  readonly role: RoleName;
  readonly action: Inline;
  readonly verify: Inline;
  readonly goNoGo: Inline;
}

/** What a step is about, besides the engine's part. */
export interface StepSubject {
  readonly ctx: PlanBasis;
  readonly s: ScenarioResult;
  readonly scenario: Scenario;
}

/** The words of the step that spends `part`. */
export function partContent(subject: StepSubject, part: TimePart): StepContent {
  switch (part.kind) {
    case 'detection':
      return part.nodeId === 'operations'
        ? noticeCorruption(subject)
        : routerTakesOut(subject, nodeOf(subject.ctx, part.nodeId) as RouterNode);
    case 'dns-ttl':
      return dnsTtl(subject, nodeOf(subject.ctx, part.nodeId) as RouterNode);
    case 'decision':
      return decision(subject);
    case 'promotion':
      return nodeOf(subject.ctx, part.nodeId).kind === 'router'
        ? addressMoves(subject, part.nodeId)
        : promotion(subject, part.nodeId);
    case 'warm-up':
      return warmUp(subject, part.nodeId);
    case 'scale-out':
      return scaleOut(subject, nodeOf(subject.ctx, part.nodeId));
    case 'restore':
      return restore(subject, part.nodeId);
    case 'resync':
      return resync(subject, part.nodeId);
    default:
      return repair(subject, part.nodeId);
  }
}

/** The step of a scenario that interrupts nothing: confirm it, watch the entry. */
export function confirmContent(subject: StepSubject): StepContent {
  return {
    role: ROLE.platform,
    action: inline(
      `Confirm the scope: ${failedDescription(subject.ctx, subject.scenario)}. Nothing has to be done for the service to keep serving; follow the steps alongside below.`,
    ),
    verify: inline('Error rate and latency at the entry stay at their baseline.'),
    goNoGo: inline(
      'If the error rate rises at the entry, activate the plan and escalate to the ISCP coordinator.',
    ),
  };
}

/** The verification of a check: what its output shows when all is well, else `fallback`. */
function shows(check: ProviderCommand | undefined, fallback: string): Inline {
  return inline(check?.expect === undefined ? fallback : `The check shows ${check.expect}.`);
}

// ---- routers --------------------------------------------------------------------------------

/** The targets of `router` that the scenario touches, as a reader names them. */
function touchedTargets(subject: StepSubject, router: RouterNode): string {
  const affected = affectedNodes(subject.ctx, subject.s);
  const targets = (subject.ctx.graph.dependsOn.get(router.id) ?? []).filter((t) => affected.has(t));
  return listOf(targets.map((t) => labelOf(subject.ctx, t))) || 'the failed targets';
}

/** A router's health checks take the failed targets out; the step also serves a parallel row. */
export function routerTakesOut(subject: StepSubject, router: RouterNode): StepContent {
  const { ctx, scenario } = subject;
  const actions = actionsFor(ctx, router);
  const targets = touchedTargets(subject, router);
  const { detectionSeconds } = routerDetection(router);
  const zone = (scenario.fail ?? []).find((id) => ctx.graph.byId.get(id)?.kind === 'zone');
  const byHand =
    zone !== undefined && actions?.takeZoneOut
      ? withCommand(`take ${eventLabel(ctx, zone)} out by hand:`, actions.takeZoneOut)
      : actions?.takeTargetOut
        ? withCommand('take them out by hand:', actions.takeTargetOut)
        : [text('fail their health check or deregister them by hand.')];
  return {
    role: ROLE.platform,
    action: [
      text(
        `Automatic: ${labelOf(ctx, router.id)} takes ${targets} out of rotation once its health checks fail (${formatDuration(detectionSeconds)}). Check:`,
      ),
      ...(actions?.checkTargets
        ? withCommand('', actions.checkTargets)
        : [text(' its health-check status.')]),
    ],
    verify: shows(actions?.checkTargets, `${targets} receive no more requests.`),
    goNoGo: [text('Still in rotation when the budget is spent: '), ...byHand],
  };
}

function dnsTtl(subject: StepSubject, router: RouterNode): StepContent {
  const { dnsTtlSeconds } = routerDetection(router);
  return {
    role: ROLE.platform,
    action: inline(
      `Wait for the DNS answers clients cached to expire (TTL ${formatDuration(dnsTtlSeconds)}); clients must retry on connection errors.`,
    ),
    verify: [
      text('Run '),
      code('dig +short '),
      blank('record name'),
      text(': only the surviving endpoints; errors at the entry back to the baseline.'),
    ],
    goNoGo: inline(
      'Errors that last beyond the TTL come from clients that keep DNS answers longer: restart them or shorten their DNS cache.',
    ),
  };
}

// ---- people ---------------------------------------------------------------------------------

function noticeCorruption(subject: StepSubject): StepContent {
  const stores = (subject.scenario.corrupt ?? []).map((id) => labelOf(subject.ctx, id));
  return {
    role: ROLE.data,
    action: inline(
      `Notice the corruption of ${listOf(stores)}: data-validation checks, application errors, failed reads, reports from users (health checks do not see it).`,
    ),
    verify: inline('The bad records and the time the corruption began are known.'),
    goNoGo: inline('The time it began sets the restore point: go on only once it is known.'),
  };
}

/** The member promoted after the decision, and what failed, for a manual failover. */
function manualFailover(subject: StepSubject): { primary: string; member: string } | undefined {
  const promotion = subject.s.rto.parts.find((p) => p.kind === 'promotion');
  if (!promotion) return undefined;
  const group = groupOf(subject.ctx, promotion.nodeId);
  const member = group?.members.find((m) => m !== promotion.nodeId && !subject.s.stops.includes(m));
  return member === undefined ? undefined : { primary: promotion.nodeId, member };
}

function decision(subject: StepSubject): StepContent {
  const { ctx, s, scenario } = subject;
  const corrupt = scenario.corrupt ?? [];
  if (corrupt.length > 0) {
    const names = listOf(corrupt.map((id) => labelOf(ctx, id)));
    return {
      role: ROLE.coordinator,
      action: inline(
        `Activate the plan. Stop the writes that spread the corruption (take ${names} out of traffic or make it read-only: replication copies the bad data to every member, so failing over does not help) and choose the restore point: the last backup taken before the corruption began.`,
      ),
      verify: inline(
        'Writes to the corrupted data have stopped; the restore point is logged with its time.',
      ),
      goNoGo: inline(
        'No backup predates the corruption: no restore; rebuild the data from its systems of record.',
      ),
    };
  }
  const failover = manualFailover(subject);
  const remaining =
    s.rtoSeconds === null
      ? null
      : s.rtoSeconds - (s.rto.parts.find((p) => p.kind === 'decision')?.seconds ?? 0);
  if (failover) {
    const failed = (scenario.fail ?? []).map((id) => eventLabel(ctx, id));
    const repairHours = (scenario.fail ?? [])
      .map((id) => ctx.graph.byId.get(id))
      .map((n) => (n ? nodeFailureFigure(n).mttrHours : undefined))
      .find((h) => h !== undefined);
    return {
      role: ROLE.coordinator,
      action: inline(
        `Activate the plan and decide to fail over to ${labelOf(ctx, failover.member)} rather than wait for ${listOf(failed)} to be repaired`,
        repairHours === undefined
          ? ''
          : ` (the model’s repair: ${formatDuration(repairHours * 3600)})`,
        '.',
      ),
      verify: inline('The decision and its time are logged; the roles of this runbook are called.'),
      goNoGo: inline(
        `No-go (wait for the repair) only when the provider expects ${listOf(failed)} back sooner than the rest of this runbook takes (${formatDuration(remaining)}).`,
      ),
    };
  }
  const grows = s.rto.parts.find((p) => p.kind === 'scale-out');
  return {
    role: ROLE.coordinator,
    action: inline(
      'Activate the plan and decide to scale out',
      grows ? ` ${labelOf(ctx, grows.nodeId)} (it does not grow by itself)` : '',
      `: ${formatShare(s.servedShare)} of the requests are served until then.`,
    ),
    verify: inline('The decision and its time are logged; the roles of this runbook are called.'),
    goNoGo: inline('No-go only if the cause of the shortfall has already passed.'),
  };
}

// ---- data tiers -----------------------------------------------------------------------------

/** The member that takes over from `primary`: the first working other member of its group. */
function promotedMember(subject: StepSubject, primary: string): string | undefined {
  return groupOf(subject.ctx, primary)?.members.find(
    (m) => m !== primary && !subject.s.stops.includes(m),
  );
}

/** A router of instances moves its floating address to an instance that still works. */
function addressMoves(subject: StepSubject, routerId: string): StepContent {
  const name = labelOf(subject.ctx, routerId);
  return {
    role: ROLE.platform,
    action: inline(
      `Automatic: ${name} moves its floating address to an instance in a surviving zone (VRRP or the provider's address reassignment).`,
    ),
    verify: inline(`The floating address of ${name} answers from an instance that works.`),
    goNoGo: inline(
      'Address not moved when the budget is spent: move it by hand (reassign the elastic or secondary IP to a working instance).',
    ),
  };
}

function promotion(subject: StepSubject, storeId: string): StepContent {
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

function warmUp(subject: StepSubject, storeId: string): StepContent {
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

function restore(subject: StepSubject, nodeId: string): StepContent {
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

function resync(subject: StepSubject, peerId: string): StepContent {
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

// ---- tiers ----------------------------------------------------------------------------------

/** Whether a tier grows by itself (`autoscaling`, default applied), as the engine reads it. */
function growsByItself(node: ModelNode): boolean {
  if (node.kind !== 'service' && node.kind !== 'queue' && node.kind !== 'datastore') return false;
  return node.autoscaling ?? (NODE_DEFAULTS[node.kind].autoscaling?.value as boolean);
}

function scaleOut(subject: StepSubject, node: ModelNode): StepContent {
  const { ctx, s } = subject;
  const actions = actionsFor(ctx, node);
  const max = 'maxInstances' in node ? node.maxInstances : undefined;
  const count = max === undefined ? undefined : String(max);
  const values = { count, region: locationOf(ctx, node.id) };
  const target = max === undefined ? 'its largest size' : formatCount(max, 'instance');
  return {
    role: ROLE.platform,
    action: growsByItself(node)
      ? [
          text(`Automatic: ${labelOf(ctx, node.id)} grows to ${target}. Check:`),
          ...(actions?.checkCapacity
            ? withCommand('', actions.checkCapacity, values)
            : [text(' its instance count.')]),
        ]
      : [
          text(`Scale ${labelOf(ctx, node.id)} out to ${target}:`),
          ...(actions?.setCapacity
            ? withCommand('', actions.setCapacity, values)
            : [text(' by the platform’s procedure ('), blank('procedure'), text(').')]),
        ],
    verify: inline(
      `${target} healthy behind the router; every request is served again (${formatShare(s.servedShare)} before).`,
    ),
    goNoGo: inline(
      'Capacity refused (quota, no stock): ask the provider for an increase and shed non-essential traffic meanwhile.',
    ),
  };
}

function repair(subject: StepSubject, eventId: string): StepContent {
  const { ctx } = subject;
  const node = ctx.graph.byId.get(eventId.replace(/#\d+$/, ''));
  const providerSite = node === undefined || node.kind === 'region' || node.kind === 'zone';
  const mtd = ctx.doc.targets?.mtdSeconds;
  return {
    role: providerSite ? ROLE.coordinator : ROLE.platform,
    action: inline(
      `Wait for ${eventLabel(ctx, eventId)} to be repaired${providerSite ? ': follow the provider’s health dashboard and open a support case' : ': replace or restart it'}. Bring components back in the recovery order (data tiers first).`,
    ),
    verify: inline(
      'Health checks of the components it holds pass and their router sends them traffic again.',
    ),
    goNoGo: inline(
      mtd === undefined
        ? 'No other site takes over in this design: escalate to the ISCP director if the repair runs long.'
        : `No other site takes over in this design: escalate to the ISCP director before the repair runs past the MTD of ${formatDuration(mtd)}.`,
    ),
  };
}
