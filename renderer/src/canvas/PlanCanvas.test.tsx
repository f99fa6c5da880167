// @vitest-environment jsdom
import { ReactFlowProvider } from '@xyflow/react';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NinesDocument } from '../../../shared/model/types';
import { PlannerStoreProvider } from '../store/context';
import type { PlannerStore } from '../store/create-store';
import { storeWith } from '../store/testing';
import { PlanCanvas } from './PlanCanvas';

// jsdom has no layout: React Flow needs these to mount (it measures nothing here).
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  globalThis.DOMMatrixReadOnly ??= class {
    m22 = 1;
    constructor(_transform?: string) {}
  } as unknown as typeof DOMMatrixReadOnly;
});
afterEach(cleanup);

const document: NinesDocument = {
  format: 'nines/1',
  name: 'Selected',
  variants: [
    {
      id: 'v',
      name: 'Main',
      entry: 'lb',
      nodes: [
        { id: 'east', kind: 'region' },
        { id: 'lb', kind: 'router', name: 'Load balancer', parent: 'east' },
        { id: 'app', kind: 'service', name: 'App', parent: 'east' },
      ],
      edges: [{ from: 'lb', to: 'app', kind: 'depends' }],
    },
  ],
};

const openedStore = () => storeWith(document);

function mountCanvas(store: PlannerStore) {
  return render(
    <PlannerStoreProvider store={store}>
      <ReactFlowProvider>
        <PlanCanvas />
      </ReactFlowProvider>
    </PlannerStoreProvider>,
  );
}

function part(container: HTMLElement, selector: string): Element {
  const element = container.querySelector(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}
const card = (container: HTMLElement, id: string) =>
  part(container, `.react-flow__node[data-id="${id}"]`);

describe('PlanCanvas selection', () => {
  it('mounts over a selection (as after Compare → Back to the design) and keeps it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = openedStore();
    store.getState().selectNode('app');
    const first = mountCanvas(store);
    await act(async () => {});
    first.unmount();
    mountCanvas(store);
    await act(async () => {});
    expect(errors).not.toHaveBeenCalled();
    expect(store.getState().selectedNodeIds).toEqual(['app']);
    errors.mockRestore();
  });

  it('a click on a card selects it in the store, a click on the pane clears it', async () => {
    const store = openedStore();
    const { container } = mountCanvas(store);
    await act(async () => {});
    fireEvent.click(card(container, 'lb'));
    expect(store.getState().selectedNodeIds).toEqual(['lb']);
    fireEvent.click(part(container, '.react-flow__pane'));
    expect(store.getState().selectedNodeIds).toEqual([]);
  });

  it('Ctrl+click adds a card to the selection', async () => {
    const store = openedStore();
    const { container } = mountCanvas(store);
    await act(async () => {});
    fireEvent.click(card(container, 'lb'));
    fireEvent.keyDown(window.document, { key: 'Control', code: 'ControlLeft' });
    fireEvent.click(card(container, 'app'), { ctrlKey: true });
    fireEvent.keyUp(window.document, { key: 'Control', code: 'ControlLeft' });
    expect(store.getState().selectedNodeIds).toEqual(['lb', 'app']);
  });
});

/** The canvas of the opened store, mounted and settled, with its outer element. */
async function mountedCanvas() {
  const store = openedStore();
  const { container } = mountCanvas(store);
  await act(async () => {});
  return { store, container, canvas: part(container, '[data-testid="canvas"]') };
}

describe('PlanCanvas selection of a node already there', () => {
  it('does not read the canvas box (a forced layout at the press of every drag)', async () => {
    const { store, container, canvas } = await mountedCanvas();
    const read = vi.spyOn(canvas, 'getBoundingClientRect');
    fireEvent.click(card(container, 'app'));
    await act(async () => {});
    expect(store.getState().selectedNodeIds).toEqual(['app']);
    expect(read).not.toHaveBeenCalled();
  });
});

describe('PlanCanvas pointer', () => {
  it('keeps where the pointer is for Paste, not while a button is held, and again where it is released', async () => {
    const { store, canvas } = await mountedCanvas();
    fireEvent.pointerMove(canvas, { clientX: 40, clientY: 30, buttons: 0 });
    const hovered = store.getState().pointer;
    expect(hovered).not.toBeNull();
    fireEvent.pointerMove(canvas, { clientX: 90, clientY: 70, buttons: 1 });
    expect(store.getState().pointer).toBe(hovered);
    fireEvent.pointerUp(canvas, { clientX: 90, clientY: 70, buttons: 0 });
    expect(store.getState().pointer).not.toEqual(hovered);
  });
});
