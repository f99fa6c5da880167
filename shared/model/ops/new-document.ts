/**
 * A new, empty document: one variant, no nodes. Its entry names no node until the first
 * component is added (`addNode` then makes that component the entry).
 */
import type { NinesDocument } from '../types';

/** The entry an empty variant names until it has a component. */
export const NO_ENTRY_YET = 'entry';

/** An empty `nines/1` document named `name`. */
export function emptyDocument(name = 'Untitled'): NinesDocument {
  return {
    format: 'nines/1',
    name,
    variants: [{ id: 'v1', name: 'Variant 1', entry: NO_ENTRY_YET, nodes: [], edges: [] }],
  };
}
