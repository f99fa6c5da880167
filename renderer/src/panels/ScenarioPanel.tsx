import { FlaskConical, Plus, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { TIME_PART_LABELS, type Decomposition } from '../../../shared/engine';
import type { Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { useActiveScenario } from '../hooks/useActiveScenario';
import { keptScenario, type WhatIfChoice } from '../canvas/what-if';
import { usePlanner, usePlannerStore } from '../store/context';
import type { PlannerStore } from '../store/create-store';
import { selectActiveVariant } from '../store/selectors';
import '../styles/compare.css';
import { ChaosExportDialog } from './ChaosExportDialog';
import { formatSurvival, ScenarioTime, scenarioStatus } from './ScenarioMatrix';
import { formatDuration, formatShare } from '../../../shared/text';

/** A node, instance (`app#2`) or link (`link:a|b`) of the variant by the name a person knows. */
function nameIn(variant: Variant): (id: string) => string {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const one = (id: string) => {
    const node = byId.get(id);
    return node ? displayName(node) : id;
  };
  return (id) => {
    if (id === 'operations') return 'people';
    if (id.startsWith('link:')) {
      const [a = '', b = ''] = id.slice(5).split('|');
      return `link ${one(a)} ↔ ${one(b)}`;
    }
    const [nodeId = id, instance] = id.split('#');
    return instance === undefined ? one(nodeId) : `${one(nodeId)} #${instance}`;
  };
}

/**
 * One time (RTO or RPO) as a bar of its parts against the target: each part's width is its share
 * of the larger of the time and the target; the target is a tick. An unbounded time fills the bar.
 */
function TimeBar({
  label,
  time,
  targetSeconds,
  isMet,
  name,
}: {
  label: string;
  time: Decomposition;
  targetSeconds: number | undefined;
  isMet: boolean;
  name: (id: string) => string;
}) {
  const scale = Math.max(time.seconds ?? 0, targetSeconds ?? 0);
  const width = (seconds: number | null) =>
    seconds === null || time.seconds === null || scale === 0 ? null : (seconds / scale) * 100;
  return (
    <div className="time-bar" data-testid={`scenario-${label.toLowerCase().replace(/\W+/g, '-')}`}>
      <div className="time-bar__head">
        <span className="metric__label">{label}</span>
        <ScenarioTime
          seconds={time.seconds}
          figure={time}
          kind={label === 'RPO' ? 'rpo' : label === 'RTO' ? 'rto' : 'full'}
          className={`num ${isMet ? 'is-pass' : 'is-fail'}`}
        />
        <span className="metric__detail num">
          {targetSeconds === undefined ? 'no target' : `target ${formatDuration(targetSeconds)}`}
        </span>
      </div>
      <div className="time-bar__track" aria-hidden>
        {time.parts.map((part, i) => {
          const w = width(part.seconds);
          return (
            <span
              key={`${part.kind}-${part.nodeId}-${i}`}
              className={`time-bar__part is-part-${i % 4}`}
              style={w === null ? { flex: 1 } : { width: `${w}%` }}
            />
          );
        })}
        {targetSeconds !== undefined && scale > 0 && time.seconds !== null && (
          <span
            className="time-bar__target"
            style={{ left: `${(targetSeconds / scale) * 100}%` }}
          />
        )}
      </div>
      {time.seconds === null && time.reason && (
        <p className="time-bar__reason" data-testid="time-reason">
          {time.reason}
        </p>
      )}
      {time.parts.length > 0 && (
        <ul className="time-bar__legend">
          {time.parts.map((part, i) => (
            <li key={`${part.kind}-${part.nodeId}-${i}`}>
              <span className={`time-bar__swatch is-part-${i % 4}`} aria-hidden />
              {TIME_PART_LABELS[part.kind]} ({name(part.nodeId)}){' '}
              <span className="num">{formatDuration(part.seconds, { unbounded: 'unknown' })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Scenario mode in the results column: the chosen scenario's outcome on the active variant —
 * what stops, the capacity that survives, the RTO and RPO as bars of their parts against the
 * targets, and the engine's notes. A what-if asked on the canvas shows the same way, with a
 * button that keeps it as a scenario of the document. Escape or the close button leaves scenario
 * mode (the canvas then drops its dimming, and an unkept what-if is forgotten).
 */
export function ScenarioPanel() {
  const scenarioId = usePlanner((s) => s.activeScenarioId);
  const setActiveScenario = usePlanner((s) => s.setActiveScenario);
  const targets = usePlanner((s) => s.document?.targets);
  const variant = usePlanner(selectActiveVariant);
  const result = useActiveScenario();
  const whatIf = usePlanner((s) =>
    s.whatIf?.scenario.id === s.activeScenarioId ? s.whatIf : null,
  );
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const [isExporting, setExporting] = useState(false);
  useEffect(() => {
    if (scenarioId === null) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setActiveScenario(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scenarioId, setActiveScenario]);
  if (scenarioId === null || !variant) return null;
  const name = nameIn(variant);
  const status = scenarioStatus(result);
  return (
    <section className="panel scenario-panel" data-testid="scenario-panel" aria-label="Scenario">
      <div className="field-group">
        <h3 className="field-group__title scenario-panel__title">
          {whatIf ? 'What if' : 'Scenario'}: {whatIf?.scenario.name ?? result?.name ?? scenarioId}
          <button
            type="button"
            className="tool tool--icon"
            onClick={() => setActiveScenario(null)}
            aria-label="Leave scenario mode"
            title="Leave scenario mode (Escape)"
          >
            <X size={14} aria-hidden />
          </button>
        </h3>
        {whatIf && (
          <p className="scenario-panel__what-if">
            Asked on the canvas, not saved with the design.{' '}
            <button
              type="button"
              className="tool"
              data-testid="keep-what-if"
              onClick={() => keepWhatIf(store, whatIf)}
              title="Add this question to the document's failure scenarios (one undo step)"
            >
              <Plus size={13} aria-hidden /> Keep as a scenario
            </button>
          </p>
        )}
        {!whatIf && document && (
          <p className="scenario-panel__actions">
            <button
              type="button"
              className="tool"
              data-testid="export-chaos"
              onClick={() => setExporting(true)}
              title="Write this scenario, or every scenario, as experiments for a fault-injection service, each with the model's prediction"
            >
              <FlaskConical size={13} aria-hidden /> Export chaos experiments…
            </button>
          </p>
        )}
        {isExporting && document && (
          <ChaosExportDialog
            document={document}
            variant={variant}
            scenarioId={scenarioId}
            onClose={() => setExporting(false)}
          />
        )}
        {!result ? (
          <p className="panel__empty">Not evaluated yet.</p>
        ) : !result.applies ? (
          <p className="panel__empty">
            This scenario does not apply to the variant {variant.name}: {result.reason}.
          </p>
        ) : (
          <>
            <div className="metric">
              <span className="metric__label">Outcome</span>
              <span
                className={`metric__value is-${status === 'pass' ? 'pass' : 'fail'}`}
                data-testid="scenario-outcome"
              >
                {formatSurvival(result)}
              </span>
              <span className="metric__detail num" data-testid="scenario-times">
                {formatShare(result.servedShare)} served after the takeover · first requests after{' '}
                <ScenarioTime
                  seconds={result.timeToServiceSeconds}
                  figure={result.rto}
                  kind="rto"
                />{' '}
                · every request after{' '}
                <ScenarioTime
                  seconds={result.timeToFullCapacitySeconds}
                  figure={result.fullCapacity}
                  kind="full"
                />
                {result.latencyChangeMs > 0 &&
                  ` · rerouted users +${formatDuration(result.latencyChangeMs / 1000)}`}
              </span>
            </div>
            <div className="metric metric--list" data-testid="scenario-stops">
              <span className="metric__label">Stops</span>
              <span className="metric__detail">
                {result.stops.length === 0 ? 'nothing' : result.stops.map(name).join(', ')}
              </span>
            </div>
            <TimeBar
              label="RTO"
              time={result.rto}
              targetSeconds={targets?.rtoSeconds}
              isMet={result.meetsRto}
              name={name}
            />
            {result.fullCapacity.seconds !== result.rto.seconds && (
              <TimeBar
                label="Full capacity (MTD)"
                time={result.fullCapacity}
                targetSeconds={targets?.mtdSeconds}
                isMet={result.meetsMtd}
                name={name}
              />
            )}
            <TimeBar
              label="RPO"
              time={result.rpo}
              targetSeconds={targets?.rpoSeconds}
              isMet={result.meetsRpo}
              name={name}
            />
            {result.notes.length > 0 && (
              <ul className="scenario-panel__notes" data-testid="scenario-notes">
                {result.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** Adds the what-if to the document's scenarios (one undo step) and shows it as one of them. */
function keepWhatIf(store: PlannerStore, whatIf: WhatIfChoice): void {
  const { document, commit, setActiveScenario } = store.getState();
  if (!document) return;
  const scenario = keptScenario(document, whatIf);
  commit(`Add scenario ${scenario.name}`, (doc) => ({
    ...doc,
    scenarios: [...(doc.scenarios ?? []), scenario],
  }));
  setActiveScenario(scenario.id);
}
