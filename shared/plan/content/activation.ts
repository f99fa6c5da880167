/**
 * Chapter: activation and notification — when the plan is activated (from the targets and the
 * scenarios), how each scenario is detected and what reacts on its own, who is told, and how
 * the outage is assessed.
 */
import type { ScenarioResult } from '../../engine';
import { routerDetection } from '../../engine';
import { bullets, heading, numbered, paragraph, type Block } from '../document';
import { appendixRef } from './appendix-labels';
import { misses } from './bia';
import { communicationPlan } from './communications';
import {
  affectedNodes,
  applyingScenarios,
  groupOf,
  labelOf,
  routersInFrontOf,
  scenarioOf,
  type PlanBasis,
  type PlanContext,
} from './context';
import { formatAvailability, formatDuration } from '../../text';

/** How the routers in front of what a scenario stops notice it, one phrase per router. */
export function detectionSignals(ctx: PlanBasis, s: ScenarioResult): string[] {
  const affected = affectedNodes(ctx, s);
  // A router that fails with what it checks is no signal.
  const watching = routersInFrontOf(ctx, affected).filter((r) => !affected.has(r.id));
  const signals = watching.map((r) => {
    const { detectionSeconds, dnsTtlSeconds } = routerDetection(r);
    return `${labelOf(ctx, r.id)} health checks (${formatDuration(detectionSeconds)}${dnsTtlSeconds > 0 ? `, then DNS TTL ${formatDuration(dnsTtlSeconds)}` : ''})`;
  });
  const scenario = scenarioOf(ctx, s.id);
  if ((scenario?.corrupt ?? []).length > 0)
    signals.push('application errors and data checks (health checks do not see a corruption)');
  if ((scenario?.partition ?? []).length > 0)
    signals.push('replication lag and link alarms between the regions');
  if (scenario?.shift) signals.push('the router’s traffic dashboard and per-region latency');
  return signals;
}

/** One part of the response to a scenario: what happens, and whether a person does it. */
interface ResponsePart {
  readonly text: string;
  readonly automatic: boolean;
}

/** The routers' and the data tier's response, from the scenario's RTO chain. */
function failoverParts(ctx: PlanBasis, s: ScenarioResult): ResponsePart[] {
  const parts: ResponsePart[] = [];
  if (s.rto.parts.some((p) => p.kind === 'detection'))
    parts.push({ text: 'routers take the failed targets out', automatic: true });
  const isRouter = (id: string): boolean => ctx.graph.byId.get(id)?.kind === 'router';
  if (s.rto.parts.some((p) => p.kind === 'promotion' && isRouter(p.nodeId)))
    parts.push({ text: 'a router moves its floating address', automatic: true });
  const promoted = s.rto.parts.find((p) => p.kind === 'promotion' && !isRouter(p.nodeId));
  if (promoted) {
    const group = groupOf(ctx, promoted.nodeId);
    parts.push(
      group && !group.isAutomatic
        ? { text: 'a person promotes the standby', automatic: false }
        : { text: 'the data tier promotes a replica', automatic: true },
    );
  }
  return parts;
}

/** What reacts to the failure, from the scenario's RTO chain (the runbooks' decision sentence). */
export function automaticResponse(ctx: PlanBasis, s: ScenarioResult): string {
  if (!s.survives) return 'none that restores service: the service is down until recovery';
  const parts = failoverParts(ctx, s);
  return parts.length === 0 ? 'nothing needs to react' : parts.map((p) => p.text).join('; ');
}

/**
 * Who or what restores service in a scenario, each part marked automatic or manual: `automatic:
 * routers take the failed targets out; manual: a person promotes the standby`.
 */
export function responseSummary(ctx: PlanBasis, s: ScenarioResult): string {
  if (!s.survives) return 'none restores service: the service is down until recovery';
  const parts = failoverParts(ctx, s).map(
    (p) => `${p.automatic ? 'automatic' : 'manual'}: ${p.text}`,
  );
  for (const part of s.rto.parts.filter((p) => p.kind === 'scale-out')) {
    const node = ctx.graph.byId.get(part.nodeId);
    const automatic =
      (node?.kind === 'service' || node?.kind === 'datastore' || node?.kind === 'queue') &&
      node.autoscaling !== false;
    parts.push(
      automatic
        ? `automatic: ${labelOf(ctx, part.nodeId)} scales out`
        : `manual: a person scales out ${labelOf(ctx, part.nodeId)}`,
    );
  }
  if (parts.length === 0)
    return s.status === 'full'
      ? 'none needed: the service is not interrupted'
      : 'none: the service stays degraded until a person acts';
  return parts.join('; ');
}

