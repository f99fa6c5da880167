import { describe, expect, it, vi } from 'vitest';
import { emptyDocument } from '../../../shared/model/ops/new-document';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore, type PlannerStore } from '../store/create-store';
import { followUrlParams, type AddressBar } from './url-params';

function addressBar(search: string) {
  const bar = {
    location: { pathname: '/app/', search, hash: '' },
    history: {
      replaceState: vi.fn((_data: unknown, _unused: string, url: string) => {
        bar.location.search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
      }),
    },
  } satisfies AddressBar;
  return bar;
}

function open(store: PlannerStore, name: string) {
  const document = emptyDocument(name);
  store.getState().openDocument({
    document,
    fileId: null,
    name: '',
    savedText: serializeDocument(document),
  });
}

describe('followUrlParams', () => {
  it('opens ?template= and drops it once another document is opened (New → Empty)', async () => {
    const store = createPlannerStore();
    const bar = addressBar('?template=warm-standby-2-regions');
    const openTemplate = vi.fn((stem: string) => {
      open(store, stem);
      return Promise.resolve();
    });
    await followUrlParams(store, { openTemplate }, bar);
    expect(openTemplate).toHaveBeenCalledWith('warm-standby-2-regions');
    expect(bar.history.replaceState).not.toHaveBeenCalled();
    store.getState().setSelection([], []);
    expect(bar.history.replaceState).not.toHaveBeenCalled();
    open(store, 'Untitled');
    expect(bar.history.replaceState).toHaveBeenCalledWith(null, '', '/app/');
  });

  it('keeps ?view=compare while the comparison is shown, and drops only it after', async () => {
    const store = createPlannerStore();
    const bar = addressBar('?template=ha-options&view=compare');
    await followUrlParams(store, { openTemplate: () => Promise.resolve() }, bar);
    expect(store.getState().view).toBe('compare');
    store.getState().setView('design');
    expect(bar.history.replaceState).toHaveBeenCalledWith(null, '', '/app/?template=ha-options');
  });
});
