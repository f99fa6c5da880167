/**
 * The before → after figures of one variant from two evaluations through the engine's door
 * (the same figures as `nines evaluate --json`), and each scenario's outcome on both sides.
 */
import type { ScenarioResult, UnpricedItem, VariantEvaluation } from '../engine';
import { differs, MISSING, pair, percentChange, SHOW } from './display';
import { keyedDiff } from './keyed';
import type { CostPair, FiguresDiff, ScenarioDiff, ScenarioOutcome, UnpricedRef } from './types';

/** One side of a variant: its evaluation (undefined when the variant is not on that side) and its availability target. */
export interface EvaluatedSide {
  readonly evaluation: VariantEvaluation | undefined;
  readonly availabilityTarget: number | undefined;
}

/** The figures of a variant before → after. */
export function diffFigures(base: EvaluatedSide, head: EvaluatedSide): FiguresDiff {
  const b = base.evaluation;
  const a = head.evaluation;
  const av = (v: VariantEvaluation | undefined) => v?.availability ?? null;
  const downtime = pair(
    av(b)?.downtimeMinutesPerYear ?? null,
    av(a)?.downtimeMinutesPerYear ?? null,
    SHOW.minutesPerYear,
  );
  const ninesOf = (v: VariantEvaluation | undefined): number | null | undefined =>
    av(v) === null ? undefined : (av(v)?.nines ?? null);
  const spofBefore = av(b) === null ? null : (b?.singlePointsOfFailure ?? null);
  const spofAfter = av(a) === null ? null : (a?.singlePointsOfFailure ?? null);
  const both = spofBefore !== null && spofAfter !== null;
  return {
    availability: {
      requestWeighted: pair(
        av(b)?.requestWeighted ?? null,
        av(a)?.requestWeighted ?? null,
        SHOW.availability,
      ),
      structural: pair(av(b)?.structural ?? null, av(a)?.structural ?? null, SHOW.availability),
    },
    downtimeMinutesPerYear: {
      ...downtime,
      deltaPct: percentChange(downtime.before, downtime.after),
    },
    downtimeTerms: {
      structural: pair(
        av(b)?.structuralMinutesPerYear ?? null,
        av(a)?.structuralMinutesPerYear ?? null,
        SHOW.minutesPerYear,
      ),
      transition: pair(
        av(b)?.transitionMinutesPerYear ?? null,
        av(a)?.transitionMinutesPerYear ?? null,
        SHOW.minutesPerYear,
      ),
      capacity: pair(
        av(b)?.capacityMinutesPerYear ?? null,
        av(a)?.capacityMinutesPerYear ?? null,
        SHOW.minutesPerYear,
      ),
    },
    nines: ninesPair(ninesOf(b), ninesOf(a)),
    singlePointsOfFailure: {
      before: spofBefore,
      after: spofAfter,
      added: both ? spofAfter.filter((e) => !spofBefore.includes(e)) : [],
      removed: both ? spofBefore.filter((e) => !spofAfter.includes(e)) : [],
    },
    monthlyCostUsd: costPair(b, a),
    yearlyTotalUsd: pair(b?.cost?.yearlyTotal ?? null, a?.cost?.yearlyTotal ?? null, SHOW.usd),
    meetsAvailabilityTarget: {
      before: meetsTarget(b, base.availabilityTarget),
      after: meetsTarget(a, head.availabilityTarget),
    },
    scenariosFailing: pair(failing(b), failing(a), SHOW.count),
  };
}

/** True when some figure of the diff reads differently after than before. */
export function figuresChanged(f: FiguresDiff): boolean {
  return (
    [
      f.availability.requestWeighted,
      f.availability.structural,
      f.downtimeMinutesPerYear,
      f.downtimeTerms.structural,
      f.downtimeTerms.transition,
      f.downtimeTerms.capacity,
      f.nines,
      f.monthlyCostUsd,
      f.yearlyTotalUsd,
      f.scenariosFailing,
    ].some((p) => p.changed) ||
    f.singlePointsOfFailure.added.length > 0 ||
    f.singlePointsOfFailure.removed.length > 0 ||
    f.monthlyCostUsd.unpricedOnlyInHead.length > 0 ||
    f.monthlyCostUsd.unpricedOnlyInBase.length > 0 ||
    f.meetsAvailabilityTarget.before !== f.meetsAvailabilityTarget.after
  );
}

/** Each scenario's outcome before → after: the head's scenarios in order, then the base's others. */
export function diffScenarios(
  base: VariantEvaluation | undefined,
  head: VariantEvaluation | undefined,
): ScenarioDiff[] {
  const evaluated = (v: VariantEvaluation | undefined): readonly ScenarioResult[] =>
    v?.availability ? v.scenarios : [];
  const matched = keyedDiff(evaluated(base), evaluated(head), (s) => s.id);
  const entry = (b: ScenarioResult | undefined, a: ScenarioResult | undefined): ScenarioDiff => {
    const before = b === undefined ? null : outcome(b);
    const after = a === undefined ? null : outcome(a);
    return {
      id: (a ?? b)?.id ?? '',
      name: (a ?? b)?.name ?? '',
      before,
      after,
      changed: outcomeText(before) !== outcomeText(after),
    };
  };
  const byHead = new Map(matched.both.map(([b, a]) => [a.id, b]));
  return [
    ...evaluated(head).map((a) => entry(byHead.get(a.id), a)),
    ...matched.removed.map((b) => entry(b, undefined)),
  ];
}

