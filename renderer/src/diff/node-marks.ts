/**
 * How the diff view marks each node of the drawn variant: added, renamed (its new id), changed,
 * or unchanged; and the base's nodes the head no longer has, drawn as ghosts.
 */
import type { VariantDiff } from '../../../shared/diff';

/** The mark of a node in the diff drawing. */
export type NodeMark = 'added' | 'removed' | 'renamed' | 'changed' | 'unchanged';

/** The marks of the head's nodes by id, and the ids of the base's removed nodes. */
export function nodeMarks(diff: VariantDiff): {
  marks: ReadonlyMap<string, NodeMark>;
  removed: readonly string[];
} {
  const marks = new Map<string, NodeMark>();
  const { nodes } = diff.topology;
  for (const n of nodes.changed) marks.set(n.id, 'changed');
  for (const r of nodes.renamed) marks.set(r.to, 'renamed');
  for (const n of nodes.added) marks.set(n.id, 'added');
  return { marks, removed: nodes.removed.map((n) => n.id) };
}
