import { Fragment } from 'react';
import { LINK_DEFAULTS, nodeDefault } from '../../../shared/model/defaults';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { KIND_META } from '../canvas/kind-meta';
import { usePlanner } from '../store/context';
import { selectActiveVariant, selectSelectedNode } from '../store/selectors';
import { fieldGroupsFor, type FieldSpec } from './field-specs';
import { formatFieldValue } from './format-field';

/**
 * The selected node's fields, each with its unit; a field the file leaves out shows its
 * documented default, marked as such, with the default's source on hover. With nothing
 * selected, a summary of the variant. Read-only until the editor arrives.
 */
export function Inspector() {
  const node = usePlanner(selectSelectedNode);
  const variant = usePlanner(selectActiveVariant);
  if (!variant) return null;
  return (
    <section className="panel inspector" data-testid="inspector" aria-label="Inspector">
      {node ? <NodeFields node={node} variant={variant} /> : <VariantSummary variant={variant} />}
    </section>
  );
}

function NodeFields({ node, variant }: { node: ModelNode; variant: Variant }) {
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
      {fieldGroupsFor(node.kind).map((group, i) => (
        <Fragment key={group.title}>
          <div className="field-group">
            <h3 className="field-group__title">{group.title}</h3>
            <dl className="fields">
              {group.fields.map((field) => (
                <FieldRow key={field.key} node={node} field={field} variant={variant} />
              ))}
            </dl>
          </div>
          {i === 0 && <Connections node={node} variant={variant} />}
        </Fragment>
      ))}
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
  let shown: string;
  let state: 'set' | 'default' | 'unset';
  let title: string | undefined;
  if (field.key === 'parent') {
    const parent = variant.nodes.find((n) => n.id === node.parent);
    shown = parent ? displayName(parent) : 'global';
    state = parent ? 'set' : 'unset';
    title = parent
      ? `${KIND_META[parent.kind].label} ${parent.id}`
      : 'Outside every region: its own figure covers its redundancy.';
  } else if (field.key === 'availability' && value === undefined && hasMtbf(node)) {
    shown = 'from MTBF and MTTR';
    state = 'unset';
  } else if (value !== undefined) {
    shown = formatFieldValue(value, field.unit);
    state = 'set';
  } else {
    const fallback = nodeDefault(node.kind, field.key);
    shown = fallback ? formatFieldValue(fallback.value, field.unit) : 'not set';
    state = fallback ? 'default' : 'unset';
    title = fallback ? `Default. ${fallback.source}` : undefined;
  }
  return (
    <div className={`field is-${state}`} data-field={field.key}>
      <dt>{field.label}</dt>
      <dd title={title}>
        <span className="field__value">{shown}</span>
        {state === 'default' && <span className="field__badge">default</span>}
      </dd>
    </div>
  );
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

function VariantSummary({ variant }: { variant: Variant }) {
  const count = (kinds: readonly string[]) =>
    variant.nodes.filter((n) => kinds.includes(n.kind)).length;
  const entry = variant.nodes.find((n) => n.id === variant.entry);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  return (
    <>
      <header className="panel__header inspector__header">
        <span className="inspector__title">
          <span className="inspector__name">{variant.name}</span>
          <span className="inspector__meta">
            Variant · <code>{variant.id}</code>
          </span>
        </span>
      </header>
      {variant.description && <p className="inspector__description">{variant.description}</p>}
      <dl className="fields">
        <div className="field is-set">
          <dt>Entry</dt>
          <dd>{entry ? displayName(entry) : variant.entry}</dd>
        </div>
        <div className="field is-set">
          <dt>Regions · zones</dt>
          <dd>
            {count(['region'])} · {count(['zone'])}
          </dd>
        </div>
        <div className="field is-set">
          <dt>Components</dt>
          <dd>{variant.nodes.length - count(['region', 'zone'])}</dd>
        </div>
      </dl>
      {(variant.links ?? []).length > 0 && (
        <div className="field-group">
          <h3 className="field-group__title">Links between regions</h3>
          <table className="data-table">
            <thead>
              <tr>
                <th>Regions</th>
                <th>RTT</th>
                <th>Bandwidth</th>
              </tr>
            </thead>
            <tbody>
              {(variant.links ?? []).map((link) => (
                <tr key={`${link.a}|${link.b}`}>
                  <td>
                    {displayName(byId.get(link.a) ?? { id: link.a, kind: 'region' })} ↔{' '}
                    {displayName(byId.get(link.b) ?? { id: link.b, kind: 'region' })}
                  </td>
                  <LinkCell value={link.rttMs} field="rttMs" unit="ms" />
                  <LinkCell value={link.bandwidthMbps} field="bandwidthMbps" unit="mbps" />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="inspector__hint">Select a region, zone or component to see its fields.</p>
    </>
  );
}

/** A link figure; an absent one shows its documented default, marked, with the source. */
function LinkCell({
  value,
  field,
  unit,
}: {
  value: number | undefined;
  field: string;
  unit: 'ms' | 'mbps';
}) {
  const fallback = LINK_DEFAULTS[field];
  if (value !== undefined || !fallback) {
    return <td className="num">{value === undefined ? '—' : formatFieldValue(value, unit)}</td>;
  }
  return (
    <td className="num is-default" title={`Default. ${fallback.source}`}>
      {formatFieldValue(fallback.value, unit)}
    </td>
  );
}
