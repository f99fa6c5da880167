/**
 * The shapes the drawing is made of: a component card and each edge's geometry (its route
 * around the cards, its style: legend.ts).
 */
import type { ModelNode, Variant } from '../../model/types';
import type { Shape } from '../drawing';
import { type Bounds, type Box, DIAGRAM_COLOURS } from './theme';
import { EDGE_STYLES, STANDBY_DASH, edgeLegendKey, type EdgeLegendKey } from './legend';
import type { DiagramRoles } from './roles';
import { componentDetail, displayName, keepParts, kindLine, wrapText } from './labels';
import { nudgeRoutes, routeEdges } from '../../diagram/routing';
import { labelObstacles, regionBadge } from './container-label';

/** Where the segment from the centre of `box` towards `target` leaves the box. */
function borderPoint(box: Box, target: readonly [number, number]): [number, number] {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = target[0] - cx;
  const dy = target[1] - cy;
  if (dx === 0 && dy === 0) return [cx, cy];
  const scale = Math.min(
    dx === 0 ? Infinity : box.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : box.height / 2 / Math.abs(dy),
  );
  return [cx + dx * scale, cy + dy * scale];
}

/**
 * A card: outline, an accent bar in the kind's colour, kind line, name and detail. A card on
 * `standby` has a dashed outline; its `role` (`Standby, promoted by hand`, `Scaled down 1 of 15`)
 * leads the kind line.
 */
export function cardShapes(
  node: ModelNode,
  variant: Variant,
  b: Box,
  nameSize: number,
  smallSize: number,
  standby?: { readonly isStandby: boolean; readonly role: string },
): Shape[] {
  const c = DIAGRAM_COLOURS;
  const inset = Math.max(3, b.width * 0.04) + 2;
  const room = b.width - inset - 3;
  const accent = c.accent[node.kind];
  const shapes: Shape[] = [
    {
      type: 'rect',
      ...b,
      radius: Math.min(4, b.height / 6),
      fill: c.cardFill,
      stroke: c.cardStroke,
      strokeWidth: 0.6,
      ...(standby?.isStandby ? { dash: STANDBY_DASH } : {}),
    },
    { type: 'rect', x: b.x, y: b.y, width: 2.2, height: b.height, radius: 0, fill: accent },
  ];
  const detail = componentDetail(node, variant);
  const lead = (size: number) => size * 1.15;
  const available = b.height - 3;
  type Line = { text: string; size: number; bold: boolean; color: string };
  const wrapped = (value: string, size: number, isBold: boolean, color: string, max: number) =>
    wrapText(value, room, size, isBold, max).map((t): Line => ({
      text: t.replace(/\u00a0/g, ' '),
      size,
      bold: isBold,
      color,
    }));
  // In order of preference: the kind line too, then the name and detail on two lines each, …
  const candidates = (
    [
      [1, 2, 2],
      [0, 2, 2],
      [0, 2, 1],
      [0, 1, 1],
    ] as const
  ).map(([kindLines, nameLines, detailLines]) => [
    ...wrapped(
      standby ? `${standby.role} · ${kindLine(node)}` : kindLine(node),
      smallSize,
      false,
      accent,
      kindLines,
    ),
    ...wrapped(displayName(node), nameSize, true, c.title, nameLines),
    ...wrapped(keepParts(detail), smallSize, false, c.muted, detailLines),
  ]);
  const height = (lines: readonly Line[]) => lines.reduce((sum, l) => sum + lead(l.size), 0);
  const lines =
    candidates.find((candidate) => height(candidate) <= available) ??
    candidates[candidates.length - 1] ??
    [];
  let y = b.y + (b.height - height(lines)) / 2;
  for (const line of lines) {
    y += lead(line.size);
    shapes.push({
      type: 'text',
      x: b.x + inset,
      y: y - line.size * 0.25,
      text: line.text,
      size: line.size,
      bold: line.bold,
      color: line.color,
      anchor: 'start',
    });
  }
  return shapes;
}

