/**
 * Edge routing for every drawing of a topology (the canvas, the SVG and PNG exports, the plan's
 * figure): orthogonal routes around cards and container labels (route.ts on the visibility
 * grid of grid.ts), parallel stretches pulled apart (nudge.ts), a free spot for each edge's
 * label (label-spot.ts), and the crossing count that checks all of it (crossings.ts). Pure
 * geometry in canvas units; no model, no UI.
 */
export type { Box, Point } from './geometry';
export { boxesOverlap, grown, segmentCrossesBox } from './geometry';
export { ROUTING_WORK_BUDGET, isRouteValid, routeEdges } from './route';
export type { RouteEnds, RouteOptions } from './route';
export { nudgeRoutes } from './nudge';
export { labelBox, labelSpot } from './label-spot';
export type { LabelSize } from './label-spot';
export { findCrossings } from './crossings';
export type { Crossing } from './crossings';
