/**
 * A tier's planned maintenance (`maintenance`: docs/model.md "Planned maintenance"): the window's
 * length, how many a year, and whether it rolls one instance at a time. The window is edited as
 * a time in hours (`4`, or `30 min`) and stored in minutes; clearing it removes the maintenance. A new maintenance
 * starts at twelve windows a year, shown in its field, for the user to set from their calendar.
 */
import { MAINTENANCE_DEFAULTS } from '../../../shared/model/defaults';
import { updateNodeField } from '../../../shared/model/ops/update-field';
import type { Maintenance, TierNode, Variant } from '../../../shared/model/types';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import type { FieldUnit } from './field-specs';
import { useEdit } from './useEdit';

/** Windows a year a new maintenance starts with: monthly. */
const FIRST_PER_YEAR = 12;

const WINDOW_SOURCE =
  'No maintenance unless stated. A window takes the whole node out, or one instance at a time ' +
  'when it rolls; windows are taken as independent of failures (docs/availability.md).';
const PER_YEAR_SOURCE =
  'Set from your maintenance calendar: 52 for a weekly window (Amazon RDS and ElastiCache ' +
  'schedule a weekly 30-minute-or-longer window), 12 for a monthly patch.';

type MaintenanceKey = keyof Maintenance;

/** The maintenance rows of a tier. */
export function MaintenanceFields({ node, variant }: { node: TierNode; variant: Variant }) {
  const m = node.maintenance;
  return (
    <div className="field-group" data-testid="maintenance">
      <h3 className="field-group__title">Planned maintenance</h3>
      <dl className="fields">
        <MaintenanceField
          node={node}
          variant={variant}
          field="windowMinutes"
          label="Window"
          unit="hours"
          value={m === undefined ? undefined : m.windowMinutes / 60}
          fallback={{ text: 'none', source: WINDOW_SOURCE }}
        />
        {m !== undefined && (
          <>
            <MaintenanceField
              node={node}
              variant={variant}
              field="perYear"
              label="Windows a year"
              unit="count"
              value={m.perYear}
              fallback={{ text: String(FIRST_PER_YEAR), source: PER_YEAR_SOURCE }}
            />
            <MaintenanceField
              node={node}
              variant={variant}
              field="rolling"
              label="One instance at a time"
              unit="boolean"
              value={m.rolling}
              fallback={{
                text: toInputText(MAINTENANCE_DEFAULTS.rolling?.value, 'boolean'),
                source: MAINTENANCE_DEFAULTS.rolling?.source as string,
              }}
            />
          </>
        )}
      </dl>
    </div>
  );
}

/** The maintenance `node` has after setting `field` to `value` (undefined: none left). */
function nextMaintenance(
  node: TierNode,
  field: MaintenanceKey,
  value: unknown,
): Maintenance | undefined {
  const current = node.maintenance;
  if (field === 'windowMinutes') {
    if (value === undefined) return undefined;
    const minutes = typeof value === 'number' ? value * 60 : value;
    return { perYear: FIRST_PER_YEAR, ...current, windowMinutes: minutes as number };
  }
  if (!current) return undefined;
  const next: Record<string, unknown> = { ...current };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next as Maintenance;
}

function MaintenanceField({
  node,
  variant,
  field,
  label,
  unit,
  value,
  fallback,
}: {
  node: TierNode;
  variant: Variant;
  field: MaintenanceKey;
  label: string;
  unit: FieldUnit;
  value: unknown;
  fallback: { text: string; source: string };
}) {
  const edit = useEdit(`Set the maintenance ${label.toLowerCase()}`, (doc, v) =>
    updateNodeField(doc, variant.id, node.id, 'maintenance', nextMaintenance(node, field, v)),
  );
  return (
    <EditableField
      fieldKey={`maintenance-${field}`}
      label={label}
      unit={unit}
      value={value}
      fallback={fallback}
      check={edit.check}
      commit={edit.commit}
    />
  );
}
