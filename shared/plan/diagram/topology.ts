/**
 * The vector drawing of a variant: boxes from the layout, edge geometry, the scale that fits a
 * page, then containers, cards, edges and legend as a {@link Drawing} (the shape model and SVG
 * writer of ../drawing.ts).
 */
import type { Variant } from '../../model/types';
import type { Drawing, Shape } from '../drawing';
import { type Bounds, type Box, DIAGRAM_COLOURS } from './theme';
import { componentDetail, displayName } from './labels';
import { type DiagramLayout, type TitleRoom, THEME_TITLE_ROOM, diagramLayout } from './layout';
import { ROUTE_MARGIN, cardShapes, edgeGeometry } from './shapes';
import { STANDBY_DASH, legendShapes, marksInUse } from './legend';
import { cardRole, diagramRoles } from './roles';
import { layoutNote } from './layout-note';
import { containerLabel, regionBadge, textSizes, titleDepth } from './container-label';
import { zoneMarks, zoneMembers } from './zones';
import { regionTrafficShares } from '../../model/traffic';

/** Options of {@link buildTopologyDrawing}. */
export interface DiagramOptions {
  /** Largest width of the drawing, points. */
  readonly maxWidth: number;
  /** Largest height of the drawing, points; unlimited when absent. */
  readonly maxHeight?: number;
  /**
   * Share of the requests each region serves (`regionTrafficShares` of the document), which marks
   * standby regions; the variant's own `trafficShare` (else an equal split) when absent.
   */
  readonly trafficShare?: ReadonlyMap<string, number>;
}

/** Largest scale from canvas units to points: a small topology is not blown up. */
const MAX_SCALE = 0.75;

/** White space around the drawing, points. */
const DRAWING_MARGIN = 4;

/** Boxes and edge routes of a variant in canvas units, and the bounds of both. */
export type Arrangement = ReturnType<typeof arrange>;

/** Where the boxes of `variant` go, in canvas units: its saved layout, else a readable grid. */
function boxesOf(variant: Variant): Map<string, Box> {
  return diagramLayout(variant).boxes;
}

/**
 * The layout `variant` is drawn with at `options`: {@link diagramLayout}'s, and for a generated
 * grid, containers whose headers hold their titles at the scale the drawing takes, with a lane
 * for the routes under them (a 40-region design drawn on a page: the titles' least type size
 * reaches twice as low as the theme's header). A taller header can make the drawing smaller still, so this
 * takes a few passes; the saved layout of a file is never changed.
 */
function layoutAt(variant: Variant, options: DiagramOptions): DiagramLayout {
  let layout = diagramLayout(variant);
  if (layout.generated === undefined) return layout;
  let titles: TitleRoom = THEME_TITLE_ROOM;
  for (let pass = 0; pass < 4; pass += 1) {
    const scale = scaleToFit(layoutBounds(variant, layout.boxes), options);
    const room = (kind: 'region' | 'zone') =>
      Math.max(titles[kind], Math.ceil(titleDepth(kind, scale)));
    const needed = { region: room('region'), zone: room('zone') };
    if (needed.region === titles.region && needed.zone === titles.zone) break;
    titles = needed;
    layout = diagramLayout(variant, titles);
  }
  return layout;
}

/**
 * The bounds the drawing of `variant` can take, canvas units: its boxes with room around them
 * for the routes (which keep to the routing grid, at most {@link ROUTE_MARGIN} outside).
 */
export function layoutBounds(variant: Variant, boxes = boxesOf(variant)): Bounds {
  const all = [...boxes.values()];
  return {
    minX: Math.min(...all.map((b) => b.x)) - ROUTE_MARGIN,
    minY: Math.min(...all.map((b) => b.y)) - ROUTE_MARGIN,
    maxX: Math.max(...all.map((b) => b.x + b.width)) + ROUTE_MARGIN,
    maxY: Math.max(...all.map((b) => b.y + b.height)) + ROUTE_MARGIN,
  };
}

/**
 * Boxes and edges of `variant` in canvas units, the bounds of both, and the roles the drawing
 * marks (standby regions by `options.trafficShare`, see {@link DiagramOptions.trafficShare}),
 * for a drawing that fits `options`: the routes keep clear of the containers' titles at the
 * scale the drawing can take at the least (from {@link layoutBounds}; the bounds of the routes
 * are never larger).
 */
export function arrange(variant: Variant, options: DiagramOptions) {
  const { boxes, generated } = layoutAt(variant, options);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const roles = diagramRoles(variant, options.trafficShare ?? regionTrafficShares({}, variant));
  const geometry = edgeGeometry(
    variant,
    boxes,
    byId,
    roles,
    scaleToFit(layoutBounds(variant, boxes), options),
  );
  const all = [...boxes.values()];
  const bounds: Bounds = {
    minX: Math.min(...all.map((b) => b.x), ...geometry.map((g) => g.extent.minX)),
    minY: Math.min(...all.map((b) => b.y), ...geometry.map((g) => g.extent.minY)),
    maxX: Math.max(...all.map((b) => b.x + b.width), ...geometry.map((g) => g.extent.maxX)),
    maxY: Math.max(...all.map((b) => b.y + b.height), ...geometry.map((g) => g.extent.maxY)),
  };
  return { boxes, geometry, bounds, roles, generated };
}

