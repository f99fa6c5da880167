import { useEffect } from 'react';
import { isModalOpen, isTextEntry } from '../platform/focus';
import { usePlannerStore } from '../store/context';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  nudgeSelection,
  pasteClipboard,
  resizeSelection,
  selectAll,
} from '../canvas/editor-commands';

/** How far Ctrl/Cmd+Shift+arrow moves a container's right or bottom edge, px. */
const RESIZE_STEP = 10;

/** The step an arrow key (lower case) stands for, `step` px, or undefined for another key. */
function arrowDelta(key: string, step: number): { x: number; y: number } | undefined {
  return {
    arrowleft: { x: -step, y: 0 },
    arrowright: { x: step, y: 0 },
    arrowup: { x: 0, y: -step },
    arrowdown: { x: 0, y: step },
  }[key];
}

/**
 * The editing keys of the canvas, outside text fields and while the canvas is in view (not
 * behind Compare or a chart opened wide): Delete / Backspace, Ctrl/Cmd+A (select all), C / X / V
 * (also through the copy, cut and paste events the desktop menu sends), D (duplicate), the
 * arrows to nudge (Shift: 10 px steps) and Ctrl/Cmd+Shift+arrows to resize the selected region or
 * zone by its right and bottom edges (10 px steps). The shortcut sheet lists them (help/shortcuts.ts).
 */
export function useEditorShortcuts(): void {
  const store = usePlannerStore();
  useEffect(() => {
    const isCanvasHidden = () => {
      const { view, wideChart } = store.getState();
      return view !== 'design' || wideChart !== null;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextEntry(event.target) || isModalOpen() || event.altKey || isCanvasHidden()) return;
      const isCommand = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (!isCommand && !event.shiftKey && (key === 'delete' || key === 'backspace')) {
        event.preventDefault();
        deleteSelection(store);
      } else if (isCommand && key === 'a' && !event.shiftKey) {
        event.preventDefault();
        selectAll(store);
      } else if (isCommand && key === 'd' && !event.shiftKey) {
        event.preventDefault();
        duplicateSelection(store);
      } else if (!isCommand && key.startsWith('arrow')) {
        const delta = arrowDelta(key, event.shiftKey ? 10 : 1);
        if (delta && nudgeSelection(store, delta)) event.preventDefault();
      } else if (isCommand && event.shiftKey && key.startsWith('arrow')) {
        const delta = arrowDelta(key, RESIZE_STEP);
        if (delta && resizeSelection(store, delta)) event.preventDefault();
      }
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isTextEntry(event.target) || isModalOpen() || isCanvasHidden()) return;
      if (copySelection(store)) event.preventDefault();
    };
    const onCut = (event: ClipboardEvent) => {
      if (isTextEntry(event.target) || isModalOpen() || isCanvasHidden()) return;
      if (copySelection(store)) {
        event.preventDefault();
        deleteSelection(store);
      }
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target) || isModalOpen() || isCanvasHidden()) return;
      if (pasteClipboard(store)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store]);
}
