/**
 * Editing how the standby across a `replicates` edge is promoted: its `failover` (automatic or
 * manual) and `failoverSeconds`, one field at a time; undefined removes the field, so the
 * primary's own settings apply again (docs/model.md "Edges").
 */
import { edgeSchema } from '../../schema/nines-v1';
import type { Edge, NinesDocument } from '../types';
import { acceptIfSound, type EditResult } from './validation';
import { variantOf, withVariant } from './variant-utils';

/** The promotion fields of a `replicates` edge. */
export type PromotionField = 'failover' | 'failoverSeconds';

/** True for the `replicates` edge between `a` and `b`, in either direction. */
function joins(edge: Edge, a: string, b: string): boolean {
  return (
    edge.kind === 'replicates' &&
    ((edge.from === a && edge.to === b) || (edge.from === b && edge.to === a))
  );
}

/** Sets `field` of the `replicates` edge between datastores `a` and `b` of variant `variantId`. */
export function updatePromotionField(
  doc: NinesDocument,
  variantId: string,
  a: string,
  b: string,
  field: PromotionField,
  value: unknown,
): EditResult {
  if (!variantOf(doc, variantId).edges.some((e) => joins(e, a, b))) {
    return { ok: false, message: `no replicates edge between "${a}" and "${b}"` };
  }
  if (value !== undefined) {
    const checked = edgeSchema.shape[field].safeParse(value);
    if (!checked.success) {
      return { ok: false, message: checked.error.issues[0]?.message ?? 'is not valid' };
    }
  }
  const next = withVariant(doc, variantId, (v) => ({
    ...v,
    edges: v.edges.map((e) => {
      if (!joins(e, a, b)) return e;
      const updated: Record<string, unknown> = { ...e };
      if (value === undefined) delete updated[field];
      else updated[field] = value;
      return updated as Edge;
    }),
  }));
  return acceptIfSound(doc, next);
}
