import { useEffect, useRef } from 'react';

/** A `<dialog>` ref shown as a modal while `isOpen` (the element mounts only while needed). */
export function useModalDialog(isOpen: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (isOpen && !dialog.current?.open) dialog.current?.showModal();
  }, [isOpen]);
  return dialog;
}
