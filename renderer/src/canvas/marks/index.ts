/**
 * The canvas's marks beyond a card's own fields: zone pips, standby and traffic-share badges,
 * and their legend. The door of renderer/src/canvas/marks/.
 */
export { nodeMarks } from './node-marks';
export type { KeyedMarks, NodeMarks, StandbyMark, ZonePip } from './node-marks';
export { ZonePips } from './ZonePips';
export { RegionBadge, StandbyBadge } from './badges';
export { CanvasLegend } from './CanvasLegend';
export { cardFigures, costText, downtimeText } from './card-figures';
export type { CardCost, CardDowntime, CardFigures } from './card-figures';
export { CardFiguresRow } from './CardFiguresRow';
