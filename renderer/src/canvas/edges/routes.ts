/**
 * The canvas's edge routes: the shared router (shared/diagram/routing) run on the canvas layout,
 * around every card and every container's title as the canvas draws it, with parallel edges
 * pulled apart. Routing runs when the geometry changes (a drop, a resize, an edit), never while
 * a drag runs (the edges being dragged are drawn provisionally, PlanEdges.tsx); the routes are
 * kept with the view and keyed on the geometry, and after a change only the edges whose route
 * the change disturbed are routed again (the others keep theirs). One routing (`routeRequest`)
 * with two callers: toFlow in the window for small designs, the routing worker for large ones
 * (routes.worker.ts, useCanvasRoutes.ts).
 */
import {
  type Box,
  type Point,
  labelBox,
  labelSpot,
  nudgeRoutes,
  routeEdges,
} from '../../../../shared/diagram/routing';
import type { ModelNode, Variant } from '../../../../shared/model/types';
import { textWidth } from '../../../../shared/plan/drawing';
import { displayName, regionCaption } from '../describe';

/** Space a route keeps from every card it does not join and every title, px (cards are 14 apart). */
export const CANVAS_CLEARANCE = 6;
/** Distance between parallel edges pulled apart, px. */
const EDGE_SPACING = 4;
/**
 * Search states the canvas may spend routing one change (the shared default is for drawings
 * made once): a generated 40-region design (320 edges) takes about 10^6 from nothing.
 */
const CANVAS_WORK_BUDGET = 3e6;
/** Room the measured text metrics leave for the canvas's own font (system-ui), a factor. */
const FONT_ROOM = 1.15;

/** The side of a card an edge leaves or enters by. */
export type Side = 'top' | 'right' | 'bottom' | 'left';

/** One edge's route on the canvas, in absolute canvas px. */
export interface CanvasRoute {
  readonly points: readonly Point[];
  readonly sourceSide: Side;
  readonly targetSide: Side;
}

/** The routes of one variant's layout, keyed by edge id, and the geometry they were made for. */
export interface CanvasRouting {
  readonly key: string;
  /** Routes as the router laid them (before parallel ones were pulled apart), for the next change. */
  readonly laid: ReadonlyMap<string, readonly Point[]>;
  readonly routes: ReadonlyMap<string, CanvasRoute>;
  /** What an edge's label must not cover: the cards and the containers' titles. */
  readonly obstacles: readonly Box[];
  /** The obstacles' boxes as text, to tell which are new or moved at the next change. */
  readonly obstacleKeys: ReadonlySet<string>;
}

/** An edge to route: its id and its two ends. */
export interface RoutedEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The box each container's title takes on the canvas, px, at any zoom: the larger of the normal
 * header and the overview's (below the overview zoom the titles are drawn larger; app.css,
 * `.plan-region__header`, `.plan-zone__header` and their `.is-overview` sizes).
 */
export function titleBox(node: ModelNode, box: Box): Box {
  if (node.kind === 'region') {
    const caption = regionCaption(node);
    const width = (nameSize: number, captionSize: number, icon: number) =>
      16 +
      icon +
      8 +
      FONT_ROOM * textWidth(displayName(node), nameSize, true) +
      (caption ? 8 + FONT_ROOM * textWidth(caption, captionSize) : 0);
    return {
      x: box.x,
      y: box.y,
      width: Math.min(box.width, Math.max(width(14, 12, 15), width(24, 20, 22))),
      height: Math.min(box.height, 40),
    };
  }
  const location = node.kind === 'zone' ? node.location : undefined;
  const name = displayName(node).toUpperCase();
  // Uppercase with 0.04 em letter spacing; the location follows at the normal zoom only.
  const spaced = (size: number) =>
    FONT_ROOM * textWidth(name, size, true) + 0.04 * size * name.length;
  const normal =
    10 +
    spaced(11) +
    (location && location !== displayName(node) ? 6 + FONT_ROOM * textWidth(location, 11) : 0);
  return {
    x: box.x,
    y: box.y,
    width: Math.min(box.width, Math.max(normal, 10 + spaced(17))),
    height: Math.min(box.height, 28),
  };
}

/** Which side of `box` the point `p` on its border lies on. */
function sideOf(box: Box, p: Point): Side {
  const distances: [Side, number][] = [
    ['top', Math.abs(p[1] - box.y)],
    ['right', Math.abs(p[0] - (box.x + box.width))],
    ['bottom', Math.abs(p[1] - (box.y + box.height))],
    ['left', Math.abs(p[0] - box.x)],
  ];
  return distances.reduce((a, b) => (b[1] < a[1] ? b : a))[0];
}

