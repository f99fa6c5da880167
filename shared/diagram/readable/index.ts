/**
 * Whether a layout reads: the one rule (rule.ts) by which the canvas opens a variant
 * auto-laid-out and the exports draw it on a generated layout. Pure geometry over a variant's
 * containment; no UI.
 */
export { MAX_ASPECT, OVERLAP_TOLERANCE, unreadableBoxes, unreadableLayout } from './rule';
export type { Unreadable } from './rule';
