/**
 * The measured effect of a finding's fix: the same engine (`evaluate`) on the model as it is and
 * with the fix applied, the scenarios the fix changes (the document's and the advisor's probes),
 * and the rule that lowers a zone-redundancy finding whose fix measures nothing.
 */
import { formatMinutesPerYear } from '../../text';
import type { ScenarioResult } from '../scenarios';
import type { AdviceContext, DraftFinding, EvaluatedVariant } from './context';
import type { Finding, FindingEffect, ScenarioChange } from './types';

/**
 * The finding with the effect of its fix, from `evaluate` of the fixed model; a fix that is not
 * a model operation is not measured (`effect: null`).
 */
export function measure(ctx: AdviceContext, draft: DraftFinding): Finding {
  const { availabilityCeiling, probes, subject: _subject, ...finding } = draft;
  const ceiling = availabilityCeiling ?? null;
  const after = draft.fix.op && ctx.evaluateWith(draft.fix.op);
  if (!draft.fix.op || !after) {
    return { ...finding, effect: null, availabilityCeiling: ceiling };
  }
  const effect = effectOf(ctx.base, after);
  const fixed = ctx.fixed(draft.fix.op);
  const probed = (probes ?? []).flatMap((scenario) => {
    const b = ctx.scenarioOn(ctx.doc, scenario);
    const a = ctx.scenarioOn(fixed, scenario);
    const change = b && a ? scenarioChange(b, a) : undefined;
    return change ? [change] : [];
  });
  const scenarios = [...effect.scenarios, ...probed];
  // A zone-redundancy fix that the model measures as doing nothing (a standby's tier, say)
  // guards only against overlapping failures. (Other findings, such as two primaries after a
  // split-brain, are about harm that the downtime does not show.)
  const isNil =
    ZONE_REDUNDANCY_CODES.has(finding.code) &&
    scenarios.length === 0 &&
    Math.abs(effect.downtimeMinutesBefore - effect.downtimeMinutesAfter) < NIL_MINUTES_PER_YEAR;
  return {
    ...finding,
    ...(isNil && finding.severity !== 'low'
      ? {
          severity: 'low' as const,
          message: `${finding.message} In this model the fix changes the downtime by less than ${formatMinutesPerYear(NIL_MINUTES_PER_YEAR, { digits: 2 })} and no scenario: it guards against a second failure overlapping the first.`,
        }
      : {}),
    effect: { ...effect, scenarios },
    availabilityCeiling: ceiling,
  };
}

/** Below this change of downtime a fix counts as measuring nothing, minutes per year. */
const NIL_MINUTES_PER_YEAR = 0.01;

/** Findings whose whole worth is the downtime they save, lowered to low when it is nil. */
const ZONE_REDUNDANCY_CODES: ReadonlySet<string> = new Set([
  'tier-in-one-zone',
  'tier-not-zone-redundant',
]);

function effectOf(before: EvaluatedVariant, after: EvaluatedVariant): FindingEffect {
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
