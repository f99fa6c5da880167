/**
 * One scenario's runbook, in a fixed outline: key values, activation, detection, decision,
 * steps, validation and failback.
 */
import type { ScenarioResult } from '../../../engine';
import type { Scenario } from '../../../model/types';
import {
  bold,
  bullets,
  heading,
  inline,
  numbered,
  paragraph,
  slug,
  type Block,
} from '../../document';
import { decompositionText, misses, outcome } from '../bia';
import { activationDecision, automaticResponse, detectionSignals } from '../activation';
import { groupOf, type PlanBasis, type PlanContext } from '../context';
import { capitalise, formatShare } from '../../../text';
import { failedDescription, recoverySteps } from './steps';
import { failback, validation } from './after';

export function runbook(ctx: PlanContext, s: ScenarioResult, scenario: Scenario): Block[] {
  const id = `runbook-${slug(s.id)}`;
  const missed = misses(ctx, s);
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
    paragraph(
      s.survives && isPromotedByHand(ctx, s)
        ? `Manual: ${automaticResponse(ctx, s)} once the coordinator decides not to wait for the repair (the failover is manual); the coordinator then watches the validation signals and decides when to fail back.`
        : s.survives && s.rto.parts.some((p) => p.kind === 'decision')
          ? `Manual: ${automaticResponse(ctx, s)}; the service stays ${s.status === 'degraded' ? `degraded (${formatShare(s.servedShare)} served)` : 'short of capacity'} until the coordinator decides to scale out (the tier does not grow by itself), and then watches the validation signals and decides when to fail back.`
          : s.survives
            ? `Automatic: ${automaticResponse(ctx, s)}. No decision is needed to restore service; the coordinator watches the validation signals and decides when to fail back.`
            : (scenario.corrupt ?? []).length > 0
              ? 'Manual: the coordinator decides to stop the writes and chooses the restore point.'
              : 'Manual: the coordinator activates the plan and decides between waiting for the repair and moving the service elsewhere, against the MTD.',
    ),
    heading(3, 'Recovery steps', `${id}-steps`),
    numbered(recoverySteps(ctx, s, scenario)),
    heading(3, 'Validation', `${id}-validation`),
    bullets(validation(ctx, s)),
    heading(3, 'Failback', `${id}-failback`),
    bullets(failback(ctx, s, scenario)),
  ];
}

/** True when the scenario's RTO chain waits for a person to promote a standby (manual failover). */
function isPromotedByHand(ctx: PlanBasis, s: ScenarioResult): boolean {
  return s.rto.parts.some(
    (p) => p.kind === 'promotion' && groupOf(ctx, p.nodeId)?.isAutomatic === false,
  );
}
