/**
 * The topology diagram of one variant, drawn from the model: regions as rounded panels, zones
 * as columns inside them, components as cards, `depends` edges as arrows (cross-region ones in
 * a warning colour), `replicates` edges as dashed arcs and `backs-up` edges as dotted arrows.
 *
 * Positions come from `variant.layout` (relative to the parent container, as in the file) when
 * every node has one; otherwise from a deterministic grid, so that a file written by hand still
 * gets a readable figure. The result is scaled to fit the width of a page.
 */
import type { ModelNode, Variant } from '../model/types';
import { tierSize } from '../model/nodes';
import { contentHeight, contentWidth, type FigureBlock, type PageSize } from './document';
import { fitText, textWidth, type Drawing, type GroupShape, type Shape } from './drawing';
import { formatCount, formatGiB, formatInterval, formatNumber, withUnit } from '../text';

/** Size of a component card in canvas units (px), matching the spacing of the editor. */
export const CARD = { width: 200, height: 76 } as const;

/** Colours of the diagram: restrained greys with one accent per component kind. */
export const DIAGRAM_COLOURS = {
  regionFill: '#f4f6f8',
  regionStroke: '#9aa5b1',
  zoneFill: '#ffffff',
  zoneStroke: '#c3cbd3',
  cardFill: '#ffffff',
  cardStroke: '#7b8794',
  title: '#1f2933',
  muted: '#52606d',
  depends: '#3e4c59',
  crossRegion: '#c2410c',
  replicates: '#6d28d9',
  backsUp: '#7b8794',
  accent: {
    region: '#9aa5b1',
    zone: '#c3cbd3',
    router: '#1d4ed8',
    service: '#15803d',
    datastore: '#6d28d9',
    queue: '#b45309',
    objectStore: '#0e7490',
    backup: '#52606d',
    external: '#b91c1c',
  },
} as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const PAD = 16;
const HEADER = 44;
const ZONE_HEADER = 28;
const GAP = 16;
const REGION_GAP = 48;

/** Human name of a kind as printed on a card. */
const KIND_LABEL: Record<ModelNode['kind'], string> = {
  region: 'Region',
  zone: 'Zone',
  router: 'Router',
  service: 'Service',
  datastore: 'Datastore',
  queue: 'Queue',
  objectStore: 'Object store',
  backup: 'Backup',
  external: 'External',
};

/** The name a reader sees for a node: its name, else its id. */
export function displayName(node: ModelNode): string {
  return node.name ?? node.id;
}

/**
 * The one-line detail printed under a component's name, e.g. `6 × m7i.large · 3 needed` for a
 * tier, `1 of 3 targets` for a router, `every 1 d · kept 7 d` for a backup.
 */
export function componentDetail(node: ModelNode, variant: Variant): string {
  switch (node.kind) {
    case 'service':
    case 'datastore':
    case 'queue': {
      const { instances, minHealthy } = tierSize(node);
      const what = node.instanceType ? `${instances} × ${node.instanceType}` : `${instances} ×`;
      return `${what} · ${minHealthy} needed`;
    }
    case 'router': {
      const targets = variant.edges.filter((e) => e.kind === 'depends' && e.from === node.id);
      return `${node.minTargets ?? 1} of ${formatCount(targets.length, 'target')}`;
    }
    case 'backup': {
      const parts = [];
      if (node.intervalSeconds !== undefined)
        parts.push(`every ${formatInterval(node.intervalSeconds)}`);
      if (node.retentionDays !== undefined)
        parts.push(`kept ${withUnit(formatNumber(node.retentionDays), 'd')}`);
      return parts.join(' · ');
    }
    case 'objectStore':
      return node.storageGiB !== undefined ? formatGiB(node.storageGiB) : '';
    case 'external':
      return node.vendor ?? '';
    case 'region':
    case 'zone':
      return '';
  }
}

