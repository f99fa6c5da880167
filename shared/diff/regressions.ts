/**
 * Regressions and improvements of one variant (docs/diff.md). Targets are the head's: the base
 * is judged as evaluated under the head's targets, so raising a target shows as a regression
 * of the figures it now misses and the targets change is said once beside it.
 */
import type { ScenarioResult, VariantEvaluation } from '../engine';
import { formatAvailability, formatDuration, formatShare, formatUsd } from '../text';
import { arrow, minutesArrow, signedPercent } from './display';
import type { FiguresDiff, Finding, FindingRule } from './types';

/** Thresholds of the relative rules. */
export interface Thresholds {
  /** Downtime up by more than this share, percent (a regression), or down by more (an improvement). */
  readonly maxDowntimeIncreasePct: number;
  /** Monthly cost up by more than this, percent; null: cost is never a regression. */
  readonly maxCostIncreasePct: number | null;
}

/** Default of {@link Thresholds.maxDowntimeIncreasePct} (design choice, docs/diff.md). */
export const DEFAULT_MAX_DOWNTIME_INCREASE_PCT = 10;

/**
 * What got worse and what got better between `base` (evaluated under the head's targets) and
 * `head`. Nothing is judged on a side that could not be evaluated except that fact itself.
 */
export function judge(
  base: VariantEvaluation,
  head: VariantEvaluation,
  figures: FiguresDiff,
  availabilityTarget: number | undefined,
  thresholds: Thresholds,
): { regressions: Finding[]; improvements: Finding[] } {
  const regressions: Finding[] = [];
  const improvements: Finding[] = [];
  const note = (worse: boolean, rule: FindingRule, subject: string | null, detail: string) =>
    (worse ? regressions : improvements).push({ rule, subject, detail });

  const b = base.availability;
  const a = head.availability;
  if (!b || !a) {
    if (b && !a) note(true, 'evaluation', null, 'the head could not be evaluated');
    if (!b && a) note(false, 'evaluation', null, 'the head can be evaluated again');
    return { regressions, improvements };
  }

  if (availabilityTarget !== undefined) {
    // Judged on the figure the target names (with or without planned downtime, docs/model.md).
    const [judgedBefore, judgedAfter] = [
      b.againstTarget.requestWeighted,
      a.againstTarget.requestWeighted,
    ];
    const metBefore = judgedBefore >= availabilityTarget;
    const metAfter = judgedAfter >= availabilityTarget;
    if (metBefore !== metAfter) {
      note(
        metBefore,
        'availability-target',
        null,
        `availability${a.againstTarget.excludesPlannedDowntime ? ' without planned maintenance' : ''} ${arrow(judgedBefore, judgedAfter, formatAvailability)} ${metBefore ? 'now misses' : 'now meets'} the target ${formatAvailability(availabilityTarget)}`,
      );
    }
  }

  const headScenarios = new Map(head.scenarios.map((s) => [s.id, s]));
  for (const before of base.scenarios) {
    const after = headScenarios.get(before.id);
    if (after === undefined || !before.applies || !after.applies) continue;
    judgeScenario(before, after, note);
  }

  for (const event of figures.singlePointsOfFailure.added) {
    note(true, 'single-point-of-failure', event, `new single point of failure: ${event}`);
  }
  for (const event of figures.singlePointsOfFailure.removed) {
    note(false, 'single-point-of-failure', event, `no longer a single point of failure: ${event}`);
  }

  const downtime = figures.downtimeMinutesPerYear;
  if (
    downtime.changed &&
    downtime.deltaPct !== null &&
    Math.abs(downtime.deltaPct) > thresholds.maxDowntimeIncreasePct
  ) {
    note(
      downtime.deltaPct > 0,
      'downtime',
      null,
      `downtime ${signedPercent(downtime.deltaPct)} (${minutesArrow(downtime.before, downtime.after)})`,
    );
  }

  const cost = figures.monthlyCostUsd;
  const limit = thresholds.maxCostIncreasePct;
  if (limit !== null && cost.before !== null && cost.after !== null) {
    const beyond = cost.deltaPct === null ? cost.after > 0 : Math.abs(cost.deltaPct) > limit;
    const claimed = cost.direction === 'increase' || cost.direction === 'decrease';
    if (claimed && beyond) {
      const pct = cost.deltaPct === null ? 'from $0' : signedPercent(cost.deltaPct);
      note(
        cost.direction === 'increase',
        'cost',
        null,
        `monthly cost ${pct} (${arrow(cost.before, cost.after, formatUsd)}), beyond ${formatShare(limit / 100)}`,
      );
    }
  }
  return { regressions, improvements };
}

type Note = (worse: boolean, rule: FindingRule, subject: string | null, detail: string) => void;

/** A scenario that stops (or starts) surviving, meeting its RTO, RPO or MTD. */
function judgeScenario(before: ScenarioResult, after: ScenarioResult, note: Note): void {
  if (before.survives !== after.survives) {
    note(
      before.survives,
      'scenario-survives',
      after.id,
      `${after.name}: ${before.survives ? 'the service no longer survives' : 'the service now survives'}`,
    );
  }
  const time = (x: number | null): string => formatDuration(x);
  const checks: [FindingRule, boolean, boolean, string][] = [
    [
      'scenario-rto',
      before.meetsRto,
      after.meetsRto,
      `RTO ${arrow(before.rtoSeconds, after.rtoSeconds, time)}`,
    ],
    [
      'scenario-rpo',
      before.meetsRpo,
      after.meetsRpo,
      `RPO ${arrow(before.rpoSeconds, after.rpoSeconds, time)}`,
    ],
    [
      'scenario-mtd',
      before.meetsMtd,
      after.meetsMtd,
      `time to full capacity ${arrow(before.timeToFullCapacitySeconds, after.timeToFullCapacitySeconds, time)}`,
    ],
  ];
  for (const [rule, met, meets, what] of checks) {
    if (met === meets) continue;
    const target = rule.slice('scenario-'.length).toUpperCase();
    note(
      met,
      rule,
      after.id,
      `${after.name}: ${met ? 'misses' : 'meets'} its ${target} target (${what})`,
    );
  }
}
