/**
 * The advisor's work budget. Each fix is measured by evaluating the fixed design, and re-checked
 * by running every rule on it: on a design of hundreds of single points of failure (300 services
 * × 300 datastores behind a 150-of-300 router) that is hundreds of evaluations, minutes of work.
 * The review therefore ranks the findings first and measures their fixes in that order while the
 * work stays within {@link ADVICE_WORK_BUDGET}; the fixes it cannot afford are not measured and
 * not offered as a model change (`notMeasured: 'work-budget'`), and the variant's advice says how
 * many (`truncated`). The budget is counted in work units of a deterministic size of the design,
 * never in time: the same file gives the same advice on every machine. See docs/advisor.md.
 */
import type { FixOp } from '../../model/ops/fixes';
import type { AdviceContext, DraftFinding } from './context';
import type { AdviceTruncation, Severity } from './types';

/**
 * Work units one review may spend on measuring fixes, shared equally by the variants reviewed.
 * Calibrated so that the largest shapes of the hostile-input campaign finish `advise` within
 * 10 s on the 2-core machine (docs/advisor.md, "Work budget"); no bundled template and no
 * generated design up to 12 regions comes near it.
 */
export const ADVICE_WORK_BUDGET = 2_000_000;

/**
 * Work units of one node or edge walked once (resolving the graph, building the structure,
 * running a scenario), against one node of the failure diagram: the graph work of a design of
 * 90,000 edges costs about as much per edge as eight diagram nodes (measured on the shared
 * dependencies and generated designs, docs/advisor.md).
 */
const GRAPH_WEIGHT = 8;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { high: 0, medium: 1, low: 2 };

/** The size of the design under review that the cost of measuring one fix grows with. */
export interface DesignSize {
  /**
   * Nodes of the failure diagrams (BDD) of "the service is down" and of the capacity term:
   * the evaluation's main work.
   */
  readonly diagramNodes: number;
  /** Nodes and edges of the variant: the graph walked by every evaluation and scenario run. */
  readonly graphSize: number;
  /** Scenarios of the document: each evaluation runs them all. */
  readonly scenarios: number;
}

/** The size of the variant under review, from its evaluation. */
export function designSize(ctx: AdviceContext): DesignSize {
  return {
    diagramNodes: ctx.diagramNodes,
    graphSize: ctx.variant.nodes.length + (ctx.variant.edges?.length ?? 0),
    scenarios: ctx.doc.scenarios?.length ?? 0,
  };
}

/**
 * Work units of measuring one fix: the fixed design's evaluation (its diagram, its graph walked
 * twice, its scenarios), the probes run before and after, and the `capacitySteps` scenario runs
 * of the N+1 check on the fixed design when the fix can change capacity.
 */
export function fixWork(
  size: DesignSize,
  draft: Pick<DraftFinding, 'probes'>,
  capacitySteps: number,
): number {
  const walks = 2 + size.scenarios + 2 * (draft.probes?.length ?? 0) + capacitySteps;
  return size.diagramNodes + GRAPH_WEIGHT * size.graphSize * walks;
}

/**
 * The order in which fixes are measured: most severe first, then the larger share of the
 * structural downtime the finding's nodes take part in (Σ Fussell–Vesely of their events, a
 * ranking only, never shown as an effect), then the rules' order. Returns draft indexes.
 */
export function measureOrder(ctx: AdviceContext, drafts: readonly DraftFinding[]): number[] {
  const fv = new Map<string, number>();
  for (const i of ctx.base.importance) {
    const node = i.event.split('#')[0] as string;
    fv.set(node, (fv.get(node) ?? 0) + i.fussellVesely);
  }
  const weight = drafts.map((d) => d.nodeIds.reduce((sum, id) => sum + (fv.get(id) ?? 0), 0));
  return drafts
    .map((_, i) => i)
    .sort(
      (a, b) =>
        SEVERITY_RANK[(drafts[a] as DraftFinding).severity] -
          SEVERITY_RANK[(drafts[b] as DraftFinding).severity] ||
        (weight[b] as number) - (weight[a] as number) ||
        a - b,
    );
}

/**
 * Chooses the drafts whose fix is measured: in `measureOrder`, each whose work still fits in
 * what is left of `budget` (a costlier one passed over leaves room for cheaper ones after it). Returns the chosen indexes and the truncation (null when every fix fits).
 */
export function chooseMeasured(
  ctx: AdviceContext,
  drafts: readonly DraftFinding[],
  size: DesignSize,
  capacitySteps: (op: FixOp) => number,
  budget: number,
): { measured: ReadonlySet<number>; truncation: AdviceTruncation | null } {
  const measured = new Set<number>();
  let spent = 0;
  let unmeasured = 0;
  let largest = 0;
  for (const index of measureOrder(ctx, drafts)) {
    const draft = drafts[index] as DraftFinding;
    if (draft.fix.op === null) continue;
    const work = fixWork(size, draft, capacitySteps(draft.fix.op));
    largest = Math.max(largest, work);
    if (spent + work <= budget) {
      spent += work;
      measured.add(index);
    } else {
      unmeasured += 1;
    }
  }
  const truncation =
    unmeasured === 0
      ? null
      : { measured: measured.size, unmeasured, workPerFix: largest, budget };
  return { measured, truncation };
}
