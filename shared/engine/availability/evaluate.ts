/**
 * `evaluate`: the availability of each variant of a document, with its explanation (cut sets,
 * single points of failure, importance) and its transition and capacity terms.
 */
import { selectVariants } from '../variants';
import { TARGET_DEFAULTS } from '../../model/defaults';
import { operationsTime } from '../../model/operations';
import type { NinesDocument, Scenario, Variant } from '../../model/types';
import { capacityUnavailability } from './capacity';
import { estimateCost } from '../cost';
import { minimalCutSets } from './cutsets';
import {
  resolveGraph,
  type ResolvedGraph,
  buildStructure,
  type Structure,
  trafficShares,
  type TrafficShares,
} from '../structure';
import { importanceMeasures } from './importance';
import { FailureModel } from './probability';
import { runScenario, type ScenarioContext, type ScenarioResult } from '../scenarios';
import { transitionTerms } from './transitions';
import { formatCount, formatNumber } from '../../text';
import type { EngineIssue } from '../types';
import type { EvaluateOptions, EvaluationReport, TransitionTerm, VariantEvaluation } from './types';

/** Minutes in a year of 365 days. */
export const MINUTES_PER_YEAR = 525_600;

/** Default largest order of the listed minimal cut sets. */
export const DEFAULT_MAX_CUT_SET_ORDER = 3;

/** Default largest number of listed minimal cut sets. */
export const DEFAULT_MAX_CUT_SETS = 100;

/**
 * Most scenarios × nodes of one variant that `evaluate` runs: each scenario walks the
 * variant's nodes, so this bounds the time of the scenarios at about a second a million.
 */
export const MAX_SCENARIO_NODES = 1_000_000;

/**
 * Evaluates every variant of `doc` (or only `variantId`). Pure and deterministic; problems in
 * the model come back as `issues`, never as exceptions.
 */
export function evaluate(
  doc: NinesDocument,
  variantId?: string,
  options: EvaluateOptions = {},
): EvaluationReport {
  const { variants, issues } = selectVariants(doc, variantId);
  return {
    format: 'nines/1',
    variants: variants.map((v) => evaluateVariant(doc, v, options).evaluation),
    issues,
  };
}

/**
 * One variant's evaluation with what it was computed on: the resolved graph, the structure and
 * the traffic shares (undefined when the graph could not be built or the variant is over the
 * limit). The advisor runs its rules and scenarios on these same objects rather than building
 * them again for every fix it measures.
 */
export interface PreparedEvaluation {
  readonly evaluation: VariantEvaluation;
  readonly context: ScenarioContext | undefined;
}

/** The structure of one variant, or the issues that prevent building it. */
export function variantStructure(
  variant: Variant,
):
  | { structure: Structure; issues: EngineIssue[] }
  | { structure: undefined; issues: EngineIssue[] } {
  const issues: EngineIssue[] = [];
  const graph = resolveGraph(variant, issues);
  if (!graph) return { structure: undefined, issues };
  return { structure: buildStructure(graph, issues), issues };
}

/**
 * Runs one scenario, which need not be in the document (a what-if asked on the canvas), on one
 * variant: the same result `evaluate` gives for the document's own scenarios, without the
 * availability, cut sets and cost. Undefined when the variant is unknown or its graph cannot be
 * built (then `evaluate` reports why).
 */
export function evaluateScenario(
  doc: NinesDocument,
  variantId: string,
  scenario: Scenario,
): ScenarioResult | undefined {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) return undefined;
  const issues: EngineIssue[] = [];
  const graph = resolveGraph(variant, issues);
  if (!graph) return undefined;
  const structure = buildStructure(graph, issues);
  return runScenario({ doc, graph, structure, traffic: trafficShares(doc, graph) }, scenario);
}

/** The three terms of the request-weighted unavailability of one variant and their sum. */
function unavailabilityTerms(
  doc: NinesDocument,
  graph: ResolvedGraph,
  structure: Structure,
  model: FailureModel,
  traffic: TrafficShares,
): {
  uStructural: number;
  uTransition: number;
  uCapacity: number;
  uTotal: number;
  transitions: TransitionTerm[];
} {
  const uStructural = model.unavailability(structure.top);
  const transitions = transitionTerms(
    structure,
    model,
    traffic,
    operationsTime(doc).decisionSeconds,
  );
  // First order, so absurd inputs (a failover longer than the time between failures) could sum
  // past 1: no share of a year can exceed the year.
  const uTransition = Math.min(
    1,
    transitions.reduce((sum, t) => sum + t.unavailability, 0),
  );
  const uCapacity = capacityUnavailability(doc, graph, structure, model, traffic);
  const uTotal = Math.min(1, uStructural + uTransition + uCapacity);
  return { uStructural, uTransition, uCapacity, uTotal, transitions };
}

/**
 * The request-weighted downtime of variant `variantId`, minutes per year: the figure
 * `evaluate` reports as `downtimeMinutesPerYear`, without the cut sets, importance, scenarios
 * and cost (for callers that evaluate many changed copies of a design, e.g. `sensitivity`).
 * Null when the variant is unknown or its graph cannot be built.
 */
