/**
 * Result types of the design advisor: the shape of `nines advise --json` (FORMAT.md) and of the
 * app's findings panel. Probabilities are plain numbers in [0, 1]; minutes are per year of
 * 365 days; money is USD per month.
 */
import type { PriceBook } from '../../catalog/price-book';
import type { FixOp } from '../../model/ops/fixes';
import type { EngineIssue } from '../types';

/**
 * How much a finding matters:
 * - `high`: the design misses a target because of it (availability, RTO, RPO, MTD), or data
 *   can be lost without bound (no backup, unbounded replication lag, two primaries);
 * - `medium`: it breaks a principle at a measured cost while the targets are still met;
 * - `low`: informational: nothing in the model can change it and no target is missed.
 */
export type Severity = 'high' | 'medium' | 'low';

/** The field-guide principles a finding can break (DESIGN.md, introduction). */
export type PrincipleId =
  | 'redundancy'
  | 'independence'
  | 'local-resources'
  | 'async-replication'
  | 'partition-tolerance'
  | 'recoverability'
  | 'capacity';

/** Each principle in the field guide's words. */
export const PRINCIPLES: Readonly<Record<PrincipleId, string>> = {
  redundancy: 'Redundancy across instances, zones and regions',
  independence: 'Loosely coupled, independent components: no one part takes the service down',
  'local-resources':
    'Stateless services use resources local to their region: no cross-region calls where avoidable',
  'async-replication': 'Asynchronous replication in the data tier',
  'partition-tolerance':
    'Survive the loss of connectivity between regions (split-brain) without two primaries',
  recoverability:
    'Recover within the targets: RTO within the maximum tolerable downtime, RPO within its target (NIST SP 800-34)',
  capacity: 'Enough capacity left after losing a zone or a region (N+1)',
};

/** The proposed fix: what to do in words and, when the model can express it, the operation. */
export interface Fix {
  /** Imperative, one line, e.g. "Spread app over the zones of use1 with 3 instances". */
  readonly label: string;
  /** The model operation (`applyFix`); null when nothing in the model can change it. */
  readonly op: FixOp | null;
}

/**
 * What the fix changes in one scenario: a scenario of the document, or a probe of the advisor's
 * own (id `advisor-…`, e.g. the corruption of a datastore or the loss of a zone) when no
 * scenario of the document covers what the finding is about.
 */
export interface ScenarioChange {
  readonly id: string;
  readonly name: string;
  readonly survivesBefore: boolean;
  readonly survivesAfter: boolean;
  /** Share of the requests served, in [0, 1], before and after the fix. */
  readonly capacityShareBefore: number;
  readonly capacityShareAfter: number;
  /** Achieved RTO before and after the fix, seconds; null when unbounded. */
  readonly rtoSecondsBefore: number | null;
  readonly rtoSecondsAfter: number | null;
  /** Achieved RPO before and after the fix, seconds; null when unbounded. */
  readonly rpoSecondsBefore: number | null;
  readonly rpoSecondsAfter: number | null;
  /** Whether the scenario meets its RTO and RPO targets before and after. */
  readonly meetsTargetsBefore: boolean;
  readonly meetsTargetsAfter: boolean;
}

/**
 * The measured effect of a finding's fix: the same engine (`evaluate`) on the model as it is and
 * on the model with the fix applied. Only a fix that is a model operation has one: a fix in words
 * (`op: null`) is not measured, and its finding's `effect` is null.
 */
export interface FindingEffect {
  /** Request-weighted availability, in [0, 1]. */
  readonly availabilityBefore: number;
  readonly availabilityAfter: number;
  /** Downtime, minutes per year. */
  readonly downtimeMinutesBefore: number;
  readonly downtimeMinutesAfter: number;
  /** Monthly cost, USD; null when no price book was given. */
  readonly monthlyCostBefore: number | null;
  readonly monthlyCostAfter: number | null;
  /** After − before, USD per month; null when no price book was given. */
  readonly monthlyCostDelta: number | null;
  /** False when something of either model is unpriced (the delta leaves it out). */
  readonly isCostComplete: boolean;
  /** Scenarios whose survival, capacity, RTO or RPO the fix changes: the document's, then probes. */
  readonly scenarios: readonly ScenarioChange[];
}

/** One design finding. */
export interface Finding {
  /** Stable kebab-case code, e.g. `single-point-of-failure` (docs/advisor.md lists them). */
  readonly code: string;
  readonly severity: Severity;
  /** Nodes concerned (or `link:a|b`), in the order they help to read the message. */
  readonly nodeIds: readonly string[];
  /** Short, e.g. "dns is a single point of failure". */
  readonly title: string;
  /** Plain words with the numbers: what is wrong, what it costs, why. */
  readonly message: string;
  readonly principle: PrincipleId;
  readonly fix: Fix;
  /** The fix measured; null when the fix is not a model operation (`fix.op` null): not measured. */
  readonly effect: FindingEffect | null;
  /**
   * Present when the fix has a model operation the review did not measure for lack of work
   * budget (`work-budget`, docs/advisor.md): then `fix.op` is null (an unmeasured fix is not
   * offered as a model change), `effect` is null, and the message says so.
   */
  readonly notMeasured?: 'work-budget';
  /**
   * For a single point of failure that no model operation can remove: the highest availability
   * the design can reach while it stays (its own availability), in [0, 1]; null otherwise.
   */
  readonly availabilityCeiling: number | null;
}

/** The findings of one variant, most severe first. */
export interface VariantAdvice {
  readonly id: string;
  readonly findings: readonly Finding[];
  /** Problems that stopped the evaluation of the variant (then `findings` is empty). */
  readonly issues: readonly EngineIssue[];
  /**
   * Null when every fix was measured; otherwise how many the work budget left unmeasured
   * (their findings carry `notMeasured: 'work-budget'`): the most severe and the most
   * downtime-bearing were measured first.
   */
  readonly truncated: AdviceTruncation | null;
}

/** The fixes of a variant's review that its work budget left unmeasured. */
export interface AdviceTruncation {
  /** Fixes (model operations) measured. */
  readonly measured: number;
  /** Fixes not measured, and so not offered as a model change. */
  readonly unmeasured: number;
  /** Work units of measuring the costliest fix of this design (its size, docs/advisor.md). */
  readonly workPerFix: number;
  /** The variant's share of the review's work budget, units. */
  readonly budget: number;
}

/** The whole `nines advise --json` document. */
export interface AdviceReport {
  readonly variants: readonly VariantAdvice[];
  /** Problems that concern no single variant (e.g. an unknown variant id). */
  readonly issues: readonly EngineIssue[];
}

/** Options of `advise`. */
export interface AdviseOptions {
  /** Price book for the cost of each fix; without it the cost figures are null. */
  readonly priceBook?: PriceBook;
  /**
   * Work units the review may spend measuring fixes, shared by the variants reviewed
   * (default `ADVICE_WORK_BUDGET`; docs/advisor.md, "Work budget").
   */
  readonly workBudget?: number;
}
