/**
 * The Scenarios section's controls: remove a scenario, add one through pickers (what it names
 * is chosen from the active variant's zones, regions, components and common causes, never typed), and add the
 * standard drills a document lacks. Each is one undo step.
 */
import { ListPlus, Plus, Trash2 } from 'lucide-react';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
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
  // The form and a spent Add standard drills leave the focus on Add scenario, never on the page.
  const addButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  // Once per document, not on each render (opening the form, results arriving after a drop):
  // tens of ms each for 33 regions, and a drop's profile showed four renders in a second.
  const drills = useMemo(() => standardDrills(document), [document]);
  return (
    <>
      <div className="scenario-actions">
        <button
          ref={addButton}
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
          onClick={() => {
            store.getState().commit(`Add ${drills.length} standard drills`, (doc) => ({
              ...doc,
              scenarios: [...(doc.scenarios ?? []), ...standardDrills(doc)],
            }));
            addButton.current?.focus();
          }}
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
          onDone={() => {
            setAdding(false);
            addButton.current?.focus();
          }}
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

/** One thing a picker lists: a node of the variant, or one of its common causes. */
interface Choice {
  readonly id: string;
  readonly label: string;
}

/** One labelled picker of the form: a native select of the variant's nodes (or causes). */
function NodeSelect({
  label,
  nodes,
  value,
  onChange,
  extra,
}: {
  label: string;
  nodes: readonly Choice[];
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
            {n.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type Kind = ScenarioRequest['kind'];

/** The variant's nodes (or common causes) a picker lists. */
type NodeSet = 'zones' | 'regions' | 'components' | 'datastores' | 'causes';

/** One thing a kind names, chosen with one picker. */
interface Slot {
  readonly key: string;
  readonly label: string;
  readonly set: NodeSet;
  /** The node it starts on (the second region for the other end of a pair); 0 unless told. */
  readonly start?: number;
  /** Also offers "the other regions" (a shift's destination). */
  readonly others?: boolean;
}

/** What each kind names. */
const SLOTS: Readonly<Record<Kind, readonly Slot[]>> = {
  'zone-outage': [{ key: 'zone', label: 'Zone', set: 'zones' }],
  'region-outage': [{ key: 'region', label: 'Region', set: 'regions' }],
  partition: [
    { key: 'a', label: 'Between', set: 'regions' },
    { key: 'b', label: 'and', set: 'regions', start: 1 },
  ],
  'traffic-shift': [
    { key: 'from', label: 'From', set: 'regions' },
    { key: 'to', label: 'To', set: 'regions', start: 1, others: true },
  ],
  'component-failure': [{ key: 'component', label: 'Component', set: 'components' }],
  corruption: [{ key: 'datastore', label: 'Datastore', set: 'datastores' }],
  'common-cause': [{ key: 'cause', label: 'Cause', set: 'causes' }],
};

/** What a kind needs the variant to have, said when it is missing. */
const NEEDS: Readonly<Record<Kind, string>> = {
  'zone-outage': 'This variant has no zones.',
  'region-outage': 'This variant has no regions.',
  partition: 'A partition needs two regions.',
  'traffic-shift': 'A traffic shift needs two regions.',
  'component-failure': 'This variant has no components.',
  corruption: 'This variant has no datastores.',
  'common-cause': 'This variant has no common-cause events (add one in the document inspector).',
};

/** The value of "the other regions" in a shift's destination. */
const OTHERS = '';

/** The request of `kind` for the chosen ids (`share` for a shift), or why there is none. */
function requestFor(
  kind: Kind,
  ids: Readonly<Record<string, string>>,
  share: number | undefined,
): ScenarioRequest | string {
  const id = (key: string) => ids[key] ?? '';
  switch (kind) {
    case 'zone-outage':
      return { kind, zone: id('zone') };
    case 'region-outage':
      return { kind, region: id('region') };
    case 'component-failure':
      return { kind, component: id('component') };
    case 'corruption':
      return { kind, datastore: id('datastore') };
    case 'common-cause':
      return { kind, cause: id('cause') };
    case 'partition':
      return id('a') === id('b')
        ? 'Choose two different regions.'
        : { kind, regions: [id('a'), id('b')] };
    case 'traffic-shift': {
      if (share === undefined || share <= 0)
        return 'The share must be more than 0 and at most 100 %.';
      if (id('from') === id('to')) return 'Choose two different regions.';
      const to = id('to') === OTHERS ? {} : { to: id('to') };
      return { kind, from: id('from'), ...to, share };
    }
  }
}

/**
 * The form of Add scenario: a kind, then pickers for what it names (a zone; a region; two
 * regions; from and to regions and a share; a component; a datastore; a common cause), the name it will get, and
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
  const choices = (keep: (n: ModelNode) => boolean): Choice[] =>
    variant.nodes.filter(keep).map((n) => ({ id: n.id, label: optionLabel(n) }));
  const sets: Record<NodeSet, Choice[]> = {
    zones: choices((n) => n.kind === 'zone'),
    regions: choices((n) => n.kind === 'region'),
    components: choices((n) => n.kind !== 'region' && n.kind !== 'zone'),
    datastores: choices((n) => n.kind === 'datastore'),
    causes: (variant.commonCause ?? []).map((c) => ({ id: c.id, label: c.name })),
  };
  const [kind, setKind] = useState<Kind>(
    sets.regions.length > 0 ? 'region-outage' : 'component-failure',
  );
  const [picked, setPicked] = useState<Record<string, string>>({});
  const [shareText, setShareText] = useState('100');
  const slots = SLOTS[kind];
  /** A slot's choice: what was picked while it is still there, else its starting node. */
  const valueOf = (slot: Slot): string => {
    const list = sets[slot.set];
    const chosen = picked[slot.key];
    const isThere =
      chosen !== undefined &&
      ((slot.others === true && chosen === OTHERS) || list.some((n) => n.id === chosen));
    return isThere ? chosen : (list[slot.start ?? 0]?.id ?? '');
  };
  const share = fromInputText(shareText, 'probability');
  const shareValue = share.ok && typeof share.value === 'number' ? share.value : undefined;
  const isPossible = slots.every((slot) => sets[slot.set].length > (slot.start ?? 0));
  const request = isPossible
    ? requestFor(kind, Object.fromEntries(slots.map((s) => [s.key, valueOf(s)])), shareValue)
    : NEEDS[kind];
  const scenario = typeof request === 'string' ? undefined : scenarioFor(document, request);
  const same = scenario ? equivalentScenario(document, scenario) : undefined;
  const problem =
    typeof request === 'string' ? request : same ? `Already a scenario: ${same.name}.` : null;
  const add = () => {
    if (typeof request === 'string' || same) return;
    store.getState().commit(`Add scenario ${scenario?.name ?? ''}`, (doc) => ({
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
          onChange={(event) => setKind(event.currentTarget.value as Kind)}
        >
          {SCENARIO_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {isPossible &&
        slots.map((slot) => (
          <NodeSelect
            key={`${kind}-${slot.key}`}
            label={slot.label}
            nodes={sets[slot.set]}
            value={valueOf(slot)}
            onChange={(value) => setPicked({ ...picked, [slot.key]: value })}
            extra={slot.others ? <option value={OTHERS}>the other regions</option> : undefined}
          />
        ))}
      {isPossible && kind === 'traffic-shift' && (
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
