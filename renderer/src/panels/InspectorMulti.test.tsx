// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { PlannerStoreProvider } from '../store/context';
import { createPlannerStore } from '../store/create-store';
import { Inspector } from './Inspector';
import { sharedFieldGroups } from './InspectorMulti';

afterEach(cleanup);

const document: NinesDocument = {
  format: 'nines/1',
  name: 'Several',
  variants: [
    {
      id: 'v',
      name: 'Main',
      entry: 'web',
      nodes: [
        { id: 'web', kind: 'service', name: 'Web', instances: 2 },
        { id: 'api', kind: 'service', name: 'API', instances: 4 },
        { id: 'jobs', kind: 'service', name: 'Jobs', instances: 4 },
        { id: 'db', kind: 'datastore', name: 'DB', instances: 3 },
      ],
      edges: [
        { from: 'web', to: 'api', kind: 'depends' },
        { from: 'api', to: 'db', kind: 'depends' },
      ],
    },
  ],
};

function renderWith(selected: string[]) {
  const store = createPlannerStore();
  store.getState().openDocument({
    document,
    fileId: null,
    name: 'x.nines.json',
    savedText: serializeDocument(document),
  });
  store.getState().setSelection(selected, []);
  render(
    <PlannerStoreProvider store={store}>
      <Inspector />
    </PlannerStoreProvider>,
  );
  return { inspector: screen.getByTestId('inspector'), store };
}

const instancesOf = (store: ReturnType<typeof createPlannerStore>) =>
  store.getState().document?.variants[0]?.nodes.map((n) => ('instances' in n ? n.instances : null));

describe('inspector for several nodes', () => {
  it('shows "mixed" where they differ and sets a value on all of them as one undo step', () => {
    const { inspector, store } = renderWith(['web', 'api']);
    expect(within(inspector).getByTestId('inspector-name').textContent).toBe('2 nodes selected');
    const input = within(inspector).getByLabelText('Instances') as HTMLInputElement;
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('mixed');
    expect(inspector.querySelector('[data-field="name"]')).toBeNull();
    fireEvent.change(input, { target: { value: '5' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(instancesOf(store)).toEqual([5, 5, 4, 3]);
    expect(store.getState().past).toHaveLength(1);
    expect((within(inspector).getByLabelText('Instances') as HTMLInputElement).value).toBe('5');
    store.getState().undo();
    expect(instancesOf(store)).toEqual([2, 4, 4, 3]);
  });

  it('shows the common value, and refuses a value one node refuses, changing none', () => {
    const { inspector, store } = renderWith(['api', 'jobs']);
    const input = within(inspector).getByLabelText('Instances') as HTMLInputElement;
    expect(input.value).toBe('4');
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(within(inspector).getByRole('alert').textContent).toMatch(/^API: /);
    expect(instancesOf(store)).toEqual([2, 4, 4, 3]);
    expect(store.getState().past).toHaveLength(0);
  });

  it('offers only the fields every selected kind has, names and places left out', () => {
    const nodes = document.variants[0]?.nodes ?? [];
    const keys = sharedFieldGroups(nodes.filter((n) => n.id === 'web' || n.id === 'db')).flatMap(
      (g) => g.fields.map((f) => f.key),
    );
    expect(keys).toContain('instances');
    expect(keys).not.toContain('replication');
    expect(keys).not.toContain('name');
    expect(keys).not.toContain('parent');
  });
});
