/**
 * The timeline of one scenario: from the failure to the first requests served again (time to
 * service), through degraded phases (a share of requests refused until a scale-out or a repair),
 * to every request served again (time to full capacity). The scenario's RTO is the time until the
 * served share reaches `targets.minServedShare`. Semantics: docs/scenarios.md, "Status, served
 * share and the timeline".
 */
import type { Decomposition, ScenarioPhase, TimePart } from './result';

/** Shares closer than this to a threshold count as reaching it (routing sums floating shares). */
const SHARE_EPSILON = 1e-9;

/** A point of the timeline: from `decomposition.seconds` on, `servedShare` of requests are served. */
export interface TimelineStep {
  /** When the step is reached, with the parts that lead to it (from the failure at 0). */
  readonly decomposition: Decomposition;
  /** Share of all requests served from then on, in [0, 1]. */
  readonly servedShare: number;
}

/** What the timeline says of a scenario. */
export interface Timeline {
  /** Time to the first requests served again, with its parts. */
  readonly service: Decomposition;
  /** Time until every request is served again; null seconds with a reason when never. */
  readonly fullCapacity: Decomposition;
  /** Time until the served share reaches the minimum; null seconds with a reason when never. */
  readonly rto: Decomposition;
  readonly phases: readonly ScenarioPhase[];
  /**
   * USD: the interruption as if every request failed, each degraded phase at its refused share,
   * × `perHour`; null when a phase that refuses requests has no known end, or no hourly cost.
   */
  readonly downtimeCostUsd: number | null;
}

/**
 * Builds the timeline from its steps: the time to service with the served share after the
 * takeover, then later steps (a scale-out, a repair) that serve more. Steps are taken in time
 * order; a step that serves no more than the one before changes nothing.
 *
 * @param steps the time to service first, then the later steps, any order
 * @param minServedShare `targets.minServedShare`, in [0, 1]
 * @param perHour `targets.downtimeCostPerHour`, USD per hour; undefined when not set
 * @param neverFull why full capacity never returns, when no step serves every request
 */
export function buildTimeline(
  steps: readonly TimelineStep[],
  minServedShare: number,
  perHour: number | undefined,
  neverFull: string,
): Timeline {
  const [first, ...later] = steps;
  if (!first || first.decomposition.seconds === null) {
    const unknown = first?.decomposition ?? { seconds: null, parts: [], reason: neverFull };
    return {
      service: unknown,
      fullCapacity: unknown,
      rto: unknown,
      phases: [{ kind: 'interruption', fromSeconds: 0, toSeconds: null, servedShare: 0 }],
      downtimeCostUsd: null,
    };
  }
  // The later steps in time order, each kept only when it serves more than the one before.
  const known = later
    .filter((s) => s.decomposition.seconds !== null)
    .sort((a, b) => (a.decomposition.seconds as number) - (b.decomposition.seconds as number));
  const chain: TimelineStep[] = [first];
  for (const step of known) {
    const last = chain[chain.length - 1] as TimelineStep;
    if (step.servedShare <= last.servedShare + SHARE_EPSILON) continue;
    const at = Math.max(step.decomposition.seconds as number, last.decomposition.seconds as number);
    chain.push({ ...step, decomposition: { ...step.decomposition, seconds: at } });
  }
  const reaching = (share: number): Decomposition => {
    const step = chain.find((s) => s.servedShare >= share - SHARE_EPSILON);
    if (step) return step.decomposition;
    const unknown = later.find((s) => s.decomposition.seconds === null)?.decomposition.reason;
    return { seconds: null, parts: [], reason: unknown ?? neverFull };
  };

  const phases: ScenarioPhase[] = [];
  const start = first.decomposition.seconds;
  if (start > 0)
    phases.push({ kind: 'interruption', fromSeconds: 0, toSeconds: start, servedShare: 0 });
  chain.forEach((step, i) => {
    const next = chain[i + 1];
    const full = step.servedShare >= 1 - SHARE_EPSILON;
    phases.push({
      kind: full ? 'full' : 'degraded',
      fromSeconds: step.decomposition.seconds as number,
      toSeconds: full ? null : (next?.decomposition.seconds ?? null),
      servedShare: full ? 1 : step.servedShare,
    });
  });
  // A degraded phase ends where the chain does: the full phase is always last when reached.
  const lastFull = phases.findIndex((p) => p.kind === 'full');
  if (lastFull >= 0) phases.length = lastFull + 1;

  return {
    service: first.decomposition,
    fullCapacity: reaching(1),
    rto: reaching(minServedShare),
    phases,
    downtimeCostUsd: phaseCost(phases, perHour),
  };
}

function phaseCost(phases: readonly ScenarioPhase[], perHour: number | undefined): number | null {
  if (perHour === undefined) return null;
  const hours = refusedHours(phases);
  return hours === null ? null : hours * perHour;
}

/**
 * Hours of refused requests from the failure up to `untilSeconds` (the whole timeline when
 * absent): each phase's refused share (1 − served share) × its time within [0, untilSeconds], in
 * hours, so that an interruption counts in full. Null when a phase that refuses requests has no
 * known end before `untilSeconds`. × `targets.downtimeCostPerHour` it is the scenario's downtime
 * cost (`downtimeCostUsd`), or the cost of its first hours.
 */
export function refusedHours(
  phases: readonly ScenarioPhase[],
  untilSeconds = Number.POSITIVE_INFINITY,
): number | null {
  let hours = 0;
  for (const phase of phases) {
    const refused = 1 - phase.servedShare;
    if (refused <= SHARE_EPSILON || phase.fromSeconds >= untilSeconds) continue;
    const end = Math.min(phase.toSeconds ?? Number.POSITIVE_INFINITY, untilSeconds);
    if (end === Number.POSITIVE_INFINITY) return null;
    hours += (refused * (end - phase.fromSeconds)) / 3600;
  }
  return hours;
}

/** The decomposition of a chain: its parts add up (an unknown part makes it unknown). */
export function chainOf(parts: readonly TimePart[], reason?: string): Decomposition {
  const unknown = parts.find((p) => p.seconds === null);
  if (unknown) return { seconds: null, parts, reason: reason ?? unknownReason(unknown) };
  return { seconds: parts.reduce((sum, p) => sum + (p.seconds as number), 0), parts };
}

function unknownReason(part: TimePart): string {
  return `the ${part.kind} time of ${part.nodeId} is unknown`;
}
