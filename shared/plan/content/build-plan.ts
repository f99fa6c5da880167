/**
 * `buildPlan`: the contingency plan of one variant as a {@link PlanDocument}, following the ISCP
 * outline of NIST SP 800-34 Rev. 1. Pure: the model, the price book and the date come in; every
 * figure comes from `evaluate` and `compare` on that model.
 */
import type { PriceBook } from '../../catalog/price-book';
import { compare, type VariantAvailability } from '../../engine/compare';
import { resolveGraph } from '../../engine/graph';
import { advise, type FindingEffect } from '../../engine/advisor/index';
import { evaluate } from '../../engine/index';
import type { EngineIssue } from '../../engine/types';
import type { NinesDocument } from '../../model/types';
import type { PlanDocument } from '../document';
import { activationChapter } from './activation';
import { appendices } from './appendices';
import { biaChapter, misses } from './bia';
import { conceptOfOperationsChapter } from './concept-of-operations';
import type { PlanBasis, PlanContext } from './context';
import { controlChapter } from './control';
import { minutesPerYear, percent, usd } from './format';
import { introductionChapter } from './introduction';
import { optionsChapter } from './options';
import { preventiveControlsChapter } from './preventive-controls';
import { reconstitutionChapter } from './reconstitution';
import { recoveryChapter } from './recovery';
import { testingChapter } from './testing';

/** Inputs of {@link buildPlan}. */
export interface PlanOptions {
  /** The variant the plan describes; the first of the document when absent. */
  readonly variantId?: string;
  readonly priceBook: PriceBook;
  /** Issue date as printed, e.g. `2026-11-26` (the core never reads a clock). */
  readonly date: string;
  /** Document version; `1.0` when absent. */
  readonly version?: string;
}

/** The plan, or the problems that keep the variant from being evaluated. */
export type PlanResult =
  | { readonly ok: true; readonly plan: PlanDocument; readonly context: PlanContext }
  | { readonly ok: false; readonly issues: readonly EngineIssue[] };

/**
 * Builds the contingency plan of `options.variantId` (else the first variant) of `doc`: plan
 * approval and document control, introduction, concept of operations (with the topology
 * figure), business impact analysis, preventive controls, activation and notification,
 * recovery (sequence and one runbook per scenario), reconstitution, testing and exercises, the
 * options compared with their cost, and appendices A–E. Fails, with the engine's issues, for an
 * unknown variant or one whose structure cannot be evaluated.
 */
export function buildPlan(doc: NinesDocument, options: PlanOptions): PlanResult {
  const variant =
    options.variantId === undefined
      ? doc.variants[0]
      : doc.variants.find((v) => v.id === options.variantId);
  if (!variant) {
    return {
      ok: false,
      issues: [
        {
          code: 'unknown-variant',
          severity: 'error',
          nodeIds: [],
          message: `no variant "${options.variantId ?? ''}" (variants: ${doc.variants.map((v) => v.id).join(', ')})`,
        },
      ],
    };
  }
  const report = evaluate(doc, undefined, { priceBook: options.priceBook });
  const evaluation = report.variants.find((v) => v.id === variant.id);
  const availability = evaluation?.availability;
  const graph = resolveGraph(variant, []);
  if (!evaluation || !availability || !graph) {
    return { ok: false, issues: evaluation?.issues ?? report.issues };
  }
  const byId = new Map(report.variants.map((v) => [v.id, v]));
  const comparison = compare(doc, {
    priceBook: options.priceBook,
    availabilityOf: (id): VariantAvailability | undefined => {
      const v = byId.get(id);
      if (!v?.availability) return undefined;
      return {
        availability: v.availability.requestWeighted,
        downtimeMinutesPerYear: v.availability.downtimeMinutesPerYear,
        misses: v.scenarios
          .filter((s) => s.applies)
          .flatMap((s) => {
            const missed = misses({ doc }, s);
            return missed.length === 0 ? [] : [`${s.name}: ${missed.join(', ')}`];
          }),
      };
    },
  });
  const basis: PlanBasis = {
    doc,
    variant,
    evaluation: { ...evaluation, availability },
    comparison,
    graph,
  };
  const advice = advise(doc, variant.id, { priceBook: options.priceBook }).variants[0];
  const context: PlanContext = {
    ...basis,
    findings: (advice?.findings ?? []).map((f) => ({
      severity: f.severity,
      title: f.title,
      detail: f.message,
      fix: f.fix.label,
      effect: effectText(f.effect),
    })),
  };
  const issue = { date: options.date, version: options.version ?? '1.0' };
  const plan: PlanDocument = {
    meta: {
      title: `${doc.name} — Information System Contingency Plan`,
      subtitle: variant.name,
      version: issue.version,
      date: issue.date,
      classification: 'Internal — draft for review',
      ...(doc.targets?.impact ? { impact: doc.targets.impact } : {}),
      author: 'Generated by Nines from the model; to be completed by the plan owner',
    },
    blocks: [
      ...controlChapter(context, issue),
      ...introductionChapter(context),
      ...conceptOfOperationsChapter(context),
      ...biaChapter(context),
      ...preventiveControlsChapter(context),
      ...activationChapter(context),
      ...recoveryChapter(context),
      ...reconstitutionChapter(context),
      ...testingChapter(context),
      ...optionsChapter(context),
      ...appendices(context),
    ],
  };
  return { ok: true, plan, context };
}

/**
 * A fix's measured effect in the plan's formats: `availability 99.9988 % to 99.9990 % (−1.02
 * min/yr), +$420/month`.
 */
function effectText(effect: FindingEffect): string {
  const minutes = effect.downtimeMinutesAfter - effect.downtimeMinutesBefore;
  const availability =
    Math.abs(minutes) < 0.005
      ? `availability unchanged at ${percent(effect.availabilityBefore)}`
      : `availability ${percent(effect.availabilityBefore)} to ${percent(effect.availabilityAfter)} (${minutes < 0 ? '−' : '+'}${minutesPerYear(Math.abs(minutes))})`;
  if (effect.monthlyCostDelta === null) return availability;
  const delta = usd(effect.monthlyCostDelta);
  return `${availability}, ${effect.monthlyCostDelta >= 0 ? '+' : ''}${delta} a month${effect.isCostComplete ? '' : ' (priced items only)'}`;
}
