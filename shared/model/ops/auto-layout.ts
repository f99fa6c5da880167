/**
 * Auto-layout: the graph a layered layout engine (ELK) needs, built from a variant, and the
 * engine's answer turned back into the variant's layout. Regions hold their zones, zones and
 * regions hold their components, so the engine keeps every child inside its container. Two
 * conventions of the templates are kept that a layered layout does not give by itself: a
 * region's empty zones form a strip along its bottom (rather than a row of empty boxes among
 * the cards), and more than two regions stand in a grid of two columns (so that three regions
 * stay readable at 1280 × 800), more for a large design (`gridColumns`).
 */
import type { Position, Variant } from '../types';
import { applyPositions } from './layout';
import { variantOf, withVariant } from './variant-utils';
import type { NinesDocument } from '../types';

/** A node of the layout graph (the subset of ELK's JSON graph that Nines uses). */
export interface LayoutNode {
  readonly id: string;
  readonly width?: number;
  readonly height?: number;
  readonly x?: number;
  readonly y?: number;
  readonly layoutOptions?: Readonly<Record<string, string>>;
  readonly children?: readonly LayoutNode[];
  readonly edges?: readonly {
    readonly id: string;
    readonly sources: readonly string[];
    readonly targets: readonly string[];
  }[];
}

/** Space for a container's title above what it holds, px, by kind. */
const HEADER = { region: 46, zone: 34 } as const;
/** Inner margin of a container, px (ELK's padding on the left, right and bottom). */
const PAD = 14;
/** Height of an empty zone in the strip at the bottom of its region, px (title and a line). */
const ZONE_STRIP_HEIGHT = 56;
/** Space between zones in the strip, and between the strip and the region's cards, px. */
const STRIP_GAP = 16;
/** Space between regions of the grid, px. */
const REGION_GAP = 48;
/**
 * Columns of the region grid for `regions` regions: two up to six regions, then about the
 * square root (12 regions: 3 columns, 40: 6), so that a large design fits a window rather than
 * standing in one tall column.
 */
export function gridColumns(regions: number): number {
  return Math.max(2, Math.round(Math.sqrt(regions)));
}

type Card = { readonly width: number; readonly height: number };

/** The zones of `variant` that hold nothing: laid out as a strip, not by ELK. */
function emptyZones(variant: Variant): Set<string> {
  const parents = new Set(variant.nodes.map((n) => n.parent));
  return new Set(
    variant.nodes.filter((n) => n.kind === 'zone' && !parents.has(n.id)).map((n) => n.id),
  );
}

/**
 * The layout graph of `variant`: containers as compound nodes with room for their title,
 * components as `card`-sized leaves, `depends` edges top to bottom (request flow runs down).
 */
export function layoutGraph(variant: Variant, card: Card): LayoutNode {
  const strip = emptyZones(variant);
  const kids = new Map<string | undefined, string[]>();
  for (const n of variant.nodes) {
    if (!strip.has(n.id)) kids.set(n.parent, [...(kids.get(n.parent) ?? []), n.id]);
  }
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const stripOf = (regionId: string) =>
    variant.nodes.filter((n) => n.parent === regionId && strip.has(n.id)).length;
  const build = (id: string): LayoutNode => {
    const node = byId.get(id);
    if (node?.kind === 'region' || node?.kind === 'zone') {
      // A region keeps room at its bottom for the strip of its empty zones.
      const zones = node.kind === 'region' ? stripOf(id) : 0;
      const stripHeight = zones > 0 ? ZONE_STRIP_HEIGHT + STRIP_GAP / 2 : 0;
      const minimum = {
        width: Math.max(card.width + 2 * PAD, stripWidth(zones, card) + PAD),
        height: HEADER[node.kind] + (kids.has(id) ? 0 : card.height) + stripHeight + PAD,
      };
      return {
        id,
        layoutOptions: {
          'elk.padding': `[top=${HEADER[node.kind]},left=${PAD},bottom=${PAD + stripHeight},right=${PAD}]`,
          'elk.direction': node.kind === 'region' ? 'RIGHT' : 'DOWN',
          'elk.algorithm': 'layered',
          'elk.spacing.nodeNode': '14',
        },
        children: (kids.get(id) ?? []).map(build),
        // An empty container keeps room to drop into.
        ...(kids.has(id) ? {} : minimum),
      };
    }
    return { id, width: card.width, height: card.height };
  };
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
    },
    children: (kids.get(undefined) ?? []).map(build),
    edges: variant.edges
      .filter((e) => e.kind === 'depends')
      .map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  };
}

/**
 * Writes the positions of a laid-out graph (relative to each parent, as ELK gives them and as
 * the file stores them) into the layout of variant `variantId`; containers get their size. Then
 * each region's empty zones are put in a strip along its bottom, and more than two regions are
 * arranged in a grid of {@link gridColumns} columns (in file order), the nodes above the regions
 * centred over it and those below moved under it.
 */
