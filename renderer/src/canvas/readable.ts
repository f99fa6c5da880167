/**
 * Open readable: a variant whose layout would not read opens auto-laid-out, as an edit of the
 * document that Undo takes back (never a silent change to the file). The rule, checked once when
 * a document opens or another variant is shown:
 *
 * - no saved layout: some node of the variant has no saved position;
 * - overlaps: two boxes with the same parent (cards, zones, regions) overlap by more than
 *   {@link OVERLAP_TOLERANCE} px each way;
 * - outside: a node is drawn partly outside the container it sits in (a component placed in a
 *   zone stays inside it);
 * - aspect: the whole drawing is more than {@link MAX_ASPECT} times as wide as tall, or as tall
 *   as wide (a 12-region design in one long row), which no window shows readably when fitted.
 */
import { useEffect, useRef } from 'react';
import type { Variant } from '../../../shared/model/types';
import { layoutVariant, type Box } from './layout';
import type { CanvasView, PlannerStore } from '../store/create-store';

/** Widest ratio of width to height (or height to width) that opens as laid out. */
export const MAX_ASPECT = 4;
/** Overlap of two boxes that counts, px each way (a snapped edge shared is not an overlap). */
export const OVERLAP_TOLERANCE = 2;

/** Why a variant's layout does not read: the first rule it breaks. */
export type Unreadable = 'no-layout' | 'overlap' | 'outside' | 'aspect';

/** The first rule of the module's list that `variant`'s layout breaks; undefined when it reads. */
export function unreadableLayout(variant: Variant): Unreadable | undefined {
  if (variant.nodes.length === 0) return undefined;
  const saved = variant.layout ?? {};
  if (variant.nodes.some((n) => saved[n.id] === undefined)) return 'no-layout';
  const boxes = layoutVariant(variant);
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

/** `box` (relative to its parent) lies within `parent`'s size, give or take the tolerance. */
function inside(box: Box, parent: Box): boolean {
  return (
    box.x >= -OVERLAP_TOLERANCE &&
    box.y >= -OVERLAP_TOLERANCE &&
    box.x + box.width <= parent.width + OVERLAP_TOLERANCE &&
    box.y + box.height <= parent.height + OVERLAP_TOLERANCE
  );
}

/**
 * Lays out, once per opening (`key`: the document's open count and the variant's id), a variant
 * whose layout does not read, as one undo step, then fits it in view. Needs ELK's Web Worker:
 * where there is none (a unit test's DOM), the layout is left as it is.
 */
export function useReadableOnOpen(
  store: PlannerStore,
  variant: Variant | undefined,
  key: string,
  readView: () => CanvasView,
  fit: () => void,
): void {
  const checked = useRef<string | null>(null);
  useEffect(() => {
    if (!variant || checked.current === key) return;
    checked.current = key;
    if (typeof Worker === 'undefined' || unreadableLayout(variant) === undefined) return;
    const view = readView();
    // Loaded when first needed: ELK's worker is a chunk of its own.
    void import('./auto-layout').then(({ autoLayout }) => autoLayout(store, view)).then(fit);
  }, [store, variant, key, readView, fit]);
}
