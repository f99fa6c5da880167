/**
 * The tidy rule: after any edit that places, moves or sizes something, nothing overlaps what it
 * does not belong to. Stated on the containment tree (the top level, each region, each zone):
 *
 * 1. every child lies inside its container, right of its padding and below its title bar;
 * 2. siblings do not overlap;
 * 3. a container is at least as large as what it holds, plus padding (it grows, never shrinks;
 *    when something is placed on purpose left of or above its content area, it grows that way);
 * 4. the zones of a region's strip (the same top) are as tall as the tallest, where that
 *    overlaps nothing.
 *
 * Together these keep every pair of nodes of which neither holds the other apart: a card in a
 * zone cannot overlap another zone, since the two zones are apart and each holds its own.
 *
 * How: containers are arranged from the innermost out. In each container the children are laid
 * down one by one, in order of precedence, and each one that overlaps something already laid
 * down moves to the nearest free position (`nearestFree`), keeping a gap; the others stay
 * exactly where they are. Precedence: what the edit placed on purpose (`anchored`: a dropped,
 * resized or aligned node) first, then the containers that grew during this tidy (a region that
 * grows pushes its neighbours aside), then the rest, nearest to those first, then what the edit
 * brings in (`arriving`: an added or pasted node, which takes the nearest free spot rather than
 * pushing). Moving a container moves what it holds (positions are relative). Everything is
 * rounded to whole pixels first, so the result is deterministic and exact.
 */
import { CONTAINER_HEADER, CONTAINER_PADDING } from '../../../../shared/model/ops/layout';
import {
  clampTo,
  nearestFree,
  overlaps,
  separation,
  UNBOUNDED,
  type Bounds,
  type Rect,
} from './geometry';

/** What a node is for the tidy rule: a container of one of two kinds, or a card. */
export type Shape = 'region' | 'zone' | 'card';

/** A node of the containment tree; `parent` undefined for the top level. */
export interface TreeNode {
  readonly id: string;
  readonly parent?: string | undefined;
  readonly shape: Shape;
}

/** What the edit did, for precedence (see the module's comment). */
export interface TidyEdit {
  /** Nodes placed on purpose: they stay where they are and push others aside. */
  readonly anchored?: readonly string[];
  /** Nodes brought in: they take the free position nearest to where they were asked for. */
  readonly arriving?: readonly string[];
}

/** Space kept between siblings moved aside inside a container, px. */
export const SIBLING_GAP = CONTAINER_PADDING;

/** Space kept between top-level nodes (regions, global cards) moved aside, px. */
export const TOP_LEVEL_GAP = 40;

/** Where the children of a container of `shape` start (undefined: the top level). */
export function boundsOf(shape: Shape | undefined): Bounds {
  if (shape === undefined || shape === 'card') return UNBOUNDED;
  return { minX: CONTAINER_PADDING, minY: CONTAINER_HEADER[shape] };
}

/** A box on whole pixels: position rounded, size rounded up. */
export function wholePixels(r: Rect): Rect {
  return {
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.ceil(r.width),
    height: Math.ceil(r.height),
  };
}

/**
 * Applies the tidy rule to `boxes` (relative to each node's container, keyed by id; every node of
 * `nodes` must have one) after `edit`. Returns every node's box, changed only where the rule
 * needs it. Pure and deterministic.
 */
