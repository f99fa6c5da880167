/**
 * A datastore's promotions across its `replicates` edges: for each peer, how the standby takes
 * over (automatic or manual) and in how long, each editable; left out, the primary's own
 * `autoFailover` and `failoverSeconds` apply, shown as the placeholder with that source.
 */
import { nodeDefault } from '../../../shared/model/defaults';
import { distinctNames } from '../../../shared/model/nodes';
import {
  updatePromotionField,
  type PromotionField,
} from '../../../shared/model/ops/replication-edges';
import type { DatastoreNode, Variant } from '../../../shared/model/types';
import { EditableField } from './EditableField';
import { toInputText } from './field-input';
import { useEdit } from './useEdit';

const SOURCE =
  'Absent: the primary’s own autoFailover and failoverSeconds (defaults applied). Set it when ' +
  'the promotion across this edge differs, e.g. automatic inside a region and promoted by a ' +
  'person across regions (ElastiCache Global Datastore, RDS global databases).';

/** One group per `replicates` edge of `node`. */
export function PromotionFields({ node, variant }: { node: DatastoreNode; variant: Variant }) {
  const names = distinctNames(variant);
  const edges = variant.edges.filter(
    (e) => e.kind === 'replicates' && (e.from === node.id || e.to === node.id),
  );
  if (edges.length === 0) return null;
  const automatic = node.autoFailover ?? true;
  const seconds =
    node.failoverSeconds ?? (nodeDefault('datastore', 'failoverSeconds', node)?.value as number);
  return (
    <div className="field-group" data-testid="promotion">
      <h3 className="field-group__title">Promotion across replication</h3>
      <dl className="fields">
        {edges.map((edge) => {
          const peer = edge.from === node.id ? edge.to : edge.from;
          const label = names.get(peer) ?? peer;
          return [
            <PromotionField
              key={`${peer}-failover`}
              a={edge.from}
              b={edge.to}
              variantId={variant.id}
              field="failover"
              label={`With ${label}`}
              value={edge.failover}
              fallback={automatic ? 'automatic' : 'manual'}
            />,
            <PromotionField
              key={`${peer}-seconds`}
              a={edge.from}
              b={edge.to}
              variantId={variant.id}
              field="failoverSeconds"
              label="Promotion time"
              value={edge.failoverSeconds}
              fallback={toInputText(seconds, 'seconds')}
            />,
          ];
        })}
      </dl>
    </div>
  );
}

function PromotionField({
  a,
  b,
  variantId,
  field,
  label,
  value,
  fallback,
}: {
  a: string;
  b: string;
  variantId: string;
  field: PromotionField;
  label: string;
  value: unknown;
  fallback: string;
}) {
  const edit = useEdit(`Set the promotion between ${a} and ${b}`, (doc, v) =>
    updatePromotionField(doc, variantId, a, b, field, v),
  );
  return (
    <EditableField
      fieldKey={`edge-${a}-${b}-${field}`}
      label={label}
      unit={field === 'failover' ? 'text' : 'seconds'}
      value={value}
      fallback={{ text: fallback, source: SOURCE }}
      check={edit.check}
      commit={edit.commit}
    />
  );
}
