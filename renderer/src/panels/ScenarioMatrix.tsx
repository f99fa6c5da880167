import {
  scenarioMisses,
  type Decomposition,
  type ScenarioResult,
  type VariantEvaluation,
} from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { formatShare, scenarioTime } from '../../../shared/text';

/**
 * Whether a scenario's outcome on a variant meets the targets: every request back within the RTO
 * (or the share `targets.minServedShare` asks), the RPO and the MTD (scenarioMisses).
 */
export function scenarioStatus(result: ScenarioResult | undefined): 'pass' | 'fail' | 'none' {
  if (!result || !result.applies) return 'none';
  return scenarioMisses(result).length === 0 ? 'pass' : 'fail';
}

/** What is served after the takeover: `full service`, `degraded: 40 % served`, `goes down`. */
export function formatSurvival(result: ScenarioResult): string {
  if (result.status === 'full') return 'full service';
  if (result.status === 'degraded') return `degraded: ${formatShare(result.servedShare)} served`;
  return 'goes down';
}

/**
 * A time of a scenario (`kind`: its RTO, RPO or time to full capacity): the duration, or
 * `unknown` / `never` / `unbounded` (`scenarioTime`) with the engine's reason as its tooltip
 * and in its accessible name. `seconds` is the result's figure, `figure` its decomposition.
 */
export function ScenarioTime({
  seconds,
  figure,
  kind,
  className,
  testId,
}: {
  seconds: number | null;
  figure: Decomposition;
  kind: 'rto' | 'rpo' | 'full';
  className?: string | undefined;
  testId?: string;
}) {
  const { text, reason } = scenarioTime({ ...figure, seconds }, kind);
  return (
    <span
      className={className}
      data-testid={testId}
      title={reason}
      aria-label={reason === undefined ? undefined : `${text}: ${reason}`}
    >
      {text}
    </span>
  );
}

/**
 * Every failure scenario (rows) against every variant (columns): survival and capacity, RTO and
 * RPO, each cell marked pass or fail against the targets (the only use of status colours).
 */
export function ScenarioMatrix({
  document,
  evaluations,
}: {
  document: NinesDocument;
  evaluations: readonly VariantEvaluation[];
}) {
  const scenarios = document.scenarios ?? [];
  if (scenarios.length === 0) {
    return <p className="panel__empty">The document defines no failure scenarios.</p>;
  }
  const byVariant = new Map(
    evaluations.map((e) => [e.id, new Map(e.scenarios.map((s) => [s.id, s]))]),
  );
  return (
    <table className="matrix" data-testid="scenario-matrix">
      <thead>
        <tr>
          <th scope="col">Scenario</th>
          {document.variants.map((v) => (
            <th key={v.id} scope="col">
              {v.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {scenarios.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.name}</th>
            {document.variants.map((v) => {
              const r = byVariant.get(v.id)?.get(s.id);
              const status = scenarioStatus(r);
              return (
                <td
                  key={v.id}
                  className={`matrix__cell is-${status}`}
                  data-testid={`matrix-cell-${s.id}-${v.id}`}
                  title={r?.notes.join('\n') || undefined}
                >
                  {!r ? (
                    'not evaluated'
                  ) : !r.applies ? (
                    <span className="matrix__none" title={r.reason}>
                      does not apply
                    </span>
                  ) : (
                    <>
                      <span className="matrix__survival" data-testid="survival">
                        {formatSurvival(r)}
                      </span>
                      <span className="matrix__times">
                        RTO{' '}
                        <ScenarioTime
                          seconds={r.rtoSeconds}
                          figure={r.rto}
                          kind="rto"
                          className={r.meetsRto ? undefined : 'is-missed'}
                          testId="rto"
                        />{' '}
                        · RPO{' '}
                        <ScenarioTime
                          seconds={r.rpoSeconds}
                          figure={r.rpo}
                          kind="rpo"
                          className={r.meetsRpo ? undefined : 'is-missed'}
                          testId="rpo"
                        />
                        {r.meetsMtd ? null : (
                          <>
                            {' '}
                            · <span className="is-missed">beyond MTD</span>
                          </>
                        )}
                      </span>
                    </>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
