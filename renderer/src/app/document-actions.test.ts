// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  ExportRequest,
  HostApi,
  OpenedFile,
  Result,
  SaveRequest,
} from '../../../shared/ipc/contract';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore, type PlannerStore } from '../store/create-store';
import { selectIsDirty } from '../store/selectors';
import { createDocumentActions } from './document-actions';
import { selectFileName } from './file-names';
import { decodeRecoveryCopy, encodeRecoveryCopy } from './recovery';
import { parseTemplates } from './templates';

const doc: NinesDocument = {
  format: 'nines/1',
  name: 'Small',
  variants: [
    { id: 'v', name: 'V', entry: 'api', nodes: [{ id: 'api', kind: 'service' }], edges: [] },
  ],
};
const text = serializeDocument(doc);
const other: NinesDocument = { ...doc, name: 'Other' };
const otherText = serializeDocument(other);

type SaveAnswer = Result<{ fileId: string; name: string } | null>;
const SAVED: SaveAnswer = { ok: true, value: { fileId: 'saved-id', name: 'small.nines.json' } };

/** A host whose dialogs answer as told and which records what it was asked to write. */
function fakeHost(
  opened: Result<OpenedFile | null> = { ok: true, value: null },
  {
    saveAnswers = [],
    recovery = null,
  }: { saveAnswers?: SaveAnswer[]; recovery?: string | null } = {},
) {
  const saves: SaveRequest[] = [];
  const exports: ExportRequest[] = [];
  const recoveryWrites: string[] = [];
  let clears = 0;
  const unused = () => Promise.reject(new Error('not used by these tests'));
  const host: HostApi = {
    kind: 'web',
    openFile: () => Promise.resolve(opened),
    openRecent: unused,
    listRecent: unused,
    saveFile: (request) => {
      saves.push(request);
      return Promise.resolve(saveAnswers.shift() ?? SAVED);
    },
    exportFile: (request) => {
      exports.push(request);
      return Promise.resolve({ ok: true, value: { name: request.suggestedName } });
    },
    setDirty: unused,
    writeRecovery: (copy) => {
      recoveryWrites.push(copy);
      return Promise.resolve({ ok: true, value: undefined });
    },
    readRecovery: () => Promise.resolve({ ok: true, value: recovery }),
    clearRecovery: () => {
      clears += 1;
      return Promise.resolve({ ok: true, value: undefined });
    },
    onMenuCommand: () => () => undefined,
  };
  return { host, saves, exports, recoveryWrites, clears: () => clears };
}

const templates = parseTemplates({
  '/t/good.nines.json': text,
  '/t/bad.nines.json': '{"format": "nines/1"}',
});

/** Changes the open document as an edit would (a new document object). */
function edit(store: PlannerStore, name = 'Edited'): void {
  const { document } = store.getState();
  if (!document) throw new Error('no document open');
  store.setState({ document: { ...document, name } });
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
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
    await createDocumentActions(fakeHost().host, store, templates).openTemplate('good');
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
    await createDocumentActions(fakeHost().host, store, []).openFile();
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

  it('opens a template as a new document, and explains a missing or broken one', async () => {
    const store = createPlannerStore();
    const actions = createDocumentActions(fakeHost().host, store, templates);
    await actions.openTemplate('nope');
    expect(store.getState().problemReport?.title).toBe('No template named “nope”');
    await actions.openTemplate('bad');
    expect(store.getState().problemReport?.problems.length).toBeGreaterThan(0);
    expect(store.getState().document).toBeNull();
    await actions.openTemplate('good');
    expect(store.getState().document?.name).toBe('Small');
    // Not from a file: no file name of its own; it shows (and saves as) the slug of its name.
    expect(store.getState().file).toEqual({ fileId: null, name: '', savedText: text });
    expect(selectFileName(store.getState())).toBe('small.nines.json');
  });

  it('saves the serialized document and records where it went', async () => {
    const store = createPlannerStore();
    const { host, saves } = fakeHost();
    const actions = createDocumentActions(host, store, templates);
    await actions.openTemplate('good');
    expect(await actions.save(false)).toBe(true);
    // A document without a file suggests the slug of its name (the template is named Small).
    expect(saves).toEqual([{ saveAs: false, suggestedName: 'small.nines.json', text }]);
    expect(store.getState().file.fileId).toBe('saved-id');
    expect(selectIsDirty(store.getState())).toBe(false);
    await actions.save(true);
    expect(saves[1]).toMatchObject({ fileId: 'saved-id', saveAs: true });
  });

  it('a second Save while one is under way joins it instead of writing twice', async () => {
    const store = createPlannerStore();
    const { host, saves } = fakeHost();
    const actions = createDocumentActions(host, store, templates);
    await actions.openTemplate('good');
    expect(await Promise.all([actions.save(false), actions.save(false)])).toEqual([true, true]);
    expect(saves).toHaveLength(1);
    await actions.save(false);
    expect(saves).toHaveLength(2);
  });

  it('keeps the document dirty when the save is cancelled or fails', async () => {
    const store = createPlannerStore();
    const { host } = fakeHost(undefined, {
      saveAnswers: [
        { ok: true, value: null },
        { ok: false, code: 'io', message: 'The disk is full.' },
      ],
    });
    const actions = createDocumentActions(host, store, templates);
    await actions.openTemplate('good');
    edit(store);
    expect(await actions.save(false)).toBe(false);
    expect(store.getState().problemReport).toBeNull();
    expect(await actions.save(false)).toBe(false);
    expect(store.getState().problemReport?.message).toBe('The disk is full.');
    expect(selectIsDirty(store.getState())).toBe(true);
  });
});

