// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NinesDocument } from '../../../shared/model/types';
import { serializeDocument } from '../../../shared/schema/serialize';
import { createPlannerStore, type PlannerStore } from '../store/create-store';
import {
  createRecoveryScheduler,
  decodeRecoveryCopy,
  encodeRecoveryCopy,
  RECOVERY_DELAY_MS,
} from './recovery';

const doc: NinesDocument = {
  format: 'nines/1',
  name: 'Checkout',
  variants: [
    {
      id: 'v',
      name: 'V',
      entry: 'api',
      nodes: [
        { id: 'api', kind: 'service' },
        { id: 'db', kind: 'datastore' },
      ],
      edges: [],
    },
  ],
};

function recordingHost() {
  const calls: ({ write: string } | 'clear')[] = [];
  return {
    calls,
    writes: () => calls.flatMap((c) => (c === 'clear' ? [] : [decodeRecoveryCopy(c.write)])),
    host: {
      writeRecovery: (text: string) => {
        calls.push({ write: text });
        return Promise.resolve({ ok: true as const, value: undefined });
      },
      clearRecovery: () => {
        calls.push('clear');
        return Promise.resolve({ ok: true as const, value: undefined });
      },
    },
  };
}

function openedStore(): PlannerStore {
  const store = createPlannerStore();
  store.getState().openDocument({
    document: doc,
    fileId: 'f',
    name: 'checkout.nines.json',
    savedText: serializeDocument(doc),
  });
  return store;
}

/** An edit as the editor makes one: an undoable step through `commit`. */
function rename(store: PlannerStore, name: string): void {
  store.getState().commit('Rename', (document) => ({ ...document, name }));
}

const NOW = Date.UTC(2026, 10, 26, 8, 0);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the recovery copy format', () => {
  it('keeps the text, the file name and the time', () => {
    const stored = encodeRecoveryCopy({ fileName: 'a.nines.json', writtenAtMs: NOW, text: '{}' });
    expect(decodeRecoveryCopy(stored)).toEqual({
      fileName: 'a.nines.json',
      writtenAtMs: NOW,
      text: '{}',
    });
  });

  it('gives back anything else whole, as the text', () => {
    for (const stored of ['{"format": "nines/1"', serializeDocument(doc), '{"format": 3}', '']) {
      expect(decodeRecoveryCopy(stored)).toEqual({
        fileName: null,
        writtenAtMs: null,
        text: stored,
      });
    }
  });
});

describe('the recovery scheduler', () => {
  it('writes the document within the delay of the first edit, once for a burst of edits', () => {
    const store = openedStore();
    const { host, writes } = recordingHost();
    createRecoveryScheduler(host, store, { now: () => NOW }).start();
    rename(store, 'One');
    vi.advanceTimersByTime(RECOVERY_DELAY_MS / 2);
    rename(store, 'Two');
    vi.advanceTimersByTime(RECOVERY_DELAY_MS / 2 - 1);
    expect(writes()).toEqual([]);
    rename(store, 'Three');
    vi.advanceTimersByTime(1);
    expect(writes()).toEqual([
      {
        fileName: 'checkout.nines.json',
        writtenAtMs: NOW,
        text: serializeDocument({ ...doc, name: 'Three' }),
      },
    ]);
    vi.advanceTimersByTime(10 * RECOVERY_DELAY_MS);
    expect(writes()).toHaveLength(1);
    expect(RECOVERY_DELAY_MS).toBeLessThan(2000);
  });

  it('never writes for selection, variant or dialog changes', () => {
    const store = openedStore();
    const { host, calls } = recordingHost();
    createRecoveryScheduler(host, store).start();
    store.getState().selectNode('api');
    store.getState().setGalleryOpen(true);
    store.getState().showProblems({ title: 't', message: 'm', problems: [] });
    vi.advanceTimersByTime(10 * RECOVERY_DELAY_MS);
    expect(calls).toEqual([]);
  });

  it('clears the copy when the document is saved', () => {
    const store = openedStore();
    const { host, calls } = recordingHost();
    createRecoveryScheduler(host, store).start();
    rename(store, 'Edited');
    vi.advanceTimersByTime(RECOVERY_DELAY_MS);
    const { document } = store.getState();
    store
      .getState()
      .markSaved({ fileId: 'f', name: 'c.nines.json', text: serializeDocument(document!) });
    expect(calls.map((c) => (c === 'clear' ? c : 'write'))).toEqual(['write', 'clear']);
  });

  it('a save before the copy was due cancels it', () => {
    const store = openedStore();
    const { host, calls } = recordingHost();
    createRecoveryScheduler(host, store).start();
    rename(store, 'Edited');
    const { document } = store.getState();
    store
      .getState()
      .markSaved({ fileId: 'f', name: 'c.nines.json', text: serializeDocument(document!) });
    vi.advanceTimersByTime(10 * RECOVERY_DELAY_MS);
    expect(calls).toEqual([]);
  });

  it('clears the copy when another document is opened in its place', () => {
    const store = openedStore();
    const { host, calls } = recordingHost();
    createRecoveryScheduler(host, store).start();
    rename(store, 'Edited');
    vi.advanceTimersByTime(RECOVERY_DELAY_MS);
    store.getState().openDocument({
      document: doc,
      fileId: null,
      name: 't.nines.json',
      savedText: serializeDocument(doc),
    });
    expect(calls.at(-1)).toBe('clear');
  });

  it('writes a pending copy at once when the page is hidden or closed', () => {
    const store = openedStore();
    const { host, writes } = recordingHost();
    createRecoveryScheduler(host, store).start();
    rename(store, 'Hidden');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(writes().map((w) => decodeName(w.text))).toEqual(['Hidden']);
    rename(store, 'Closed');
    window.dispatchEvent(new Event('pagehide'));
    expect(writes().map((w) => decodeName(w.text))).toEqual(['Hidden', 'Closed']);
    // Nothing pending: hiding again writes nothing more.
    window.dispatchEvent(new Event('pagehide'));
    expect(writes()).toHaveLength(2);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('writes at once on start when the document already has unsaved changes', () => {
    const store = openedStore();
    rename(store, 'Restored');
    const { host, writes } = recordingHost();
    createRecoveryScheduler(host, store).start();
    expect(writes().map((w) => decodeName(w.text))).toEqual(['Restored']);
  });

  it('undo back to the saved document clears the copy', () => {
    const store = openedStore();
    const { host, calls } = recordingHost();
    createRecoveryScheduler(host, store).start();
    rename(store, 'Edited');
    vi.advanceTimersByTime(RECOVERY_DELAY_MS);
    store.getState().undo();
    vi.advanceTimersByTime(RECOVERY_DELAY_MS);
    expect(calls.map((c) => (c === 'clear' ? c : 'write'))).toEqual(['write', 'clear']);
  });

  it('stop writes what is pending and follows the store no more', () => {
    const store = openedStore();
    const { host, writes } = recordingHost();
    const scheduler = createRecoveryScheduler(host, store);
    scheduler.start();
    rename(store, 'Last');
    scheduler.stop();
    rename(store, 'After');
    vi.advanceTimersByTime(10 * RECOVERY_DELAY_MS);
    window.dispatchEvent(new Event('pagehide'));
    expect(writes().map((w) => decodeName(w.text))).toEqual(['Last']);
  });
});

function decodeName(text: string): string {
  return (JSON.parse(text) as { name: string }).name;
}
