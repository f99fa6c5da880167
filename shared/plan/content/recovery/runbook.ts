/**
 * One scenario's runbook, in a fixed outline: key values, activation, detection, decision, the
 * RACI, the timed steps (a table against the RTO), the work alongside them and once the service
 * is back, validation and failback.
 */
import type { ScenarioResult } from '../../../engine';
import type { Scenario } from '../../../model/types';
import {
  bold,
  bullets,
  heading,
  inline,
  paragraph,
  slug,
  type Block,
  type Inline,
} from '../../document';
import { decompositionText, misses, outcome } from '../bia';
import { activationDecision, automaticResponse, detectionSignals } from '../activation';
import { groupOf, type PlanBasis, type PlanContext } from '../context';
import { capitalise, formatShare } from '../../../text';
import { failback, validation } from './after';
import { raciTable } from './raci';
import { ROLE, type RoleName } from '../roles';
import { runbookSteps } from './runbook-steps';
import { stepsTable } from './runbook-table';
import { alongsideTasks } from './special-steps';
import { afterServiceTasks, failedDescription } from './steps';

/** The roles a list of tasks names (each task starts with its role in bold). */
function rolesOf(tasks: readonly Inline[]): RoleName[] {
  const names = new Set<string>(Object.values(ROLE));
  return tasks.flatMap((t) => {
    const first = t[0]?.text;
    return first !== undefined && names.has(first) ? [first as RoleName] : [];
  });
}

export function runbook(ctx: PlanContext, s: ScenarioResult, scenario: Scenario): Block[] {
  const id = `runbook-${slug(s.id)}`;
  const missed = misses(ctx, s);
  const timeline = runbookSteps(ctx, s, scenario);
  const alongside = alongsideTasks(ctx, s, scenario);
  const after = afterServiceTasks(ctx, s);
  const roles = new Set<RoleName>([
    ...[...timeline.toRto, ...timeline.toFullCapacity].map((step) => step.role),
    ...rolesOf(alongside),
    ...rolesOf(after),
  ]);
  const target = ctx.doc.targets?.rtoSeconds;
  return [
    heading(2, `Runbook: ${s.name}`, id),
    {
      kind: 'keyValue',
      rows: [
        { key: 'What happens', value: `${capitalise(failedDescription(ctx, scenario))}.` },
        { key: 'Outcome', value: outcome(s) },
        { key: 'Achieved RTO', value: decompositionText(ctx, s.rto, 'rto') },
        { key: 'Achieved RPO', value: decompositionText(ctx, s.rpo, 'rpo') },
        {
          key: 'Result',
          value: missed.length === 0 ? 'pass' : [bold(`fail: ${missed.join(', ')}`)],
        },
      ],
    },
    ...s.issues.map((issue): Block => ({
      kind: 'callout',
      tone: 'warning',
      title: issue.severity === 'error' ? 'Objective missed' : 'Warning',
      runs: inline(`${issue.message}.`),
    })),
    ...s.notes.map((note): Block => ({
      kind: 'callout',
      tone: 'note',
      title: 'Note',
      runs: inline(`${note}.`),
    })),
    heading(3, 'Activation criteria', `${id}-activation`),
    paragraph(
      `${capitalise(failedDescription(ctx, scenario))}. Plan activation: ${activationDecision(ctx, s)}.`,
    ),
    heading(3, 'Detection', `${id}-detection`),
    bullets([
      ...detectionSignals(ctx, s),
      'synthetic checks of the entry from outside the affected regions; alerts on the error rate and latency at the entry and on replication lag between data-tier members',
    ]),
    heading(3, 'Decision', `${id}-decision`),
    paragraph(decisionText(ctx, s, scenario)),
    heading(3, 'Roles', `${id}-roles`),
    raciTable(roles, `RACI of the runbook “${s.name}”`),
    heading(3, 'Recovery steps', `${id}-steps`),
    paragraph(
      'Each step’s budget is the model’s time for it (Appendix A); the total runs against the RTO. A step that runs alongside the others shows its own time and adds nothing to the total. When a step runs past its budget, escalate (Recovery escalation notices); a blank is for the plan owner to fill in once.',
    ),
    stepsTable(s, timeline, target, `Steps of the runbook “${s.name}”`),
    ...(alongside.length === 0
      ? []
      : [heading(3, 'Alongside the steps', `${id}-alongside`), bullets(alongside)]),
    heading(3, 'Once the service is back', `${id}-after`),
    bullets(after),
    heading(3, 'Validation', `${id}-validation`),
    bullets(validation(ctx, s)),
    heading(3, 'Failback', `${id}-failback`),
    bullets(failback(ctx, s, scenario)),
  ];
}

function decisionText(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): string {
  if (s.survives && isPromotedByHand(ctx, s))
    return `Manual: ${automaticResponse(ctx, s)} once the coordinator decides not to wait for the repair (the failover is manual); the coordinator then watches the validation signals and decides when to fail back.`;
  if (s.survives && s.rto.parts.some((p) => p.kind === 'decision'))
    return `Manual: ${automaticResponse(ctx, s)}; the service stays ${s.status === 'degraded' ? `degraded (${formatShare(s.servedShare)} served)` : 'short of capacity'} until the coordinator decides to scale out (the tier does not grow by itself), and then watches the validation signals and decides when to fail back.`;
  if (s.survives)
    return `Automatic: ${automaticResponse(ctx, s)}. No decision is needed to restore service; the coordinator watches the validation signals and decides when to fail back.`;
  if ((scenario.corrupt ?? []).length > 0)
    return 'Manual: the coordinator decides to stop the writes and chooses the restore point.';
  return 'Manual: the coordinator activates the plan and decides between waiting for the repair and moving the service elsewhere, against the MTD.';
}

/** True when the scenario's RTO chain waits for a person to promote a standby (manual failover). */
function isPromotedByHand(ctx: PlanBasis, s: ScenarioResult): boolean {
  return s.rto.parts.some(
    (p) => p.kind === 'promotion' && groupOf(ctx, p.nodeId)?.isAutomatic === false,
  );
}
