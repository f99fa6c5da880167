import { describe, expect, it } from 'vitest';
import type { HostApi, OpenedFile, Result, SaveRequest } from '../../../shared/ipc/contract';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore } from '../store/create-store';
import { selectIsDirty } from '../store/selectors';
import { createDocumentActions } from './document-actions';
import { parseTemplates } from './templates';

const doc: NinesDocument = {
  format: 'nines/1',
  name: 'Small',
  variants: [
    { id: 'v', name: 'V', entry: 'api', nodes: [{ id: 'api', kind: 'service' }], edges: [] },
  ],
};
const text = serializeDocument(doc);

/** A host whose open dialog answers `opened` and whose saves are recorded. */
function fakeHost(opened: Result<OpenedFile | null>) {
  const saves: SaveRequest[] = [];
  const unused = () => Promise.reject(new Error('not used by these tests'));
  const host: HostApi = {
    kind: 'web',
    openFile: () => Promise.resolve(opened),
    openRecent: unused,
    listRecent: unused,
    saveFile: (request) => {
      saves.push(request);
      return Promise.resolve({ ok: true, value: { fileId: 'saved-id', name: 'small.nines.json' } });
    },
    exportFile: unused,
    setDirty: unused,
    writeRecovery: unused,
    readRecovery: unused,
    clearRecovery: unused,
    onMenuCommand: () => () => undefined,
  };
  return { host, saves };
}

const templates = parseTemplates({
  '/t/good.nines.json': text,
  '/t/bad.nines.json': '{"format": "nines/1"}',
});

describe('document actions', () => {
  it('opens a file the host read', async () => {
    const store = createPlannerStore();
    const { host } = fakeHost({ ok: true, value: { fileId: 'f', name: 'small.nines.json', text } });
    await createDocumentActions(host, store, []).openFile();
    expect(store.getState().document).toEqual(doc);
    expect(store.getState().file).toEqual({
      fileId: 'f',
      name: 'small.nines.json',
      savedText: text,
    });
  });

  it('refuses a file that does not parse, lists its problems and keeps the open document', async () => {
    const store = createPlannerStore();
    createDocumentActions(fakeHost({ ok: true, value: null }).host, store, templates).openTemplate(
      'good',
    );
    const before = store.getState().document;
    const broken = '{"format": "nines/1", "name": "x", "variants": [], "extra": 1}';
    const { host } = fakeHost({
      ok: true,
      value: { fileId: 'f', name: 'broken.nines.json', text: broken },
    });
    await createDocumentActions(host, store, templates).openFile();
    const state = store.getState();
    expect(state.document).toBe(before);
    expect(state.problemReport?.title).toBe('Cannot open broken.nines.json');
    expect(state.problemReport?.problems.map((p) => p.path)).toEqual(['variants', 'extra']);
  });

  it('does nothing when the user cancels, and reports other host errors', async () => {
    const store = createPlannerStore();
    await createDocumentActions(fakeHost({ ok: true, value: null }).host, store, []).openFile();
    await createDocumentActions(
      fakeHost({ ok: false, code: 'cancelled', message: 'cancelled' }).host,
      store,
      [],
    ).openFile();
    expect(store.getState().problemReport).toBeNull();
    await createDocumentActions(
      fakeHost({ ok: false, code: 'io', message: 'Disk on fire.' }).host,
      store,
      [],
    ).openFile();
    expect(store.getState().problemReport?.message).toBe('Disk on fire.');
    expect(store.getState().document).toBeNull();
  });

  it('opens a template as a new document, and explains a missing or broken one', () => {
    const store = createPlannerStore();
    const actions = createDocumentActions(
      fakeHost({ ok: true, value: null }).host,
      store,
      templates,
    );
    actions.openTemplate('nope');
    expect(store.getState().problemReport?.title).toBe('No template named “nope”');
    actions.openTemplate('bad');
    expect(store.getState().problemReport?.problems.length).toBeGreaterThan(0);
    expect(store.getState().document).toBeNull();
    actions.openTemplate('good');
    expect(store.getState().document?.name).toBe('Small');
    expect(store.getState().file).toEqual({
      fileId: null,
      name: 'good.nines.json',
      savedText: text,
    });
  });

  it('saves the serialized document and records where it went', async () => {
    const store = createPlannerStore();
    const { host, saves } = fakeHost({ ok: true, value: null });
    const actions = createDocumentActions(host, store, templates);
    actions.openTemplate('good');
    await actions.save(false);
    expect(saves).toEqual([{ saveAs: false, suggestedName: 'good.nines.json', text }]);
    expect(store.getState().file.fileId).toBe('saved-id');
    expect(selectIsDirty(store.getState())).toBe(false);
    await actions.save(true);
    expect(saves[1]).toMatchObject({ fileId: 'saved-id', saveAs: true });
  });
});
