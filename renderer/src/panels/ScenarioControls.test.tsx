// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as engineModule from '../../../shared/engine';
import { standardDrills } from '../../../shared/engine';
import type { NinesDocument } from '../../../shared/model/types';
import { PlannerStoreProvider, usePlanner } from '../store/context';
import { storeWith } from '../store/testing';
import { ScenarioActions } from './ScenarioControls';

// The real drills, counted.
vi.mock('../../../shared/engine', async (importOriginal) => {
  const engine = await importOriginal<typeof engineModule>();
  return { ...engine, standardDrills: vi.fn(engine.standardDrills) };
});

afterEach(cleanup);

const document: NinesDocument = {
  format: 'nines/1',
  name: 'Two regions',
  variants: [
    {
      id: 'v',
      name: 'Main',
      entry: 'app-e',
      nodes: [
        { id: 'east', kind: 'region', location: 'us-east-1' },
        { id: 'west', kind: 'region', location: 'us-west-2' },
        { id: 'app-e', kind: 'service', parent: 'east', name: 'API' },
      ],
      edges: [],
    },
  ],
  scenarios: [{ id: 'east-down', name: 'East down', fail: ['east'] }],
};

function renderActions() {
  const store = storeWith(document);
  const Actions = () => {
    const doc = usePlanner((state) => state.document);
    const variant = doc?.variants[0];
    return doc && variant ? <ScenarioActions document={doc} variant={variant} /> : null;
  };
  render(
    <PlannerStoreProvider store={store}>
      <Actions />
    </PlannerStoreProvider>,
  );
  fireEvent.click(screen.getByTestId('add-scenario'));
  const form = screen.getByTestId('add-scenario-form');
  const kind = within(form).getByLabelText('Kind');
  return {
    store,
    form,
    kind,
    preview: () => screen.getByTestId('add-scenario-preview').textContent,
  };
}

describe('Add standard drills', () => {
  it('lists the drills once per document, not on each render', () => {
    const calls = vi.mocked(standardDrills).mock.calls.length;
    renderActions(); // renders, then opens the form: a second render, same document
    expect(vi.mocked(standardDrills).mock.calls.length - calls).toBe(1);
    expect(screen.getByTestId('add-drills').textContent).toMatch(/Add standard drills \(\d+\)/);
  });
});

describe('Add scenario', () => {
  it('refuses what a scenario already does, and says what a kind needs', () => {
    const { form, kind, preview } = renderActions();
    expect(preview()).toBe('Already a scenario: East down.');
    expect(within(form).getByRole('button', { name: 'Add' })).toHaveProperty('disabled', true);
    fireEvent.change(kind, { target: { value: 'zone-outage' } });
    expect(preview()).toBe('This variant has no zones.');
    fireEvent.change(kind, { target: { value: 'partition' } });
    fireEvent.change(within(form).getByLabelText('and'), { target: { value: 'east' } });
    expect(preview()).toBe('Choose two different regions.');
  });

  it('adds a partition chosen with its pickers as one undo step', () => {
    const { store, form, kind, preview } = renderActions();
    fireEvent.change(kind, { target: { value: 'partition' } });
    expect(preview()).toBe('Adds “Partition (us-east-1 ↔ us-west-2)”.');
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(store.getState().document?.scenarios?.at(-1)).toEqual({
      id: 'partition-east-west',
      name: 'Partition (us-east-1 ↔ us-west-2)',
      partition: [['east', 'west']],
    });
    expect(store.getState().past).toHaveLength(1);
    expect(screen.queryByTestId('add-scenario-form')).toBeNull();
  });

  it('shifts a share of a region’s users to the other regions', () => {
    const { store, form, kind } = renderActions();
    fireEvent.change(kind, { target: { value: 'traffic-shift' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Share'), { target: { value: '25' } });
    fireEvent.submit(form);
    expect(store.getState().document?.scenarios?.at(-1)).toEqual({
      id: 'traffic-shift-east-others',
      name: 'Traffic shift (us-east-1 → the other regions, 25\u00a0%)',
      shift: { from: 'east', share: 0.25 },
    });
  });
});
