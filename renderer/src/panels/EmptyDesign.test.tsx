// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyDocument } from '../../../shared/model/ops/new-document';
import { addNode } from '../../../shared/model/ops/add-node';
import { PlannerStoreProvider } from '../store/context';
import { storeWith } from '../store/testing';
import { FindingsPanel } from './FindingsPanel';
import { ResultsPanel } from './ResultsPanel';

// The advisor and the simulation run in Web Workers, which jsdom lacks: one that never answers.
beforeAll(() => {
  vi.stubGlobal(
    'Worker',
    class {
      onmessage: unknown = null;
      postMessage() {}
      terminate() {}
    },
  );
});
afterEach(cleanup);

function renderPanels() {
  const store = storeWith(emptyDocument('Fresh'));
  render(
    <PlannerStoreProvider store={store}>
      <ResultsPanel />
      <FindingsPanel />
    </PlannerStoreProvider>,
  );
  return store;
}

describe('a new, empty design', () => {
  it('reads as empty: how to start, no engine error, no findings claim, Simulate disabled', () => {
    renderPanels();
    expect(screen.getByTestId('results-empty').textContent).toMatch(/^Nothing to compute yet/);
    expect(screen.queryByTestId('engine-issues')).toBeNull();
    expect(screen.queryByText(/names no node/)).toBeNull();
    expect(screen.queryByText(/nothing in the design breaks a principle/)).toBeNull();
    expect(screen.getByTestId('findings-empty').textContent).toMatch(/^No findings yet/);
    const simulate = screen.getByRole('button', { name: /Simulate/ });
    expect(simulate).toHaveProperty('disabled', true);
    expect(simulate.getAttribute('aria-describedby')).toBe('simulate-reason');
    expect(screen.getByTestId('simulate-reason').textContent).toBe(
      'Nothing to simulate until the design has a component.',
    );
  });

  it('shows the figures and enables Simulate once a component is added', () => {
    const store = renderPanels();
    act(() =>
      store
        .getState()
        .commit('Add', (doc) => addNode(doc, 'v1', 'service', undefined, { x: 0, y: 0 }).document),
    );
    expect(screen.queryByTestId('results-empty')).toBeNull();
    expect(screen.getByTestId('metric-availability').textContent).toMatch(/%$/);
    expect(screen.getByRole('button', { name: /Simulate/ })).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('simulate-reason')).toBeNull();
  });
});
