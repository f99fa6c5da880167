/**
 * The design advisor: findings against the field guide's principles, each with its fix as one
 * pure model operation (`shared/model/ops/fixes.ts`) and the exact effect of that fix, measured
 * by evaluating the fixed model with the same engine. See docs/advisor.md.
 *
 * Rule families: redundancy (single points of failure, the router that caps the target, tiers
 * in one zone), locality (cross-region calls), replication (synchronous across regions,
 * unbounded lag, split-brain), backups, N+1 capacity, and scenario targets (RTO, RPO, MTD).
 */
import { selectVariants } from '../variants';
import type { NinesDocument } from '../../model/types';
import type { AbortFlag } from '../simulation';
import { backupFindings } from './backup';
import { backupLocalityFindings } from './backup-locality';
import { capacityCheck } from './capacity';
import { commonCauseFindings } from './common-cause';
import { maintenanceFindings } from './maintenance';
import type { FixOp } from '../../model/ops/fixes';
import { AdviceContext, findingKey, type DraftFinding } from './context';
import { measure } from './measure';
import { ADVICE_WORK_BUDGET, chooseMeasured, designSize } from './budget';
import { formatCount, formatNumber } from '../../text';
import { crossRegionFindings } from './locality';
import { singlePointFindings, zoneFindings } from './redundancy';
import { replicationFindings } from './replication';
import { targetFindings } from './targets';
import type {
  AdviceReport,
  AdviceTruncation,
  AdviseOptions,
  Finding,
  Severity,
  VariantAdvice,
} from './types';

export { effectSummary } from './format';
export { eventDowntimeMinutes, zoneTolerantInstances } from './redundancy';
export { betaFactorRemedy, COMMON_CAUSE_REMEDIES } from './common-cause';
export { maintenanceCost } from './maintenance';
export { PRINCIPLES } from './types';
export { ADVICE_WORK_BUDGET } from './budget';
export type {
  AdviceReport,
  AdviceTruncation,
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
 * Work units of one evaluation of the design (the variant as it is, or a fix measured), against
 * one unit per scenario run of the N+1 check: on large designs an evaluation costs about four
 * scenario runs (measured 4–10× between 94 and 544 nodes). It only weighs the progress.
 */
const EVALUATION_UNITS = 4;

/** Work units of the rules other than the N+1 check, all together (a few ms at 300 nodes). */
const RULE_UNITS = 1;

/** Options of `adviseAsync`. */
export interface AdviseAsyncOptions extends AdviseOptions {
  /**
   * Called with the fraction of the review done, in (0, 1], increasing, at most about 100 times;
   * the last call is with 1 unless the review is cancelled.
   */
  readonly onProgress?: (fraction: number) => void;
  /** Checked after every step (one evaluation or scenario run): once `aborted`, the review stops. */
  readonly signal?: AbortFlag;
}

/** What `adviseAsync` ends with: the report (the same as `advise`'s), or a stop part way. */
export type AdviceOutcome =
  | { readonly cancelled: false; readonly report: AdviceReport }
  | {
      readonly cancelled: true;
      /** Share of the review done when it stopped, in [0, 1]. */
      readonly fraction: number;
    };

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
  const run = review(doc, variantId, options, new Progress(undefined));
  for (;;) {
    const next = run.next();
    if (next.done === true) return next.value;
  }
}

/**
 * `advise` in steps, awaiting `pause()` after each (one evaluation of the design or one scenario
 * run), so that a Web Worker can handle its messages, e.g. one that sets the `signal`, while it
 * runs: in a worker, pass a zero-delay task (`setTimeout`, or a `MessageChannel` message). Reports
 * its progress through `options.onProgress`. Resolves to the same report as `advise` for the same
 * arguments, or, when the signal is set before the end, to `{ cancelled: true }` with the share
 * done (never rejects for a cancellation).
 */
export async function adviseAsync(
  doc: NinesDocument,
  variantId: string | undefined,
  options: AdviseAsyncOptions,
  pause: () => Promise<void>,
): Promise<AdviceOutcome> {
  const progress = new Progress(options.onProgress);
  const run = review(doc, variantId, options, progress);
  for (;;) {
    // Once every step is done (fraction 1, reported), only the sorting is left: finish.
    if (options.signal?.aborted === true && progress.fraction < 1) {
      return { cancelled: true, fraction: progress.fraction };
    }
    const next = run.next();
    if (next.done === true) return { cancelled: false, report: next.value };
    await pause();
  }
}

/**
 * The share of a review done. Each of the n variants reviewed is 1/n of it; within a variant,
 * `done` of `planned` work units, the plan only ever revised down (to what is left once the
 * number of findings is known), so the fraction never decreases.
 */
class Progress {
  private variant = 0;
  private variants = 1;
  private done = 0;
  private planned = 0;
  private reported = 0;

  constructor(private readonly onProgress: ((fraction: number) => void) | undefined) {}

  get fraction(): number {
    const within = this.planned > 0 ? Math.min(1, this.done / this.planned) : 0;
    return (this.variant + within) / this.variants;
  }

