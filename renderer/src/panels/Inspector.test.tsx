// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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

function renderInspector(selected: string | null, opened: NinesDocument = document) {
  const store = createPlannerStore();
  store.getState().openDocument({
    document: opened,
    fileId: null,
    name: 'x.nines.json',
    savedText: serializeDocument(opened),
  });
  store.getState().selectNode(selected);
  render(
    <PlannerStoreProvider store={store}>
      <Inspector />
    </PlannerStoreProvider>,
  );
  return Object.assign(screen.getByTestId('inspector'), { store });
}

const input = (inspector: HTMLElement, field: string) => {
  const found = row(inspector, field).querySelector<HTMLInputElement | HTMLSelectElement>(
    'input, select',
  );
  if (!found) throw new Error(`no input for ${field}`);
  return found;
};

const row = (inspector: HTMLElement, field: string) => {
  const found = inspector.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (!found) throw new Error(`no row for ${field}`);
  return found;
};

describe('Inspector', () => {
  it('shows the fields the file sets, with units', () => {
    const inspector = renderInspector('cache');
    expect(within(inspector).getByTestId('inspector-name').textContent).toBe('Session cache');
    expect(input(inspector, 'instances').value).toBe('3');
    expect(input(inspector, 'mtbfHours').value).toBe('9000');
    expect(row(inspector, 'mtbfHours').textContent).toContain('h');
    expect(row(inspector, 'mtbfHours').className).toContain('is-set');
    expect(input(inspector, 'replication').value).toBe('active-active');
    expect(row(inspector, 'parent').textContent).toContain('east');
  });

  it('shows each absent field’s default, marked, with its source on hover', () => {
    const inspector = renderInspector('cache');
    const mttr = row(inspector, 'mttrHours');
    expect(mttr.className).toContain('is-default');
    expect(input(inspector, 'mttrHours').value).toBe('');
    expect(input(inspector, 'mttrHours').getAttribute('placeholder')).toBe('0.5');
    expect(mttr.textContent).toContain('default');
    expect(mttr.querySelector('dd')?.title).toBe(
      `Default. ${NODE_DEFAULTS.datastore.mttrHours?.source ?? ''}`,
    );
    expect(input(inspector, 'failoverSeconds').getAttribute('placeholder')).toBe('30');
    expect(input(inspector, 'capacityRps').getAttribute('placeholder')).toBe('not set');
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
    expect(input(inspector, 'provider').value).toBe('aws');
    expect(input(inspector, 'mtbfHours').getAttribute('placeholder')).toBe('17520');
    expect(inspector.querySelector('[data-field="instances"]')).toBeNull();
  });

  it('summarises the variant when nothing is selected', () => {
    const inspector = renderInspector(null);
    expect(inspector.textContent).toContain('Main');
    expect(inspector.textContent).toContain('The only variant.');
    const link = inspector.querySelector<HTMLElement>('[data-link="east|west"]');
    if (!link) throw new Error('no link between east and west');
    expect(
      link.querySelector<HTMLInputElement>('[data-field="link-east-west-rttMs"] input')?.value,
    ).toBe('70');
    const bandwidth = link.querySelector<HTMLElement>(
      '[data-field="link-east-west-bandwidthMbps"]',
    );
    expect(bandwidth?.querySelector('input')?.getAttribute('placeholder')).toBe('1000');
    expect(bandwidth?.querySelector('dd')?.title).toMatch(/^Default\. /);
  });

  it('lists the links of more than four regions collapsed, drawn when opened', () => {
    const regions = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const inspector = renderInspector(null, {
      ...document,
      variants: [
        {
          id: 'v',
          name: 'Main',
          entry: 'app',
          nodes: [
            { id: 'app', kind: 'service' },
            ...regions.map((id) => ({ id, kind: 'region' as const })),
          ],
          edges: [],
        },
      ],
    });
    const summary = within(inspector).getByText('Region links (10 pairs)');
    expect(inspector.querySelectorAll('[data-link]')).toHaveLength(0);
    const details = summary.closest('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(inspector.querySelectorAll('[data-link]')).toHaveLength(10);
    expect(inspector.querySelector('[data-link="r4|r5"]')?.textContent).toContain('Round trip');
  });

  it('stores a valid value on Enter as one undo step', () => {
    const inspector = renderInspector('cache');
    const instances = input(inspector, 'instances');
    fireEvent.change(instances, { target: { value: '5' } });
    fireEvent.keyDown(instances, { key: 'Enter' });
    const { store } = inspector;
    const cache = store.getState().document?.variants[0]?.nodes.find((n) => n.id === 'cache');
    expect(cache).toMatchObject({ instances: 5 });
    expect(store.getState().past).toHaveLength(1);
  });

  it('keeps a refused value in the input with its message and stores nothing', () => {
    const inspector = renderInspector('cache');
    const instances = input(inspector, 'instances');
    fireEvent.change(instances, { target: { value: '0' } });
    expect(row(inspector, 'instances').textContent).toContain('must be a positive integer');
    fireEvent.blur(instances);
    expect(instances.value).toBe('0');
    expect(inspector.store.getState().past).toHaveLength(0);
    fireEvent.change(instances, { target: { value: 'many' } });
    expect(row(inspector, 'instances').textContent).toContain('must be a number');
  });

  it('edits the targets when nothing is selected, availability in percent', () => {
    const inspector = renderInspector(null);
    const availability = input(inspector, 'availability');
    fireEvent.change(availability, { target: { value: '99.95' } });
    fireEvent.blur(availability);
    expect(inspector.store.getState().document?.targets?.availability).toBeCloseTo(0.9995, 12);
  });
});
