// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NODE_DEFAULTS } from '../../../shared/model/defaults';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { PlannerStoreProvider } from '../store/context';
import { createPlannerStore } from '../store/create-store';
import { Inspector } from './Inspector';

afterEach(cleanup);

const document: NinesDocument = {
  format: 'nines/1',
  name: 'Inspected',
  variants: [
    {
      id: 'v',
      name: 'Main',
      description: 'The only variant.',
      entry: 'cache',
      links: [{ a: 'east', b: 'west', rttMs: 70 }],
      nodes: [
        { id: 'app', kind: 'service', name: 'App' },
        { id: 'east', kind: 'region', provider: 'aws', location: 'us-east-1' },
        { id: 'west', kind: 'region' },
        {
          id: 'cache',
          kind: 'datastore',
          name: 'Session cache',
          parent: 'east',
          engine: 'redis',
          instances: 3,
          mtbfHours: 9000,
          replication: 'active-active',
        },
      ],
      edges: [{ from: 'app', to: 'cache', kind: 'depends' }],
    },
  ],
};

function renderInspector(selected: string | null) {
  const store = createPlannerStore();
  store.getState().openDocument({
    document,
    fileId: null,
    name: 'x.nines.json',
    savedText: serializeDocument(document),
  });
  store.getState().selectNode(selected);
  render(
    <PlannerStoreProvider store={store}>
      <Inspector />
    </PlannerStoreProvider>,
  );
  return screen.getByTestId('inspector');
}

const row = (inspector: HTMLElement, field: string) => {
  const found = inspector.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!found) throw new Error(`no row for ${field}`);
  return found;
};

describe('Inspector', () => {
  it('shows the fields the file sets, with units', () => {
    const inspector = renderInspector('cache');
    expect(within(inspector).getByTestId('inspector-name').textContent).toBe('Session cache');
    expect(row(inspector, 'instances').textContent).toContain('3');
    expect(row(inspector, 'mtbfHours').textContent).toContain('9,000 h');
    expect(row(inspector, 'mtbfHours').className).toContain('is-set');
    expect(row(inspector, 'replication').textContent).toContain('active-active');
    expect(row(inspector, 'parent').textContent).toContain('east');
  });

  it('shows each absent field’s default, marked, with its source on hover', () => {
    const inspector = renderInspector('cache');
    const mttr = row(inspector, 'mttrHours');
    expect(mttr.className).toContain('is-default');
    expect(mttr.textContent).toContain('0.5 h');
    expect(mttr.textContent).toContain('default');
    expect(mttr.querySelector('dd')?.title).toBe(
      `Default. ${NODE_DEFAULTS.datastore.mttrHours?.source ?? ''}`,
    );
    expect(row(inspector, 'failoverSeconds').textContent).toContain('30 s');
    expect(row(inspector, 'capacityRps').textContent).toContain('not set');
  });

  it('lists what the node is connected to', () => {
    const cache = renderInspector('cache');
    expect(cache.querySelector('[data-connection="usedBy"]')?.textContent).toBe('Used byApp');
    expect(cache.querySelector('[data-connection="dependsOn"]')).toBeNull();
    cleanup();
    const app = renderInspector('app');
    expect(app.querySelector('[data-connection="dependsOn"]')?.textContent).toBe(
      'Depends onSession cache',
    );
  });

  it('shows only the fields of the selected kind', () => {
    const inspector = renderInspector('east');
    expect(row(inspector, 'provider').textContent).toContain('aws');
    expect(row(inspector, 'mtbfHours').textContent).toContain('17,520 h');
    expect(inspector.querySelector('[data-field="instances"]')).toBeNull();
  });

  it('summarises the variant when nothing is selected', () => {
    const inspector = renderInspector(null);
    expect(inspector.textContent).toContain('Main');
    expect(inspector.textContent).toContain('The only variant.');
    const table = within(inspector).getByRole('table');
    expect(table.textContent).toContain('70 ms');
    const bandwidth = table.querySelector<HTMLElement>('td.is-default');
    expect(bandwidth?.textContent).toBe('1,000 Mbit/s');
    expect(bandwidth?.title).toMatch(/^Default\. /);
  });
});
