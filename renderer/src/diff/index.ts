/**
 * The diff view of the planner (File › Compare with…): the open design against another file,
 * with `nines diff`'s figures and the design drawn with its changes marked. The door: the view,
 * the File menu's actions (another file; in the desktop app, a git revision of the open file) and
 * the open/closed state the window reads.
 */
export { DiffView } from './DiffView';
export { canCompareWithRevision, compareWithFile } from './compare-with';
export { RevisionDialog } from './RevisionDialog';
export { closeDiff, useDiffTarget } from './diff-state';
export type { DiffTarget } from './diff-state';