export interface EdgeGeometry {
  /** The kind of line (legend.ts), which sets the style. */
  readonly key: EdgeLegendKey;
  readonly points: readonly (readonly [number, number])[];
  /** Whether the points are a route around the obstacles (else a straight line: none found). */
  readonly isRouted: boolean;
  /** The box the edge's line stays in (canvas units), for the drawing's bounds. */
  readonly extent: Bounds;
  readonly colour: string;
  readonly width: number;
  readonly dash?: readonly number[];
  readonly arrow: boolean;
}

/** Space an edge keeps from every card it does not join, canvas units (cards are 12–16 apart). */
export const EDGE_CLEARANCE = 6;

/** Distance between parallel edges pulled apart, canvas units. */
const EDGE_SPACING = 3;

/**
 * How far outside the boxes a route can run, canvas units: the routing grid reaches three
 * clearances out (a lane twice the clearance beside a region, and one more), and pulling
 * parallel edges apart moves a stretch less than one more.
 */
export const ROUTE_MARGIN = 4 * EDGE_CLEARANCE;

/**
 * Where each edge runs, in canvas units: an orthogonal route ({@link routeEdges}) from the
 * middle of a side of one card to the middle of a side of the other, around every other card
 * and every container's title as drawn at `scale` or larger, at a cost around the zones, with
 * parallel stretches pulled apart; styled by its kind of line (`EDGE_STYLES`): `depends` and
 * `backs-up` edges end in an arrowhead; `replicates` edges are dashed, with longer dashes between
 * Active-Active members and dash-dots to a standby promoted by hand. An edge with no route (cards overlapping in the file's layout,
 * or a design so large that its edges exceed the routing's work budget) is drawn straight
 * between the cards' borders.
 */
export function edgeGeometry(
  variant: Variant,
  boxes: Map<string, Box>,
  byId: Map<string, ModelNode>,
  roles: Pick<DiagramRoles, 'replication'> & Partial<Pick<DiagramRoles, 'regions'>>,
  scale: number,
): EdgeGeometry[] {
  const isCard = (node: ModelNode) => node.kind !== 'region' && node.kind !== 'zone';
  const cards = variant.nodes.filter(isCard).flatMap((n) => boxes.get(n.id) ?? []);
  const boxesOfKind = (kind: 'region' | 'zone') =>
    variant.nodes.filter((n) => n.kind === kind).flatMap((n) => boxes.get(n.id) ?? []);
  const containers = variant.nodes.flatMap((node) => {
    const box = boxes.get(node.id);
    if (!box || (node.kind !== 'region' && node.kind !== 'zone')) return [];
    const role = roles.regions?.get(node.id);
    return [role ? { node, box, badge: regionBadge(role) } : { node, box }];
  });
  const edges = variant.edges.filter((e) => boxes.has(e.from) && boxes.has(e.to));
  const routes = nudgeRoutes(
    routeEdges(
      edges.map((e) => ({ from: boxes.get(e.from) as Box, to: boxes.get(e.to) as Box })),
      cards,
      {
        clearance: EDGE_CLEARANCE,
        labels: labelObstacles(containers, scale),
        soft: boxesOfKind('zone'),
        lanes: boxesOfKind('region'),
      },
    ),
    EDGE_SPACING,
    EDGE_CLEARANCE / 2,
  );
  return edges.map((edge, i) => {
    const from = boxes.get(edge.from) as Box;
    const to = boxes.get(edge.to) as Box;
    const centre = (b: Box): [number, number] => [b.x + b.width / 2, b.y + b.height / 2];
    const points: (readonly [number, number])[] = routes[i] ?? [
      borderPoint(from, centre(to)),
      borderPoint(to, centre(from)),
    ];
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const key = edgeLegendKey(edge, byId, roles);
    return {
      points,
      isRouted: routes[i] !== undefined,
      extent: {
        minX: Math.min(...xs),
        maxX: Math.max(...xs),
        minY: Math.min(...ys),
        maxY: Math.max(...ys),
      },
      key,
      ...EDGE_STYLES[key],
    };
  });
}
