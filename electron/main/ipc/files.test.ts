import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { DocumentService } from '../services/documents';

type Listener = (event: unknown, raw: unknown) => Promise<unknown>;
const listeners = new Map<string, Listener>();
const window = { id: 1 };

vi.mock('electron', () => ({
  app: { isPackaged: true, getPath: vi.fn(() => '/home/a/Documents') },
  ipcMain: {
    handle: vi.fn((channel: string, listener: Listener) => listeners.set(channel, listener)),
  },
  BrowserWindow: { fromWebContents: vi.fn(() => window) },
  dialog: {},
  protocol: {},
}));
const noteSaveFinished = vi.fn();
vi.mock('../window', () => ({ noteSaveFinished }));

const { HostError } = await import('./handle');
const { registerFileHandlers } = await import('./files');

const FILE_ID = '3f1c1a9e-8f5d-4a57-9a55-1b6c1f1c2d3e';
const event = { sender: {}, senderFrame: { url: 'app://nines/index.html', parent: null } };

/** Saves through the registered channel with a document service whose save does `save`. */
async function saveWith(save: DocumentService['save']) {
  listeners.clear();
  noteSaveFinished.mockClear();
  registerFileHandlers({ save } as DocumentService);
  const listener = listeners.get(CHANNELS.saveFile);
  if (!listener) throw new Error('no save handler');
  return listener(event, { fileId: FILE_ID, text: '{}', suggestedName: 'a.nines.json' });
}

describe('the save channel tells the window how the save ended', () => {
  it('saved when the file was written', async () => {
    const result = await saveWith(() => Promise.resolve({ fileId: FILE_ID, name: 'a.nines.json' }));
    expect(result).toMatchObject({ ok: true });
    expect(noteSaveFinished).toHaveBeenCalledWith(window, 'saved');
  });

  it('given up when the person cancelled the dialog or the write failed', async () => {
    await saveWith(() => Promise.resolve(null));
    expect(noteSaveFinished).toHaveBeenCalledWith(window, 'given-up');
    const result = await saveWith(() => Promise.reject(new Error('EACCES: permission denied')));
    expect(result).toMatchObject({ ok: false, code: 'io' });
    expect(noteSaveFinished).toHaveBeenCalledWith(window, 'given-up');
  });

  it('asking when another program changed the file (the renderer asks, then saves again)', async () => {
    const result = await saveWith(() =>
      Promise.reject(new HostError('changed-on-disk', 'a.nines.json changed on disk.')),
    );
    expect(result).toMatchObject({ ok: false, code: 'changed-on-disk' });
    expect(noteSaveFinished).toHaveBeenCalledWith(window, 'asking');
  });
});
