import { Fragment } from 'react';
import {
  LINK_DEFAULTS,
  OPERATIONS_DEFAULTS,
  TARGET_DEFAULTS,
  nodeDefault,
} from '../../../shared/model/defaults';
import { findLink, updateLinkField } from '../../../shared/model/ops/links';
import { setTrafficShare } from '../../../shared/model/ops/traffic';
import {
  renameDocument,
  updateDocumentField,
  updateNodeField,
  type DocumentSection,
} from '../../../shared/model/ops/update-field';
import { renameVariant, setEntry } from '../../../shared/model/ops/variants';
import type { EditResult } from '../../../shared/model/ops/validation';
import { regionTrafficShares } from '../../../shared/model/traffic';
import type { ModelNode, NinesDocument, RegionLink, Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { KIND_META } from '../canvas/kind-meta';
import { usePlanner, usePlannerStore } from '../store/context';
import { selectActiveVariant, selectSelectedNode } from '../store/selectors';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import { fieldGroupsFor, type FieldSpec, type FieldUnit } from './field-specs';

type LinkField = Exclude<keyof RegionLink, 'a' | 'b'>;

/**
 * The selected node's fields as inputs, each with its unit; a field the file leaves out shows
 * its documented default as the placeholder, marked as such, with the default's source on hover.
 * With nothing selected, the document's settings: names, entry, targets, workload and traffic
 * shares. Each accepted value is one undo step.
 */
export function Inspector() {
  const node = usePlanner(selectSelectedNode);
  const variant = usePlanner(selectActiveVariant);
  const document = usePlanner((s) => s.document);
  const count = usePlanner((s) => s.selectedNodeIds.length);
  if (!variant || !document) return null;
  return (
    <section className="panel inspector" data-testid="inspector" aria-label="Inspector">
      {node ? (
        <NodeFields key={`${variant.id}/${node.id}`} node={node} variant={variant} />
      ) : count > 1 ? (
        <p className="inspector__hint">
          {count} nodes selected: Delete removes them, Ctrl+C copies them, Ctrl+D duplicates them.
        </p>
      ) : (
        <VariantSummary key={variant.id} variant={variant} document={document} />
      )}
    </section>
  );
}

/** Binds an edit to the store: `check` tries it, `commit` stores it as one undo step. */
function useEdit(label: string, edit: (document: NinesDocument, value: unknown) => EditResult) {
  const store = usePlannerStore();
  return {
    check: (value: unknown): EditResult => {
      const { document } = store.getState();
      return document ? edit(document, value) : { ok: false, message: 'no document' };
    },
    commit: (value: unknown): string | null =>
      store.getState().commitEdit(label, (document) => edit(document, value)),
  };
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
    />
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

const TARGET_FIELDS: readonly [string, string, FieldUnit][] = [
  ['availability', 'Availability', 'probability'],
  ['rtoSeconds', 'RTO', 'seconds'],
  ['rpoSeconds', 'RPO', 'seconds'],
  ['mtdSeconds', 'Max. tolerable downtime', 'seconds'],
  ['impact', 'Impact level', 'text'],
  ['downtimeCostPerHour', 'Downtime cost', 'usdPerHour'],
  ['minServedShare', 'Recovered at (share served)', 'probability'],
];

/** The documented defaults of the document's sections, shown as placeholders with their source. */
const SECTION_DEFAULTS: Partial<Record<DocumentSection, typeof TARGET_DEFAULTS>> = {
  targets: TARGET_DEFAULTS,
  operations: OPERATIONS_DEFAULTS,
};

const OPERATIONS_FIELDS: readonly [string, string, FieldUnit][] = [
  ['decisionSeconds', 'Decision (a person)', 'seconds'],
  ['detectionSeconds', 'Detection of a corruption', 'seconds'],
];

const WORKLOAD_FIELDS: readonly [string, string, FieldUnit][] = [
  ['requestsPerSecond', 'Requests', 'rps'],
  ['writesPerSecond', 'Writes', 'rps'],
  ['avgWriteBytes', 'Average write (bytes)', 'count'],
  ['dataSetGiB', 'Data set', 'gib'],
  ['egressGiBPerMonth', 'Internet egress (GiB / month)', 'count'],
];

/** A titled group of the fields of one section of the document (targets, workload). */
function SectionFields({
  title,
  section,
  fields,
  document,
}: {
  title: string;
  section: DocumentSection;
  fields: readonly [string, string, FieldUnit][];
  document: NinesDocument;
}) {
  return (
    <div className="field-group">
      <h3 className="field-group__title">{title}</h3>
      <dl className="fields">
        {fields.map(([key, label, unit]) => (
          <SectionField
            key={key}
            section={section}
            fieldKey={key}
            label={label}
            unit={unit}
            document={document}
          />
        ))}
      </dl>
    </div>
  );
}

function SectionField({
  section,
  fieldKey,
  label,
  unit,
  document,
}: {
  section: DocumentSection;
  fieldKey: string;
  label: string;
  unit: FieldUnit;
  document: NinesDocument;
}) {
  const edit = useEdit(`Set ${label.toLowerCase()}`, (doc, value) =>
    updateDocumentField(doc, section, fieldKey, value),
  );
  const values = (document[section] ?? {}) as Record<string, unknown>;
  const given = SECTION_DEFAULTS[section]?.[fieldKey];
  return (
    <EditableField
      fieldKey={fieldKey}
      label={label}
      unit={unit}
      value={values[fieldKey]}
      {...(given
        ? { fallback: { text: placeholderOf(given.value, unit), source: given.source } }
        : {})}
      check={edit.check}
      commit={edit.commit}
    />
  );
}

function VariantSummary({ variant, document }: { variant: Variant; document: NinesDocument }) {
  const store = usePlannerStore();
  const count = (kinds: readonly string[]) =>
    variant.nodes.filter((n) => kinds.includes(n.kind)).length;
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const docName = useEdit('Rename the document', (doc, value) =>
    renameDocument(doc, typeof value === 'string' ? value : ''),
  );
  const variantName = useEdit('Rename the variant', (doc, value) =>
    renameVariant(doc, variant.id, typeof value === 'string' ? value : ''),
  );
  const entryCandidates = variant.nodes.filter(
    (n) => n.kind !== 'region' && n.kind !== 'zone' && n.kind !== 'backup',
  );
  const shares = [...regionTrafficShares(document, variant)];
  return (
    <>
      <header className="panel__header inspector__header">
        <span className="inspector__title">
          <span className="inspector__name">{variant.name}</span>
          <span className="inspector__meta">
            Variant · <code>{variant.id}</code> · {count(['region'])} regions · {count(['zone'])}{' '}
            zones · {variant.nodes.length - count(['region', 'zone'])} components
          </span>
        </span>
      </header>
      {variant.description && <p className="inspector__description">{variant.description}</p>}
      <dl className="fields">
        <EditableField
          fieldKey="documentName"
          label="Document"
          unit="text"
          value={document.name}
          check={docName.check}
          commit={docName.commit}
        />
        <EditableField
          fieldKey="variantName"
          label="Variant"
          unit="text"
          value={variant.name}
          check={variantName.check}
          commit={variantName.commit}
        />
        <div className="field is-set" data-field="entry">
          <dt>
            <label htmlFor="field-entry">Entry</label>
          </dt>
          <dd title="The node whose working is the service working">
            <select
              id="field-entry"
              className="field__input"
              value={byId.has(variant.entry) ? variant.entry : ''}
              onChange={(event) => {
                const nodeId = event.currentTarget.value;
                store
                  .getState()
                  .commitEdit('Set the entry', (doc) => setEntry(doc, variant.id, nodeId));
              }}
            >
              {!byId.has(variant.entry) && <option value="">add a component first</option>}
              {entryCandidates.map((n) => (
                <option key={n.id} value={n.id}>
                  {displayName(n)}
                </option>
              ))}
            </select>
          </dd>
        </div>
      </dl>
      <SectionFields title="Targets" section="targets" fields={TARGET_FIELDS} document={document} />
      <SectionFields
        title="Workload"
        section="workload"
        fields={WORKLOAD_FIELDS}
        document={document}
      />
      <SectionFields
        title="People's time"
        section="operations"
        fields={OPERATIONS_FIELDS}
        document={document}
      />
      {shares.length > 0 && (
        <div className="field-group">
          <h3 className="field-group__title">Traffic per region</h3>
          <dl className="fields" aria-label="Traffic per region">
            {shares.map(([region, share]) => (
              <ShareField key={region} region={region} share={share} variant={variant} />
            ))}
          </dl>
        </div>
      )}
      {regionPairs(variant).map(([a, b]) => (
        <LinkFields key={`${a}|${b}`} a={a} b={b} variant={variant} />
      ))}
      <p className="inspector__hint">Select a region, zone or component to see its fields.</p>
    </>
  );
}

/** One region's share of the requests; the other regions keep their proportions of the rest. */
function ShareField({
  region,
  share,
  variant,
}: {
  region: string;
  share: number;
  variant: Variant;
}) {
  const node = variant.nodes.find((n) => n.id === region);
  const edit = useEdit('Set the traffic share', (doc, value) =>
    typeof value === 'number'
      ? setTrafficShare(doc, variant.id, region, value)
      : { ok: false, message: 'must be a share between 0 and 100 %' },
  );
  return (
    <EditableField
      fieldKey={`share-${region}`}
      label={node ? displayName(node) : region}
      unit="probability"
      value={share}
      check={edit.check}
      commit={edit.commit}
    />
  );
}

const LINK_ROWS: readonly [LinkField, string, FieldUnit][] = [
  ['rttMs', 'Round trip', 'ms'],
  ['bandwidthMbps', 'Bandwidth', 'mbps'],
  ['availability', 'Availability', 'probability'],
  ['mtbfHours', 'MTBF', 'hours'],
  ['mttrHours', 'MTTR', 'hours'],
];

/** Every pair of regions of the variant, in node order. */
function regionPairs(variant: Variant): [string, string][] {
  const regions = variant.nodes.filter((n) => n.kind === 'region').map((n) => n.id);
  return regions.flatMap((a, i) => regions.slice(i + 1).map((b): [string, string] => [a, b]));
}

/** The network between two regions: each figure editable, absent ones showing their default. */
function LinkFields({ a, b, variant }: { a: string; b: string; variant: Variant }) {
  const store = usePlannerStore();
  const link = findLink(variant.links, a, b);
  const name = (id: string) => {
    const node = variant.nodes.find((n) => n.id === id);
    return node ? displayName(node) : id;
  };
  const hasMtbf = link?.mtbfHours !== undefined || link?.mttrHours !== undefined;
  return (
    <div className="field-group" data-link={`${a}|${b}`}>
      <h3 className="field-group__title">
        Link {name(a)} ↔ {name(b)}
      </h3>
      <dl className="fields">
        {LINK_ROWS.map(([field, label, unit]) => {
          const fallback =
            field === 'availability'
              ? { text: hasMtbf || link?.availability === undefined ? 'from MTBF and MTTR' : '' }
              : LINK_DEFAULTS[field]
                ? {
                    text: toInputText(LINK_DEFAULTS[field].value, unit),
                    source: LINK_DEFAULTS[field].source,
                  }
                : undefined;
          const edit = (doc: NinesDocument, value: unknown): EditResult =>
            value === undefined || typeof value === 'number'
              ? updateLinkField(doc, variant.id, a, b, field, value)
              : { ok: false, message: 'must be a number' };
          return (
            <EditableField
              key={field}
              fieldKey={`link-${a}-${b}-${field}`}
              label={label}
              unit={unit}
              value={link?.[field]}
              {...(fallback ? { fallback } : {})}
              check={(value) => {
                const { document } = store.getState();
                return document ? edit(document, value) : { ok: false, message: 'no document' };
              }}
              commit={(value) =>
                store
                  .getState()
                  .commitEdit(`Set the link ${label.toLowerCase()}`, (doc) => edit(doc, value))
              }
            />
          );
        })}
      </dl>
    </div>
  );
}
