/**
 * Where a node may sit: regions only at the top level, zones only in a region, components in a
 * zone, in a region (spread over its zones) or outside every region (global).
 */
import type { ModelNode, NodeKind } from '../types';

/** True when a node of `kind` may be placed in `parent` (undefined: the top level). */
export function canPlace(kind: NodeKind, parent: ModelNode | undefined): boolean {
  if (kind === 'region') return parent === undefined;
  if (kind === 'zone') return parent?.kind === 'region';
  return parent === undefined || parent.kind === 'region' || parent.kind === 'zone';
}

/**
 * The container a node of `kind` dropped at a point lands in: the deepest of `containersUnder`
 * (the containers under the point, outermost first) that may hold it, else the top level.
 * Returns undefined for the top level and null when the kind cannot go there at all (a zone
 * dropped outside every region).
 */
export function dropTarget(
  kind: NodeKind,
  containersUnder: readonly ModelNode[],
): ModelNode | undefined | null {
  for (let i = containersUnder.length - 1; i >= 0; i -= 1) {
    const container = containersUnder[i];
    if (container && canPlace(kind, container)) return container;
  }
  return canPlace(kind, undefined) ? undefined : null;
}