/** Whether the ISCP is activated for the scenario, and why. */
export function activationDecision(ctx: PlanBasis, s: ScenarioResult): string {
  if (!s.survives) return 'yes, at once (the service is down)';
  const missed = misses(ctx, s);
  if (missed.length > 0) return `yes (misses the ${missed.join(', ')})`;
  if (s.capacityShare < 1) return 'yes (capacity is short)';
  return 'not needed (monitor, and notify the coordinator)';
}

/** The activation-and-notification chapter. */
export function activationChapter(ctx: PlanContext): Block[] {
  const t = ctx.doc.targets ?? {};
  const scenarios = applyingScenarios(ctx);
  const criteria: string[] = [
    t.availability === undefined
      ? 'The service is down, or its error rate at the entry stays above its usual level.'
      : `The service is down, or the share of failed requests at the entry stays above the error budget of the availability target (${formatAvailability(1 - t.availability)} of requests for ${formatAvailability(t.availability)}).`,
    ...(t.rtoSeconds === undefined
      ? []
      : [
          `An outage is expected to last longer than the RTO of ${formatDuration(t.rtoSeconds)}${t.mtdSeconds === undefined ? '' : `; the MTD of ${formatDuration(t.mtdSeconds)} is the latest point by which the service must be back`}.`,
        ]),
    ...(t.rpoSeconds === undefined
      ? []
      : [
          `Replication lag between data-tier members stays above the RPO of ${formatDuration(t.rpoSeconds)}: a failure at that moment would lose more data than allowed.`,
        ]),
    'Any suspicion of a logical corruption of data: replication copies it to every member, so only a restore from backup undoes it.',
    ...(scenarios.length === 0
      ? []
      : ['A scenario of Table 6 for which the last column says yes.']),
  ];
  return [
    heading(1, 'Activation and notification'),
    paragraph(
      'The plan is activated by the ISCP coordinator (or an alternate) when one of the criteria below holds. Failures that the design rides through on its own are watched and reported, not escalated.',
    ),
    heading(2, 'Activation criteria'),
    bullets(criteria),
    ...(scenarios.length === 0
      ? []
      : [
          {
            kind: 'table' as const,
            caption: 'Table 6. Detection and activation by scenario',
            columns: [
              { header: 'Scenario', width: 2.6 },
              { header: 'Detected by', width: 3.2 },
              { header: 'Response', width: 2.6 },
              { header: 'Activate the plan?', width: 2 },
            ],
            rows: scenarios.map((s) => [
              s.name,
              detectionSignals(ctx, s).join('; ') || 'monitoring of the affected components',
              responseSummary(ctx, s),
              activationDecision(ctx, s),
            ]),
          },
        ]),
    heading(2, 'Notification procedures'),
    numbered([
      'The on-call engineer who receives the alert (platform or data tier on-call) confirms it against a second signal (health checks, error rate, latency, replication lag) and opens an incident.',
      'The on-call engineer informs the ISCP coordinator, who assesses the outage (below) and decides whether to activate the plan.',
      `On activation, the coordinator calls the recovery roles of Table 2 (people and numbers in ${appendixRef('personnel')}; primary first, then the alternate) and names the runbook of chapter “Recovery” that applies.`,
      `The platform on-call opens a support case with the vendor of any failed managed service (${appendixRef('vendors')}).`,
      'The communications lead informs users, the service desk and management, and updates them as the communication plan below sets until deactivation.',
    ]),
    ...communicationPlan(ctx),
    heading(2, 'Outage assessment'),
    bullets([
      'Cause and scope: which zone, region, network link or component failed (provider status page, router health checks, Table 6).',
      `Expected duration against the RTO${t.rtoSeconds === undefined ? '' : ` (${formatDuration(t.rtoSeconds)})`} and the MTD${t.mtdSeconds === undefined ? '' : ` (${formatDuration(t.mtdSeconds)})`}.`,
      'Data at risk: the replication lag at the time of the failure is the data that may be lost.',
      'Capacity of what survives against the load it now receives.',
    ]),
  ];
}