/** The small line above a component's name: its kind, and for a data tier how it replicates. */
function kindLine(node: ModelNode): string {
  if (node.kind === 'datastore') {
    const parts: string[] = [KIND_LABEL.datastore];
    if (node.engine) parts.push(node.engine);
    if (node.replication && node.replication !== 'none') {
      parts.push(`${node.replication}${node.sync ? ' sync' : node.sync === false ? ' async' : ''}`);
    }
    return parts.join(' · ');
  }
  if (node.kind === 'router') return node.parent ? 'Load balancer' : 'Global router';
  return KIND_LABEL[node.kind];
}

/** Whether every node has a position and every container a size in `variant.layout`. */
export function hasCompleteLayout(variant: Variant): boolean {
  const layout = variant.layout;
  if (!layout) return false;
  return variant.nodes.every((node) => {
    const p = layout[node.id];
    if (!p) return false;
    return node.kind === 'region' || node.kind === 'zone'
      ? p.width !== undefined && p.height !== undefined
      : true;
  });
}

/** Absolute boxes, in canvas units, from the file's layout (positions relative to parents). */
function boxesFromLayout(variant: Variant): Map<string, Box> {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const boxes = new Map<string, Box>();
  const resolve = (node: ModelNode, depth: number): Box => {
    const known = boxes.get(node.id);
    if (known) return known;
    const p = variant.layout?.[node.id] ?? { x: 0, y: 0 };
    const parent = node.parent ? byId.get(node.parent) : undefined;
    // Depth guard: the invariants forbid parent cycles, but a drawing must never hang.
    const origin = parent && depth < 8 ? resolve(parent, depth + 1) : { x: 0, y: 0 };
    const box = {
      x: origin.x + p.x,
      y: origin.y + p.y,
      width: p.width ?? CARD.width,
      height: p.height ?? CARD.height,
    };
    boxes.set(node.id, box);
    return box;
  };
  for (const node of variant.nodes) resolve(node, 0);
  return boxes;
}

/**
 * A deterministic grid in canvas units: global components in a row on top; regions side by
 * side below, each with its own components in rows of three and its zones as columns under
 * them, each zone stacking its components.
 */
