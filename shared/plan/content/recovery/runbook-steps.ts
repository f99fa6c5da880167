/**
 * A runbook's timed steps, from the engine's decomposition of the scenario: one step per part of
 * the RTO's critical chain (its budget is the part's time, so the running total of the budgets is
 * the achieved RTO), the takeovers that run alongside it with their own time, and the parts that
 * follow the RTO until every request is served again.
 */
import type { ScenarioResult, TimePart } from '../../../engine';
import { routerDetection } from '../../../engine';
import { warmupSeconds } from '../../../model/nodes';
import { operationsTime } from '../../../model/operations';
import type { Scenario } from '../../../model/types';
import { affectedNodes, nodeOf, routersInFrontOf, type PlanBasis } from '../context';
import { confirmContent, partContent, routerTakesOut, type StepContent } from './step-content';

/** How a step spends time: on the critical chain (it adds up), or alongside it. */
export type StepTime =
  | { readonly kind: 'chain'; readonly seconds: number | null }
  | { readonly kind: 'parallel'; readonly seconds: number | null };

/** One timed step of a runbook. */
export interface RunbookStep extends StepContent {
  readonly time: StepTime;
}

/** The steps of a runbook in the order they are done. */
export interface RunbookTimeline {
  /** Until the achieved RTO: the critical chain, then what runs alongside it. */
  readonly toRto: readonly RunbookStep[];
  /** After the RTO until every request is served (on the chain, so the total keeps adding). */
  readonly toFullCapacity: readonly RunbookStep[];
}

const chain = (seconds: number | null): StepTime => ({ kind: 'chain', seconds });

function sameParts(a: readonly TimePart[], b: readonly TimePart[]): boolean {
  return a.every((p, i) => b[i]?.kind === p.kind && b[i]?.nodeId === p.nodeId);
}

/** The timed steps of scenario `s` on the plan's variant. */
export function runbookSteps(
  ctx: PlanBasis,
  s: ScenarioResult,
  scenario: Scenario,
): RunbookTimeline {
  const subject = { ctx, s, scenario };
  const parts = s.rto.parts;
  const onChain: RunbookStep[] =
    parts.length === 0
      ? [{ ...confirmContent(subject), time: chain(0) }]
      : parts.map((p) => ({ ...partContent(subject, p), time: chain(p.seconds) }));
  return {
    toRto: [...onChain, ...alongside(ctx, s, scenario)],
    toFullCapacity: afterRto(ctx, s, scenario),
  };
}

/**
 * The takeovers off the critical chain, each with its own time: routers in front of what
 * failed (health checks, then the DNS TTL) and failover groups whose primary stopped (a
 * person's decision first when manual, the promotion, the promoted member's warm-up).
 */
function alongside(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): RunbookStep[] {
  const subject = { ctx, s, scenario };
  const onChain = new Set(s.rto.parts.map((p) => `${p.kind}|${p.nodeId}`));
  const affected = affectedNodes(ctx, s);
  const steps: RunbookStep[] = [];
  for (const router of routersInFrontOf(ctx, affected)) {
    if (affected.has(router.id) || onChain.has(`detection|${router.id}`)) continue;
    const { detectionSeconds, dnsTtlSeconds } = routerDetection(router);
    steps.push({
      ...routerTakesOut(subject, router),
      time: { kind: 'parallel', seconds: detectionSeconds + dnsTtlSeconds },
    });
  }
  const { decisionSeconds } = operationsTime(ctx.doc);
  const seen = new Set<string>();
  for (const group of ctx.graph.groupOf.values()) {
    const primary = group.members[0] as string;
    if (seen.has(primary)) continue;
    seen.add(primary);
    if (!s.stops.includes(primary) || onChain.has(`promotion|${primary}`)) continue;
    const member = group.members.find((m) => m !== primary && !s.stops.includes(m));
    if (member === undefined) continue;
    const seconds =
      (group.isAutomatic ? 0 : decisionSeconds) +
      group.failoverSeconds +
      warmupSeconds(nodeOf(ctx, member));
    steps.push({
      ...partContent(subject, { kind: 'promotion', nodeId: primary, seconds }),
      time: { kind: 'parallel', seconds },
    });
  }
  return steps;
}

/**
 * From the RTO to full capacity: the further parts of the chain when it continues the RTO's
 * (a scale-out after service returns); else the part that ends it, for the time left after the
 * RTO (a second repair that runs from the start).
 */
function afterRto(ctx: PlanBasis, s: ScenarioResult, scenario: Scenario): RunbookStep[] {
  const full = s.fullCapacity;
  if (full.seconds === s.rto.seconds || s.rto.seconds === null) return [];
  const subject = { ctx, s, scenario };
  if (sameParts(s.rto.parts, full.parts)) {
    return full.parts
      .slice(s.rto.parts.length)
      .map((p) => ({ ...partContent(subject, p), time: chain(p.seconds) }));
  }
  const last = full.parts[full.parts.length - 1];
  if (!last) return [];
  return [
    {
      ...partContent(subject, last),
      time: chain(full.seconds === null ? null : full.seconds - s.rto.seconds),
    },
  ];
}

/** The running total after each chain step, seconds (null once a budget is unknown). */
export function runningTotals(steps: readonly RunbookStep[]): (number | null)[] {
  let total: number | null = 0;
  return steps.map((step) => {
    if (step.time.kind !== 'chain') return null;
    total = total === null || step.time.seconds === null ? null : total + step.time.seconds;
    return total;
  });
}
