import { Check, TriangleAlert, X } from 'lucide-react';
import { useState } from 'react';
import type { ScenarioResult, VariantEvaluation } from '../../../shared/engine';
import { derivedEventLabel, distinctNames } from '../../../shared/model/nodes';
import type { NinesDocument, Scenario, Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { useAdvice } from '../hooks/useAdvice';
import { useResultsState } from '../hooks/useResults';
import { usePlanner } from '../store/context';
import { selectActiveVariant, selectIsEmptyDesign } from '../store/selectors';
import { SimulationPanel } from './SimulationPanel';
import { SensitivityPanel } from './sensitivity';
import {
  formatAvailability,
  formatDuration,
  formatMinutesPerYear,
  formatNines,
  formatShare,
  formatUsd,
} from '../../../shared/text';
import { formatSurvival, ScenarioTime } from './ScenarioMatrix';
import { RemoveScenarioButton, ScenarioActions } from './ScenarioControls';

/**
 * The results column: the engine's figures for the active variant, recomputed at each change of
 * the topology (availability, nines, downtime, monthly cost, single points of failure, what
 * stops the evaluation), then every failure scenario with its RTO and RPO against the targets.
 * While a large design is evaluated in the background the last figures stay, dimmed.
 */
export function ResultsPanel() {
  const document = usePlanner((s) => s.document);
  const variant = usePlanner(selectActiveVariant);
  const { results, isPending } = useResultsState();
  const advice = useAdvice();
  const isEmpty = usePlanner(selectIsEmptyDesign);
  if (!document || !variant) return null;
  return (
    <section
      className={`panel results${isPending ? ' is-pending' : ''}`}
      data-testid="results"
      aria-label="Results"
      aria-busy={isPending}
    >
      {isEmpty ? (
        <div className="field-group metrics">
          <h3 className="field-group__title">Results</h3>
          <p className="panel__empty" data-testid="results-empty">
            Nothing to compute yet. Start by adding a component (a router, a service, a datastore…)
            from the palette: drag it onto the canvas, or click it. Its availability, downtime and
            cost appear here.
          </p>
        </div>
      ) : (
        <>
          <Figures document={document} variant={variant} results={results} />
          <div className="metric metric--list findings-count" data-testid="findings-count">
            <span className="metric__label">
              Findings ({advice.isPending ? '…' : advice.isCancelled ? '—' : advice.findings.length}
              )
            </span>
          </div>
        </>
      )}
      <Scenarios
        document={document}
        scenarios={document.scenarios ?? []}
        variant={variant}
        results={results?.scenarios ?? []}
      />
      <SimulationPanel />
      {!isEmpty && <SensitivityPanel />}
    </section>
  );
}

/**
 * The results in a few words for the column's header (kept in view while the section is
 * collapsed): the request-weighted availability, in the pass or fail colour against the target.
 */
export function ResultsSummary() {
  const { results } = useResultsState();
  const target = usePlanner((s) => s.document?.targets?.availability);
  const a = results?.availability;
  if (!a) return null;
  const isMet = target === undefined ? undefined : a.againstTarget.requestWeighted >= target;
  return (
    <span
      className={`num${isMet === undefined ? '' : isMet ? ' is-pass' : ' is-fail'}`}
      data-testid="results-summary"
      title={
        target === undefined
          ? 'Request-weighted availability'
          : `Request-weighted availability; target ${formatAvailability(target)} ${isMet ? 'met' : 'missed'}`
      }
    >
      {formatAvailability(a.requestWeighted)}
    </span>
  );
}

/** A figure that flashes briefly when its text changes, so that the eye catches it. */
function Flashing({ text, testId, title }: { text: string; testId?: string; title?: string }) {
  const [previous, setPrevious] = useState(text);
  const [changes, setChanges] = useState(0);
  if (previous !== text) {
    setPrevious(text);
    setChanges(changes + 1);
  }
  return (
    <span
      key={changes}
      className={`metric__value num${changes > 0 ? ' is-flashing' : ''}`}
      data-testid={testId}
      title={title}
    >
      {text}
    </span>
  );
}

function Mark({ isPass, label }: { isPass: boolean; label: string }) {
  return isPass ? (
    <Check className="mark is-pass" size={14} aria-label={`${label}: met`} />
  ) : (
    <X className="mark is-fail" size={14} aria-label={`${label}: missed`} />
  );
}

function Figures({
  document,
  variant,
  results,
}: {
  document: NinesDocument;
  variant: Variant;
  results: VariantEvaluation | undefined;
}) {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const name = (event: string) => eventName(event, byId, variant);
  const a = results?.availability ?? null;
  const cost = results?.cost ?? null;
  const target = document.targets?.availability;
  const errors = results?.issues.filter((i) => i.severity === 'error') ?? [];
  const warnings = results?.issues.filter((i) => i.severity === 'warning') ?? [];
  const unpriced = cost?.unpriced ?? [];
  // Two nodes of one name would read as one line repeated: told apart (`Redis (us-east-1)`).
  const distinct = distinctNames(variant);
  return (
    <div className="field-group metrics">
      <div className="metric metric--headline">
        <span className="metric__label">Availability</span>
        <Flashing
          text={a ? formatAvailability(a.requestWeighted) : '—'}
          testId="metric-availability"
          title="Request-weighted: good requests / all requests"
        />
        {a && target !== undefined && (
          <Mark isPass={a.againstTarget.requestWeighted >= target} label="availability target" />
        )}
        <span className="metric__detail num">
          {a?.nines === null || a === null ? '' : formatNines(a.nines)}
          {target === undefined
            ? ''
            : ` · target ${formatAvailability(target)}${a?.againstTarget.excludesPlannedDowntime ? ' (without planned downtime)' : ''}`}
        </span>
      </div>
      {a && a.plannedMinutesPerYear > 0 && (
        <div className="metric">
          <span className="metric__label">Without planned maintenance</span>
          <span
            className="metric__value num"
            data-testid="metric-availability-unplanned"
            title="Availability with every maintenance window taken as never happening (what an SLA that excludes announced maintenance counts)"
          >
            {formatAvailability(a.withoutPlannedDowntime.requestWeighted)}
          </span>
          <span className="metric__detail num">
            planned maintenance {formatMinutesPerYear(a.plannedMinutesPerYear)}
          </span>
        </div>
      )}
      <div className="metric">
        <span className="metric__label">Downtime</span>
        <Flashing
          text={a ? formatMinutesPerYear(a.downtimeMinutesPerYear) : '—'}
          testId="metric-downtime"
        />
        {a && (
          <span className="metric__detail num">
            structural {formatMinutesPerYear(a.structuralMinutesPerYear)} · transition{' '}
            {formatMinutesPerYear(a.transitionMinutesPerYear)}
            {a.capacityMinutesPerYear >= 0.005 &&
              ` · capacity ${formatMinutesPerYear(a.capacityMinutesPerYear)}`}
          </span>
        )}
      </div>
      <div className="metric">
        <span className="metric__label">Monthly cost</span>
        <Flashing
          text={
            !cost
              ? '—'
              : cost.monthly === 0 && !cost.isComplete
                ? 'not priced'
                : `${cost.isComplete ? '' : '≥ '}${formatUsd(cost.monthly)} / month`
          }
          testId="metric-monthly-cost"
          title={
            unpriced.length === 0
              ? undefined
              : `Not priced:\n${unpriced.map((u) => `${distinct.get(u.nodeId) ?? u.nodeId}: ${u.reason}`).join('\n')}`
          }
        />
        {cost && (
          <span className="metric__detail">
            {unpriced.length > 0 &&
              `${unpriced.length} item${unpriced.length === 1 ? '' : 's'} not priced · `}
            prices as of {cost.priceBookAsOf}
            {cost.pricesAsOf &&
              (cost.pricesAsOf.oldest === cost.pricesAsOf.newest
                ? ` · the prices used are dated ${cost.pricesAsOf.oldest}`
                : ` · the prices used are dated ${cost.pricesAsOf.oldest} to ${cost.pricesAsOf.newest}`)}
          </span>
        )}
      </div>
      {errors.length + warnings.length > 0 && (
        <ul className="issues" data-testid="engine-issues">
          {[...errors, ...warnings].map((issue, i) => (
            <li key={`${issue.code}-${i}`} className={`issue is-${issue.severity}`}>
              <TriangleAlert size={13} aria-hidden /> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {results && a && (
        <div className="metric metric--list" data-testid="spofs">
          <span className="metric__label">Single points of failure</span>
          <span className="metric__detail">
            {results.singlePointsOfFailure.length === 0
              ? 'none'
              : results.singlePointsOfFailure.map(name).join(', ')}
          </span>
        </div>
      )}
    </div>
  );
}

function eventName(
  event: string,
  byId: ReadonlyMap<string, { id: string; name?: string }>,
  variant: Variant,
): string {
  const common = derivedEventLabel(variant, event, (id) => byId.get(id)?.name ?? id);
  if (common !== undefined) return common;
  if (event.startsWith('link:')) {
    const [a = '', b = ''] = event.slice(5).split('|');
    const n = (id: string) => {
      const node = byId.get(id);
      return node ? (node.name ?? node.id) : id;
    };
    return `link ${n(a)} ↔ ${n(b)}`;
  }
  const [nodeId = event, instance] = event.split('#');
  const node = byId.get(nodeId);
  const base = node ? (node.name ?? node.id) : nodeId;
  return instance === undefined ? base : `${base} #${instance}`;
}

function Scenarios({
  document,
  scenarios,
  variant,
  results,
}: {
  document: NinesDocument;
  scenarios: readonly Scenario[];
  variant: Variant;
  results: readonly ScenarioResult[];
}) {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const [nodeId = id, instance] = id.split('#');
    const node = byId.get(nodeId);
    const base = node ? displayName(node) : nodeId;
    return instance === undefined ? base : `${base} #${instance}`;
  };
  const { rtoSeconds: rtoTarget, rpoSeconds: rpoTarget } = document.targets ?? {};
  const outcome = new Map(results.map((r) => [r.id, r]));
  const activeScenarioId = usePlanner((st) => st.activeScenarioId);
  const setActiveScenario = usePlanner((st) => st.setActiveScenario);
  return (
    <div className="field-group">
      <h3 className="field-group__title">
        Scenarios
        {(rtoTarget !== undefined || rpoTarget !== undefined) && (
          <span className="field-group__aside">
            targets RTO {rtoTarget === undefined ? '—' : formatDuration(rtoTarget)} · RPO{' '}
            {rpoTarget === undefined ? '—' : formatDuration(rpoTarget)}
          </span>
        )}
      </h3>
      {scenarios.length === 0 ? (
        <p className="panel__empty">The document defines no failure scenarios.</p>
      ) : (
        <ul className="scenarios">
          {scenarios.map((s) => {
            const r = outcome.get(s.id);
            return (
              <li
                key={s.id}
                className={`scenario${r && !r.applies ? ' is-inapplicable' : ''}${s.id === activeScenarioId ? ' is-active' : ''}`}
                data-testid={`scenario-row-${s.id}`}
                title={r?.notes.join('\n') || undefined}
                onClick={() => setActiveScenario(s.id === activeScenarioId ? null : s.id)}
              >
                <span className="scenario__head">
                  <button
                    type="button"
                    className="scenario__name"
                    aria-pressed={s.id === activeScenarioId}
                    title="Show this scenario on the canvas"
                  >
                    {s.name}
                  </button>
                  <RemoveScenarioButton scenario={s} />
                </span>
                <span className="scenario__what">{describeScenario(s, name)}</span>
                {r && r.applies ? (
                  <span className="scenario__outcome num">
                    <span
                      className={r.status === 'full' ? 'is-pass' : 'is-fail'}
                      data-testid="scenario-status"
                    >
                      {formatSurvival(r)}
                    </span>
                    <span>
                      RTO <ScenarioTime seconds={r.rtoSeconds} figure={r.rto} kind="rto" />{' '}
                      <Mark isPass={r.meetsRto} label="RTO target" />
                    </span>
                    <span>
                      RPO <ScenarioTime seconds={r.rpoSeconds} figure={r.rpo} kind="rpo" />{' '}
                      <Mark isPass={r.meetsRpo} label="RPO target" />
                    </span>
                    {r.meetsMtd ? null : (
                      <span>
                        full after{' '}
                        <ScenarioTime
                          seconds={r.timeToFullCapacitySeconds}
                          figure={r.fullCapacity}
                          kind="full"
                        />{' '}
                        <Mark isPass={false} label="MTD target" />
                      </span>
                    )}
                  </span>
                ) : (
                  <span className="scenario__outcome" title={r?.reason}>
                    {r ? `does not apply: ${r.reason ?? ''}` : 'not evaluated'}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ScenarioActions document={document} variant={variant} />
    </div>
  );
}

/** What a scenario does, in a few words: `fails us-east-1a; cuts us-east-1 ↔ eu-west-1`. */
export function describeScenario(scenario: Scenario, name: (id: string) => string): string {
  const parts: string[] = [];
  if (scenario.fail?.length) parts.push(`fails ${scenario.fail.map(name).join(', ')}`);
  for (const [a, b] of scenario.partition ?? []) parts.push(`cuts ${name(a)} ↔ ${name(b)}`);
  if (scenario.shift) {
    const { from, to, share } = scenario.shift;
    parts.push(
      `moves ${formatShare(share)} of ${name(from)}'s traffic to ${to ? name(to) : 'the other regions'}`,
    );
  }
  if (scenario.corrupt?.length) parts.push(`corrupts ${scenario.corrupt.map(name).join(', ')}`);
  return parts.join('; ') || 'forces nothing down';
}
