import { Zap } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { WhatIfChoice } from './what-if';

/** Where the menu opens, px from the canvas's top-left corner, and what it offers. */
export interface WhatIfMenuRequest<C extends { readonly label: string } = WhatIfChoice> {
  readonly x: number;
  readonly y: number;
  readonly title: string;
  readonly choices: readonly C[];
}

/**
 * The canvas's context menu: "what if" questions about the node or edge under the pointer
 * (right click, or the context-menu key / Shift+F10 on the selected node), and the same menu
 * for the targets of an edge drawn from the keyboard (`C`). Arrow keys move, Enter chooses,
 * Escape, a click elsewhere or a scroll closes it.
 */
export function WhatIfMenu<C extends { readonly label: string } = WhatIfChoice>({
  request,
  onChoose,
  onClose,
  testId = 'what-if-menu',
}: {
  request: WhatIfMenuRequest<C>;
  onChoose: (choice: C) => void;
  onClose: () => void;
  testId?: string;
}) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('wheel', onClose, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('wheel', onClose, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [
      ...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []),
    ];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else if (event.key !== 'Tab') return;
    // Keys the menu handles go no further (Escape would also leave scenario mode).
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Tab') onClose();
  };

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={request.title}
      className="what-if-menu nodrag nopan"
      data-testid={testId}
      style={{ left: request.x, top: request.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      <div className="what-if-menu__title" aria-hidden>
        <Zap size={13} aria-hidden /> {request.title}
      </div>
      {request.choices.map((choice, i) => (
        <button
          key={`${i}-${choice.label}`}
          type="button"
          role="menuitem"
          className="what-if-menu__item"
          onClick={() => onChoose(choice)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
