/**
 * Variants as tabs: duplicate, rename, delete, and choose a variant's entry.
 */
import type { NinesDocument } from '../types';
import { freshId } from './ids';
import type { EditResult } from './validation';
import { canBeEntry, pruneDocumentReferences, variantOf, withVariant } from './variant-utils';

/**
 * Copies variant `variantId` right after it, named "<name> (copy)", with a fresh id
 * (`<id>-copy-1`). Node ids stay the same in the copy, as across the variants of a template, so
 * that scenarios name the same nodes in both.
 */
export function duplicateVariant(
  doc: NinesDocument,
  variantId: string,
): { document: NinesDocument; variantId: string } {
  const source = variantOf(doc, variantId);
  const id = freshId(`${source.id}-copy`, new Set(doc.variants.map((v) => v.id)));
  const name = `${source.name} (copy)`.slice(0, 200);
  const copy = structuredClone({ ...source, id, name });
  const index = doc.variants.indexOf(source);
  const variants = [...doc.variants];
  variants.splice(index + 1, 0, copy);
  return { document: { ...doc, variants }, variantId: id };
}

/** Renames variant `variantId` (1 to 200 characters, trimmed). */
export function renameVariant(doc: NinesDocument, variantId: string, name: string): EditResult {
  const trimmed = name.trim();
  if (trimmed.length === 0) return { ok: false, message: 'a variant needs a name' };
  if (trimmed.length > 200) return { ok: false, message: 'must be at most 200 characters' };
  return { ok: true, document: withVariant(doc, variantId, (v) => ({ ...v, name: trimmed })) };
}

/** Deletes variant `variantId`; the last variant cannot be deleted. */
export function deleteVariant(doc: NinesDocument, variantId: string): EditResult {
  if (doc.variants.length <= 1)
    return { ok: false, message: 'a document keeps at least one variant' };
  variantOf(doc, variantId);
  return {
    ok: true,
    document: pruneDocumentReferences({
      ...doc,
      variants: doc.variants.filter((v) => v.id !== variantId),
    }),
  };
}

/** Makes `nodeId` the entry of variant `variantId` (a component, not a region, zone or backup). */
export function setEntry(doc: NinesDocument, variantId: string, nodeId: string): EditResult {
  const node = variantOf(doc, variantId).nodes.find((n) => n.id === nodeId);
  if (!node) return { ok: false, message: `no node "${nodeId}"` };
  if (!canBeEntry(node)) return { ok: false, message: `a ${node.kind} cannot be the entry` };
  return { ok: true, document: withVariant(doc, variantId, (v) => ({ ...v, entry: nodeId })) };
}
