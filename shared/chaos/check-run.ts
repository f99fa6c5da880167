/**
 * A game day's measurements against the hypotheses: for each experiment run, whether the
 * measured interruption stayed within the predicted RTO, the measured data loss within the
 * predicted RPO, and the measured served share at or above the predicted one, with the gaps.
 *
 * Results file (`nines-chaos-results/1`, docs/chaos.md):
 * `{ "format": "nines-chaos-results/1", "runs": [{ "variant", "scenario",
 *    "interruptionSeconds": number | null, "dataLossSeconds"?: number, "servedShare"?: number,
 *    "errorRate"?: number }] }` — `interruptionSeconds: null` means service did not come back
 * during the run.
 */
import * as z from '../schema/zod';
import type { EvaluationReport, ScenarioResult } from '../engine';

export const RESULTS_FORMAT = 'nines-chaos-results/1';

const seconds = z.number().finite().min(0);
const share = z.number().finite().min(0).max(1);

const resultsSchema = z.strictObject({
  format: z.literal(RESULTS_FORMAT),
  runs: z.array(
    z.strictObject({
      variant: z.string().min(1),
      scenario: z.string().min(1),
      /** Seconds from the fault until requests were served again; null when they were not. */
      interruptionSeconds: seconds.nullable(),
      /** Age of the newest write lost, seconds (0: nothing lost). */
      dataLossSeconds: seconds.optional(),
      /** Share of the requests served once traffic had moved, [0, 1]. */
      servedShare: share.optional(),
      /** Share of the requests that failed over the whole run, [0, 1] (reported, not judged). */
      errorRate: share.optional(),
    }),
  ),
});
export type ChaosResults = z.infer<typeof resultsSchema>;

/** Parses a results file's JSON value; problems name their JSON path. */
export function parseChaosResults(
  value: unknown,
): { ok: true; results: ChaosResults } | { ok: false; problems: string[] } {
  const parsed = resultsSchema.safeParse(value);
  if (parsed.success) return { ok: true, results: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (i) => `${i.path.length > 0 ? i.path.join('.') : '(document)'}: ${i.message}`,
    ),
  };
}

/** One prediction checked: held, missed, or not judged (with why). */
export interface CheckedFigure {
  readonly figure: 'rto' | 'rpo' | 'servedShare';
  readonly predicted: number | null;
  readonly measured: number | null;
  /** True held, false missed, null not judged (`reason`). */
  readonly held: boolean | null;
  /** Measured minus predicted, in the figure's unit; null when either is missing. */
  readonly gap: number | null;
  readonly reason?: string;
}

export interface CheckedRun {
  readonly variant: string;
  readonly scenario: string;
  /** Null when the run names no scenario result (`reason`). */
  readonly figures: readonly CheckedFigure[];
  readonly errorRate: number | null;
  readonly reason?: string;
}

function judge(
  figure: CheckedFigure['figure'],
  predicted: number | null,
  measured: number | null | undefined,
  atMost: boolean,
): CheckedFigure {
  if (measured === undefined) {
    return { figure, predicted, measured: null, held: null, gap: null, reason: 'not measured' };
  }
  if (predicted === null) {
    // An RTO of null is "never back"; an RPO of null is "unknown or unbounded".
    if (figure === 'rto') {
      return { figure, predicted, measured, held: measured === null, gap: null };
    }
    return {
      figure,
      predicted,
      measured,
      held: null,
      gap: null,
      reason: 'the model gives no bound',
    };
  }
  if (measured === null) return { figure, predicted, measured, held: false, gap: null };
  const held = atMost ? measured <= predicted : measured >= predicted;
  return { figure, predicted, measured, held, gap: measured - predicted };
}

function checkOne(
  run: ChaosResults['runs'][number],
  result: ScenarioResult | undefined,
): CheckedRun {
  const base = { variant: run.variant, scenario: run.scenario, errorRate: run.errorRate ?? null };
  if (!result) return { ...base, figures: [], reason: 'no such scenario on this variant' };
  if (!result.applies)
    return { ...base, figures: [], reason: 'the scenario does not apply to this variant' };
  return {
    ...base,
    figures: [
      judge('rto', result.rtoSeconds, run.interruptionSeconds, true),
      judge('rpo', result.rpoSeconds, run.dataLossSeconds, true),
      judge('servedShare', result.servedShare, run.servedShare, false),
    ],
  };
}

/** Every run of `results` checked against the evaluated report's scenario results. */
export function checkRun(report: EvaluationReport, results: ChaosResults): CheckedRun[] {
  return results.runs.map((run) =>
    checkOne(
      run,
      report.variants
        .find((v) => v.id === run.variant)
        ?.scenarios.find((s) => s.id === run.scenario),
    ),
  );
}