  /** Starts variant `index` of `count`. */
  startVariant(index: number, count: number): void {
    this.variant = index;
    this.variants = count;
    this.done = 0;
    this.planned = 0;
  }

  /** At most `units` more units of work in this variant. */
  plan(units: number): void {
    this.planned = this.done + units;
  }

  /** `units` of work done; reports each whole per cent reached, and the end. */
  did(units: number): void {
    this.done += units;
    this.report(this.fraction);
  }

  /** The end of the review (or of a variant that cannot be evaluated). */
  report(fraction: number): void {
    if (fraction >= 1 ? this.reported < 1 : fraction >= this.reported + 0.01) {
      this.reported = Math.min(1, fraction);
      this.onProgress?.(this.reported);
    }
  }
}

/** The review as a generator that yields after each step of work. */
function* review(
  doc: NinesDocument,
  variantId: string | undefined,
  options: AdviseOptions,
  progress: Progress,
): Generator<void, AdviceReport, void> {
  const { variants, issues } = selectVariants(doc, variantId);
  const advice: VariantAdvice[] = [];
  for (const [index, variant] of variants.entries()) {
    progress.startVariant(index, variants.length);
    const ctx = AdviceContext.of(doc, variant, options);
    yield;
    if (!(ctx instanceof AdviceContext)) {
      advice.push({ id: variant.id, findings: [], issues: ctx.issues, truncated: null });
      continue;
    }
    const budget = (options.workBudget ?? ADVICE_WORK_BUDGET) / variants.length;
    advice.push({ id: variant.id, ...(yield* reviewVariant(ctx, budget, progress)), issues: [] });
  }
  progress.report(1);
  return { variants: advice, issues };
}

/** The findings of every rule but the N+1 check, in rule order. */
function ruleDrafts(ctx: AdviceContext): DraftFinding[][] {
  const spofs = singlePointFindings(ctx);
  const reported = new Set(spofs.flatMap((f) => (f.fix.op ? [f.nodeIds[0] as string] : [])));
  return [
    [...spofs, ...commonCauseFindings(ctx), ...maintenanceFindings(ctx)],
    zoneFindings(ctx, reported),
    crossRegionFindings(ctx),
    replicationFindings(ctx),
    [...backupFindings(ctx), ...backupLocalityFindings(ctx)],
    targetFindings(ctx),
  ];
}

/**
 * Fix kinds that can change what a zone or region loss leaves served, the N+1 check's input:
 * instance counts and placement, where consumers send their requests, and what keeps a data
 * tier working (synchronous replication needs the link; a manual failover). The others cannot:
 * a witness only changes what a partition does, a link's bandwidth only the replication lag
 * (an RPO), and backups are outside the request path. (A `Record`, so that a new kind must be
 * placed here.)
 */
const CHANGES_CAPACITY: Readonly<Record<FixOp['kind'], boolean>> = {
  'spread-tier': true,
  'scale-tier': true,
  'use-local-member': true,
  'add-local-copy': true,
  'set-async': true,
  'set-auto-failover': true,
  'set-witness': false,
  'set-link-bandwidth': false,
  'add-backup': false,
  'set-backup-interval': false,
  'set-restore-throughput': false,
  'stage-common-cause': false,
  // It adds an instance, and a rolling window takes one out: what a loss leaves may change.
  'roll-maintenance': true,
  // The second provider routes to the same targets: a zone or region loss leaves them as before.
  'add-dns-provider': false,
};

/**
 * Most work units of re-checking one fix (its evaluation is shared with its measure): the rules,
 * and the N+1 check when the fix can change capacity. A fix adds at most one tier (a local
 * copy), and so at most two steps to the check.
 */
function recheckUnits(op: FixOp | null, capacitySteps: number): number {
  if (op === null) return 0;
  return RULE_UNITS + (CHANGES_CAPACITY[op.kind] && capacitySteps > 0 ? capacitySteps + 2 : 0);
}