export function downtimeMinutesPerYear(doc: NinesDocument, variantId: string): number | null {
  const variant = doc.variants.find((v) => v.id === variantId);
  if (!variant) return null;
  const issues: EngineIssue[] = [];
  const graph = resolveGraph(variant, issues);
  if (!graph) return null;
  const structure = buildStructure(graph, issues);
  const model = new FailureModel(structure);
  const { uTotal } = unavailabilityTerms(doc, graph, structure, model, trafficShares(doc, graph));
  return uTotal * MINUTES_PER_YEAR;
}

/**
 * The structure with every planned maintenance window taken as never happening (its event always
 * up, no frequency): the figures "without planned downtime". Undefined when there is none.
 */
function withoutPlannedDowntime(structure: Structure): Structure | undefined {
  if (!structure.events.some((e) => e.kind === 'maintenance')) return undefined;
  return {
    ...structure,
    events: structure.events.map((e) =>
      e.kind === 'maintenance' ? { ...e, unavailability: 0, failuresPerHour: 0 } : e,
    ),
  };
}

/** Evaluates `variant` of `doc` (as `evaluate` does each), with its graph, structure and traffic. */
export function evaluateVariant(
  doc: NinesDocument,
  variant: Variant,
  options: EvaluateOptions,
): PreparedEvaluation {
  const issues: EngineIssue[] = [];
  const empty = {
    id: variant.id,
    availability: null,
    singlePointsOfFailure: [],
    cutSets: [],
    cutSetCount: null,
    importance: [],
    transitions: [],
    events: 0,
    cost: null,
    scenarios: [],
    issues,
  } satisfies VariantEvaluation;
  const scenarioCount = doc.scenarios?.length ?? 0;
  if (scenarioCount * variant.nodes.length > MAX_SCENARIO_NODES) {
    issues.push({
      code: 'over-limit',
      severity: 'error',
      nodeIds: [],
      message: `${formatCount(scenarioCount, 'scenario')} over the ${formatCount(variant.nodes.length, 'node')} of variant "${variant.id}" are ${formatNumber(scenarioCount * variant.nodes.length)} scenario-node steps, more than the ${formatNumber(MAX_SCENARIO_NODES)} Nines evaluates: split the scenarios over several files, or keep the drills that matter`,
    });
    return { evaluation: empty, context: undefined };
  }
  const graph = resolveGraph(variant, issues);
  if (!graph) return { evaluation: empty, context: undefined };
  const structure = buildStructure(graph, issues);
  const model = new FailureModel(structure);
  const traffic = trafficShares(doc, graph);
  const context: ScenarioContext = { doc, graph, structure, traffic };
  const { uStructural, uTransition, uCapacity, uTotal, transitions } = unavailabilityTerms(
    doc,
    graph,
    structure,
    model,
    traffic,
  );
  const unplanned = withoutPlannedDowntime(structure);
  const excluded = unplanned
    ? unavailabilityTerms(doc, graph, unplanned, new FailureModel(unplanned, model), traffic)
    : { uStructural, uTotal };
  const excludePlanned =
    doc.targets?.excludePlannedDowntime ??
    (TARGET_DEFAULTS.excludePlannedDowntime?.value as boolean);

  const cutSets = minimalCutSets(
    structure,
    model,
    options.maxCutSetOrder ?? DEFAULT_MAX_CUT_SET_ORDER,
    options.maxCutSets ?? DEFAULT_MAX_CUT_SETS,
  );
  options.onDiagramNodes?.(model.bdd.nodeCount);
  const evaluation: VariantEvaluation = {
    ...empty,
    availability: {
      requestWeighted: 1 - uTotal,
      structural: 1 - uStructural,
      downtimeMinutesPerYear: uTotal * MINUTES_PER_YEAR,
      structuralMinutesPerYear: uStructural * MINUTES_PER_YEAR,
      transitionMinutesPerYear: uTransition * MINUTES_PER_YEAR,
      capacityMinutesPerYear: uCapacity * MINUTES_PER_YEAR,
      nines: uTotal > 0 ? -Math.log10(uTotal) : null,
      plannedMinutesPerYear: Math.max(0, uTotal - excluded.uTotal) * MINUTES_PER_YEAR,
      withoutPlannedDowntime: {
        requestWeighted: 1 - excluded.uTotal,
        structural: 1 - excluded.uStructural,
        downtimeMinutesPerYear: excluded.uTotal * MINUTES_PER_YEAR,
        nines: excluded.uTotal > 0 ? -Math.log10(excluded.uTotal) : null,
      },
      againstTarget: {
        requestWeighted: 1 - (excludePlanned ? excluded.uTotal : uTotal),
        excludesPlannedDowntime: excludePlanned,
      },
      unavailability: {
        requestWeighted: uTotal,
        structural: uStructural,
        transition: uTransition,
        capacity: uCapacity,
      },
    },
    singlePointsOfFailure: cutSets.singles,
    cutSets: cutSets.sets,
    cutSetCount: { total: cutSets.total, maxOrder: cutSets.order },
    importance: importanceMeasures(structure, model),
    transitions,
    events: structure.events.length,
    cost: options.priceBook
      ? estimateCost(doc, variant.id, {
          priceBook: options.priceBook,
          downtimeMinutesPerYear: uTotal * MINUTES_PER_YEAR,
        })
      : null,
    scenarios: (doc.scenarios ?? []).map((scenario) => runScenario(context, scenario)),
  };
  return { evaluation, context };
}
