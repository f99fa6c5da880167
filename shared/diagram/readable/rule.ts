/**
 * The readability rule of a drawn layout, one for the canvas and every export: a variant whose
 * layout breaks it opens auto-laid-out on the canvas (renderer/src/canvas/readable.ts), and is
 * exported on a generated layout (shared/plan/diagram/layout.ts). It breaks the rule when:
 *
 * - no saved layout: some node of the variant has no saved position;
 * - overlaps: two boxes with the same parent (cards, zones, regions) overlap by more than
 *   {@link OVERLAP_TOLERANCE} canvas units each way;
 * - outside: a node is drawn partly outside the container it sits in (a component placed in a
 *   zone stays inside it);
 * - aspect: the whole drawing is more than {@link MAX_ASPECT} times as wide as tall, or as tall
 *   as wide (a 12-region design in one long row), which no window or page shows readably.
 */
import type { Variant } from '../../model/types';
import type { Box } from '../routing';

/** Widest ratio of width to height (or height to width) that reads as laid out. */
export const MAX_ASPECT = 4;
/** Overlap of two boxes that counts, canvas units each way (a shared edge is not an overlap). */
export const OVERLAP_TOLERANCE = 2;

/** Why a variant's layout does not read: the first rule it breaks. */
export type Unreadable = 'no-layout' | 'overlap' | 'outside' | 'aspect';

/**
 * The first rule of the module's list that `variant`'s layout breaks, undefined when it reads.
 * `boxes` are where the drawing puts each node, in absolute canvas units (not relative to the
 * parent as the file stores them); a node without a box is left out of the geometric checks.
 */
export function unreadableLayout(
  variant: Variant,
  boxes: ReadonlyMap<string, Box>,
): Unreadable | undefined {
  if (variant.nodes.length === 0) return undefined;
  const saved = variant.layout ?? {};
  if (variant.nodes.some((n) => saved[n.id] === undefined)) return 'no-layout';
  return unreadableBoxes(variant, boxes);
}

/**
 * The first geometric rule (overlap, outside, aspect) that `boxes` (absolute, canvas units)
 * break for `variant`'s containment, whatever placed them: what a generated layout answers to.
 */
export function unreadableBoxes(
  variant: Variant,
  boxes: ReadonlyMap<string, Box>,
): Exclude<Unreadable, 'no-layout'> | undefined {
  const siblings = new Map<string | undefined, Box[]>();
  for (const node of variant.nodes) {
    const box = boxes.get(node.id);
    if (box) siblings.set(node.parent, [...(siblings.get(node.parent) ?? []), box]);
  }
  for (const group of siblings.values()) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        if (overlap(group[i] as Box, group[j] as Box)) return 'overlap';
      }
    }
  }
  for (const node of variant.nodes) {
    const box = boxes.get(node.id);
    const parent = node.parent === undefined ? undefined : boxes.get(node.parent);
    if (box && parent && !inside(box, parent)) return 'outside';
  }
  const top = variant.nodes
    .filter((n) => n.parent === undefined)
    .flatMap((n) => boxes.get(n.id) ?? []);
  if (top.length === 0) return undefined;
  const width = Math.max(...top.map((b) => b.x + b.width)) - Math.min(...top.map((b) => b.x));
  const height = Math.max(...top.map((b) => b.y + b.height)) - Math.min(...top.map((b) => b.y));
  if (width > MAX_ASPECT * height || height > MAX_ASPECT * width) return 'aspect';
  return undefined;
}

function overlap(a: Box, b: Box): boolean {
  const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return across > OVERLAP_TOLERANCE && down > OVERLAP_TOLERANCE;
}

/** `box` lies within `parent` (both absolute), give or take the tolerance. */
function inside(box: Box, parent: Box): boolean {
  return (
    box.x >= parent.x - OVERLAP_TOLERANCE &&
    box.y >= parent.y - OVERLAP_TOLERANCE &&
    box.x + box.width <= parent.x + parent.width + OVERLAP_TOLERANCE &&
    box.y + box.height <= parent.y + parent.height + OVERLAP_TOLERANCE
  );
}