describe('replacing a document with unsaved changes', () => {
  async function dirtyWindow() {
    const store = createPlannerStore();
    const fake = fakeHost({
      ok: true,
      value: { fileId: 'o', name: 'other.nines.json', text: otherText },
    });
    const actions = createDocumentActions(fake.host, store, templates);
    await actions.openTemplate('good');
    edit(store);
    return { store, actions, ...fake };
  }

  it('opens a clean document without asking', async () => {
    const store = createPlannerStore();
    const actions = createDocumentActions(fakeHost().host, store, templates);
    await actions.openTemplate('good');
    await actions.openTemplate('good');
    expect(store.getState().question).toBeNull();
  });

  it('Cancel keeps the edited document', async () => {
    const { store, actions, saves } = await dirtyWindow();
    const opening = actions.openFile();
    await settle();
    expect(store.getState().question).toEqual({ kind: 'discard', documentName: 'Edited' });
    actions.answerDiscard('cancel');
    await opening;
    expect(store.getState().question).toBeNull();
    expect(store.getState().document?.name).toBe('Edited');
    expect(saves).toEqual([]);
  });

  it("Don't save replaces it without saving", async () => {
    const { store, actions, saves } = await dirtyWindow();
    const opening = actions.openTemplate('good');
    await settle();
    actions.answerDiscard('discard');
    await opening;
    expect(store.getState().document?.name).toBe('Small');
    expect(selectIsDirty(store.getState())).toBe(false);
    expect(saves).toEqual([]);
  });

  it('Save saves the edited document first, then opens the other', async () => {
    const { store, actions, saves } = await dirtyWindow();
    const opening = actions.openFile();
    await settle();
    actions.answerDiscard('save');
    await opening;
    expect(saves).toHaveLength(1);
    expect(saves[0]?.text).toContain('"Edited"');
    expect(store.getState().document?.name).toBe('Other');
  });

  it('a save that does not happen keeps the edited document', async () => {
    const store = createPlannerStore();
    const { host } = fakeHost(undefined, { saveAnswers: [{ ok: true, value: null }] });
    const actions = createDocumentActions(host, store, templates);
    await actions.openTemplate('good');
    edit(store);
    const opening = actions.openTemplate('good');
    await settle();
    actions.answerDiscard('save');
    await opening;
    expect(store.getState().document?.name).toBe('Edited');
  });

  it('Save suggests the slug of a named document, the file name once it has one', async () => {
    const store = createPlannerStore();
    const { host, saves } = fakeHost(undefined, { saveAnswers: [SAVED, SAVED] });
    const actions = createDocumentActions(host, store, templates);
    await actions.openEmpty();
    edit(store, 'Orders — Café EU');
    await actions.save(false);
    edit(store, 'Renamed after saving');
    await actions.save(true);
    expect(saves.map((s) => s.suggestedName)).toEqual([
      'orders-cafe-eu.nines.json',
      'small.nines.json',
    ]);
  });

  it('an empty document asks too, and opens unsaved under the untitled name', async () => {
    const { store, actions } = await dirtyWindow();
    const opening = actions.openEmpty();
    await settle();
    expect(store.getState().question?.kind).toBe('discard');
    actions.answerDiscard('discard');
    await opening;
    expect(store.getState().document?.variants[0]?.nodes).toEqual([]);
    expect(store.getState().file).toMatchObject({ fileId: null, name: '' });
    expect(selectFileName(store.getState())).toBe('untitled.nines.json');
  });

  it('a file that does not parse is refused before anything is asked', async () => {
    const store = createPlannerStore();
    const { host } = fakeHost({ ok: true, value: { fileId: 'b', name: 'b.json', text: '{' } });
    const actions = createDocumentActions(host, store, templates);
    await actions.openTemplate('good');
    edit(store);
    await actions.openFile();
    expect(store.getState().question).toBeNull();
    expect(store.getState().problemReport?.title).toBe('Cannot open b.json');
    expect(store.getState().document?.name).toBe('Edited');
  });
});

