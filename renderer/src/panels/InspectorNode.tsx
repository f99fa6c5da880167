/**
 * The node view of the inspector: a row per field with its unit and default (the price book's
 * values as pickers), a router's kind, then the connections.
 */
import { Fragment, useMemo } from 'react';
import { withDocumentPrices } from '../../../shared/catalog/price-book';
import { nodeDefault } from '../../../shared/model/defaults';
import { updateNodeField } from '../../../shared/model/ops/update-field';
import type { ModelNode, TierNode, Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { KIND_META } from '../canvas/kind-meta';
import { usePlanner, usePlannerStore } from '../store/context';
import { PART_PROVIDERS } from '../../../shared/catalog/price-parts';
import { usePriceBook } from '../hooks/usePriceBook';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import { fieldGroupsFor, type FieldSpec, type FieldUnit } from './field-specs';
import { PromotionFields } from './InspectorPromotion';
import { fieldPicker } from './price-book-options';
import {
  ROUTER_KINDS,
  routerKindHelp,
  routerKindOf,
  setRouterKind,
  type RouterKindChoice,
} from './router-kind';
import { MaintenanceFields } from './InspectorMaintenance';
import { useEdit } from './useEdit';
import './scenarios.css';

export function NodeFields({ node, variant }: { node: ModelNode; variant: Variant }) {
  const meta = KIND_META[node.kind];
  const Icon = meta.icon;
  return (
    <>
      <header className="panel__header inspector__header">
        <span className={`inspector__icon kind-${node.kind}`} aria-hidden>
          <Icon size={16} />
        </span>
        <span className="inspector__title">
          <span className="inspector__name" data-testid="inspector-name">
            {displayName(node)}
          </span>
          <span className="inspector__meta">
            {meta.label} · <code>{node.id}</code>
          </span>
        </span>
      </header>
      {fieldGroupsFor(node.kind).map((group, i) =>
        group.title === 'Planned maintenance' && isTier(node) ? (
          <MaintenanceFields key={group.title} node={node} variant={variant} />
        ) : (
          <Fragment key={group.title}>
            <div className="field-group">
              <h3 className="field-group__title">{group.title}</h3>
              <dl className="fields">
                {group.title === 'Routing' && <RouterKindField node={node} variant={variant} />}
                {group.fields
                  .filter((field) => isShown(node, field.key))
                  .map((field) => (
                    <FieldRow key={field.key} node={node} field={field} variant={variant} />
                  ))}
              </dl>
            </div>
            {i === 0 && <Connections node={node} variant={variant} />}
            {group.title === 'Data' && node.kind === 'datastore' && (
              <PromotionFields node={node} variant={variant} />
            )}
          </Fragment>
        ),
      )}
    </>
  );
}

function FieldRow({
  node,
  field,
  variant,
}: {
  node: ModelNode;
  field: FieldSpec;
  variant: Variant;
}) {
  const value = (node as Record<string, unknown>)[field.key];
  const prices = usePlanner((s) => s.document?.catalog?.prices);
  // The pickers offer every provider's instance types: load every part while the inspector shows.
  const bundled = usePriceBook(undefined, PART_PROVIDERS);
  const book = useMemo(() => withDocumentPrices(bundled, prices), [bundled, prices]);
  const picker = useMemo(
    () => fieldPicker(book, variant, node, field.key),
    [book, variant, node, field.key],
  );
  const edit = useEdit(`Set ${field.label.toLowerCase()}`, (document, v) =>
    updateNodeField(document, variant.id, node.id, field.key, v),
  );
  if (field.key === 'parent') {
    const parent = variant.nodes.find((n) => n.id === node.parent);
    return (
      <div className={`field is-${parent ? 'set' : 'unset'}`} data-field="parent">
        <dt>{field.label}</dt>
        <dd
          title={
            parent
              ? `${KIND_META[parent.kind].label} ${parent.id}. Drag the node to move it.`
              : 'Outside every region: its own figure covers its redundancy.'
          }
        >
          <span className="field__value">{parent ? displayName(parent) : 'global'}</span>
        </dd>
      </div>
    );
  }
  let fallback: { text: string; source?: string } | undefined;
  if (field.key === 'availability' && value === undefined && hasMtbf(node)) {
    fallback = { text: 'from MTBF and MTTR' };
  } else {
    const given = nodeDefault(node.kind, field.key, node);
    if (given) fallback = { text: placeholderOf(given.value, field.unit), source: given.source };
  }
  return (
    <EditableField
      fieldKey={field.key}
      label={field.label}
      unit={field.unit}
      value={value}
      {...(fallback ? { fallback } : {})}
      check={edit.check}
      commit={edit.commit}
      {...(picker ? { picker } : {})}
    />
  );
}

/** True for the kinds that are k-of-n tiers (and may have planned maintenance). */
function isTier(node: ModelNode): node is TierNode {
  return node.kind === 'service' || node.kind === 'datastore' || node.kind === 'queue';
}

/** A router's fields for running as instances of its own (a self-managed pair). */
const ROUTER_INSTANCE_FIELDS: ReadonlySet<string> = new Set([
  'instances',
  'minHealthy',
  'failoverSeconds',
]);

/**
 * Whether a field's row is shown: a router's DNS TTL only for a DNS router (or one whose file
 * gives a TTL anyway), since the router's kind sets it; a router's instances, needed count and
 * address failover only for a router placed in a region or zone (a global one is refused them).
 */
function isShown(node: ModelNode, key: string): boolean {
  if (node.kind !== 'router') return true;
  if (ROUTER_INSTANCE_FIELDS.has(key)) {
    return node.parent !== undefined || (node as Record<string, unknown>)[key] !== undefined;
  }
  if (key !== 'dnsTtlSeconds') return true;
  return routerKindOf(node) === 'dns' || (node.dnsTtlSeconds ?? 0) > 0;
}

/**
 * A router's kind as one choice: DNS, a global load balancer, or a regional load balancer in one
 * of the variant's regions (or the zone it sits in). The choice sets the DNS TTL and moves the
 * router (one undo step); the kind is read back from those fields (router-kind.ts).
 */
function RouterKindField({ node, variant }: { node: ModelNode; variant: Variant }) {
  const store = usePlannerStore();
  if (node.kind !== 'router') return null;
  const kind = routerKindOf(node);
  const containers = variant.nodes.filter(
    (n) => n.kind === 'region' || (n.kind === 'zone' && n.id === node.parent),
  );
  const value = kind === 'regional-lb' ? `regional:${node.parent ?? ''}` : kind;
  const choose = (choice: string) => {
    const parsed: RouterKindChoice = choice.startsWith('regional:')
      ? { kind: 'regional-lb', container: choice.slice('regional:'.length) }
      : { kind: choice === 'dns' ? 'dns' : 'global-lb' };
    store
      .getState()
      .commitEdit(
        `Make ${displayName(node)} a ${ROUTER_KINDS[parsed.kind].label.toLowerCase()}`,
        (doc) => setRouterKind(doc, variant.id, node.id, parsed),
      );
  };
  return (
    <div className="field is-set" data-field="routerKind">
      <dt>
        <label htmlFor="field-routerKind">Kind</label>
      </dt>
      <dd>
        <span className="field__control">
          <select
            id="field-routerKind"
            className="field__input"
            value={value}
            aria-describedby="router-kind-help"
            onChange={(event) => choose(event.currentTarget.value)}
          >
            <option value="dns">{ROUTER_KINDS.dns.label}</option>
            <option value="global-lb">{ROUTER_KINDS['global-lb'].label}</option>
            {containers.length > 0 && (
              <optgroup label={ROUTER_KINDS['regional-lb'].label}>
                {containers.map((c) => (
                  <option key={c.id} value={`regional:${c.id}`}>
                    Regional load balancer in {displayName(c)}
                    {c.kind === 'zone' ? ' (zone)' : ''}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </span>
        <p className="router-kind__help" id="router-kind-help">
          {routerKindHelp(node)}
        </p>
      </dd>
    </div>
  );
}

/** A default as the placeholder shows it, in the input's own unit (`99.99` for a percentage). */
function placeholderOf(value: unknown, unit: FieldUnit): string {
  return toInputText(value, unit);
}

/** What the node is joined to by edges: its dependencies, its consumers, its replicas. */
function Connections({ node, variant }: { node: ModelNode; variant: Variant }) {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const names = (ids: string[]) =>
    ids.map((id) => displayName(byId.get(id) ?? { id, kind: 'service' }));
  const out = (kind: string) =>
    variant.edges.filter((e) => e.kind === kind && e.from === node.id).map((e) => e.to);
  const into = (kind: string) =>
    variant.edges.filter((e) => e.kind === kind && e.to === node.id).map((e) => e.from);
  const rows: [string, string, string[]][] = [
    ['dependsOn', 'Depends on', out('depends')],
    ['usedBy', 'Used by', into('depends')],
    ['replicatesWith', 'Replicates with', [...out('replicates'), ...into('replicates')]],
    ['backsUp', 'Backs up', out('backs-up')],
    ['backedUpBy', 'Backed up by', into('backs-up')],
  ];
  const shown = rows.filter(([, , ids]) => ids.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="field-group">
      <h3 className="field-group__title">Connections</h3>
      <dl className="fields">
        {shown.map(([key, label, ids]) => (
          <div className="field is-set" key={key} data-connection={key}>
            <dt>{label}</dt>
            <dd>{names(ids).join(', ')}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** True when the node's own figure comes from MTBF and MTTR (given, or by default). */
function hasMtbf(node: ModelNode): boolean {
  return node.mtbfHours !== undefined || nodeDefault(node.kind, 'mtbfHours') !== undefined;
}