export function applyLayoutGraph(
  doc: NinesDocument,
  variantId: string,
  laidOut: LayoutNode,
  card: Card,
): NinesDocument {
  const variant = variantOf(doc, variantId);
  const containers = new Set(
    variant.nodes.filter((n) => n.kind === 'region' || n.kind === 'zone').map((n) => n.id),
  );
  const positions = new Map<string, Position>();
  const visit = (node: LayoutNode) => {
    for (const child of node.children ?? []) {
      const position: Position = { x: child.x ?? 0, y: child.y ?? 0 };
      if (containers.has(child.id)) {
        if (child.width !== undefined && child.width > 0) position.width = child.width;
        if (child.height !== undefined && child.height > 0) position.height = child.height;
      }
      positions.set(child.id, position);
      visit(child);
    }
  };
  visit(laidOut);
  placeZoneStrips(variant, positions, card);
  gridRegions(variant, positions, card);
  spreadTopLevel(variant, positions, card);
  return withVariant(doc, variantId, (v) => applyPositions(v, positions));
}

/** Width of a strip of `zones` empty zones, px. */
function stripWidth(zones: number, card: Card): number {
  return zones * (card.width + STRIP_GAP);
}

/** Puts each region's empty zones side by side in the room kept at its bottom. */
function placeZoneStrips(variant: Variant, positions: Map<string, Position>, card: Card): void {
  const strip = emptyZones(variant);
  for (const region of variant.nodes.filter((n) => n.kind === 'region')) {
    const zones = variant.nodes.filter((n) => n.parent === region.id && strip.has(n.id));
    const box = positions.get(region.id);
    if (zones.length === 0 || !box) continue;
    const top = (box.height ?? 0) - PAD - ZONE_STRIP_HEIGHT;
    // ELK sizes a region by its cards; the strip may be wider.
    box.width = Math.max(box.width ?? 0, stripWidth(zones.length, card) + PAD);
    zones.forEach((zone, i) => {
      positions.set(zone.id, {
        x: PAD / 2 + i * (card.width + STRIP_GAP),
        y: top,
        width: card.width + STRIP_GAP / 2,
        height: ZONE_STRIP_HEIGHT,
      });
    });
  }
}

/** Arranges more than two top-level regions in a grid of {@link gridColumns}, in file order. */
function gridRegions(variant: Variant, positions: Map<string, Position>, card: Card): void {
  const topLevel = variant.nodes.filter((n) => n.parent === undefined);
  const regions = topLevel
    .filter((n) => n.kind === 'region')
    .map((n) => ({ id: n.id, box: positions.get(n.id) }))
    .filter((r): r is { id: string; box: Position } => r.box !== undefined);
  const columns = gridColumns(regions.length);
  if (regions.length <= columns) return;
  // (Two regions stay side by side where ELK put them; `spreadTopLevel` keeps them apart.)
  const left = Math.min(...regions.map((r) => r.box.x));
  const top = Math.min(...regions.map((r) => r.box.y));
  const bottomBefore = Math.max(...regions.map((r) => r.box.y + (r.box.height ?? 0)));
  const columnWidth = Math.max(...regions.map((r) => r.box.width ?? 0));
  let y = top;
  for (let row = 0; row * columns < regions.length; row += 1) {
    const inRow = regions.slice(row * columns, (row + 1) * columns);
    inRow.forEach((r, k) => {
      r.box.x = left + k * (columnWidth + REGION_GAP);
      r.box.y = y;
    });
    y += Math.max(...inRow.map((r) => r.box.height ?? 0)) + REGION_GAP;
  }
  const bottomAfter = y - REGION_GAP;
  const gridCentre = left + (columns * columnWidth + REGION_GAP) / 2;
  const others = topLevel
    .filter((n) => n.kind !== 'region')
    .map((n) => positions.get(n.id))
    .filter((p): p is Position => p !== undefined);
  const above = others.filter((p) => p.y < top);
  if (above.length > 0) {
    const from = Math.min(...above.map((p) => p.x));
    const to = Math.max(...above.map((p) => p.x + (p.width ?? card.width)));
    const shift = gridCentre - (from + to) / 2;
    for (const p of above) p.x += shift;
  }
  for (const p of others) if (p.y >= bottomBefore) p.y += bottomAfter - bottomBefore;
}

/**
 * Moves top-level nodes right where a region grown for its zone strip now overlaps the next
 * node of the same row (nodes whose vertical extents meet), keeping ELK's left-to-right order.
 */
function spreadTopLevel(variant: Variant, positions: Map<string, Position>, card: Card): void {
  const boxes = variant.nodes
    .filter((n) => n.parent === undefined)
    .map((n) => positions.get(n.id))
    .filter((p): p is Position => p !== undefined)
    .sort((a, b) => a.x - b.x);
  const width = (p: Position) => p.width ?? card.width;
  const height = (p: Position) => p.height ?? card.height;
  boxes.forEach((box, i) => {
    for (const before of boxes.slice(0, i)) {
      const sameRow = before.y < box.y + height(box) && box.y < before.y + height(before);
      const right = before.x + width(before) + REGION_GAP;
      if (sameRow && box.x < right) box.x = right;
    }
  });
}
