/**
 * The web address's parameters: `?template=<file stem>` opens a bundled template instead of the
 * start screen, `?view=compare` the comparison of variants instead of the design. Each stays in
 * the address only while the window shows what it asked for: once another document is opened
 * (New → Empty, Open, another template) `template` is dropped, once the design is shown again
 * `view` is, with `history.replaceState` (no new history entry), so a reload never brings back a
 * template or a view the person has left.
 */
import type { PlannerStore } from '../store/create-store';
import type { DocumentActions } from './document-actions';

/** The part of `window` this reads and writes. */
export interface AddressBar {
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  readonly history: { replaceState: (data: unknown, unused: string, url: string) => void };
}

/** Opens what the address asks for, then keeps the address in step with the window. */
export async function followUrlParams(
  store: PlannerStore,
  actions: Pick<DocumentActions, 'openTemplate'>,
  bar: AddressBar = window,
): Promise<void> {
  const params = new URLSearchParams(bar.location.search);
  const drop = (name: string) => {
    const now = new URLSearchParams(bar.location.search);
    if (!now.has(name)) return;
    now.delete(name);
    const query = now.toString();
    bar.history.replaceState(
      null,
      '',
      `${bar.location.pathname}${query ? `?${query}` : ''}${bar.location.hash}`,
    );
  };
  if (params.get('view') === 'compare') {
    store.getState().setView('compare');
    const stop = store.subscribe((state) => {
      if (state.view === 'compare') return;
      drop('view');
      stop();
    });
  }
  const template = params.get('template');
  if (!template) return;
  await actions.openTemplate(template);
  // The template opened (or was refused): any later opening replaces it.
  const opened = store.getState().openCount;
  const stop = store.subscribe((state) => {
    if (state.openCount === opened) return;
    drop('template');
    stop();
  });
}
