/** The canvas layout written into each template: regions side by side, zones as columns, cards in rows. */
import type { Position, Variant } from '../shared/model/types';

// ---- Layout: containers carry sizes, children sit relative to their parent. ----
const CARD = { width: 200, height: 72 };
const GAP = 16;
const HEADER = 44;
const ZONE_HEADER = 32;

const COLUMN = CARD.width + GAP;
const REGION_GAP = 48;

/**
 * Positions every node: global nodes in a row on top, regions below in a grid of at most two
 * columns (so three regions stay readable at 1280 × 800), each region with its components in
 * rows under the title and its zones as a strip of columns at the bottom.
 */
export function layoutVariant(variant: Omit<Variant, 'layout'>): Variant {
  const layout: Record<string, Position> = {};
  const children = (id: string | undefined) => variant.nodes.filter((n) => n.parent === id);
  const regions = children(undefined).filter((n) => n.kind === 'region');
  const globals = children(undefined).filter((n) => n.kind !== 'region');

  const sizes = regions.map((region) => {
    const inside = children(region.id);
    const zones = inside.filter((n) => n.kind === 'zone');
    const parts = inside.filter((n) => n.kind !== 'zone');
    const columns = Math.max(zones.length, 3);
    parts.forEach((node, i) => {
      layout[node.id] = {
        x: GAP + (i % columns) * COLUMN,
        y: HEADER + Math.floor(i / columns) * (CARD.height + GAP),
      };
    });
    const zoneTop = HEADER + Math.ceil(parts.length / columns) * (CARD.height + GAP) + 8;
    const zoneHeight = Math.max(
      ZONE_HEADER + 24,
      ...zones.map((zone) => ZONE_HEADER + children(zone.id).length * (CARD.height + GAP) + 8),
    );
    zones.forEach((zone, i) => {
      children(zone.id).forEach((node, j) => {
        layout[node.id] = { x: GAP / 4, y: ZONE_HEADER + j * (CARD.height + GAP) };
      });
      layout[zone.id] = {
        x: GAP / 2 + i * COLUMN,
        y: zoneTop,
        width: CARD.width + GAP / 2,
        height: zoneHeight,
      };
    });
    return { width: GAP + columns * COLUMN, height: zoneTop + zoneHeight + GAP };
  });

  const gridColumns = Math.min(2, regions.length);
  const columnWidth = Math.max(0, ...sizes.map((size) => size.width));
  const top = globals.length > 0 ? CARD.height + 64 : 0;
  let y = top;
  for (let row = 0; row * gridColumns < regions.length; row += 1) {
    const inRow = regions.slice(row * gridColumns, (row + 1) * gridColumns);
    const rowHeight = Math.max(...inRow.map((_, k) => sizes[row * gridColumns + k]?.height ?? 0));
    inRow.forEach((region, k) => {
      const size = sizes[row * gridColumns + k] as { width: number; height: number };
      layout[region.id] = { x: k * (columnWidth + REGION_GAP), y, ...size };
    });
    y += rowHeight + REGION_GAP;
  }
  const total = Math.max(gridColumns * (columnWidth + REGION_GAP) - REGION_GAP, CARD.width);
  globals.forEach((node, i) => {
    layout[node.id] = {
      x: total / 2 - (globals.length * COLUMN - GAP) / 2 + i * COLUMN,
      y: 0,
    };
  });
  return { ...variant, layout };
}
