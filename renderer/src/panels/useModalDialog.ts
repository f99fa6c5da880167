import { useEffect, useRef } from 'react';

/**
 * A `<dialog>` ref shown as a modal while `isOpen` (the element mounts only while needed). Once
 * shown, the element marked `data-autofocus` (the safe answer) has the focus: `showModal` would
 * otherwise focus the first button, and Enter would pick it.
 */
export function useModalDialog(isOpen: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!isOpen || !element || element.open) return;
    element.showModal();
    element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [isOpen]);
  return dialog;
}
