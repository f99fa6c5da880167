/**
 * The planner's store owns the selection; the canvas passes it to React Flow as each node's and
 * edge's `selected`. What the person selects on the canvas comes back as React Flow's `select`
 * changes (a click, a selection box, a click on the pane), which only user gestures produce.
 * `onSelectionChange` is not used: it also reports React Flow's own copy while that copy is
 * still catching up with the props (empty on the first frame of a canvas mounted over a
 * selection), and writing that back into the store made the two chase each other without end
 * (issue 17: Compare → Back to the design with a node selected, React error #185).
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';

/**
 * The ids selected after `changes`: deselected ids leave, newly selected ones are added at the
 * end, the order of the others is kept. Returns `selected` itself when no change selects or
 * deselects anything, so a caller can tell that nothing happened.
 */
export function applySelectChanges(
  selected: readonly string[],
  changes: readonly (NodeChange | EdgeChange)[],
): readonly string[] {
  let next = selected;
  for (const change of changes) {
    if (change.type !== 'select') continue;
    const has = next.includes(change.id);
    if (change.selected && !has) next = [...next, change.id];
    if (!change.selected && has) next = next.filter((id) => id !== change.id);
  }
  return next;
}
