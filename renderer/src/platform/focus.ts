/**
 * Where the keyboard is: the checks the window's shortcuts and menu commands make before they act
 * on the design rather than on what has the focus.
 */

/**
 * Whether keys pressed in `target` belong to a field the person is typing in (a text input, a
 * text area, a select or editable content), where the canvas's shortcuts must not act.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Whether a modal dialog is open: the design underneath takes no commands meanwhile. */
export function isModalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
