import {
  scenarioMisses,
  type ScenarioResult,
  type VariantEvaluation,
} from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { formatDuration, formatShare } from '../../../shared/text';

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

/** A time of a scenario: the duration, or `∞` when unbounded or unknown (the notes say why). */
export function formatScenarioSeconds(seconds: number | null): string {
  return formatDuration(seconds, { unbounded: '∞' });
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
                        <span className={r.meetsRto ? undefined : 'is-missed'} data-testid="rto">
                          {formatScenarioSeconds(r.rtoSeconds)}
                        </span>{' '}
                        · RPO{' '}
                        <span className={r.meetsRpo ? undefined : 'is-missed'} data-testid="rpo">
                          {formatScenarioSeconds(r.rpoSeconds)}
                        </span>
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
