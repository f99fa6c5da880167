// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, MenuCommand } from '../../../shared/ipc/contract';
import { parseDocumentText } from '../../../shared/schema/parse';
import type { DocumentActions } from '../app/document-actions';
import { PlannerStoreProvider } from '../store/context';
import { createPlannerStore } from '../store/create-store';
import { useMenuCommands } from './useMenuCommands';
import { ServicesProvider } from './useServices';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';

afterEach(cleanup);

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const template = parsed.document;

function MenuCommands() {
  useMenuCommands();
  return <input aria-label="name" defaultValue="Checkout API" />;
}

/** Renders the hook with a desktop-like host; returns the store and a way to send a command. */
function setup() {
  let listener: ((command: MenuCommand) => void) | undefined;
  const host = {
    kind: 'desktop',
    onMenuCommand: (next: (command: MenuCommand) => void) => {
      listener = next;
      return () => undefined;
    },
  } as unknown as HostApi;
  const actions = { openFile: vi.fn(), save: vi.fn() } as unknown as DocumentActions;
  const store = createPlannerStore();
  store
    .getState()
    .openDocument({ document: template, fileId: null, name: 'Active-Active', savedText: null });
  const view = render(
    <PlannerStoreProvider store={store}>
      <ServicesProvider services={{ host, actions }}>
        <MenuCommands />
      </ServicesProvider>
    </PlannerStoreProvider>,
  );
  const send = (command: MenuCommand) => act(() => listener?.(command));
  return { store, send, view, actions };
}

describe('useMenuCommands', () => {
  it('File → Export… opens the contingency plan dialog', () => {
    const { store, send } = setup();
    expect(store.getState().isPlanOpen).toBe(false);
    send('file:export');
    expect(store.getState().isPlanOpen).toBe(true);
  });

  it('Edit → Select All selects every node of the variant outside text fields', () => {
    const { store, send } = setup();
    send('edit:select-all');
    const nodes = template.variants[0]?.nodes.map((n) => n.id) ?? [];
    expect(nodes.length).toBeGreaterThan(3);
    expect([...store.getState().selectedNodeIds].sort()).toEqual([...nodes].sort());
  });

  it('Edit → Select All in a focused text field selects its text, not the nodes', () => {
    const { store, send, view } = setup();
    const input = view.getByRole('textbox', { name: 'name' });
    input.focus();
    const execCommand = vi.fn(() => true);
    document.execCommand = execCommand;
    send('edit:select-all');
    expect(execCommand).toHaveBeenCalledWith('selectAll');
    expect(store.getState().selectedNodeIds).toEqual([]);
  });

  it('Help opens the bundled docs on their first page, and the shortcut sheet', () => {
    const { store, send } = setup();
    send('help:docs');
    expect(store.getState().helpPage).toBe('ui');
    store.getState().setHelpPage('model');
    send('help:docs');
    expect(store.getState().helpPage).toBe('model');
    send('help:shortcuts');
    expect(store.getState().isShortcutSheetOpen).toBe(true);
  });

  it('Edit → Find Node opens the node search in the design, again gives it the focus', () => {
    const { store, send } = setup();
    send('edit:find');
    expect(store.getState().isNodeSearchOpen).toBe(true);
    const focus = store.getState().nodeSearchFocus;
    send('edit:find');
    expect(store.getState().nodeSearchFocus).toBe(focus + 1);
    store.getState().closeNodeSearch();
    store.getState().setView('compare');
    send('edit:find');
    expect(store.getState().isNodeSearchOpen).toBe(false);
  });

  it('Save and Open go to the document actions', () => {
    const { send, actions } = setup();
    send('file:save');
    send('file:open');
    expect(actions.save).toHaveBeenCalledWith(false);
    expect(actions.openFile).toHaveBeenCalled();
  });
});
