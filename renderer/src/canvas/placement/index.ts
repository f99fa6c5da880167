/**
 * Placement that tidies itself: the tidy rule (no overlap, containers hold what they hold), the
 * zone strip, where palette clicks and pastes land, align and distribute, snapping guides.
 */
export {
  centreOf,
  intersectionOf,
  isInside,
  nearestFree,
  overlaps,
  unionOf,
  type Point,
  type Rect,
} from './geometry';
export {
  tidy,
  boundsOf,
  SIBLING_GAP,
  TOP_LEVEL_GAP,
  type Shape,
  type TidyEdit,
  type TreeNode,
} from './tidy';
export { nextZoneSlot } from './slots';
export { absoluteBox, absoluteBoxes, containersAt, treeOf, tidyVariant } from './variant-geometry';
export {
  dropMoves,
  moveAndTidy,
  newNodeSize,
  placeNode,
  resizeAndTidy,
  zoneSlotIn,
  type Dragged,
} from './edits';
export { copyName, duplicateSpot, pasteAt, PASTE_OFFSET } from './paste';
export { alignRects, arrangeNodes, distributeRects, type Alignment, type Spacing } from './align';
export { snapToGuides, type Guide, type Snap } from './guides';
export { paletteSpot, type PaletteSpot } from './palette-spot';
