/**
 * Open readable: a variant whose layout would not read opens auto-laid-out, as an edit of the
 * document that Undo takes back (never a silent change to the file). The rule (no saved layout,
 * overlapping siblings, a node outside its container, a drawing more than 4:1 either way) is
 * shared with the exports (`shared/diagram/readable`), checked here on the boxes the canvas
 * draws, once when a document opens or another variant is shown.
 */
import { useEffect, useRef } from 'react';
import { type Unreadable, unreadableLayout } from '../../../shared/diagram/readable';
import type { Variant } from '../../../shared/model/types';
import { layoutVariant } from './layout';
import { absoluteBox } from './placement';
import type { CanvasView, PlannerStore } from '../store/create-store';

/** The first rule of the shared readability rule that `variant` breaks as the canvas draws it. */
export function canvasUnreadable(variant: Variant): Unreadable | undefined {
  const boxes = layoutVariant(variant);
  const absolute = new Map(variant.nodes.map((n) => [n.id, absoluteBox(variant, boxes, n.id)]));
  return unreadableLayout(variant, absolute);
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
    if (typeof Worker === 'undefined' || canvasUnreadable(variant) === undefined) return;
    const view = readView();
    // Loaded when first needed: ELK's worker is a chunk of its own.
    void import('./auto-layout').then(({ autoLayout }) => autoLayout(store, view)).then(fit);
  }, [store, variant, key, readView, fit]);
}
