// @vitest-environment jsdom
// The shortcut sheet cannot drift from the code: every key combination is pressed at the window
// with the real handlers mounted (the browser host's menu keys, the editing keys, the help keys)
// and what they handle must be exactly what the sheet lists for the window.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseDocumentText } from '../../../shared/schema/parse';
import type { DocumentActions } from '../app/document-actions';
import { useEditorShortcuts } from '../hooks/useEditorShortcuts';
import { useMenuCommands } from '../hooks/useMenuCommands';
import { ServicesProvider } from '../hooks/useServices';
import { layoutVariant } from '../canvas/layout';
import { createWebHost } from '../platform/web-host';
import { selectActiveVariant } from '../store/selectors';
import { PlannerStoreProvider } from '../store/context';
import { createPlannerStore } from '../store/create-store';
import { ShortcutSheet } from './ShortcutSheet';
import { combinationOf, displayedKeys, keyCaps, SHORTCUTS, shortcutsFor } from './shortcuts';
import { useHelpKeys } from './useHelpKeys';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});

afterEach(cleanup);

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const template = parsed.document;

function WindowKeys() {
  useMenuCommands();
  useEditorShortcuts();
  useHelpKeys();
  return null;
}

/** The window's key handlers on a web host, with a node selected. */
function mount() {
  const store = createPlannerStore();
  const host = createWebHost();
  const actions = {
    openFile: vi.fn(),
    save: vi.fn(),
    openReceived: vi.fn(),
  } as unknown as DocumentActions;
  render(
    <PlannerStoreProvider store={store}>
      <ServicesProvider services={{ host, actions }}>
        <WindowKeys />
      </ServicesProvider>
    </PlannerStoreProvider>,
  );
  /** The design as it opens, with one component selected, before each press. */
  const reset = () => {
    store
      .getState()
      .openDocument({ document: template, fileId: null, name: 'AA2', savedText: null });
    store.getState().selectNode('app-use1');
  };
  return { store, reset };
}

