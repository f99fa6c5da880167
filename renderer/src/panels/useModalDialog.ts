import { useEffect, useRef } from 'react';

/** True when the focus is nowhere a person can see: on the page's body, or in `dialog`. */
function isFocusLost(dialog: HTMLDialogElement): boolean {
  const at = document.activeElement;
  return at === null || at === document.body || dialog.contains(at) || !at.isConnected;
}

/**
 * A `<dialog>` ref shown as a modal while `isOpen` (the element mounts only while needed). Once
 * shown, the element marked `data-autofocus` (the safe answer) has the focus: `showModal` would
 * otherwise focus the first button, and Enter would pick it. When it closes (Escape, a button) or
 * unmounts (an answer that ends the question), the focus goes back to what had it when the dialog
 * opened, its opener, unless it already went somewhere else or the opener is gone.
 */
export function useModalDialog(isOpen: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!isOpen || !element) return;
    const before = document.activeElement;
    const opener = before instanceof HTMLElement && !element.contains(before) ? before : null;
    if (!element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    const giveBack = () => {
      if (opener?.isConnected && isFocusLost(element)) opener.focus();
    };
    element.addEventListener('close', giveBack);
    return () => {
      element.removeEventListener('close', giveBack);
      giveBack();
    };
  }, [isOpen]);
  return dialog;
}
