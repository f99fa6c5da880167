/**
 * The Scenarios section's controls: remove a scenario, add one through pickers (what it names
 * is chosen from the active variant's zones, regions and components, never typed), and add the
 * standard drills a document lacks. Each is one undo step.
 */
import { ListPlus, Plus, Trash2 } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import {
  equivalentScenario,
  SCENARIO_KINDS,
  scenarioFor,
  standardDrills,
  type ScenarioRequest,
} from '../../../shared/engine';
import type { ModelNode, NinesDocument, Scenario, Variant } from '../../../shared/model/types';
import { listOf } from '../../../shared/text';
import { displayName } from '../canvas/describe';
import { usePlannerStore } from '../store/context';
import { fromInputText } from './field-input';
import './scenarios.css';

/** Removes one scenario of the document (one undo step; undo brings it back). */
export function RemoveScenarioButton({ scenario }: { scenario: Scenario }) {
  const store = usePlannerStore();
  return (
    <button
      type="button"
      className="tool tool--icon scenario__remove"
      aria-label={`Remove the scenario ${scenario.name}`}
      title="Remove this scenario (Ctrl+Z brings it back)"
      data-testid={`remove-scenario-${scenario.id}`}
      onClick={(event) => {
        event.stopPropagation();
        const { commit, activeScenarioId, setActiveScenario } = store.getState();
        if (activeScenarioId === scenario.id) setActiveScenario(null);
        commit(`Remove scenario ${scenario.name}`, (doc) => ({
          ...doc,
          scenarios: (doc.scenarios ?? []).filter((s) => s.id !== scenario.id),
        }));
      }}
    >
      <Trash2 size={13} aria-hidden />
    </button>
  );
}

/** The buttons below the scenarios: Add scenario (opens the form) and Add standard drills. */
export function ScenarioActions({
  document,
  variant,
}: {
  document: NinesDocument;
  variant: Variant;
}) {
  const store = usePlannerStore();
  const [isAdding, setAdding] = useState(false);
  const formId = useId();
  const drills = standardDrills(document);
  return (
    <>
      <div className="scenario-actions">
        <button
          type="button"
          className="tool"
          aria-expanded={isAdding}
          aria-controls={formId}
          data-testid="add-scenario"
          onClick={() => setAdding(!isAdding)}
        >
          <Plus size={13} aria-hidden /> Add scenario
        </button>
        <button
          type="button"
          className="tool"
          disabled={drills.length === 0}
          data-testid="add-drills"
          title={
            drills.length === 0
              ? 'Every standard drill is a scenario already'
              : `Adds ${listOf(drills.map((d) => d.name))} (one undo step)`
          }
          onClick={() =>
            store.getState().commit(`Add ${drills.length} standard drills`, (doc) => ({
              ...doc,
              scenarios: [...(doc.scenarios ?? []), ...standardDrills(doc)],
            }))
          }
        >
          <ListPlus size={13} aria-hidden /> Add standard drills
          {drills.length > 0 && ` (${drills.length})`}
        </button>
      </div>
      {isAdding && (
        <AddScenarioForm
          id={formId}
          document={document}
          variant={variant}
          onDone={() => setAdding(false)}
        />
      )}
    </>
  );
}

/** A node as the pickers list it: a region's or zone's location first, then its name. */
function optionLabel(node: ModelNode): string {
  const location = node.kind === 'region' || node.kind === 'zone' ? node.location : undefined;
  const name = displayName(node);
  return location && location !== name ? `${location} · ${name}` : name;
}

