/** The document view of the inspector: names, entry, targets, workload, each region's traffic share, the region links and the common causes. */
import { OPERATIONS_DEFAULTS, TARGET_DEFAULTS } from '../../../shared/model/defaults';
import { setTrafficShare } from '../../../shared/model/ops/traffic';
import {
  renameDocument,
  updateDocumentField,
  type DocumentSection,
} from '../../../shared/model/ops/update-field';
import { renameVariant, setEntry } from '../../../shared/model/ops/variants';
import { regionTrafficShares } from '../../../shared/model/traffic';
import type { NinesDocument, Variant } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { usePlannerStore } from '../store/context';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import { type FieldUnit } from './field-specs';
import { useEdit } from './useEdit';
import { CommonCauses } from './InspectorCommonCauses';
import { RegionLinks } from './InspectorLinks';

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
        ? { fallback: { text: toInputText(given.value, unit), source: given.source } }
        : {})}
      check={edit.check}
      commit={edit.commit}
    />
  );
}

export function VariantSummary({
  variant,
  document,
}: {
  variant: Variant;
  document: NinesDocument;
}) {
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
      <RegionLinks variant={variant} />
      <CommonCauses variant={variant} />
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
