/**
 * What one runbook step says, by the kind of time the engine spends on it (its RTO part): who
 * does it, the concrete action for the component's provider and engine, how to verify it with
 * the value to expect, and the go/no-go or rollback point. The time itself is the part's
 * (`runbook-steps.ts`).
 */
import type { TimePart } from '../../../engine';
import { routerDetection } from '../../../engine';
import { NODE_DEFAULTS } from '../../../model/defaults';
import { nodeFailureFigure } from '../../../model/nodes';
import type { ModelNode, RouterNode } from '../../../model/types';
import { code, inline, text } from '../../document';
import { blank } from '../blanks';
import { affectedNodes, eventLabel, groupOf, labelOf, locationOf, nodeOf } from '../context';
import { formatCount, formatDuration, formatShare, listOf } from '../../../text';
import { actionsFor, withCommand } from './products';
import { ROLE } from '../roles';
import { failedDescription } from './steps';
import { promotion, restore, resync, warmUp } from './data-tier-steps';
import { shows, type StepContent, type StepSubject } from './step-subject';

export type { StepContent, StepSubject } from './step-subject';

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
