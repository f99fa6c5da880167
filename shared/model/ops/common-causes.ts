/**
 * Editing a variant's common-cause events (`variant.commonCause`, docs/model.md "Common
 * causes"): add one, set one field, choose what it affects, remove it. Each edit is checked by the
 * schema of its field and by the invariants; a refused value leaves the document as it was.
 */
import { GLOBAL_CHANGE_CAUSE } from '../defaults';
import { commonCauseSchema } from '../../schema/nines-v1';
import type { CommonCause, ModelNode, NinesDocument, Variant } from '../types';
import { freshId } from './ids';
import { acceptIfSound, type EditResult } from './validation';
import { pruneDocumentReferences, variantOf, withVariant } from './variant-utils';

/** The fields of a common cause a person edits one at a time. */
export type CommonCauseField = 'name' | 'mtbfHours' | 'mttrHours' | 'source';

/** Kinds a common cause may affect (invariants.ts refuses zones and backups). */
const AFFECTABLE = new Set([
  'region',
  'router',
  'service',
  'datastore',
  'queue',
  'objectStore',
  'external',
]);

/** The nodes of `variant` a common cause may affect, in file order. */
export function affectableNodes(variant: Variant): ModelNode[] {
  return variant.nodes.filter((n) => AFFECTABLE.has(n.kind));
}

/**
 * Adds a "global deploy or configuration change" to variant `variantId` with the assumed figures
 * of `GLOBAL_CHANGE_CAUSE` (their source kept in the cause), affecting every service of the
 * variant (else every node it may affect). Refused when the variant has nothing to affect.
 */
export function addCommonCause(doc: NinesDocument, variantId: string): EditResult {
  const variant = variantOf(doc, variantId);
  const services = variant.nodes.filter((n) => n.kind === 'service').map((n) => n.id);
  const affects = services.length > 0 ? services : affectableNodes(variant).map((n) => n.id);
  if (affects.length === 0) {
    return { ok: false, message: 'add a component first: a common cause must affect something' };
  }
  const used = new Set((variant.commonCause ?? []).map((c) => c.id));
  const cause: CommonCause = {
    id: freshId('global-change', used),
    name: GLOBAL_CHANGE_CAUSE.name,
    mtbfHours: GLOBAL_CHANGE_CAUSE.mtbfHours.value as number,
    mttrHours: GLOBAL_CHANGE_CAUSE.mttrHours.value as number,
    affects,
    source: GLOBAL_CHANGE_CAUSE.mtbfHours.source,
  };
  const next = withVariant(doc, variantId, (v) => ({
    ...v,
    commonCause: [...(v.commonCause ?? []), cause],
  }));
  return acceptIfSound(doc, next);
}

function withCause(
  doc: NinesDocument,
  variantId: string,
  causeId: string,
  update: (cause: CommonCause) => CommonCause,
): EditResult {
  const variant = variantOf(doc, variantId);
  if (!(variant.commonCause ?? []).some((c) => c.id === causeId)) {
    return { ok: false, message: `no common cause "${causeId}"` };
  }
  const next = withVariant(doc, variantId, (v) => ({
    ...v,
    commonCause: (v.commonCause ?? []).map((c) => (c.id === causeId ? update(c) : c)),
  }));
  return acceptIfSound(doc, next);
}

/**
 * Sets `field` of common cause `causeId`; undefined removes `source` (the other fields are
 * required, so clearing them is refused).
 */
export function updateCommonCauseField(
  doc: NinesDocument,
  variantId: string,
  causeId: string,
  field: CommonCauseField,
  value: unknown,
): EditResult {
  if (value === undefined) {
    if (field !== 'source')
      return { ok: false, message: 'is required: a common cause has no default' };
    return withCause(doc, variantId, causeId, ({ source: _dropped, ...rest }) => rest);
  }
  const checked = commonCauseSchema.shape[field].safeParse(value);
  if (!checked.success) {
    return { ok: false, message: checked.error.issues[0]?.message ?? 'is not valid' };
  }
  return withCause(doc, variantId, causeId, (c) => ({ ...c, [field]: checked.data }));
}

/** Makes common cause `causeId` affect node `nodeId` or not; it must keep affecting one node. */
export function setCommonCauseAffects(
  doc: NinesDocument,
  variantId: string,
  causeId: string,
  nodeId: string,
  affected: boolean,
): EditResult {
  const cause = (variantOf(doc, variantId).commonCause ?? []).find((c) => c.id === causeId);
  if (cause && !affected && cause.affects.length === 1 && cause.affects[0] === nodeId) {
    return {
      ok: false,
      message: 'a common cause must affect at least one node: remove it instead',
    };
  }
  return withCause(doc, variantId, causeId, (c) => ({
    ...c,
    affects: affected
      ? [...new Set([...c.affects, nodeId])]
      : c.affects.filter((id) => id !== nodeId),
  }));
}

/** Removes common cause `causeId`, and its name from the scenarios that no variant still has. */
export function removeCommonCause(
  doc: NinesDocument,
  variantId: string,
  causeId: string,
): NinesDocument {
  const next = withVariant(doc, variantId, (v) => {
    const causes = (v.commonCause ?? []).filter((c) => c.id !== causeId);
    const { commonCause: _old, ...rest } = v;
    return causes.length > 0 ? { ...rest, commonCause: causes } : rest;
  });
  return pruneDocumentReferences(next);
}
