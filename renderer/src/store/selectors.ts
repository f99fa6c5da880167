/** Derived reads of the planner state, shared by components and tests. */
import { serializeDocument } from '../../../shared/schema/serialize';
import type { ModelNode, NinesDocument, Variant } from '../../../shared/model/types';
import type { PlannerState } from './create-store';

/** The variant the canvas shows, or undefined when no document is open. */
export function selectActiveVariant(state: PlannerState): Variant | undefined {
  return state.document?.variants.find((v) => v.id === state.activeVariantId);
}

/** The selected node of the active variant, if any. */
export function selectSelectedNode(state: PlannerState): ModelNode | undefined {
  if (state.selectedNodeId === null) return undefined;
  return selectActiveVariant(state)?.nodes.find((n) => n.id === state.selectedNodeId);
}

// Documents are replaced, never mutated, so a serialization can be kept per document object.
const serialized = new WeakMap<NinesDocument, string>();

/** True when the open document differs from the text last opened or saved. */
export function selectIsDirty(state: PlannerState): boolean {
  const { document } = state;
  if (!document) return false;
  let text = serialized.get(document);
  if (text === undefined) {
    text = serializeDocument(document);
    serialized.set(document, text);
  }
  return text !== state.file.savedText;
}
