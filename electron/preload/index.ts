/**
 * The bridge between the sandboxed renderer and main: one object, `window.nines`, that
 * implements the host API with one `invoke` per method. The renderer never sees `ipcRenderer`
 * or the IPC event. Runs sandboxed, so it imports nothing but electron (it is bundled to
 * CommonJS) and only types from shared/ipc.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CHANNELS, HostApi, MenuCommand, OpenedFile } from '../../shared/ipc/contract';

// The channel names, checked against the contract by the compiler (a value import would pull
// shared code into the sandboxed bundle).
const channels = {
  openFile: 'file:open-file',
  openRecent: 'file:open-recent',
  listRecent: 'file:list-recent',
  saveFile: 'file:save-file',
  exportFile: 'file:export-file',
  readRevision: 'file:read-revision',
  setDirty: 'window:set-dirty',
  writeRecovery: 'recovery:write-copy',
  readRecovery: 'recovery:read-copy',
  clearRecovery: 'recovery:clear-copy',
  menuCommand: 'menu:command',
  fileOpened: 'file:opened',
} as const satisfies typeof CHANNELS;

// Files the OS asked to open can arrive before the renderer subscribes: hold them until then.
const fileListeners = new Set<(file: OpenedFile) => void>();
const heldFiles: OpenedFile[] = [];
ipcRenderer.on(channels.fileOpened, (_event: IpcRendererEvent, file: OpenedFile) => {
  if (fileListeners.size === 0) heldFiles.push(file);
  for (const listener of fileListeners) listener(file);
});

const api = {
  kind: 'desktop',
  openFile: () => ipcRenderer.invoke(channels.openFile),
  openRecent: (fileId) => ipcRenderer.invoke(channels.openRecent, { fileId }),
  listRecent: () => ipcRenderer.invoke(channels.listRecent),
  saveFile: (request) => ipcRenderer.invoke(channels.saveFile, request),
  exportFile: (request) => ipcRenderer.invoke(channels.exportFile, request),
  readRevision: (request) => ipcRenderer.invoke(channels.readRevision, request),
  setDirty: (isDirty) => ipcRenderer.invoke(channels.setDirty, { isDirty }),
  writeRecovery: (text) => ipcRenderer.invoke(channels.writeRecovery, { text }),
  readRecovery: () => ipcRenderer.invoke(channels.readRecovery),
  clearRecovery: () => ipcRenderer.invoke(channels.clearRecovery),
  onMenuCommand(listener) {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(channels.menuCommand, wrapped);
    return () => {
      ipcRenderer.removeListener(channels.menuCommand, wrapped);
    };
  },
  onFileOpened(listener) {
    fileListeners.add(listener);
    for (const file of heldFiles.splice(0)) listener(file);
    return () => {
      fileListeners.delete(listener);
    };
  },
} satisfies HostApi;

contextBridge.exposeInMainWorld('nines', api);