function boxesFromGrid(variant: Variant): Map<string, Box> {
  const boxes = new Map<string, Box>();
  const childrenOf = (id: string | undefined) => variant.nodes.filter((n) => n.parent === id);
  const isPlaced = (n: ModelNode) => n.kind !== 'region' && n.kind !== 'zone';
  const regions = variant.nodes.filter((n) => n.kind === 'region');
  const globals = variant.nodes.filter((n) => !n.parent && isPlaced(n));

  const regionBoxes = new Map<string, Box>();
  const regionChildren = new Map<string, Map<string, Box>>();
  for (const region of regions) {
    const local = new Map<string, Box>();
    const kids = childrenOf(region.id);
    const cards = kids.filter(isPlaced);
    const zones = kids.filter((n) => n.kind === 'zone');
    let y = HEADER;
    for (let i = 0; i < cards.length; i += 3) {
      cards.slice(i, i + 3).forEach((card, j) => {
        local.set(card.id, { x: PAD + j * (CARD.width + GAP), y, ...CARD });
      });
      y += CARD.height + GAP;
    }
    let x = PAD;
    let zoneHeight = 0;
    const zoneCards = zones.map((zone) => childrenOf(zone.id).filter(isPlaced));
    const tallest = Math.max(0, ...zoneCards.map((c) => c.length));
    zoneHeight = ZONE_HEADER + tallest * (CARD.height + GAP) + (tallest > 0 ? 0 : PAD);
    zones.forEach((zone, i) => {
      const zoneBox = { x, y, width: CARD.width + 2 * PAD, height: zoneHeight };
      local.set(zone.id, zoneBox);
      (zoneCards[i] ?? []).forEach((card, j) => {
        local.set(card.id, {
          x: x + PAD,
          y: y + ZONE_HEADER + j * (CARD.height + GAP),
          ...CARD,
        });
      });
      x += zoneBox.width + GAP;
    });
    const cardsWidth = Math.min(cards.length, 3) * (CARD.width + GAP) - GAP;
    const width = Math.max(cardsWidth, x - GAP - PAD, CARD.width) + 2 * PAD;
    const height = (zones.length > 0 ? y + zoneHeight : y - GAP) + PAD;
    regionBoxes.set(region.id, { x: 0, y: 0, width, height });
    regionChildren.set(region.id, local);
  }

  const top = globals.length > 0 ? CARD.height + 3 * GAP : 0;
  let x = 0;
  for (const region of regions) {
    const box = regionBoxes.get(region.id);
    if (!box) continue;
    boxes.set(region.id, { ...box, x, y: top });
    for (const [id, child] of regionChildren.get(region.id) ?? []) {
      boxes.set(id, { ...child, x: x + child.x, y: top + child.y });
    }
    x += box.width + REGION_GAP;
  }
  const totalWidth = Math.max(x - REGION_GAP, 0);
  const rowWidth = globals.length * (CARD.width + GAP) - GAP;
  const start = Math.max(0, (totalWidth - rowWidth) / 2);
  globals.forEach((node, i) => {
    boxes.set(node.id, { x: start + i * (CARD.width + GAP), y: 0, ...CARD });
  });
  // Zones or components whose parent is missing or not a container still get a place.
  let spare = 0;
  for (const node of variant.nodes) {
    if (boxes.has(node.id)) continue;
    const bottom = Math.max(0, ...[...boxes.values()].map((b) => b.y + b.height));
    boxes.set(node.id, { x: spare, y: bottom + GAP, ...CARD });
    spare += CARD.width + GAP;
  }
  return boxes;
}

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

/** Options of {@link buildTopologyDrawing}. */
export interface DiagramOptions {
  /** Largest width of the drawing, points. */
  readonly maxWidth: number;
  /** Largest height of the drawing, points; unlimited when absent. */
  readonly maxHeight?: number;
}

/** Largest scale from canvas units to points: a small topology is not blown up. */
const MAX_SCALE = 0.75;

/** White space around the drawing, points. */
const DRAWING_MARGIN = 4;

interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** Boxes and edges of `variant` in canvas units, and the bounds of both. */
function arrange(variant: Variant) {
  const boxes = hasCompleteLayout(variant) ? boxesFromLayout(variant) : boxesFromGrid(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const geometry = edgeGeometry(variant, boxes, byId);
  const all = [...boxes.values()];
  const bounds: Bounds = {
    minX: Math.min(...all.map((b) => b.x), ...geometry.map((g) => g.extent.minX)),
    minY: Math.min(...all.map((b) => b.y), ...geometry.map((g) => g.extent.minY)),
    maxX: Math.max(...all.map((b) => b.x + b.width), ...geometry.map((g) => g.extent.maxX)),
    maxY: Math.max(...all.map((b) => b.y + b.height), ...geometry.map((g) => g.extent.maxY)),
  };
  return { boxes, geometry, bounds };
}

/** The scale from canvas units to points that fits `bounds` into the options' box. */
function scaleToFit(bounds: Bounds, options: DiagramOptions): number {
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
export function buildTopologyDrawing(variant: Variant, options: DiagramOptions): Drawing {
  const { boxes, geometry, bounds } = arrange(variant);
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
  const nameSize = clamp(20 * scale, 6.2, 9);
  const smallSize = nameSize * 0.82;
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
      shapes.push({
        type: 'rect',
        ...b,
        radius: isRegion ? 8 * scale + 2 : 4 * scale + 1,
        fill,
        stroke: isRegion ? c.regionStroke : c.zoneStroke,
        strokeWidth: isRegion ? 0.9 : 0.6,
        ...(isRegion ? {} : { dash: [3, 2] }),
      });
      const labelSize = isRegion ? nameSize + 0.5 : smallSize;
      const inset = Math.max(4, 10 * scale);
      const baseline = b.y + inset + labelSize * 0.8;
      const title = isRegion ? displayName(node) : (node.location ?? displayName(node));
      const fittedTitle = fitText(title, b.width - 2 * inset, labelSize, isRegion);
      let labelWidth = textWidth(fittedTitle, labelSize, isRegion);
      const texts: Shape[] = [
        {
          type: 'text',
          x: b.x + inset,
          y: baseline,
          text: fittedTitle,
          size: labelSize,
          bold: isRegion,
          color: isRegion ? c.title : c.muted,
          anchor: 'start',
        },
      ];
      if (node.kind === 'region') {
        const where = [node.provider, node.location].filter(Boolean).join(' · ');
        const used = labelWidth + labelSize;
        const room = b.width - 2 * inset - used;
        if (where && room > smallSize * 3) {
          const fitted = fitText(where, room, smallSize);
          texts.push({
            type: 'text',
            x: b.x + inset + used,
            y: baseline,
            text: fitted,
            size: smallSize,
            color: c.muted,
            anchor: 'start',
          });
          labelWidth = used + textWidth(fitted, smallSize);
        }
      }
      const where =
        node.kind === 'region' ? [node.provider, node.location] : [node.location, node.name];
      const full = [displayName(node), ...where.filter((w) => w && w !== displayName(node))];
      labels.push({
        type: 'group',
        id: `node-${node.id}`,
        title: full.join(' · '),
        shapes: [
          {
            type: 'rect',
            x: b.x + inset - 1.5,
            y: baseline - labelSize * 0.95,
            width: labelWidth + 3,
            height: labelSize * 1.25,
            radius: 1,
            fill,
          },
          ...texts,
        ],
      });
    }
  }

  for (const g of geometry) {
    shapes.push({
      type: 'line',
      points: g.points.map(([x, y]) => [px(x), py(y)] as const),
      ...(g.control ? { control: [px(g.control[0]), py(g.control[1])] as const } : {}),
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
      shapes: cardShapes(node, variant, sbox(box), nameSize, smallSize),
    });
  }

  const legend = legendShapes(geometry, margin, py(maxY) + 6, smallSize);
  if (legend.shapes.length > 0) shapes.push(legend);
  return {
    width: px(maxX) + margin,
    height: py(maxY) + margin + (legend.shapes.length > 0 ? LEGEND_HEIGHT : 0),
    title: `Topology of ${variant.name}`,
    shapes,
  };
}

/** Height the legend adds under the drawing, points. */
const LEGEND_HEIGHT = 16;