/** The scale from canvas units to points that fits `bounds` into the options' box. */
export function scaleToFit(bounds: Bounds, options: DiagramOptions): number {
  const width = Math.max(bounds.maxX - bounds.minX, 1);
  const height = Math.max(bounds.maxY - bounds.minY, 1);
  return Math.min(
    MAX_SCALE,
    (options.maxWidth - 2 * DRAWING_MARGIN) / width,
    options.maxHeight === undefined ? Infinity : (options.maxHeight - 2 * DRAWING_MARGIN) / height,
  );
}

/**
 * The vector drawing of `variant`, in points, scaled to fit `maxWidth` (and `maxHeight`).
 * Deterministic: the same variant always gives the same drawing.
 */
export function buildTopologyDrawing(
  variant: Variant,
  options: DiagramOptions,
  arrangement: Arrangement = arrange(variant, options),
): Drawing {
  const { boxes, geometry, bounds, roles, generated } = arrangement;
  const { minX, minY, maxX, maxY } = bounds;
  const margin = DRAWING_MARGIN;
  const scale = scaleToFit(bounds, options);
  const px = (x: number) => margin + (x - minX) * scale;
  const py = (y: number) => margin + (y - minY) * scale;
  const sbox = (b: Box): Box => ({
    x: px(b.x),
    y: py(b.y),
    width: b.width * scale,
    height: b.height * scale,
  });

  const c = DIAGRAM_COLOURS;
  const { nameSize, smallSize } = textSizes(scale);
  const shapes: Shape[] = [];

  // Containers first (regions, then zones), then edges, then the containers' labels (on a
  // patch of their fill, so that an edge crossing a label does not strike it through), cards.
  const labels: Shape[] = [];
  for (const kind of ['region', 'zone'] as const) {
    for (const node of variant.nodes) {
      if (node.kind !== kind) continue;
      const box = boxes.get(node.id);
      if (!box) continue;
      const b = sbox(box);
      const isRegion = node.kind === 'region';
      const fill = isRegion ? c.regionFill : c.zoneFill;
      const role = isRegion ? roles.regions.get(node.id) : undefined;
      shapes.push({
        type: 'rect',
        ...b,
        radius: isRegion ? 8 * scale + 2 : 4 * scale + 1,
        fill,
        stroke: isRegion ? c.regionStroke : c.zoneStroke,
        strokeWidth: isRegion ? 0.9 : 0.6,
        ...(role?.isStandby ? { dash: STANDBY_DASH } : isRegion ? {} : { dash: [3, 2] }),
      });
      // A region's share of the traffic, right-aligned: `Standby · 0 % of traffic`.
      const badge = role && { ...regionBadge(role), fill };
      const { texts, baseline, patch } = containerLabel(node, b, scale, badge);
      const where =
        node.kind === 'region' ? [node.provider, node.location] : [node.location, node.name];
      const full = [displayName(node), ...where.filter((w) => w && w !== displayName(node))];
      const members = node.kind === 'zone' ? zoneMembers(variant, node) : [];
      const held = members.map((m) => `${displayName(m.node)} × ${m.count}`).join(', ');
      labels.push({
        type: 'group',
        id: `node-${node.id}`,
        title: [...full, ...(badge ? [badge.text] : []), ...(held ? [held] : [])].join(' · '),
        shapes: [
          { type: 'rect', ...patch, radius: 1, fill },
          ...texts,
          ...zoneMarks(members, b, baseline, smallSize),
        ],
      });
    }
  }

  for (const g of geometry) {
    shapes.push({
      type: 'line',
      points: g.points.map(([x, y]) => [px(x), py(y)] as const),
      stroke: g.colour,
      strokeWidth: g.width,
      ...(g.dash ? { dash: g.dash } : {}),
      arrow: g.arrow,
    });
  }
  shapes.push(...labels);

  for (const node of variant.nodes) {
    if (node.kind === 'region' || node.kind === 'zone') continue;
    const box = boxes.get(node.id);
    if (!box) continue;
    const detail = componentDetail(node, variant);
    shapes.push({
      type: 'group',
      id: `node-${node.id}`,
      title: detail ? `${displayName(node)} · ${detail}` : displayName(node),
      shapes: cardShapes(node, variant, sbox(box), nameSize, smallSize, cardRole(roles, node)),
    });
  }

  const width = px(maxX) + margin;
  const legend = legendShapes(
    marksInUse(variant, roles),
    margin,
    py(maxY) + 6,
    width - 2 * margin,
    smallSize,
  );
  if (legend.height > 0) shapes.push(legend.group);
  const note = generated
    ? layoutNote(generated, margin, py(maxY) + 6 + legend.height, width - 2 * margin, smallSize)
    : { shapes: [] as Shape[], height: 0 };
  shapes.push(...note.shapes);
  return {
    width,
    height: py(maxY) + margin + legend.height + note.height,
    title: `Topology of ${variant.name}`,
    shapes,
  };
}
