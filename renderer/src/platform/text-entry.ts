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