/** The box of node `id` in the active variant's layout. */
function boxOf(store: ReturnType<typeof createPlannerStore>, id: string) {
  const variant = selectActiveVariant(store.getState());
  const box = variant && layoutVariant(variant).get(id);
  if (!box) throw new Error(`no box for ${id}`);
  return box;
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const OTHERS = [
  ..."0123456789?/.,-=+[]\\;'`",
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`),
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Delete',
  'Backspace',
  'Escape',
  'Enter',
  'Tab',
  ' ',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Insert',
  'ContextMenu',
];

/** Every key with every mix of Ctrl and Shift (Alt combinations are left to the system). */
function everyKeyPress(): KeyboardEventInit[] {
  const presses: KeyboardEventInit[] = [];
  for (const ctrlKey of [false, true]) {
    for (const shiftKey of [false, true]) {
      for (const key of LETTERS) {
        presses.push({ key: shiftKey ? key.toUpperCase() : key, ctrlKey, shiftKey });
      }
      for (const key of OTHERS) presses.push({ key, ctrlKey, shiftKey });
    }
  }
  return presses;
}

describe('the shortcut sheet', () => {
  it('lists exactly the keys the window handles in the browser', () => {
    const { reset } = mount();
    const handled = new Set<string>();
    for (const init of everyKeyPress()) {
      reset();
      const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      if (event.defaultPrevented) handled.add(combinationOf(event));
    }
    const listed = new Set(
      shortcutsFor('web')
        .filter((s) => s.scope === undefined && s.clipboard === undefined)
        .flatMap((s) => s.keys),
    );
    expect([...handled].sort()).toEqual([...listed].sort());
  });

  it('resizes a selected region or zone by the keys listed for containers, 10 px a press', () => {
    const { store, reset } = mount();
    const container = SHORTCUTS.filter((s) => s.scope === 'container').flatMap((s) => s.keys);
    expect(container).toHaveLength(4);
    const expected: Record<string, [number, number]> = {
      'Mod+Shift+ArrowLeft': [-10, 0],
      'Mod+Shift+ArrowRight': [10, 0],
      'Mod+Shift+ArrowUp': [0, -10],
      'Mod+Shift+ArrowDown': [0, 10],
    };
    for (const id of ['use1', 'use1-a']) {
      for (const keys of container) {
        reset();
        store.getState().selectNode(id);
        const before = boxOf(store, id);
        const key = keys.replace('Mod+Shift+', '');
        const event = new KeyboardEvent('keydown', {
          key,
          ctrlKey: true,
          shiftKey: true,
          bubbles: true,
          cancelable: true,
        });
        document.body.dispatchEvent(event);
        expect(event.defaultPrevented, `${keys} on ${id}`).toBe(true);
        const after = boxOf(store, id);
        const [dw, dh] = expected[keys] ?? [NaN, NaN];
        // Never smaller than what it holds: a shrink may stop short, a growth is exact.
        if (dw >= 0) expect(after.width - before.width, keys).toBe(dw);
        else expect(after.width).toBeLessThanOrEqual(before.width);
        if (dh >= 0) expect(after.height - before.height, keys).toBe(dh);
        else expect(after.height).toBeLessThanOrEqual(before.height);
        expect(store.getState().past.at(-1)?.label).toBe('Resize');
      }
    }
  });

  it('lists the clipboard shortcuts, and the window handles their events', () => {
    const { reset } = mount();
    reset();
    for (const kind of ['copy', 'paste', 'cut'] as const) {
      expect(SHORTCUTS.some((s) => s.clipboard === kind)).toBe(true);
      const event = new Event(kind, { bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      expect(event.defaultPrevented, kind).toBe(true);
    }
  });

  it('shows every shortcut of the host, each combination as key caps', () => {
    const { store } = mount();
    store.getState().setShortcutSheetOpen(true);
    render(
      <PlannerStoreProvider store={store}>
        <ServicesProvider
          services={{ host: createWebHost(), actions: {} as unknown as DocumentActions }}
        >
          <ShortcutSheet />
        </ServicesProvider>
      </PlannerStoreProvider>,
    );
    const sheet = screen.getByTestId('shortcut-sheet');
    const rows = within(sheet).getAllByTestId('shortcut');
    expect(rows.map((row) => row.dataset.keys)).toEqual(
      shortcutsFor('web').map((s) => s.keys.join(' ')),
    );
    for (const [i, shortcut] of shortcutsFor('web').entries()) {
      const row = rows[i];
      expect(row?.textContent).toContain(shortcut.action);
      const caps = displayedKeys(shortcut.keys).flat();
      expect(row ? [...row.querySelectorAll('kbd')].map((k) => k.textContent) : []).toEqual(caps);
    }
  });

  it('leaves out what one host does not have', () => {
    const redoY = SHORTCUTS.find((s) => s.keys.includes('Mod+Y'));
    expect(redoY?.host).toBe('web');
    expect(shortcutsFor('desktop')).not.toContain(redoY);
    expect(shortcutsFor('web')).toContain(redoY);
  });
});

describe('key caps', () => {
  it('names Ctrl, or ⌘ and ⇧ on a Mac, and draws the arrows', () => {
    expect(keyCaps('Mod+Shift+Z', false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(keyCaps('Mod+Shift+Z', true)).toEqual(['⌘', '⇧', 'Z']);
    expect(keyCaps('Double-click a node', false)).toEqual(['Double-click a node']);
    expect(displayedKeys(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], false)).toEqual([
      ['←→↑↓'],
    ]);
    expect(
      displayedKeys(
        ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'],
        false,
      ),
    ).toEqual([['Shift', '←→↑↓']]);
  });

  it('writes a key press the way the sheet does', () => {
    const press = (init: KeyboardEventInit) => combinationOf(new KeyboardEvent('keydown', init));
    expect(press({ key: 'Z', ctrlKey: true, shiftKey: true })).toBe('Mod+Shift+Z');
    expect(press({ key: 's', metaKey: true })).toBe('Mod+S');
    expect(press({ key: '?', shiftKey: true })).toBe('?');
    expect(press({ key: 'ArrowUp', shiftKey: true })).toBe('Shift+ArrowUp');
  });
});
