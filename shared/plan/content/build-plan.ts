/**
 * `buildPlan`: the contingency plan of one variant as a {@link PlanDocument}, following the ISCP
 * outline of NIST SP 800-34 Rev. 1. Pure: the model, the price book and the date come in; every
 * figure comes from `evaluate` and `compare` on that model.
 */
import type { PriceBook } from '../../catalog/price-book';
import {
  advise,
  availabilityFromReport,
  compare,
  evaluate,
  resolveGraph,
  unknownVariant,
  type EngineIssue,
  type Finding,
} from '../../engine';
import type { NinesDocument, Variant } from '../../model/types';
import type { Block, PlanDocument } from '../document';
import { activationChapter } from './activation';
import { concurrentProcessing, offsiteDataStorage } from './alternate-site';
import { appendices, coverageAppendix, glossaryAppendix } from './appendices';
import { biaChapter } from './bia';
import { conceptOfOperationsChapter } from './concept-of-operations';
import type { PlanBasis, PlanContext } from './context';
import { controlChapter } from './control';
import { numberCrossReferences } from './cross-references';
import { neutralizePlan } from './neutralize';
import {
  formatAvailability,
  formatCount,
  formatMinutesPerYear,
  formatNumber,
  formatUsd,
} from '../../text';
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
 * The largest variant a plan is written for: its components each get a row in several tables and
 * its edges a route in the topology figure, so the plan's size and the time to lay it out grow
 * with both. A generated 40-region design (about 370 components, 320 edges) takes 13 s of CPU on
 * a 2-core machine; 100 services × 100 datastores (10,100 edges) took 40 s and 300 × 300 over a
 * minute and 2.7 GB. Beyond these, the plan is refused before any work, naming the limit.
 */
export const PLAN_MAX_NODES = 600;
/** The most edges of a variant a plan is written for (see {@link PLAN_MAX_NODES}). */
export const PLAN_MAX_EDGES = 1000;

/** Why a plan of `variant` is refused before any work, or undefined when it is within the limits. */
function overPlanLimit(variant: Variant): EngineIssue | undefined {
  const nodes = variant.nodes.length;
  const edges = variant.edges.length;
  if (nodes <= PLAN_MAX_NODES && edges <= PLAN_MAX_EDGES) return undefined;
  return {
    code: 'over-limit',
    severity: 'error',
    nodeIds: [],
    message: `variant "${variant.id}" has ${formatCount(nodes, 'node')} and ${formatCount(edges, 'edge')}: a plan is written for at most ${formatNumber(PLAN_MAX_NODES)} nodes and ${formatNumber(PLAN_MAX_EDGES)} edges (beyond that it is no longer a document people read); evaluate and advise still work on it`,
  };
}

/**
 * Builds the contingency plan of `options.variantId` (else the first variant) of `doc`: plan
 * approval and document control, introduction, concept of operations (with the topology
 * figure), business impact analysis, preventive controls, activation and notification,
 * recovery (sequence and one runbook per scenario), reconstitution, testing and exercises, the
 * options compared with their cost, and the appendices (contact lists, alternate processing,
 * inventory, interconnections, associated plans, parameters, method, glossary, the map of the
 * NIST template). Fails, with the engine's issues, for an
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
      issues: [unknownVariant(doc, options.variantId ?? '')],
    };
  }
  const overLimit = overPlanLimit(variant);
  if (overLimit) return { ok: false, issues: [overLimit] };
  const report = evaluate(doc, undefined, { priceBook: options.priceBook });
  const evaluation = report.variants.find((v) => v.id === variant.id);
  const availability = evaluation?.availability;
  const graph = resolveGraph(variant, []);
  if (!evaluation || !availability || !graph) {
    return { ok: false, issues: evaluation?.issues ?? report.issues };
  }
  const comparison = compare(doc, {
    priceBook: options.priceBook,
    availabilityOf: availabilityFromReport(doc, report),
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
      effect: effectText(f),
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
    blocks: assemble(context, issue),
  };
  return { ok: true, plan: neutralizePlan(plan), context };
}

/**
 * The plan's blocks: the chapters, with concurrent processing and offsite data storage placed in
 * the reconstitution chapter where the ISCP template has them (5.1 before the validation
 * sections, 5.7 before deactivation); the appendices; the glossary of what the plan uses and the
 * map of the NIST template, built from everything before them; final table numbers and appendix
 * letters last.
 */
function assemble(ctx: PlanContext, issue: { date: string; version: string }): Block[] {
  const reconstitution = insertBefore(
    insertBefore(reconstitutionChapter(ctx), 'validation-data-testing', concurrentProcessing(ctx)),
    'deactivation',
    offsiteDataStorage(ctx),
  );
  const body: Block[] = [
    ...controlChapter(ctx, issue),
    ...introductionChapter(ctx),
    ...conceptOfOperationsChapter(ctx),
    ...biaChapter(ctx),
    ...preventiveControlsChapter(ctx),
    ...activationChapter(ctx),
    ...recoveryChapter(ctx),
    ...reconstitution,
    ...testingChapter(ctx),
    ...optionsChapter(ctx),
    ...appendices(ctx),
  ];
  const coverage = coverageAppendix(ctx, body);
  const glossary = glossaryAppendix([...body, ...coverage]);
  return numberCrossReferences([...body, ...glossary, ...coverage]);
}

/**
 * `blocks` with `inserted` before the heading `id`, or at the end when no heading has that id
 * (the chapter's outline changed): the sections are kept either way.
 */
function insertBefore(blocks: readonly Block[], id: string, inserted: readonly Block[]): Block[] {
  const at = blocks.findIndex((b) => b.kind === 'heading' && b.id === id);
  return at < 0
    ? [...blocks, ...inserted]
    : [...blocks.slice(0, at), ...inserted, ...blocks.slice(at)];
}

/**
 * A fix's measured effect in the plan's formats: `availability 99.9988 % to 99.9990 % (−1.02
 * min/yr), +$420/month`; `not measured` for a fix that is not a model operation (with the
 * ceiling of a single point of failure that stays: `not measured; at most 99.9990 % while it
 * stays`).
 */
function effectText({ effect, availabilityCeiling }: Finding): string {
  if (effect === null) {
    return availabilityCeiling === null
      ? 'not measured'
      : `not measured; at most ${formatAvailability(availabilityCeiling)} while it stays`;
  }
  const minutes = effect.downtimeMinutesAfter - effect.downtimeMinutesBefore;
  const availability =
    Math.abs(minutes) < 0.005
      ? `availability unchanged at ${formatAvailability(effect.availabilityBefore)}`
      : `availability ${formatAvailability(effect.availabilityBefore)} to ${formatAvailability(effect.availabilityAfter)} (${minutes < 0 ? '−' : '+'}${formatMinutesPerYear(Math.abs(minutes))})`;
  if (effect.monthlyCostDelta === null) return availability;
  const delta = formatUsd(effect.monthlyCostDelta);
  return `${availability}, ${effect.monthlyCostDelta >= 0 ? '+' : ''}${delta} a month${effect.isCostComplete ? '' : ' (priced items only)'}`;
}
