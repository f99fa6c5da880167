/**
 * The shapes the drawing is made of: a component card, the legend of line styles, and each
 * edge's geometry (where it leaves and enters its boxes, arcs for replication, arrowheads).
 */
import type { ModelNode, Variant } from '../../model/types';
import { textWidth, type GroupShape, type Shape } from '../drawing';
import { type Bounds, type Box, DIAGRAM_COLOURS } from './theme';
import { componentDetail, displayName, keepParts, kindLine, wrapText } from './labels';

/** The region a node sits in (itself for a region), or undefined for a global node. */
function regionOf(node: ModelNode | undefined, byId: Map<string, ModelNode>): string | undefined {
  let current = node;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (current.kind === 'region') return current.id;
    current = current.parent ? byId.get(current.parent) : undefined;
  }
  return undefined;
}

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

/** Height the legend adds under the drawing, points. */
export const LEGEND_HEIGHT = 16;

/** A one-line key to the kinds of line the drawing uses, in the order of the edge styles. */
export function legendShapes(
  geometry: readonly EdgeGeometry[],
  x: number,
  top: number,
  size: number,
): GroupShape {
  const c = DIAGRAM_COLOURS;
  const entries = [
    { colour: c.depends, label: 'request dependency', dash: undefined, arrow: true },
    { colour: c.crossRegion, label: 'cross-region call', dash: undefined, arrow: true },
    { colour: c.replicates, label: 'replication', dash: [4, 2.5], arrow: false },
    { colour: c.backsUp, label: 'backup', dash: [1.2, 1.8], arrow: true },
  ].filter((entry) => geometry.some((g) => g.colour === entry.colour));
  const shapes: Shape[] = [];
  const y = top + LEGEND_HEIGHT / 2;
  let at = x;
  for (const entry of entries) {
    shapes.push(
      {
        type: 'line',
        points: [
          [at, y],
          [at + 22, y],
        ],
        stroke: entry.colour,
        strokeWidth: entry.colour === c.crossRegion ? 1.3 : 0.9,
        ...(entry.dash ? { dash: entry.dash } : {}),
        arrow: entry.arrow,
      },
      {
        type: 'text',
        x: at + 26,
        y: y + size * 0.35,
        text: entry.label,
        size,
        color: c.muted,
        anchor: 'start',
      },
    );
    at += 26 + textWidth(entry.label, size) + 14;
  }
  return { type: 'group', id: 'legend', title: 'Legend', shapes };
}

/** A card: outline, an accent bar in the kind's colour, kind line, name and detail. */
export function cardShapes(
  node: ModelNode,
  variant: Variant,
  b: Box,
  nameSize: number,
  smallSize: number,
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
    ...wrapped(kindLine(node), smallSize, false, accent, kindLines),
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
  readonly points: readonly (readonly [number, number])[];
  readonly control?: readonly [number, number];
  /** The box the edge's line stays in (canvas units), for the drawing's bounds. */
  readonly extent: Bounds;
  readonly colour: string;
  readonly width: number;
  readonly dash?: readonly number[];
  readonly arrow: boolean;
}

/**
 * Where each edge runs, in canvas units. `depends` and `backs-up` edges are straight between
 * the two cards' borders; `replicates` edges arc from the top of one card to the top of the
 * other above the regions (cards side by side), or from side to side to the right of the
 * regions (cards one above the other), each in its own lane so that arcs do not overlap.
 */
export function edgeGeometry(
  variant: Variant,
  boxes: Map<string, Box>,
  byId: Map<string, ModelNode>,
): EdgeGeometry[] {
  const c = DIAGRAM_COLOURS;
  const result: EdgeGeometry[] = [];
  let lane = 0;
  for (const edge of variant.edges) {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (!from || !to) continue;
    if (edge.kind === 'replicates') {
      const fromRegion = boxes.get(regionOf(byId.get(edge.from), byId) ?? '') ?? from;
      const toRegion = boxes.get(regionOf(byId.get(edge.to), byId) ?? '') ?? to;
      const dx = Math.abs(to.x + to.width / 2 - (from.x + from.width / 2));
      const dy = Math.abs(to.y + to.height / 2 - (from.y + from.height / 2));
      const offset = 12 + 10 * lane;
      lane += 1;
      let a: [number, number];
      let b: [number, number];
      let control: [number, number];
      if (dx >= dy) {
        // Side by side: from the top of one card to the top of the other, over the regions.
        a = [from.x + from.width / 2, from.y];
        b = [to.x + to.width / 2, to.y];
        const peak = Math.min(fromRegion.y, toRegion.y, from.y, to.y) - offset;
        // A quadratic curve whose ends are level peaks halfway between them and its control.
        control = [(a[0] + b[0]) / 2, 2 * peak - Math.min(a[1], b[1])];
      } else {
        // One above the other: from the right side of one card to the other's, beside them.
        a = [from.x + from.width, from.y + from.height / 2];
        b = [to.x + to.width, to.y + to.height / 2];
        const side = Math.max(fromRegion.x + fromRegion.width, toRegion.x + toRegion.width);
        control = [2 * (side + offset) - Math.max(a[0], b[0]), (a[1] + b[1]) / 2];
      }
      const middle = [(a[0] + 2 * control[0] + b[0]) / 4, (a[1] + 2 * control[1] + b[1]) / 4];
      const xs = [a[0], b[0], middle[0] ?? a[0]];
      const ys = [a[1], b[1], middle[1] ?? a[1]];
      result.push({
        points: [a, b],
        control,
        extent: {
          minX: Math.min(...xs),
          maxX: Math.max(...xs),
          minY: Math.min(...ys),
          maxY: Math.max(...ys),
        },
        colour: c.replicates,
        width: 1,
        dash: [4, 2.5],
        arrow: false,
      });
      continue;
    }
    const fromCentre: [number, number] = [from.x + from.width / 2, from.y + from.height / 2];
    const toCentre: [number, number] = [to.x + to.width / 2, to.y + to.height / 2];
    const start = borderPoint(from, toCentre);
    const end = borderPoint(to, fromCentre);
    const crosses =
      edge.kind === 'depends' &&
      regionOf(byId.get(edge.from), byId) !== undefined &&
      regionOf(byId.get(edge.to), byId) !== undefined &&
      regionOf(byId.get(edge.from), byId) !== regionOf(byId.get(edge.to), byId);
    result.push({
      points: [start, end],
      extent: {
        minX: Math.min(start[0], end[0]),
        maxX: Math.max(start[0], end[0]),
        minY: Math.min(start[1], end[1]),
        maxY: Math.max(start[1], end[1]),
      },
      colour: edge.kind === 'backs-up' ? c.backsUp : crosses ? c.crossRegion : c.depends,
      width: crosses ? 1.3 : 0.8,
      ...(edge.kind === 'backs-up' ? { dash: [1.2, 1.8] } : {}),
      arrow: true,
    });
  }
  return result;
}
