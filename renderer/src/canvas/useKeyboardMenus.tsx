/**
 * The canvas's keyboard menus on the selected node: `C` connects it (the nodes it may be joined
 * to, `connectTargets`; the edge is drawn as the pointer would, `connectNodes`) and `M` moves it
 * into another container (the containers a drag could drop it in, `moveTargets`;
 * `moveNodeInto`). Either choice is one undo step; the focus goes back to the node and the
 * canvas says what was done, or why nothing can be.
 */
import { useCallback, useEffect, useState, type ReactNode, type RefObject } from 'react';
import type { ModelNode, Variant } from '../../../shared/model/types';
import { isModalOpen, isTextEntry } from '../platform/focus';
import type { PlannerStore } from '../store/create-store';
import { selectActiveVariant } from '../store/selectors';
import { connectedSentence, connectTargets } from './connect-targets';
import { displayName } from './describe';
import { connectNodes, moveNodeInto } from './editor-commands';
import { moveTargets } from './move-targets';
import { WhatIfMenu, type WhatIfMenuRequest } from './WhatIfMenu';

/** Where a menu of `count` items opens for a point on screen, or null when it cannot. */
export type PlaceMenu = (
  clientX: number,
  clientY: number,
  count: number,
) => { x: number; y: number } | null;

/** The canvas element of node `id`, or null. */
export function nodeElement(canvas: HTMLElement | null, id: string): HTMLElement | null {
  return (
    canvas?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null
  );
}

/** One entry of a keyboard menu: what it shows, and what choosing it does (the sentence said). */
interface MenuChoice {
  readonly label: string;
  readonly run: () => string;
}

/** A menu a letter key opens on the selected node. */
interface KeyMenu {
  /** The key, as `KeyboardEvent.key` names it (either case), without modifiers. */
  readonly key: string;
  readonly testId: string;
  /** The menu's title and choices for `source`, or the sentence to say when it has none. */
  readonly open: (
    store: PlannerStore,
    variant: Variant,
    source: ModelNode,
  ) => { title: string; choices: MenuChoice[] } | string;
}

const KEY_MENUS: readonly KeyMenu[] = [
  {
    key: 'c',
    testId: 'connect-menu',
    open: (store, variant, source) => {
      const choices = connectTargets(variant, source.id).map((target) => ({
        label: target.label,
        run: () => {
          connectNodes(store, source.id, target.to);
          return `Connected: ${connectedSentence(variant, source.id, target)}.`;
        },
      }));
      if (choices.length === 0) return `No node can be joined to ${displayName(source)}.`;
      return { title: `Connect ${displayName(source)}…`, choices };
    },
  },
  {
    key: 'm',
    testId: 'move-menu',
    open: (store, variant, source) => {
      const choices = moveTargets(variant, source.id).map((target) => ({
        label: target.label,
        run: () => {
          moveNodeInto(store, source.id, target.parentId);
          return `Moved ${displayName(source)} ${target.label}.`;
        },
      }));
      if (choices.length === 0) return `No other container can hold ${displayName(source)}.`;
      return { title: `Move ${displayName(source)} to…`, choices };
    },
  },
];

/**
 * Listens for the menus' keys on the window; returns the menu to render over the canvas (or
 * null) and the last sentence to announce.
 */
export function useKeyboardMenus(
  store: PlannerStore,
  canvasRef: RefObject<HTMLDivElement | null>,
  place: PlaceMenu,
): { menu: ReactNode; announcement: string } {
  const [request, setRequest] = useState<
    (WhatIfMenuRequest<MenuChoice> & { from: string; testId: string }) | null
  >(null);
  const [announcement, setAnnouncement] = useState('');
  const from = request?.from;
  const testId = request?.testId;
  const close = useCallback(() => {
    // Escape or Tab in the list gives the focus back to the node it was opened on.
    const isFocusInMenu = document.activeElement?.closest(`[data-testid="${testId}"]`);
    setRequest(null);
    if (isFocusInMenu && from) nodeElement(canvasRef.current, from)?.focus();
  }, [canvasRef, from, testId]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const hasModifier = event.ctrlKey || event.metaKey || event.altKey || event.shiftKey;
      const command = KEY_MENUS.find((m) => m.key === event.key.toLowerCase());
      if (!command || hasModifier || isTextEntry(event.target) || isModalOpen()) return;
      const state = store.getState();
      const variant = selectActiveVariant(state);
      if (!variant || state.selectedNodeIds.length !== 1) return;
      const [id] = state.selectedNodeIds as [string];
      const source = variant.nodes.find((n) => n.id === id);
      const element = nodeElement(canvasRef.current, id);
      if (!source || !element) return;
      event.preventDefault();
      const opened = command.open(store, variant, source);
      if (typeof opened === 'string') {
        setAnnouncement(opened);
        return;
      }
      const box = element.getBoundingClientRect();
      const at = place(box.left + 12, box.top + 12, opened.choices.length);
      if (!at) return;
      setRequest({ ...at, ...opened, from: id, testId: command.testId });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, canvasRef, place]);

  const choose = useCallback(
    (choice: MenuChoice) => {
      if (!request) return;
      setRequest(null);
      setAnnouncement(choice.run());
      // After the canvas has drawn the change: a moved node's element may be put back in place.
      const { from: id } = request;
      requestAnimationFrame(() => nodeElement(canvasRef.current, id)?.focus());
    },
    [canvasRef, request],
  );

  const menu = request && (
    <WhatIfMenu request={request} onChoose={choose} onClose={close} testId={request.testId} />
  );
  return { menu, announcement };
}
