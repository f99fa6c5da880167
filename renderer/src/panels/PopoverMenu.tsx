import type { KeyboardEvent, MouseEvent, ReactNode, ToggleEvent } from 'react';

/** A menu's items: `menuitem`, and `menuitemradio` / `menuitemcheckbox` (the theme menu's). */
const ITEM = '[role^="menuitem"]:not(:disabled)';

/** Moves the focus between a menu's items with the arrow keys, Home and End. */
function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(ITEM)];
  const at = items.findIndex((item) => item === document.activeElement);
  const next = {
    ArrowDown: (at + 1) % items.length,
    ArrowUp: (at - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  }[event.key];
  if (next === undefined || items.length === 0) return;
  event.preventDefault();
  items[next]?.focus();
}

/**
 * A toolbar menu as a popover (`role="menu"`), opened by a button with `popoverTarget={id}`:
 * it opens with its first item focused, the arrow keys, Home and End move between the items,
 * a choice, Escape or a click elsewhere closes it (Escape gives the focus back to the button).
 * Its items are buttons with `role="menuitem"` and the class `menu-item`.
 */
export function PopoverMenu({
  id,
  label,
  className,
  onOpen,
  children,
}: {
  /** Element id, the opening button's `popoverTarget`. */
  id: string;
  /** Accessible name of the menu. */
  label: string;
  /** Class that places the menu by its button (CSS anchor positioning). */
  className: string;
  /** Called each time the menu opens. */
  onOpen?: () => void;
  children: ReactNode;
}) {
  const onToggle = (event: ToggleEvent<HTMLDivElement>) => {
    if (event.newState !== 'open') return;
    onOpen?.();
    event.currentTarget.querySelector<HTMLElement>(ITEM)?.focus();
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target instanceof Element && event.target.closest(ITEM)) {
      event.currentTarget.hidePopover();
    }
  };
  return (
    <div
      id={id}
      className={`menu-popover ${className}`}
      popover="auto"
      role="menu"
      aria-label={label}
      onToggle={onToggle}
      onKeyDown={moveFocus}
      onClick={onClick}
    >
      {children}
    </div>
  );
}
