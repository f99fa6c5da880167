/**
 * Where each box goes, in canvas units: from `variant.layout` (relative to the parent container,
 * as in the file) when every node has one, else from a deterministic grid, so that a file
 * written by hand still gets a readable figure.
 */
import type { ModelNode, Variant } from '../../model/types';
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
 * A deterministic grid in canvas units: global components in a row on top; regions side by
 * side below, each with its own components in rows of three and its zones as columns under
 * them, each zone stacking its components.
 */
export function boxesFromGrid(variant: Variant): Map<string, Box> {
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
