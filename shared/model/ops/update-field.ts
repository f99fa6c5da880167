/**
 * Editing one field of a node, of the targets or of the workload, checked by the schema of that
 * field and by the document's invariants; a refused value leaves the document as it was.
 */
import { nodeSchema, operationsSchema, targetsSchema, workloadSchema } from '../../schema/nines-v1';
import type { ModelNode, NinesDocument } from '../types';
import { acceptIfSound, type EditResult } from './validation';
import { variantOf, withVariant } from './variant-utils';

/** Fields the canvas owns: identity and placement are changed by other operations. */
const NOT_EDITABLE = new Set(['id', 'kind', 'parent']);

/** The schema of `field` for nodes of `kind`, or undefined when the kind has no such field. */
function nodeFieldSchema(kind: ModelNode['kind'], field: string) {
  const option = nodeSchema.options.find((o) => o.shape.kind.value === kind);
  if (!option || NOT_EDITABLE.has(field)) return undefined;
  return (option.shape as Record<string, { safeParse: (v: unknown) => SafeParsed } | undefined>)[
    field
  ];
}

type SafeParsed = { success: boolean; error?: { issues: readonly { message: string }[] } };

function firstIssue(result: SafeParsed): string {
  return result.error?.issues[0]?.message ?? 'is not valid';
}

/**
 * Sets `field` of node `nodeId` to `value` (undefined removes it, so the default applies).
 * Giving `availability` removes `mtbfHours` and `mttrHours`, and the reverse, since a node has
 * one failure figure or the other.
 */
export function updateNodeField(
  doc: NinesDocument,
  variantId: string,
  nodeId: string,
  field: string,
  value: unknown,
): EditResult {
  const node = variantOf(doc, variantId).nodes.find((n) => n.id === nodeId);
  if (!node) return { ok: false, message: `no node "${nodeId}"` };
  const schema = nodeFieldSchema(node.kind, field);
  if (!schema) return { ok: false, message: `a ${node.kind} has no editable field "${field}"` };
  if (value !== undefined) {
    const checked = schema.safeParse(value);
    if (!checked.success) return { ok: false, message: firstIssue(checked) };
  }
  const updated: Record<string, unknown> = { ...node };
  if (value === undefined) delete updated[field];
  else updated[field] = value;
  if (value !== undefined && field === 'availability') {
    delete updated.mtbfHours;
    delete updated.mttrHours;
  }
  if (value !== undefined && (field === 'mtbfHours' || field === 'mttrHours')) {
    delete updated.availability;
  }
  const next = withVariant(doc, variantId, (v) => ({
    ...v,
    nodes: v.nodes.map((n) => (n.id === nodeId ? (updated as ModelNode) : n)),
  }));
  return acceptIfSound(doc, next);
}

/** Sections of the document whose fields `updateDocumentField` edits. */
export type DocumentSection = 'targets' | 'workload' | 'operations';

const SECTION_SCHEMAS = {
  targets: targetsSchema,
  workload: workloadSchema,
  operations: operationsSchema,
} as const;

/** Sets one field of the document's targets, workload or operations (undefined removes it). */
export function updateDocumentField(
  doc: NinesDocument,
  section: DocumentSection,
  field: string,
  value: unknown,
): EditResult {
  const shape = SECTION_SCHEMAS[section].shape as Record<
    string,
    { safeParse: (v: unknown) => SafeParsed } | undefined
  >;
  const schema = field === 'trafficShare' ? undefined : shape[field];
  if (!schema) return { ok: false, message: `the ${section} have no editable field "${field}"` };
  if (value !== undefined) {
    const checked = schema.safeParse(value);
    if (!checked.success) return { ok: false, message: firstIssue(checked) };
  }
  const current: Record<string, unknown> = { ...doc[section] };
  if (value === undefined) delete current[field];
  else current[field] = value;
  const next = { ...doc };
  if (Object.keys(current).length === 0) delete next[section];
  else Object.assign(next, { [section]: current });
  return acceptIfSound(doc, next);
}

/** Renames the document (1 to 200 characters). */
export function renameDocument(doc: NinesDocument, name: string): EditResult {
  const trimmed = name.trim();
  if (trimmed.length === 0) return { ok: false, message: 'must not be empty' };
  if (trimmed.length > 200) return { ok: false, message: 'must be at most 200 characters' };
  return { ok: true, document: { ...doc, name: trimmed } };
}
