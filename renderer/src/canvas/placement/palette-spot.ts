/**
 * Where a click (or Enter) on a palette item puts the new node: in the selected container (or
 * the selected node's container), else in the middle of what the canvas shows, always in view.
 */
import { NEW_CONTAINER_SIZE } from '../../../../shared/model/ops/add-node';
import { canPlace, dropTarget } from '../../../../shared/model/ops/placement';
import type { ModelNode, NodeKind, Variant } from '../../../../shared/model/types';
import { layoutVariant } from '../layout';
import { centreOf, intersectionOf, separation, type Point, type Rect } from './geometry';
import { TOP_LEVEL_GAP } from './tidy';
import { absoluteBox, containersAt, isContainer } from './variant-geometry';

/** The container the new node goes in (undefined: the top level) and the point to centre it on. */
export interface PaletteSpot {
  readonly parentId: string | undefined;
  /** Canvas coordinates: the middle of the visible part of the container, or of the view. */
  readonly centre: Point;
}

/**
 * Where a palette click adds a node of `kind`, given the selection and `view`, the part of the
 * canvas on screen (canvas coordinates):
 *
 * - one node selected: its container (the node itself when it is a region or a zone), or the
 *   nearest container around it that may hold the kind (a region clicked with a zone selected
 *   goes to the top level); the centre is the middle of that container's part in view;
 * - else the container under the middle of the view that may hold it, at the middle of the view;
 * - a zone with no region chosen so goes in the region under the middle of the view, else the
 *   region nearest to it. Null when there is no region for a zone;
 * - a region goes at the top level, right of the rightmost region, level with the highest
 *   (regions stand in a row, as in the automatic layout); the first one, in the middle of the
 *   view. The caller scrolls it into view.
 *
 * The node then takes the free spot nearest to the centre (the tidy rule's `arriving`), or for a
 * zone its region's next slot.
 */
export function paletteSpot(
  variant: Variant,
  kind: NodeKind,
  selectedIds: readonly string[],
  view: Rect,
): PaletteSpot | null {
  const boxes = layoutVariant(variant);
  const byId = new Map(variant.nodes.map((n) => [n.id, n]));
  const viewCentre = centreOf(view);
  const inView = (container: ModelNode): PaletteSpot => {
    const box = absoluteBox(variant, boxes, container.id);
    return { parentId: container.id, centre: centreOf(intersectionOf(box, view) ?? box) };
  };

  // Regions stand in a row, like the automatic layout: a new one goes right of the last.
  const regions = variant.nodes
    .filter((n) => n.kind === 'region')
    .map((n) => absoluteBox(variant, boxes, n.id));
  if (kind === 'region' && regions.length > 0) {
    const right = Math.max(...regions.map((r) => r.x + r.width));
    const top = Math.min(...regions.map((r) => r.y));
    const size = NEW_CONTAINER_SIZE.region;
    return {
      parentId: undefined,
      centre: { x: right + TOP_LEVEL_GAP + size.width / 2, y: top + size.height / 2 },
    };
  }

  const selected = selectedIds.length === 1 ? byId.get(selectedIds[0] ?? '') : undefined;
  if (selected) {
    let at: ModelNode | undefined = isContainer(selected)
      ? selected
      : selected.parent === undefined
        ? undefined
        : byId.get(selected.parent);
    const seen = new Set<string>();
    while (at && !canPlace(kind, at) && !seen.has(at.id)) {
      seen.add(at.id);
      at = at.parent === undefined ? undefined : byId.get(at.parent);
    }
    if (at) return inView(at);
    if (canPlace(kind, undefined)) return { parentId: undefined, centre: viewCentre };
  }
  const target = dropTarget(kind, containersAt(variant, viewCentre, new Set(), boxes));
  if (target !== null) return { parentId: target?.id, centre: viewCentre };
  const nearest = variant.nodes
    .filter((n) => n.kind === 'region')
    .map((n) => ({
      node: n,
      distance: separation(absoluteBox(variant, boxes, n.id), {
        ...viewCentre,
        width: 0,
        height: 0,
      }),
    }))
    .sort((a, b) => a.distance - b.distance)[0]?.node;
  return nearest ? inView(nearest) : null;
}