/** One labelled picker of the form: a native select of the variant's nodes. */
function NodeSelect({
  label,
  nodes,
  value,
  onChange,
  extra,
}: {
  label: string;
  nodes: readonly ModelNode[];
  value: string;
  onChange: (id: string) => void;
  extra?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="add-scenario__row">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {extra}
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {optionLabel(n)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a kind of scenario needs the variant to have, said when it is missing. */
const NEEDS: Record<ScenarioRequest['kind'], string> = {
  'zone-outage': 'This variant has no zones.',
  'region-outage': 'This variant has no regions.',
  partition: 'A partition needs two regions.',
  'traffic-shift': 'A traffic shift needs two regions.',
  'component-failure': 'This variant has no components.',
  corruption: 'This variant has no datastores.',
};

const OTHERS = '';

/**
 * The form of Add scenario: a kind, then pickers for what it names (a zone; a region; two
 * regions; from and to regions and a share; a component; a datastore), the name it will get, and
 * Add (one undo step). A scenario that does what another already does is not added twice.
 */
function AddScenarioForm({
  id,
  document,
  variant,
  onDone,
}: {
  id: string;
  document: NinesDocument;
  variant: Variant;
  onDone: () => void;
}) {
  const store = usePlannerStore();
  const kindId = useId();
  const shareId = useId();
  const ofKind = (...kinds: ModelNode['kind'][]) =>
    variant.nodes.filter((n) => kinds.includes(n.kind));
  const zones = ofKind('zone');
  const regions = ofKind('region');
  const components = variant.nodes.filter((n) => n.kind !== 'region' && n.kind !== 'zone');
  const datastores = ofKind('datastore');
  const [kind, setKind] = useState<ScenarioRequest['kind']>(
    regions.length > 0 ? 'region-outage' : 'component-failure',
  );
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [shareText, setShareText] = useState('100');
  const pick = (slot: string, list: readonly ModelNode[], fallback = 0) =>
    picked[slot] !== undefined &&
    (picked[slot] === OTHERS || list.some((n) => n.id === picked[slot]))
      ? (picked[slot] as string)
      : (list[fallback]?.id ?? list[0]?.id ?? '');
  const setSlot = (slot: string) => (value: string) => setPicked({ ...picked, [slot]: value });

  const share = fromInputText(shareText, 'probability');
  const shareValue = share.ok && typeof share.value === 'number' ? share.value : undefined;
  const request = ((): ScenarioRequest | undefined => {
    switch (kind) {
      case 'zone-outage':
        return zones.length > 0 ? { kind, zone: pick('zone', zones) } : undefined;
      case 'region-outage':
        return regions.length > 0 ? { kind, region: pick('region', regions) } : undefined;
      case 'partition': {
        const a = pick('a', regions);
        const b = pick('b', regions, 1);
        return regions.length > 1 && a !== b ? { kind, regions: [a, b] } : undefined;
      }
      case 'traffic-shift': {
        const from = pick('from', regions);
        const to = picked.to === OTHERS ? undefined : pick('to', regions, 1);
        if (regions.length < 2 || from === to || shareValue === undefined || shareValue <= 0) {
          return undefined;
        }
        return { kind, from, ...(to === undefined ? {} : { to }), share: shareValue };
      }
      case 'component-failure':
        return components.length > 0
          ? { kind, component: pick('component', components) }
          : undefined;
      case 'corruption':
        return datastores.length > 0
          ? { kind, datastore: pick('datastore', datastores) }
          : undefined;
    }
  })();
  const scenario = request ? scenarioFor(document, request) : undefined;
  const same = scenario ? equivalentScenario(document, scenario) : undefined;
  const problem = (() => {
    if (scenario) return same ? `Already a scenario: ${same.name}.` : null;
    if (kind === 'partition' && regions.length > 1) return 'Choose two different regions.';
    if (kind === 'traffic-shift' && regions.length > 1) {
      return shareValue === undefined || shareValue <= 0
        ? 'The share must be more than 0 and at most 100 %.'
        : 'Choose two different regions.';
    }
    return NEEDS[kind];
  })();
  const add = () => {
    if (!request || same) return;
    const name = scenarioFor(document, request).name;
    store.getState().commit(`Add scenario ${name}`, (doc) => ({
      ...doc,
      scenarios: [...(doc.scenarios ?? []), scenarioFor(doc, request)],
    }));
    onDone();
  };

  return (
    <form
      id={id}
      className="add-scenario"
      aria-label="Add a scenario"
      data-testid="add-scenario-form"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onDone();
      }}
    >
      <div className="add-scenario__row">
        <label htmlFor={kindId}>Kind</label>
        <select
          id={kindId}
          className="field__input"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as ScenarioRequest['kind'])}
        >
          {SCENARIO_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {kind === 'zone-outage' && zones.length > 0 && (
        <NodeSelect
          label="Zone"
          nodes={zones}
          value={pick('zone', zones)}
          onChange={setSlot('zone')}
        />
      )}
      {kind === 'region-outage' && regions.length > 0 && (
        <NodeSelect
          label="Region"
          nodes={regions}
          value={pick('region', regions)}
          onChange={setSlot('region')}
        />
      )}
      {kind === 'partition' && regions.length > 1 && (
        <>
          <NodeSelect
            label="Between"
            nodes={regions}
            value={pick('a', regions)}
            onChange={setSlot('a')}
          />
          <NodeSelect
            label="and"
            nodes={regions}
            value={pick('b', regions, 1)}
            onChange={setSlot('b')}
          />
        </>
      )}
      {kind === 'traffic-shift' && regions.length > 1 && (
        <>
          <NodeSelect
            label="From"
            nodes={regions}
            value={pick('from', regions)}
            onChange={setSlot('from')}
          />
          <NodeSelect
            label="To"
            nodes={regions}
            value={picked.to === OTHERS ? OTHERS : pick('to', regions, 1)}
            onChange={setSlot('to')}
            extra={<option value={OTHERS}>the other regions</option>}
          />
          <div className="add-scenario__row">
            <label htmlFor={shareId}>Share</label>
            <span className="add-scenario__share">
              <input
                id={shareId}
                className="field__input num"
                inputMode="decimal"
                value={shareText}
                aria-invalid={shareValue === undefined || shareValue <= 0}
                onChange={(event) => setShareText(event.currentTarget.value)}
              />
              <span className="field__unit">% of its users</span>
            </span>
          </div>
        </>
      )}
      {kind === 'component-failure' && components.length > 0 && (
        <NodeSelect
          label="Component"
          nodes={components}
          value={pick('component', components)}
          onChange={setSlot('component')}
        />
      )}
      {kind === 'corruption' && datastores.length > 0 && (
        <NodeSelect
          label="Datastore"
          nodes={datastores}
          value={pick('datastore', datastores)}
          onChange={setSlot('datastore')}
        />
      )}
      <p className="add-scenario__preview" role="status" data-testid="add-scenario-preview">
        {problem ?? `Adds “${scenario?.name ?? ''}”.`}
      </p>
      <div className="add-scenario__buttons">
        <button type="button" className="tool" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={problem !== null}>
          Add
        </button>
      </div>
    </form>
  );
}