/** A one-line key to the kinds of line the drawing uses, in the order of the edge styles. */
function legendShapes(
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

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * `value` broken at spaces into at most `maxLines` lines of at most `maxWidth` points, the last
 * line shortened with an ellipsis when the text does not fit; no lines for empty text.
 */
export function wrapText(
  value: string,
  maxWidth: number,
  size: number,
  isBold: boolean,
  maxLines: number,
): string[] {
  if (value === '' || maxLines < 1) return [];
  const lines: string[] = [];
  let rest = value.split(' ');
  while (rest.length > 0 && lines.length < maxLines - 1) {
    let take = rest.length;
    while (take > 1 && textWidth(rest.slice(0, take).join(' '), size, isBold) > maxWidth) take -= 1;
    if (take === rest.length) break;
    lines.push(rest.slice(0, take).join(' '));
    rest = rest.slice(take);
  }
  if (rest.length > 0) lines.push(fitText(rest.join(' '), maxWidth, size, isBold));
  return lines;
}

/** A detail with its ` · `-separated parts held together, so that it wraps between parts. */
function keepParts(detail: string): string {
  return detail
    .split(' · ')
    .map((part) => part.replace(/ /g, '\u00a0'))
    .join(' · ');
}

/** A card: outline, an accent bar in the kind's colour, kind line, name and detail. */
function cardShapes(
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

interface EdgeGeometry {
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
function edgeGeometry(
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

/** Mermaid node id for a model id (Mermaid ids allow letters, digits and `_`). */
export function mermaidId(id: string): string {
  return `n_${id.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function mermaidLabel(value: string): string {
  // Inside a quoted Mermaid label only `"` needs escaping, as an HTML entity.
  return value.replace(/"/g, '#quot;');
}

/**
 * The topology of `variant` as a Mermaid `flowchart LR`: a subgraph per region and per zone
 * inside it, a node per component labelled with its name and detail, `-->` for `depends`,
 * `-.-` for `replicates`, `-.->` for `backs-up`. Built from the model, not from the drawing.
 */
export function toMermaid(variant: Variant): string {
  const lines = ['flowchart LR'];
  const childrenOf = (id: string | undefined) => variant.nodes.filter((n) => n.parent === id);
  const isContainerId = new Set(
    variant.nodes.filter((n) => n.kind === 'region' || n.kind === 'zone').map((n) => n.id),
  );
  const emit = (node: ModelNode, indent: string) => {
    if (node.kind === 'region' || node.kind === 'zone') {
      const where = node.kind === 'region' ? [node.provider, node.location] : [node.location];
      const suffix = where.filter(Boolean).join(' · ');
      const label = suffix ? `${displayName(node)} (${suffix})` : displayName(node);
      lines.push(`${indent}subgraph ${mermaidId(node.id)}["${mermaidLabel(label)}"]`);
      for (const child of childrenOf(node.id)) emit(child, `${indent}  `);
      lines.push(`${indent}end`);
      return;
    }
    const detail = componentDetail(node, variant);
    const label = detail ? `${displayName(node)}<br/>${detail}` : displayName(node);
    lines.push(`${indent}${mermaidId(node.id)}["${mermaidLabel(label)}"]`);
  };
  // Top level: nodes without a parent, and nodes whose parent is not a container.
  for (const node of variant.nodes) {
    if (!node.parent || !isContainerId.has(node.parent)) emit(node, '  ');
  }
  const arrow = { depends: '-->', replicates: '-.-', 'backs-up': '-.->' } as const;
  for (const edge of variant.edges) {
    lines.push(`  ${mermaidId(edge.from)} ${arrow[edge.kind]} ${mermaidId(edge.to)}`);
  }
  return lines.join('\n');
}

/** Options of {@link topologyFigure}. */
export interface FigureOptions {
  /** Anchor id of the figure, unique in the document. */
  readonly id: string;
  readonly caption: string;
  /** Paper size of the document the figure goes into; `LETTER` when absent. */
  readonly pageSize?: PageSize;
}

/**
 * The figure block of `variant`'s topology: on the portrait page when it reads there (at least
 * half size), otherwise sized for a landscape page of its own when that makes it larger.
 */
export function topologyFigure(variant: Variant, options: FigureOptions): FigureBlock {
  const size = options.pageSize ?? 'LETTER';
  // Room left under the drawing for its caption and above it for a heading.
  const captionRoom = 90;
  const fit = (landscape: boolean): DiagramOptions => ({
    maxWidth: contentWidth(size, landscape),
    maxHeight: contentHeight(size, landscape) - captionRoom,
  });
  const { bounds } = arrange(variant);
  const isLandscape =
    scaleToFit(bounds, fit(false)) < 0.5 &&
    scaleToFit(bounds, fit(true)) > scaleToFit(bounds, fit(false));
  const drawing = buildTopologyDrawing(variant, fit(isLandscape));
  return {
    kind: 'figure',
    id: options.id,
    caption: options.caption,
    drawing,
    landscape: isLandscape,
    mermaid: toMermaid(variant),
  };
}
