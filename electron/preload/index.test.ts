import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type HostApi, type OpenedFile } from '../../shared/ipc/contract';

const exposed = new Map<string, unknown>();
const ipc = Object.assign(new EventEmitter(), {
  invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ channel, args })),
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: ipc,
}));

await import('./index');
const api = exposed.get('nines') as Required<HostApi>;

const file = (name: string): OpenedFile => ({ fileId: `id-${name}`, name, text: '{}' });
const event = {};

describe('the preload bridge', () => {
  it('exposes one object, window.nines, with exactly the host API', () => {
    expect([...exposed.keys()]).toEqual(['nines']);
    expect(Object.keys(api).sort()).toEqual(
      [
        'kind',
        'openFile',
        'openRecent',
        'listRecent',
        'saveFile',
        'exportFile',
        'readRevision',
        'setDirty',
        'writeRecovery',
        'readRecovery',
        'clearRecovery',
        'onMenuCommand',
        'onFileOpened',
      ].sort(),
    );
    expect(api.kind).toBe('desktop');
  });

  it('makes each call one invoke on the contract channel with one request object', async () => {
    const save = { fileId: 'f', suggestedName: 'a.nines.json', text: '{}' };
    const exported = { suggestedName: 'p.md', mimeType: 'text/markdown', data: '# Plan' };
    const calls: Array<[() => Promise<unknown>, string, unknown[]]> = [
      [() => api.openFile(), CHANNELS.openFile, []],
      [() => api.openRecent('f'), CHANNELS.openRecent, [{ fileId: 'f' }]],
      [() => api.listRecent(), CHANNELS.listRecent, []],
      [() => api.saveFile(save), CHANNELS.saveFile, [save]],
      [() => api.exportFile(exported), CHANNELS.exportFile, [exported]],
      [
        () => api.readRevision({ fileId: 'f', ref: 'HEAD~1' }),
        CHANNELS.readRevision,
        [{ fileId: 'f', ref: 'HEAD~1' }],
      ],
      [() => api.setDirty(true), CHANNELS.setDirty, [{ isDirty: true }]],
      [() => api.writeRecovery('{}'), CHANNELS.writeRecovery, [{ text: '{}' }]],
      [() => api.readRecovery(), CHANNELS.readRecovery, []],
      [() => api.clearRecovery(), CHANNELS.clearRecovery, []],
    ];
    for (const [call, channel, args] of calls) {
      ipc.invoke.mockClear();
      expect(await call()).toEqual({ channel, args });
      expect(ipc.invoke).toHaveBeenCalledTimes(1);
    }
  });

  it('passes menu commands without the IPC event, until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = api.onMenuCommand(listener);
    ipc.emit(CHANNELS.menuCommand, event, 'file:save');
    expect(listener).toHaveBeenCalledWith('file:save');
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    ipc.emit(CHANNELS.menuCommand, event, 'file:new');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount(CHANNELS.menuCommand)).toBe(0);
  });

  it('holds files opened before anyone subscribes, then delivers them and later ones', () => {
    ipc.emit(CHANNELS.fileOpened, event, file('early.nines.json'));
    const listener = vi.fn();
    const unsubscribe = api.onFileOpened?.(listener);
    expect(listener.mock.calls).toEqual([[file('early.nines.json')]]);
    ipc.emit(CHANNELS.fileOpened, event, file('late.nines.json'));
    expect(listener.mock.calls).toEqual([[file('early.nines.json')], [file('late.nines.json')]]);
    unsubscribe?.();
    ipc.emit(CHANNELS.fileOpened, event, file('after.nines.json'));
    expect(listener).toHaveBeenCalledTimes(2);
    // Held for the next subscriber, not lost.
    const next = vi.fn();
    api.onFileOpened?.(next);
    expect(next.mock.calls).toEqual([[file('after.nines.json')]]);
  });
});