/**
 * What routing one layout needs, in plain boxes (px, absolute): the cards, the containers'
 * titles, zones and regions, and each edge's two cards. It is all a routing worker receives;
 * `key` tells two layouts apart (equal keys, equal routes).
 */
export interface RoutingRequest {
  readonly key: string;
  readonly cards: readonly Box[];
  readonly titles: readonly Box[];
  readonly zones: readonly Box[];
  readonly regions: readonly Box[];
  readonly edges: readonly { readonly id: string; readonly from: Box; readonly to: Box }[];
}

/** The boxes as text, to 0.01 px: an obstacle's identity from one layout to the next. */
const rounded = (b: Box) => [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 100) / 100);

/**
 * The routing request for `edges` on the canvas, from `absolute` boxes (px, absolute) of the
 * nodes of `variant`; an edge whose ends have no box is left out (it is drawn unrouted).
 */
export function routingRequest(
  variant: Variant,
  absolute: ReadonlyMap<string, Box>,
  edges: readonly RoutedEdge[],
): RoutingRequest {
  const cards: Box[] = [];
  const titles: Box[] = [];
  const zones: Box[] = [];
  const regions: Box[] = [];
  for (const node of variant.nodes) {
    const box = absolute.get(node.id);
    if (!box) continue;
    if (node.kind === 'region' || node.kind === 'zone') {
      titles.push(titleBox(node, box));
      (node.kind === 'region' ? regions : zones).push(box);
    } else {
      cards.push(box);
    }
  }
  const routable = edges.flatMap((e) => {
    const [from, to] = [absolute.get(e.from), absolute.get(e.to)];
    return from && to ? [{ id: e.id, from, to }] : [];
  });
  const key = JSON.stringify([
    cards.map(rounded),
    titles.map(rounded),
    zones.map(rounded),
    regions.map(rounded),
    routable.map((e) => [e.id, rounded(e.from), rounded(e.to)]),
  ]);
  return { key, cards, titles, zones, regions, edges: routable };
}

/**
 * Routes the edges of `request`. Returns `previous` itself when it was made for the same
 * geometry; otherwise keeps every earlier route that still holds and routes the rest, bounded by
 * {@link CANVAS_WORK_BUDGET} (an edge past it, or with no route at all, has none and is drawn
 * between facing sides). The one routing of the canvas, run in the window for small designs and
 * in a worker for large ones (routes.worker.ts).
 */
export function routeRequest(request: RoutingRequest, previous?: CanvasRouting): CanvasRouting {
  const { key, cards, titles, zones, regions, edges } = request;
  if (previous?.key === key) return previous;
  const obstacles = [...cards, ...titles];
  const obstacleKeys = new Set(obstacles.map((b) => rounded(b).join(',')));
  const laidList = routeEdges(edges, cards, {
    clearance: CANVAS_CLEARANCE,
    labels: titles,
    soft: zones,
    lanes: regions,
    workBudget: CANVAS_WORK_BUDGET,
    previous: edges.map((e) => previous?.laid.get(e.id)),
    ...(previous
      ? { changed: obstacles.filter((b) => !previous.obstacleKeys.has(rounded(b).join(','))) }
      : {}),
  });
  const nudged = nudgeRoutes(laidList, EDGE_SPACING, CANVAS_CLEARANCE - 1);
  const laid = new Map<string, readonly Point[]>();
  const routes = new Map<string, CanvasRoute>();
  edges.forEach((edge, i) => {
    const raw = laidList[i];
    const points = nudged[i];
    if (!raw || !points) return;
    laid.set(edge.id, raw);
    routes.set(edge.id, {
      points,
      sourceSide: sideOf(edge.from, points[0] as Point),
      targetSide: sideOf(edge.to, points[points.length - 1] as Point),
    });
  });
  return { key, laid, routes, obstacles, obstacleKeys };
}

/** Height of an edge label on the canvas, px (`.plan-edge-label`: 18 px type, two lines at most). */
const EDGE_LABEL_HEIGHT = 26;

/**
 * Where each labelled edge's label goes: on its route, covering no card, no container title
 * and no label placed before it (in the order given). Edges without a route are left out.
 */
export function placeEdgeLabels(
  routing: CanvasRouting,
  labels: readonly { id: string; text: string }[],
): Map<string, Point> {
  const placed: Box[] = [];
  const spots = new Map<string, Point>();
  for (const { id, text } of labels) {
    const route = routing.routes.get(id);
    if (!route) continue;
    const size = { width: FONT_ROOM * textWidth(text, 18) + 14, height: EDGE_LABEL_HEIGHT };
    const spot = labelSpot(route.points, size, [...routing.obstacles, ...placed]);
    if (!spot) continue;
    spots.set(id, spot);
    placed.push(labelBox(spot, size));
  }
  return spots;
}
