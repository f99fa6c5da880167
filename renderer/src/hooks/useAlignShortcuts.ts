import { useEffect } from 'react';
import { alignSelection, distributeSelection } from '../canvas/editor-commands';
import type { Alignment, Spacing } from '../canvas/placement';
import { isModalOpen, isTextEntry } from '../platform/focus';
import { usePlannerStore } from '../store/context';

/** Alt + a letter aligns the selection (the letters design tools use), Alt+Shift+H / V spaces it. */
const ALIGN_KEYS: Readonly<Record<string, Alignment>> = {
  KeyA: 'left',
  KeyH: 'centre',
  KeyD: 'right',
  KeyW: 'top',
  KeyV: 'middle',
  KeyS: 'bottom',
};

/** Alt+Shift + a letter spaces the selection evenly. */
const SPACING_KEYS: Readonly<Record<string, Spacing>> = {
  KeyH: 'horizontal',
  KeyV: 'vertical',
};

/**
 * The align and distribute keys of the canvas, outside text fields and dialogs: Alt+A / H / D
 * (left, centres, right), Alt+W / V / S (top, middles, bottom), Alt+Shift+H / V (space evenly
 * across, down). They act on two or more selected nodes (three to space them); each one undo step.
 */
export function useAlignShortcuts(): void {
  const store = usePlannerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTextEntry(event.target) || isModalOpen()) return;
      if (store.getState().selectedNodeIds.length < 2) return;
      const spacing = event.shiftKey ? SPACING_KEYS[event.code] : undefined;
      const alignment = event.shiftKey ? undefined : ALIGN_KEYS[event.code];
      if (spacing) distributeSelection(store, spacing);
      else if (alignment) alignSelection(store, alignment);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