/** The figures of a scenario result that a diff reports. */
export function outcome(s: ScenarioResult): ScenarioOutcome {
  return {
    applies: s.applies,
    status: s.status,
    survives: s.survives,
    servedShare: s.servedShare,
    rtoSeconds: s.rtoSeconds,
    rpoSeconds: s.rpoSeconds,
    meetsRto: s.meetsRto,
    meetsRpo: s.meetsRpo,
    meetsMtd: s.meetsMtd,
    meetsTargets: meetsScenarioTargets(s),
  };
}

function meetsScenarioTargets(s: ScenarioResult): boolean {
  return s.applies && s.survives && s.meetsRto && s.meetsRpo && s.meetsMtd;
}

/** An outcome as a reader sees it (display precision), for deciding `changed`. */
function outcomeText(o: ScenarioOutcome | null): string {
  if (o === null) return MISSING;
  if (!o.applies) return 'does not apply';
  return [
    o.status,
    o.survives,
    SHOW.share(o.servedShare),
    SHOW.duration(o.rtoSeconds),
    SHOW.duration(o.rpoSeconds),
    o.meetsRto,
    o.meetsRpo,
    o.meetsMtd,
  ].join('|');
}

/** `undefined`: not evaluated; `null`: evaluated with no unavailability at all (∞ nines). */
function ninesPair(before: number | null | undefined, after: number | null | undefined) {
  const known = (x: number | null | undefined): number | null => x ?? null;
  const text = (x: number | null | undefined): string =>
    x === undefined ? MISSING : SHOW.nines(x);
  return {
    before: known(before),
    after: known(after),
    delta: typeof before === 'number' && typeof after === 'number' ? after - before : null,
    changed: text(before) !== text(after),
  };
}

function meetsTarget(v: VariantEvaluation | undefined, target: number | undefined): boolean | null {
  const a = v?.availability;
  if (!a) return null;
  return target === undefined || a.againstTarget.requestWeighted >= target;
}

/** Applicable scenarios that go down or miss a target; null when not evaluated. */
function failing(v: VariantEvaluation | undefined): number | null {
  if (!v?.availability) return null;
  return v.scenarios.filter((s) => s.applies && !meetsScenarioTargets(s)).length;
}

function costPair(b: VariantEvaluation | undefined, a: VariantEvaluation | undefined): CostPair {
  const before = b?.cost ?? null;
  const after = a?.cost ?? null;
  const monthly = pair(before?.monthly ?? null, after?.monthly ?? null, SHOW.usd);
  const ref = (u: UnpricedItem): UnpricedRef => ({
    nodeId: u.nodeId,
    category: u.category,
    code: u.code,
  });
  const keyOf = (u: UnpricedRef): string => `${u.nodeId}\u0000${u.category}\u0000${u.code}`;
  const matched = keyedDiff(
    (before?.unpriced ?? []).map(ref),
    (after?.unpriced ?? []).map(ref),
    keyOf,
  );
  const unpricedOnlyInHead = before === null ? [] : matched.added;
  const unpricedOnlyInBase = after === null ? [] : matched.removed;
  return {
    ...monthly,
    deltaPct: percentChange(monthly.before, monthly.after),
    complete: [before?.isComplete ?? null, after?.isComplete ?? null],
    direction: costDirection(
      monthly.before,
      monthly.after,
      unpricedOnlyInHead.length,
      unpricedOnlyInBase.length,
    ),
    unpricedOnlyInHead,
    unpricedOnlyInBase,
  };
}

/**
 * Which way the cost moved, claimed only where unpriced items cannot explain it. With the base's
 * unpriced items U_b and the head's U_a, the true change is delta + (U_a − U_b): when nothing is
 * newly unpriced (U_a's items are among U_b's) it is at most delta, so a decrease is real; when
 * nothing got a price (U_b's among U_a's) it is at least delta, so an increase is real.
 */
function costDirection(
  before: number | null,
  after: number | null,
  unpricedOnlyInHead: number,
  unpricedOnlyInBase: number,
): CostPair['direction'] {
  if (before === null || after === null) return 'unknown';
  if (!differs(before, after, SHOW.usd)) {
    return unpricedOnlyInHead === 0 && unpricedOnlyInBase === 0 ? 'none' : 'unknown';
  }
  if (after < before) return unpricedOnlyInHead === 0 ? 'decrease' : 'unknown';
  return unpricedOnlyInBase === 0 ? 'increase' : 'unknown';
}