export function tidy(
  nodes: readonly TreeNode[],
  boxes: ReadonlyMap<string, Rect>,
  edit: TidyEdit = {},
): Map<string, Rect> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, Rect>();
  for (const node of nodes) {
    const box = boxes.get(node.id);
    if (!box) throw new Error(`no box for node "${node.id}"`);
    out.set(node.id, wholePixels(box));
  }
  const kidsOf = new Map<string | undefined, TreeNode[]>();
  for (const node of nodes) {
    const parent = node.parent !== undefined && byId.has(node.parent) ? node.parent : undefined;
    kidsOf.set(parent, [...(kidsOf.get(parent) ?? []), node]);
  }
  const anchored = edit.anchored ?? [];
  const arriving = new Set((edit.arriving ?? []).filter((id) => !anchored.includes(id)));
  const grown = new Set<string>();
  const boxOf = (id: string): Rect => out.get(id) as Rect;

  const arrange = (containerId: string | undefined) => {
    const kids = kidsOf.get(containerId) ?? [];
    for (const kid of kids) if (kid.shape !== 'card') arrange(kid.id);
    const container = containerId === undefined ? undefined : byId.get(containerId);
    const bounds = boundsOf(container?.shape);
    const gap = container ? SIBLING_GAP : TOP_LEVEL_GAP;
    const ids = new Set(kids.map((k) => k.id));
    const first = [
      ...anchored.filter((id) => ids.has(id)),
      ...kids.filter((k) => grown.has(k.id) && !anchored.includes(k.id)).map((k) => k.id),
    ];
    const firstSet = new Set(first);
    const distance = (id: string) =>
      first.length === 0 ? 0 : Math.min(...first.map((f) => separation(boxOf(id), boxOf(f))));
    const rest = kids
      .map((k) => k.id)
      .filter((id) => !firstSet.has(id) && !arriving.has(id))
      .map((id) => ({ id, distance: distance(id), box: boxOf(id) }))
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          a.box.y - b.box.y ||
          a.box.x - b.box.x ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      )
      .map((r) => r.id);
    const last = (edit.arriving ?? []).filter((id) => arriving.has(id) && ids.has(id));
    if (container) extendToHold(container.id, first, kids, bounds);
    const placed: Rect[] = [];
    for (const id of [...first, ...rest, ...last]) {
      let box = clampTo(boxOf(id), bounds);
      if (placed.some((p) => overlaps(box, p))) {
        const at = nearestFree(box, placed, bounds, gap);
        box = { ...box, x: at.x, y: at.y };
      }
      out.set(id, box);
      placed.push(box);
    }
    if (!container) return;
    if (container.shape === 'region') evenStrip(kids);
    const held = kids.map((k) => boxOf(k.id));
    grow(container.id, held);
  };

  /**
   * The zones of a region that stand in one row (the same top) are drawn as tall as the tallest
   * of them, like the columns of a provider's console, where that overlaps nothing.
   */
  const evenStrip = (kids: readonly TreeNode[]) => {
    const zones = kids.filter((k) => k.shape === 'zone');
    for (const zone of zones) {
      const box = boxOf(zone.id);
      const row = zones.filter((z) => boxOf(z.id).y === box.y);
      const height = Math.max(...row.map((z) => boxOf(z.id).height));
      if (height === box.height) continue;
      const taller = { ...box, height };
      const isFree = kids.every((k) => k.id === zone.id || !overlaps(taller, boxOf(k.id)));
      if (isFree) out.set(zone.id, taller);
    }
  };

  /**
   * A node placed on purpose (or a container that grew) left of or above where its container's
   * content starts: the container grows that way instead, its other children keeping their
   * place on screen.
   */
  const extendToHold = (
    id: string,
    first: readonly string[],
    kids: readonly TreeNode[],
    bounds: Bounds,
  ) => {
    const left = Math.max(0, ...first.map((k) => bounds.minX - boxOf(k).x));
    const up = Math.max(0, ...first.map((k) => bounds.minY - boxOf(k).y));
    if (left === 0 && up === 0) return;
    for (const kid of kids) {
      const box = boxOf(kid.id);
      out.set(kid.id, { ...box, x: box.x + left, y: box.y + up });
    }
    const box = boxOf(id);
    out.set(id, {
      x: box.x - left,
      y: box.y - up,
      width: box.width + left,
      height: box.height + up,
    });
    grown.add(id);
  };

  const grow = (id: string, held: readonly Rect[]) => {
    const box = boxOf(id);
    let { width, height } = box;
    for (const kid of held) {
      width = Math.max(width, kid.x + kid.width + CONTAINER_PADDING);
      height = Math.max(height, kid.y + kid.height + CONTAINER_PADDING);
    }
    if (width !== box.width || height !== box.height) {
      out.set(id, { ...box, width, height });
      grown.add(id);
    }
  };

  arrange(undefined);
  return out;
}