function* reviewVariant(
  ctx: AdviceContext,
  budget: number,
  progress: Progress,
): Generator<void, Pick<VariantAdvice, 'findings' | 'truncated'>, void> {
  const [spofs, zones, crossRegion, replication, backups, targets] = ruleDrafts(ctx) as [
    DraftFinding[],
    DraftFinding[],
    DraftFinding[],
    DraftFinding[],
    DraftFinding[],
    DraftFinding[],
  ];
  const capacity = capacityCheck(ctx);
  const others = [...spofs, ...zones, ...crossRegion, ...replication, ...backups, ...targets];
  const recheckOthers = others.reduce((sum, d) => sum + recheckUnits(d.fix.op, capacity.steps), 0);
  // A capacity finding's fix scales a tier: it is re-checked with the N+1 check.
  const recheckCapacity = capacity.maxFindings * (RULE_UNITS + capacity.steps + 2);
  progress.plan(
    EVALUATION_UNITS +
      RULE_UNITS +
      capacity.steps +
      (others.length + capacity.maxFindings) * EVALUATION_UNITS +
      recheckOthers +
      recheckCapacity,
  );
  progress.did(EVALUATION_UNITS + RULE_UNITS);
  yield;
  const capacityDrafts = yield* stepped(capacity.run(), progress);
  const drafts: DraftFinding[] = [
    ...spofs,
    ...zones,
    ...crossRegion,
    ...replication,
    ...backups,
    ...capacityDrafts,
    ...targets,
  ];
  const { measured: chosen, truncation } = chooseMeasured(
    ctx,
    drafts,
    designSize(ctx),
    (op) => (CHANGES_CAPACITY[op.kind] && capacity.steps > 0 ? capacity.steps + 2 : 0),
    budget,
  );
  const toMeasure = drafts.filter((d, i) => d.fix.op === null || chosen.has(i));
  progress.plan(
    toMeasure.reduce(
      (sum, d) => sum + EVALUATION_UNITS + recheckUnits(d.fix.op, capacity.steps),
      0,
    ),
  );
  const known = knownKeys(drafts);
  const measured: { finding: Finding; order: number }[] = [];
  for (const [order, draft] of drafts.entries()) {
    if (draft.fix.op !== null && !chosen.has(order) && truncation !== null) {
      measured.push({ finding: overBudget(ctx, draft, truncation), order });
      continue;
    }
    const offered = yield* recheck(ctx, draft, known, progress);
    measured.push({ finding: measure(ctx, offered), order });
    progress.did(EVALUATION_UNITS);
    yield;
  }
  const findings = measured
    .sort(
      (x, y) =>
        SEVERITY_ORDER[x.finding.severity] - SEVERITY_ORDER[y.finding.severity] ||
        x.order - y.order,
    )
    .map((x) => x.finding);
  return { findings, truncated: truncation };
}

/**
 * A finding whose fix the work budget left unmeasured: not offered as a model change (it has
 * not been re-checked either), no effect, and the message says why and what to do.
 */
function overBudget(
  ctx: AdviceContext,
  draft: DraftFinding,
  truncation: AdviceTruncation,
): Finding {
  const total = truncation.measured + truncation.unmeasured;
  return {
    ...measure(ctx, { ...draft, fix: { label: draft.fix.label, op: null } }),
    message: `${draft.message} Not measured: on a design this size the review measures ${formatNumber(truncation.measured)} of its ${formatCount(total, 'fix', 'fixes')}, the most severe first, within its work budget; this one is not offered as a model change. Apply the measured fixes, then review again.`,
    notMeasured: 'work-budget',
  };
}

/**
 * The keys of the findings of the design as it is (`findingKey`), with the zone findings of each
 * tier that is a single point of failure with a fix: the zone rule leaves those tiers to that
 * finding, so once the fix has made a tier redundant, a zone finding on it is what is left of
 * the same finding, not a new one.
 */
function knownKeys(drafts: readonly DraftFinding[]): Set<string> {
  const keys = new Set(drafts.map(findingKey));
  for (const d of drafts) {
    if (d.code !== 'single-point-of-failure' || d.fix.op === null) continue;
    const subject = d.nodeIds[0] as string;
    for (const code of ['tier-in-one-zone', 'tier-not-zone-redundant']) {
      keys.add(findingKey({ code, nodeIds: [], subject }));
    }
  }
  return keys;
}

/** Runs `steps` to the end, one unit of progress and one pause per step. */
function* stepped<T>(
  steps: Generator<void, T, void>,
  progress: Progress,
): Generator<void, T, void> {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
    progress.did(1);
    yield;
  }
}

/**
 * The draft as it may be offered: its fix is applied and every rule re-run on the fixed design
 * (the N+1 check only when the fix can change capacity, `CHANGES_CAPACITY`). When a finding
 * appears that was not there before (`findingKey`: the same code about the same subject), or
 * the fixed design cannot be evaluated, the fix is not offered as a model operation: it stays
 * in words, not measured, and the message says why.
 */
function* recheck(
  ctx: AdviceContext,
  draft: DraftFinding,
  known: ReadonlySet<string>,
  progress: Progress,
): Generator<void, DraftFinding, void> {
  const { op } = draft.fix;
  if (op === null) return draft;
  const fixed = ctx.withFix(op);
  if (!fixed) {
    return notOffered(draft, 'the design it gives cannot be evaluated');
  }
  const raised = ruleDrafts(fixed)
    .flat()
    .filter((d) => !known.has(findingKey(d)));
  progress.did(RULE_UNITS);
  if (CHANGES_CAPACITY[op.kind]) {
    raised.push(...(yield* stepped(capacityCheck(fixed, known).run(), progress)));
  }
  if (raised.length === 0) return draft;
  const titles = raised.map((d) => `"${d.title}"`).join(', ');
  return notOffered(draft, `it would raise ${titles}`);
}

/** The draft with its fix in words only (not measured), and why. */
function notOffered(draft: DraftFinding, why: string): DraftFinding {
  return {
    ...draft,
    message: `${draft.message} Applied as a model change, ${why}: it is not offered as one, and its effect is not measured.`,
    fix: { label: draft.fix.label, op: null },
  };
}
