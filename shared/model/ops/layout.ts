/**
 * Positions on the canvas, as the file stores them (`variant.layout`): relative to the parent
 * container, containers with a width and a height. The operations take the boxes the canvas
 * shows (`BoxMap`, relative like the file) so that what they write matches what the user sees.
 */
import type { Position, Variant } from '../types';

/** A node's box, px; x and y relative to its parent container (or the canvas). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Boxes of the nodes of one variant, keyed by node id. */
export type BoxMap = ReadonlyMap<string, Box>;

/** Space kept between a container's border and what it holds, px. */
export const CONTAINER_PADDING = 14;

/** Height of a container's title bar, px: what it holds starts below it. */
export const CONTAINER_HEADER = { region: 46, zone: 34 } as const;

/**
 * A position inside a container of `kind` kept clear of its title bar and left border (a
 * top-level position is returned as it is).
 */
export function clearOfHeader(position: Point, kind: 'region' | 'zone' | undefined): Point {
  if (kind === undefined) return position;
  return {
    x: Math.max(position.x, CONTAINER_PADDING),
    y: Math.max(position.y, CONTAINER_HEADER[kind]),
  };
}

/** A point, px. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The top-left corner of `nodeId` in canvas coordinates (its box plus its ancestors'). */
export function absolutePosition(variant: Variant, boxes: BoxMap, nodeId: string): Point {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  let x = 0;
  let y = 0;
  const seen = new Set<string>();
  for (let id: string | undefined = nodeId; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const box = boxes.get(id);
    x += box?.x ?? 0;
    y += box?.y ?? 0;
    id = byId.get(id)?.parent;
  }
  return { x, y };
}

/** Rounds a coordinate to a whole pixel so that saved files stay short and stable. */
function round(n: number): number {
  return Math.round(n);
}

/** `variant` with `nodeId` at `position` (relative to its parent), its saved size kept. */
export function setPosition(variant: Variant, nodeId: string, position: Point): Variant {
  const old = variant.layout?.[nodeId];
  const entry: Position = { ...old, x: round(position.x), y: round(position.y) };
  return { ...variant, layout: { ...variant.layout, [nodeId]: entry } };
}

/**
 * Grows the containers around `nodeId` (its parent, then the parent's parent…) so that each
 * holds its children with padding; a container grows, it never shrinks here. Sizes are taken
 * from `boxes` where the layout has none, and written to the layout.
 */
export function growAncestors(variant: Variant, boxes: BoxMap, nodeId: string): Variant {
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  let next = variant;
  const boxOf = (id: string): Box | undefined => {
    const saved = next.layout?.[id];
    const shown = boxes.get(id);
    if (!saved && !shown) return undefined;
    return {
      x: saved?.x ?? shown?.x ?? 0,
      y: saved?.y ?? shown?.y ?? 0,
      width: saved?.width ?? shown?.width ?? 0,
      height: saved?.height ?? shown?.height ?? 0,
    };
  };
  const seen = new Set<string>();
  for (let parentId = byId.get(nodeId)?.parent; parentId !== undefined;) {
    if (seen.has(parentId)) break;
    seen.add(parentId);
    const parent = boxOf(parentId);
    if (!parent) break;
    let { width, height } = parent;
    for (const child of variant.nodes) {
      if (child.parent !== parentId) continue;
      const box = boxOf(child.id);
      if (!box) continue;
      width = Math.max(width, box.x + box.width + CONTAINER_PADDING);
      height = Math.max(height, box.y + box.height + CONTAINER_PADDING);
    }
    if (width !== parent.width || height !== parent.height || !next.layout?.[parentId]) {
      next = {
        ...next,
        layout: {
          ...next.layout,
          [parentId]: {
            x: round(parent.x),
            y: round(parent.y),
            width: Math.ceil(width),
            height: Math.ceil(height),
          },
        },
      };
    }
    parentId = byId.get(parentId)?.parent;
  }
  return next;
}

/** `variant` with the positions (relative, as in the file) of `positions` applied as given. */
export function applyPositions(
  variant: Variant,
  positions: ReadonlyMap<string, Position>,
): Variant {
  const ids = new Set(variant.nodes.map((n) => n.id));
  const layout: Record<string, Position> = { ...variant.layout };
  for (const [id, position] of positions) {
    if (!ids.has(id)) continue;
    const entry: Position = { x: round(position.x), y: round(position.y) };
    if (position.width !== undefined) entry.width = Math.ceil(position.width);
    if (position.height !== undefined) entry.height = Math.ceil(position.height);
    layout[id] = entry;
  }
  return { ...variant, layout };
}
