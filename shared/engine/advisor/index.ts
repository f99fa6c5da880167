/**
 * The design advisor: findings against the field guide's principles, each with its fix as one
 * pure model operation (`shared/model/ops/fixes.ts`) and the exact effect of that fix, measured
 * by evaluating the fixed model with the same engine. See docs/advisor.md.
 *
 * Rule families: redundancy (single points of failure, the router that caps the target, tiers
 * in one zone), locality (cross-region calls), replication (synchronous across regions,
 * unbounded lag, split-brain), backups, N+1 capacity, and scenario targets (RTO, RPO, MTD).
 */
import type { NinesDocument } from '../../model/types';
import type { ScenarioResult } from '../scenario';
import { backupFindings } from './backup';
import { capacityFindings } from './capacity';
import { AdviceContext, type DraftFinding, type EvaluatedVariant } from './context';
import { crossRegionFindings } from './locality';
import { singlePointFindings, zoneFindings } from './redundancy';
import { replicationFindings } from './replication';
import { targetFindings } from './targets';
import type {
  AdviceReport,
  AdviseOptions,
  Finding,
  FindingEffect,
  ScenarioChange,
  Severity,
  VariantAdvice,
} from './types';

export { effectSummary } from './format';
export { zoneTolerantInstances } from './redundancy';
export { PRINCIPLES } from './types';
export type {
  AdviceReport,
  AdviseOptions,
  Finding,
  FindingEffect,
  Fix,
  PrincipleId,
  ScenarioChange,
  Severity,
  VariantAdvice,
} from './types';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/**
 * Reviews every variant of `doc` (or only `variantId`). Pure and deterministic; findings come
 * most severe first, then in rule order. A variant that cannot be evaluated has no findings and
 * carries the engine's issues.
 */
export function advise(
  doc: NinesDocument,
  variantId?: string,
  options: AdviseOptions = {},
): AdviceReport {
  const variants =
    variantId === undefined ? doc.variants : doc.variants.filter((v) => v.id === variantId);
  const issues =
    variants.length === 0 && variantId !== undefined
      ? [
          {
            code: 'unknown-variant',
            severity: 'error' as const,
            nodeIds: [],
            message: `no variant "${variantId}" (variants: ${doc.variants.map((v) => v.id).join(', ')})`,
          },
        ]
      : [];
  return {
    variants: variants.map((variant): VariantAdvice => {
      const ctx = AdviceContext.of(doc, variant, options);
      if (!(ctx instanceof AdviceContext))
        return { id: variant.id, findings: [], issues: ctx.issues };
      return { id: variant.id, findings: reviewVariant(ctx), issues: [] };
    }),
    issues,
  };
}

function reviewVariant(ctx: AdviceContext): Finding[] {
  const spofs = singlePointFindings(ctx);
  const reported = new Set(spofs.flatMap((f) => (f.fix.op ? [f.nodeIds[0] as string] : [])));
  const drafts: DraftFinding[] = [
    ...spofs,
    ...zoneFindings(ctx, reported),
    ...crossRegionFindings(ctx),
    ...replicationFindings(ctx),
    ...backupFindings(ctx),
    ...capacityFindings(ctx),
    ...targetFindings(ctx),
  ];
  return drafts
    .map((draft, order) => ({ finding: measure(ctx, draft), order }))
    .sort(
      (x, y) =>
        SEVERITY_ORDER[x.finding.severity] - SEVERITY_ORDER[y.finding.severity] ||
        x.order - y.order,
    )
    .map((x) => x.finding);
}

/** The finding with the effect of its fix, from `evaluate` of the fixed model. */
function measure(ctx: AdviceContext, draft: DraftFinding): Finding {
  const { availabilityCeiling, probes, ...finding } = draft;
  const before = ctx.base;
  const after = (draft.fix.op && ctx.evaluateWith(draft.fix.op)) || before;
  const effect = effectOf(before, after, availabilityCeiling ?? null);
  const fixed = draft.fix.op ? ctx.fixed(draft.fix.op) : ctx.doc;
  const probed = (probes ?? []).flatMap((scenario) => {
    const b = ctx.scenarioOn(ctx.doc, scenario);
    const a = ctx.scenarioOn(fixed, scenario);
    const change = b && a ? scenarioChange(b, a) : undefined;
    return change ? [change] : [];
  });
  return { ...finding, effect: { ...effect, scenarios: [...effect.scenarios, ...probed] } };
}

function effectOf(
  before: EvaluatedVariant,
  after: EvaluatedVariant,
  availabilityCeiling: number | null,
): FindingEffect {
  const costBefore = before.cost?.monthly ?? null;
  const costAfter = after.cost?.monthly ?? null;
  return {
    availabilityBefore: before.availability.requestWeighted,
    availabilityAfter: after.availability.requestWeighted,
    downtimeMinutesBefore: before.availability.downtimeMinutesPerYear,
    downtimeMinutesAfter: after.availability.downtimeMinutesPerYear,
    monthlyCostBefore: costBefore,
    monthlyCostAfter: costAfter,
    monthlyCostDelta: costBefore === null || costAfter === null ? null : costAfter - costBefore,
    isCostComplete: (before.cost?.isComplete ?? false) && (after.cost?.isComplete ?? false),
    scenarios: scenarioChanges(before, after),
    availabilityCeiling,
  };
}

function scenarioChanges(before: EvaluatedVariant, after: EvaluatedVariant): ScenarioChange[] {
  return before.scenarios.flatMap((b) => {
    const a = after.scenarios.find((s) => s.id === b.id);
    const change = a && b.applies ? scenarioChange(b, a) : undefined;
    return change ? [change] : [];
  });
}

/** The change of one scenario, or undefined when the fix changes nothing in it. */
function scenarioChange(b: ScenarioResult, a: ScenarioResult): ScenarioChange | undefined {
  const changed =
    a.survives !== b.survives ||
    a.capacityShare !== b.capacityShare ||
    a.rtoSeconds !== b.rtoSeconds ||
    a.rpoSeconds !== b.rpoSeconds ||
    a.meetsRto !== b.meetsRto ||
    a.meetsRpo !== b.meetsRpo;
  if (!changed) return undefined;
  return {
    id: b.id,
    name: b.name,
    survivesBefore: b.survives,
    survivesAfter: a.survives,
    capacityShareBefore: b.capacityShare,
    capacityShareAfter: a.capacityShare,
    rtoSecondsBefore: b.rtoSeconds,
    rtoSecondsAfter: a.rtoSeconds,
    rpoSecondsBefore: b.rpoSeconds,
    rpoSecondsAfter: a.rpoSeconds,
    meetsTargetsBefore: b.meetsRto && b.meetsRpo,
    meetsTargetsAfter: a.meetsRto && a.meetsRpo,
  };
}
