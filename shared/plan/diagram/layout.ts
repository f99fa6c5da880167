/**
 * Where each box goes, in canvas units: from `variant.layout` (relative to the parent container,
 * as in the file) when every node has one and it reads by the rule the canvas opens a design by
 * (`shared/diagram/readable`: no overlaps, children inside, at most 4:1), else from a
 * deterministic grid that reads by the same rule, so that a file written by hand, a generated
 * 40-region design or a saved layout in one long row still gets a readable figure. A drawing
 * made on the grid says so ({@link DiagramLayout.generated}).
 */
import type { ModelNode, Variant } from '../../model/types';
import { gridColumns } from '../../model/ops/auto-layout';
import { type Unreadable, unreadableBoxes, unreadableLayout } from '../../diagram/readable';
import { type Box, CARD, GAP, HEADER, PAD, REGION_GAP, ZONE_HEADER } from './theme';

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
export function boxesFromLayout(variant: Variant): Map<string, Box> {
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
 * How far below a container's top its title reaches, canvas units, by kind: 0 at the theme's
 * sizes (the theme's {@link HEADER} and {@link ZONE_HEADER} hold it); more for a drawing so small
 * that the title's least type size takes more room than that.
 */
export interface TitleRoom {
  readonly region: number;
  readonly zone: number;
}

/** The title room of a drawing at the theme's sizes. */
export const THEME_TITLE_ROOM: TitleRoom = { region: 0, zone: 0 };

/** Space between a title and the cards under it, canvas units: a lane for the routes. */
const TITLE_GAP = 12;

/** The boxes a drawing is made from, and why they were generated when the file's were not used. */
export interface DiagramLayout {
  /** Absolute boxes, canvas units, by node id. */
  readonly boxes: Map<string, Box>;
  /** The rule the file's layout breaks, when the boxes come from the grid; absent otherwise. */
  readonly generated?: Unreadable;
}

/**
 * The boxes `variant` is drawn with: its saved layout when complete and readable, else the
 * readable grid of {@link boxesFromGrid}, with the reason. A variant without nodes has nothing
 * to lay out and is not said to be generated.
 */
export function diagramLayout(
  variant: Variant,
  titles: TitleRoom = THEME_TITLE_ROOM,
): DiagramLayout {
  if (variant.nodes.length === 0) return { boxes: new Map() };
  const saved = hasCompleteLayout(variant) ? boxesFromLayout(variant) : undefined;
  const why = saved ? unreadableLayout(variant, saved) : 'no-layout';
  return saved && why === undefined
    ? { boxes: saved }
    : { boxes: boxesFromGrid(variant, titles), generated: why };
}

/**
 * Cards side by side in a region, and zones side by side, before a row wraps: three, else (for
 * a region that would be more than 4:1 wide, such as one holding only empty zones) fewer.
 */
const PER_ROW = [3, 2, 1] as const;
/** Space between the band of global components and the regions, canvas units. */
const BAND_GAP = 3 * GAP;
/**
 * An empty zone: a strip of this size, as the canvas's Auto-layout draws one (the templates'
 * zones), tall enough for a line of instance marks under its title.
 */
const EMPTY_ZONE = { width: CARD.width + PAD / 2, height: 56 } as const;

/** A laid-out block: its size and its nodes' boxes relative to its top-left corner. */
interface Block {
  readonly width: number;
  readonly height: number;
  readonly boxes: ReadonlyMap<string, Box>;
}

/**
 * A deterministic grid in canvas units that reads by the rule of `shared/diagram/readable`:
 * regions in a grid of `gridColumns(regions)` columns in file order, as the canvas's
 * Auto-layout arranges them (12 regions: 3 columns, 40: 6), with fewer or more columns only
 * where that grid would be more than 4:1 (two regions side by side, say); global components
 * that are entry points (nothing depends on them) in rows above the regions, the others in rows
 * below, each band as wide as the grid. Inside a region, its own components in rows of three,
 * then its zones in rows of three, each zone stacking its components (an empty zone is a
 * strip). Anything without a container to go in joins the band below.
 */
export function boxesFromGrid(
  variant: Variant,
  titles: TitleRoom = THEME_TITLE_ROOM,
): Map<string, Box> {
  const regions = variant.nodes.filter((n) => n.kind === 'region' && n.parent === undefined);
  // Without regions, the global components stand in about √n columns as regions would.
  const preferred = gridColumns(regions.length > 0 ? regions.length : variant.nodes.length);
  const most = Math.max(regions.length, variant.nodes.length, 1);
  // The canvas's columns first, then the nearest counts, fewer before more.
  const candidates = Array.from({ length: most }, (_, i) => i + 1).sort(
    (a, b) => Math.abs(a - preferred) - Math.abs(b - preferred) || a - b,
  );
  for (const perRow of PER_ROW) {
    for (const columns of candidates) {
      const boxes = gridAt(variant, titles, columns, perRow);
      if (unreadableBoxes(variant, boxes) === undefined) return boxes;
    }
  }
  return gridAt(variant, titles, preferred, PER_ROW[0]);
}

/**
 * The grid of {@link boxesFromGrid} with `columns` columns of regions, and `perRow` cards or
 * zones in a row inside a region.
 */
function gridAt(
  variant: Variant,
  titles: TitleRoom,
  columns: number,
  perRow: number,
): Map<string, Box> {
  const childrenOf = (id: string) => variant.nodes.filter((n) => n.parent === id);
  const regions = variant.nodes.filter((n) => n.kind === 'region' && n.parent === undefined);
  const blocks = regions.map((region) => regionBlock(region, childrenOf, titles, perRow));
  const boxes = new Map<string, Box>();
  const place = (block: Block, id: string, x: number, y: number) => {
    boxes.set(id, { x, y, width: block.width, height: block.height });
    for (const [child, b] of block.boxes) boxes.set(child, { ...b, x: x + b.x, y: y + b.y });
  };

  const regionsPerRow = Math.min(columns, Math.max(regions.length, 1));
  const columnWidth = Math.max(0, ...blocks.map((b) => b.width));
  const gridWidth =
    regions.length > 0 ? regionsPerRow * (columnWidth + REGION_GAP) - REGION_GAP : 0;
  const held = new Set([
    ...regions.map((r) => r.id),
    ...blocks.flatMap((b) => [...b.boxes.keys()]),
  ]);
  const { above, below } = bands(variant, held);
  const cardsPerRow = Math.max(columns, Math.floor((gridWidth + 2 * GAP) / (CARD.width + 2 * GAP)));
  const width = Math.max(gridWidth, bandWidth(Math.min(cardsPerRow, above.length + below.length)));

  let y = placeBand(above, 0, width, cardsPerRow, boxes);
  if (above.length > 0) y += BAND_GAP;
  const left = (width - gridWidth) / 2;
  for (let row = 0; row * regionsPerRow < regions.length; row += 1) {
    const inRow = blocks.slice(row * regionsPerRow, (row + 1) * regionsPerRow);
    inRow.forEach((block, k) => {
      const region = regions[row * regionsPerRow + k];
      if (region) place(block, region.id, left + k * (columnWidth + REGION_GAP), y);
    });
    y += Math.max(...inRow.map((b) => b.height)) + REGION_GAP;
  }
  if (regions.length > 0) y += BAND_GAP - REGION_GAP;
  placeBand(below, y, width, cardsPerRow, boxes);
  return boxes;
}

/**
 * The nodes not `held` in a region: entry points (nothing depends on them, they depend on
 * something: a DNS router) above, the rest below (external services, object stores, backups,
 * and anything whose container is missing or not a container), each in file order.
 */
function bands(
  variant: Variant,
  held: ReadonlySet<string>,
): { above: ModelNode[]; below: ModelNode[] } {
  const outside = variant.nodes.filter((n) => !held.has(n.id));
  const dependedOn = new Set(variant.edges.filter((e) => e.kind === 'depends').map((e) => e.to));
  const isEntryPoint = (n: ModelNode) =>
    !dependedOn.has(n.id) && variant.edges.some((e) => e.kind === 'depends' && e.from === n.id);
  return {
    above: outside.filter(isEntryPoint),
    below: outside.filter((n) => !isEntryPoint(n)),
  };
}

/** Width of a row of `count` cards of a band, canvas units. */
function bandWidth(count: number): number {
  return Math.max(0, count * (CARD.width + 2 * GAP) - 2 * GAP);
}

/**
 * Places `nodes` as cards in rows of `perRow`, each row centred on `width`, from `top`; returns
 * the bottom of the last row (`top` when there are none).
 */
function placeBand(
  nodes: readonly ModelNode[],
  top: number,
  width: number,
  perRow: number,
  boxes: Map<string, Box>,
): number {
  let y = top;
  for (let i = 0; i < nodes.length; i += perRow) {
    const row = nodes.slice(i, i + perRow);
    const left = (width - bandWidth(row.length)) / 2;
    row.forEach((node, j) => {
      boxes.set(node.id, { x: left + j * (CARD.width + 2 * GAP), y, ...CARD });
    });
    y += CARD.height + (i + perRow < nodes.length ? GAP : 0);
  }
  return y;
}

/**
 * A region's block: its title, its own components in rows of `perRow`, then its zones in rows
 * of `perRow` under them.
 */
function regionBlock(
  region: ModelNode,
  childrenOf: (id: string) => ModelNode[],
  titles: TitleRoom,
  perRow: number,
): Block {
  const kids = childrenOf(region.id);
  const cards = kids.filter((n) => n.kind !== 'zone' && n.kind !== 'region');
  const zones = kids.filter((n) => n.kind === 'zone');
  const boxes = new Map<string, Box>();
  const header = Math.max(HEADER, titles.region + TITLE_GAP);
  let y = header;
  let width: number = CARD.width;
  for (let i = 0; i < cards.length; i += perRow) {
    const row = cards.slice(i, i + perRow);
    row.forEach((card, j) => boxes.set(card.id, { x: PAD + j * (CARD.width + GAP), y, ...CARD }));
    width = Math.max(width, row.length * (CARD.width + GAP) - GAP);
    y += CARD.height + GAP;
  }
  const zoneBlocks = zones.map((zone) => zoneBlock(zone, childrenOf, titles.zone));
  for (let i = 0; i < zones.length; i += perRow) {
    const row = zoneBlocks.slice(i, i + perRow);
    let x = PAD;
    row.forEach((block, j) => {
      const zone = zones[i + j];
      if (!zone) return;
      boxes.set(zone.id, { x, y, width: block.width, height: block.height });
      for (const [id, b] of block.boxes) boxes.set(id, { ...b, x: x + b.x, y: y + b.y });
      x += block.width + GAP;
    });
    width = Math.max(width, x - GAP - PAD);
    y += Math.max(...row.map((b) => b.height)) + GAP;
  }
  return { width: width + 2 * PAD, height: Math.max(y - GAP, header) + PAD, boxes };
}

/**
 * A zone's block: its components under its title in about √(n/3) columns (one up to six
 * cards, two up to 18, four for 40), so that a full zone stays about as wide as tall; an empty
 * zone is a strip.
 */
function zoneBlock(zone: ModelNode, childrenOf: (id: string) => ModelNode[], title: number): Block {
  const cards = childrenOf(zone.id).filter((n) => n.kind !== 'zone' && n.kind !== 'region');
  if (cards.length === 0) {
    // A strip holds its title and a line of marks; a title that reaches lower makes it taller.
    const height = Math.max(EMPTY_ZONE.height, Math.ceil(title + PAD / 2));
    return { width: EMPTY_ZONE.width, height, boxes: new Map() };
  }
  const header = Math.max(ZONE_HEADER, title + TITLE_GAP);
  const columns = Math.max(1, Math.round(Math.sqrt(cards.length / 3)));
  const rows = Math.ceil(cards.length / columns);
  const boxes = new Map<string, Box>();
  cards.forEach((card, i) => {
    const [row, column] = [i % rows, Math.floor(i / rows)];
    boxes.set(card.id, {
      x: PAD + column * (CARD.width + GAP),
      y: header + row * (CARD.height + GAP),
      ...CARD,
    });
  });
  return {
    width: columns * (CARD.width + GAP) - GAP + 2 * PAD,
    height: header + rows * (CARD.height + GAP) - GAP + PAD,
    boxes,
  };
}
