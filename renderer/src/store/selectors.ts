/** Derived reads of the planner state, shared by components and tests. */
import { serializeDocument } from '../../../shared/schema/serialize';
import { isContainer } from '../../../shared/model/nodes';
import type { ModelNode, NinesDocument, Variant } from '../../../shared/model/types';
import type { PlannerState } from './create-store';

/** The variant the canvas shows, or undefined when no document is open. */
export function selectActiveVariant(state: PlannerState): Variant | undefined {
  return state.document?.variants.find((v) => v.id === state.activeVariantId);
}

/**
 * True when `variant` has no component yet (no node, or only regions and zones): its entry names
 * nothing, so there is nothing to evaluate, review or simulate, and the panels say how to start
 * instead of showing an engine error or claiming that nothing breaks a principle.
 */
export function isEmptyDesign(variant: Variant): boolean {
  return variant.nodes.every(isContainer);
}

/** `isEmptyDesign` of the active variant; false when no document is open. */
export function selectIsEmptyDesign(state: PlannerState): boolean {
  const variant = selectActiveVariant(state);
  return variant !== undefined && isEmptyDesign(variant);
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
