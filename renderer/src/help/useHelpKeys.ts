import { useEffect } from 'react';
import { isModalOpen, isTextEntry } from '../platform/focus';
import { usePlannerStore } from '../store/context';

/**
 * The help keys of the window: `?` (outside text fields) and F1 open the keyboard-shortcut sheet.
 * Find (Ctrl/Cmd+F) and the docs arrive as menu commands (the desktop's menu, or the browser
 * host's keys), like the other commands of the menu.
 */
export function useHelpKeys(): void {
  const store = usePlannerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isModalOpen() || event.altKey || event.ctrlKey || event.metaKey) return;
      const isSheetKey =
        (event.key === 'F1' && !event.shiftKey) ||
        (event.key === '?' && !isTextEntry(event.target));
      if (!isSheetKey) return;
      event.preventDefault();
      store.getState().setShortcutSheetOpen(true);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
