/**
 * An edge drawn from the keyboard: with one node selected, `C` opens the list of the nodes it
 * may be joined to (`connectTargets`); choosing one draws the edge as the pointer would (one undo
 * step, `connectNodes`), gives the focus back to the node and says what was drawn.
 */
import { useCallback, useEffect, useState, type ReactNode, type RefObject } from 'react';
import { isModalOpen, isTextEntry } from '../platform/focus';
import type { PlannerStore } from '../store/create-store';
import { selectActiveVariant } from '../store/selectors';
import { connectedSentence, connectTargets, type ConnectTarget } from './connect-targets';
import { displayName } from './describe';
import { connectNodes } from './editor-commands';
import { WhatIfMenu, type WhatIfMenuRequest } from './WhatIfMenu';

/** Where a menu of `count` items opens for a point on screen, or null when it cannot. */
export type PlaceMenu = (
  clientX: number,
  clientY: number,
  count: number,
) => { x: number; y: number } | null;

/** The key that opens the list, as `KeyboardEvent.key` names it (either case). */
const CONNECT_KEY = 'c';

/** The canvas element of node `id`, or null. */
export function nodeElement(canvas: HTMLElement | null, id: string): HTMLElement | null {
  return (
    canvas?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`) ?? null
  );
}

/**
 * Listens for `C` on the window; returns the menu to render over the canvas (or null) and the
 * last sentence to announce (what was drawn, or why nothing can be).
 */
export function useKeyboardConnect(
  store: PlannerStore,
  canvasRef: RefObject<HTMLDivElement | null>,
  place: PlaceMenu,
): { menu: ReactNode; announcement: string } {
  const [request, setRequest] = useState<
    (WhatIfMenuRequest<ConnectTarget> & { from: string }) | null
  >(null);
  const [announcement, setAnnouncement] = useState('');
  const from = request?.from;
  const close = useCallback(() => {
    // Escape or Tab in the list gives the focus back to the node it was opened on.
    const isFocusInMenu = document.activeElement?.closest('[data-testid="connect-menu"]');
    setRequest(null);
    if (isFocusInMenu && from) nodeElement(canvasRef.current, from)?.focus();
  }, [canvasRef, from]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isConnectKey =
        event.key.toLowerCase() === CONNECT_KEY &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !event.shiftKey;
      if (!isConnectKey || isTextEntry(event.target) || isModalOpen()) return;
      const state = store.getState();
      const variant = selectActiveVariant(state);
      if (!variant || state.selectedNodeIds.length !== 1) return;
      const [from] = state.selectedNodeIds as [string];
      const source = variant.nodes.find((n) => n.id === from);
      const element = nodeElement(canvasRef.current, from);
      if (!source || !element) return;
      event.preventDefault();
      const targets = connectTargets(variant, from);
      if (targets.length === 0) {
        setAnnouncement(`No node can be joined to ${displayName(source)}.`);
        return;
      }
      const box = element.getBoundingClientRect();
      const at = place(box.left + 12, box.top + 12, targets.length);
      if (!at) return;
      setRequest({ ...at, from, title: `Connect ${displayName(source)}…`, choices: targets });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, canvasRef, place]);

  const choose = useCallback(
    (target: ConnectTarget) => {
      if (!request) return;
      const variant = selectActiveVariant(store.getState());
      setRequest(null);
      if (!variant) return;
      connectNodes(store, request.from, target.to);
      setAnnouncement(`Connected: ${connectedSentence(variant, request.from, target)}.`);
      nodeElement(canvasRef.current, request.from)?.focus();
    },
    [store, canvasRef, request],
  );

  const menu = request && (
    <WhatIfMenu request={request} onChoose={choose} onClose={close} testId="connect-menu" />
  );
  return { menu, announcement };
}
