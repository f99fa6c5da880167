// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { NinesDocument } from '../../../shared/model/types';
import { PlannerStoreProvider } from '../store/context';
import { storeWith } from '../store/testing';
import { Inspector } from './Inspector';

afterEach(cleanup);

const document: NinesDocument = {
  format: 'nines/1',
  name: 'Picked',
  variants: [
    {
      id: 'v',
      name: 'Main',
      entry: 'app',
      nodes: [
        { id: 'east', kind: 'region', provider: 'aws', location: 'us-east-1' },
        {
          id: 'app',
          kind: 'service',
          parent: 'east',
          instanceType: 'm7i.large',
          availability: 0.999,
        },
      ],
      edges: [],
    },
  ],
};

function renderApp() {
  const store = storeWith(document);
  store.getState().selectNode('app');
  render(
    <PlannerStoreProvider store={store}>
      <Inspector />
    </PlannerStoreProvider>,
  );
  const app = () => store.getState().document?.variants[0]?.nodes.find((n) => n.id === 'app');
  return { store, app };
}

const typeInto = (name: string) => screen.getByRole('combobox', { name });
/** The picker's options as shown (none while its list is closed). */
const shownOptions = () => {
  const list = window.document.getElementById('field-instanceType-options');
  return list && !list.hidden ? within(list).queryAllByRole('option') : [];
};

describe('the instance type picker', () => {
  it('is a labelled combobox whose list opens with the arrow keys and filters as one types', () => {
    renderApp();
    const input = typeInto('Instance type');
    expect(input.getAttribute('role')).toBe('combobox');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const list = screen.getByRole('listbox');
    expect(list.getAttribute('aria-labelledby')).toBe('field-instanceType-label');
    expect(shownOptions()).toHaveLength(6);
    fireEvent.change(input, { target: { value: 'r7i.2x' } });
    const options = shownOptions();
    expect(options.map((o) => o.textContent)).toEqual([
      'r7i.2xlarge8\u00a0vCPU · 64\u00a0GiB · $0.5292/h',
    ]);
  });

  it('highlights the first match of what was typed; Enter stores it as one undo step', () => {
    const { store, app } = renderApp();
    const input = typeInto('Instance type');
    fireEvent.change(input, { target: { value: 'xlarge' } });
    expect(input.getAttribute('aria-activedescendant')).toBe(shownOptions()[0]?.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(shownOptions()[1]?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(app()).toMatchObject({ instanceType: 'r7i.xlarge' });
    expect(store.getState().past).toHaveLength(1);
    expect(screen.queryByTestId('custom-instanceType')).toBeNull();
  });

  it('takes Enter from the list that matches the input, even before that list is drawn', () => {
    const { app } = renderApp();
    const input = typeInto('Instance type');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    // Typing and Enter in one go: React draws nothing between them (as when a person types
    // faster than a list of hundreds of options is drawn).
    act(() => {
      fireEvent.change(input, { target: { value: 'r7i.2x' } });
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(app()).toMatchObject({ instanceType: 'r7i.2xlarge' });
  });

  it('stores a value outside the price book on Enter, marked unpriced', () => {
    const { app } = renderApp();
    const input = typeInto('Instance type');
    fireEvent.change(input, { target: { value: 'm99.huge' } });
    expect(screen.getByText('No match: Enter keeps what you typed')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(app()).toMatchObject({ instanceType: 'm99.huge' });
    expect(shownOptions()).toHaveLength(0);
    expect(screen.queryByText('No match: Enter keeps what you typed')).toBeNull();
    expect(screen.getByTestId('custom-instanceType').textContent).toBe(
      'not in the price book · unpriced',
    );
  });

  it('closes on Escape, and a second Escape restores the stored value', () => {
    const { app } = renderApp();
    const input = typeInto('Instance type') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'r7i' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(shownOptions()).toHaveLength(0);
    expect(input.value).toBe('r7i');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('m7i.large');
    expect(app()).toMatchObject({ instanceType: 'm7i.large' });
  });
});

describe('a percent field', () => {
  it('asks whether 0.9999 meant 99.99 %, and stores that with one click', () => {
    const { app } = renderApp();
    const input = screen.getByLabelText('Availability') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '0.9999' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(app()).toMatchObject({ availability: 0.009999 });
    const hint = screen.getByTestId('hint-availability');
    expect(hint.textContent).toBe('Did you mean 99.99 %?');
    fireEvent.click(screen.getByRole('button', { name: '99.99 %' }));
    expect(app()).toMatchObject({ availability: 0.9999 });
    expect(screen.queryByTestId('hint-availability')).toBeNull();
  });
});
