/**
 * The common causes of the document view: each event's name, MTBF, MTTR and source editable,
 * what it affects as a list of checkboxes, a Remove button; and Add a common cause, which starts
 * from the documented assumption (`GLOBAL_CHANGE_CAUSE`, its source shown).
 */
import { Plus, Trash2 } from 'lucide-react';
import { GLOBAL_CHANGE_CAUSE } from '../../../shared/model/defaults';
import {
  addCommonCause,
  affectableNodes,
  removeCommonCause,
  setCommonCauseAffects,
  updateCommonCauseField,
  type CommonCauseField,
} from '../../../shared/model/ops/common-causes';
import { distinctNames } from '../../../shared/model/nodes';
import type { CommonCause, Variant } from '../../../shared/model/types';
import { usePlannerStore } from '../store/context';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import type { FieldUnit } from './field-specs';
import { useEdit } from './useEdit';
import './common-causes.css';

const CAUSE_ROWS: readonly [CommonCauseField, string, FieldUnit][] = [
  ['name', 'Name', 'text'],
  ['mtbfHours', 'MTBF', 'hours'],
  ['mttrHours', 'MTTR', 'hours'],
  ['source', 'Source', 'text'],
];

/** Every common cause of the variant, then the button that adds one. */
export function CommonCauses({ variant }: { variant: Variant }) {
  const store = usePlannerStore();
  return (
    <div className="field-group" data-testid="common-causes">
      <h3 className="field-group__title">Common causes</h3>
      <p className="inspector__hint">
        Events that fail several parts at once (a global deploy, an expired certificate, a shared
        control plane). Each is one event of the analysis, named in cut sets and importance.
      </p>
      {(variant.commonCause ?? []).map((cause) => (
        <CauseFields key={cause.id} cause={cause} variant={variant} />
      ))}
      <button
        type="button"
        className="tool"
        data-testid="add-common-cause"
        onClick={() =>
          store
            .getState()
            .commitEdit('Add a common cause', (doc) => addCommonCause(doc, variant.id))
        }
      >
        <Plus size={13} aria-hidden /> Add a common cause
      </button>
    </div>
  );
}

function CauseFields({ cause, variant }: { cause: CommonCause; variant: Variant }) {
  const store = usePlannerStore();
  const candidates = affectableNodes(variant);
  // Two nodes of one name (a tier in every region) are told apart by their region.
  const names = distinctNames(variant);
  return (
    <section className="common-cause" data-cause={cause.id} aria-label={cause.name}>
      <dl className="fields">
        {CAUSE_ROWS.map(([field, label, unit]) => (
          <CauseField
            key={field}
            cause={cause}
            variantId={variant.id}
            field={field}
            label={label}
            unit={unit}
          />
        ))}
      </dl>
      <fieldset className="common-cause__affects">
        <legend>Affects</legend>
        {candidates.map((n) => (
          <label key={n.id} className="common-cause__node">
            <input
              type="checkbox"
              checked={cause.affects.includes(n.id)}
              onChange={(event) => {
                const affected = event.currentTarget.checked;
                store
                  .getState()
                  .commitEdit(`Set what ${cause.name} affects`, (doc) =>
                    setCommonCauseAffects(doc, variant.id, cause.id, n.id, affected),
                  );
              }}
            />
            {names.get(n.id) ?? n.id}
            {n.kind === 'region' ? ' (everything in it)' : ''}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="tool"
        aria-label={`Remove the common cause ${cause.name}`}
        onClick={() =>
          store
            .getState()
            .commit(`Remove the common cause ${cause.name}`, (doc) =>
              removeCommonCause(doc, variant.id, cause.id),
            )
        }
      >
        <Trash2 size={13} aria-hidden /> Remove
      </button>
    </section>
  );
}

function CauseField({
  cause,
  variantId,
  field,
  label,
  unit,
}: {
  cause: CommonCause;
  variantId: string;
  field: CommonCauseField;
  label: string;
  unit: FieldUnit;
}) {
  const edit = useEdit(`Set the ${label.toLowerCase()} of ${cause.name}`, (doc, value) =>
    updateCommonCauseField(doc, variantId, cause.id, field, value),
  );
  // No default applies to a cause: the figures a new one starts with are shown with their source.
  const assumed =
    field === 'mtbfHours' || field === 'mttrHours' ? GLOBAL_CHANGE_CAUSE[field] : undefined;
  return (
    <EditableField
      fieldKey={`cause-${cause.id}-${field}`}
      label={label}
      unit={unit}
      value={cause[field]}
      {...(assumed
        ? { fallback: { text: toInputText(assumed.value, unit), source: assumed.source } }
        : {})}
      check={edit.check}
      commit={edit.commit}
    />
  );
}