describe('saving over a file changed on disk', () => {
  const CHANGED: SaveAnswer = {
    ok: false,
    code: 'changed-on-disk',
    message: 'small.nines.json was changed by another program.',
  };

  async function refusedSave() {
    const store = createPlannerStore();
    const fake = fakeHost(
      { ok: true, value: { fileId: 'f', name: 'small.nines.json', text } },
      { saveAnswers: [CHANGED] },
    );
    const actions = createDocumentActions(fake.host, store, templates);
    await actions.openFile();
    edit(store);
    const saving = actions.save(false);
    await settle();
    expect(store.getState().question).toEqual({
      kind: 'changed-on-disk',
      fileName: 'small.nines.json',
    });
    return { store, actions, saving, ...fake };
  }

  it('Overwrite saves again with force', async () => {
    const { store, actions, saving, saves } = await refusedSave();
    actions.answerChangedOnDisk('overwrite');
    expect(await saving).toBe(true);
    expect(saves.map((s) => [s.fileId, s.saveAs, s.force])).toEqual([
      ['f', false, undefined],
      ['f', false, true],
    ]);
    expect(selectIsDirty(store.getState())).toBe(false);
  });

  it('Save as a copy asks where, without force', async () => {
    const { actions, saving, saves } = await refusedSave();
    actions.answerChangedOnDisk('save-copy');
    expect(await saving).toBe(true);
    expect(saves[1]).toMatchObject({ fileId: 'f', saveAs: true });
    expect(saves[1]?.force).toBeUndefined();
  });

  it('Cancel writes nothing and keeps the changes', async () => {
    const { store, actions, saving, saves } = await refusedSave();
    actions.answerChangedOnDisk('cancel');
    expect(await saving).toBe(false);
    expect(saves).toHaveLength(1);
    expect(store.getState().problemReport).toBeNull();
    expect(selectIsDirty(store.getState())).toBe(true);
  });
});

describe('the recovery copy at start', () => {
  const copy = encodeRecoveryCopy({
    fileName: 'small.nines.json',
    writtenAtMs: Date.UTC(2026, 10, 26, 7, 30),
    text: serializeDocument({ ...doc, name: 'Unsaved work' }),
  });

  it('without a copy, starts writing one as the document is edited', async () => {
    vi.useFakeTimers();
    const store = createPlannerStore();
    const { host, recoveryWrites } = fakeHost();
    const actions = createDocumentActions(host, store, templates);
    await actions.checkRecovery();
    await actions.openTemplate('good');
    edit(store);
    vi.advanceTimersByTime(1000);
    expect(recoveryWrites).toHaveLength(1);
    expect(decodeRecoveryCopy(recoveryWrites[0] ?? '').text).toContain('"Edited"');
  });

  it('offers a copy and writes none of its own until answered; Restore opens it unsaved', async () => {
    vi.useFakeTimers();
    const store = createPlannerStore();
    const { host, recoveryWrites } = fakeHost(undefined, { recovery: copy });
    const actions = createDocumentActions(host, store, templates);
    await actions.openTemplate('good');
    await actions.checkRecovery();
    expect(store.getState().recoveryOffer).toEqual({
      fileName: 'small.nines.json',
      writtenAtMs: Date.UTC(2026, 10, 26, 7, 30),
      problems: [],
    });
    edit(store);
    vi.advanceTimersByTime(5000);
    expect(recoveryWrites).toEqual([]);

    actions.restoreRecovery();
    const state = store.getState();
    expect(state.recoveryOffer).toBeNull();
    expect(state.document?.name).toBe('Unsaved work');
    expect(state.file).toEqual({ fileId: null, name: 'small.nines.json', savedText: null });
    expect(selectIsDirty(state)).toBe(true);
    // The restored work is protected again at once.
    expect(recoveryWrites).toHaveLength(1);
    expect(decodeRecoveryCopy(recoveryWrites[0] ?? '').text).toContain('Unsaved work');
  });

  it('Discard deletes the copy and starts this session’s own', async () => {
    vi.useFakeTimers();
    const store = createPlannerStore();
    const { host, clears, recoveryWrites } = fakeHost(undefined, { recovery: copy });
    const actions = createDocumentActions(host, store, templates);
    await actions.checkRecovery();
    await actions.discardRecovery();
    expect(clears()).toBe(1);
    expect(store.getState().recoveryOffer).toBeNull();
    expect(store.getState().document).toBeNull();
    await actions.openTemplate('good');
    edit(store);
    vi.advanceTimersByTime(1000);
    expect(recoveryWrites).toHaveLength(1);
  });

  it('a copy that does not parse lists its problems and can be downloaded as it is', async () => {
    const store = createPlannerStore();
    const damaged = '{"format": "nines/1", "name": "Half written", "variants": [';
    const { host, exports, clears } = fakeHost(undefined, { recovery: damaged });
    const actions = createDocumentActions(host, store, templates);
    await actions.checkRecovery();
    const offer = store.getState().recoveryOffer;
    expect(offer?.fileName).toBeNull();
    expect(offer?.problems.length).toBeGreaterThan(0);
    actions.restoreRecovery();
    expect(store.getState().document).toBeNull();
    await actions.downloadRecovery();
    expect(exports).toEqual([
      {
        suggestedName: 'recovered-untitled.nines.json',
        mimeType: 'application/json',
        data: damaged,
      },
    ]);
    expect(clears()).toBe(0);
    expect(store.getState().recoveryOffer).not.toBeNull();
  });
});
