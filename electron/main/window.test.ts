import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';

const created: FakeWindow[] = [];
const showMessageBox =
  vi.fn<(win: unknown, options: { buttons: string[] }) => Promise<{ response: number }>>();

class FakeWindow extends EventEmitter {
  readonly options: unknown;
  readonly webContents = { send: vi.fn() };
  title = '';
  loadedUrl = '';
  closed = false;
  constructor(options: unknown) {
    super();
    this.options = options;
    created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  setDocumentEdited = vi.fn();
  show = vi.fn();
  isDestroyed = () => this.closed;
  /** Like Electron: emits a preventable `close`, and closes unless it was prevented. */
  close() {
    const event = {
      defaultPrevented: false,
      preventDefault: () => (event.defaultPrevented = true),
    };
    this.emit('close', event);
    if (!event.defaultPrevented) this.closed = true;
  }
}

vi.mock('electron', () => ({
  app: { isPackaged: true },
  BrowserWindow: FakeWindow,
  dialog: { showMessageBox },
  protocol: {},
}));

const { createMainWindow, noteSaveFinished, setWindowDirty, titleWithMarker } =
  await import('./window');

function open(): FakeWindow {
  createMainWindow('/app/out/preload/index.cjs');
  const win = created.at(-1);
  if (!win) throw new Error('no window created');
  return win;
}

function answer(button: 'Save' | "Don't Save" | 'Cancel') {
  showMessageBox.mockImplementationOnce((_win, options) =>
    Promise.resolve({ response: options.buttons.indexOf(button) }),
  );
}

beforeEach(() => {
  showMessageBox.mockReset();
});

describe('createMainWindow', () => {
  it('creates the window with the security baseline and loads the app:// page', () => {
    const win = open();
    expect(win.options).toMatchObject({
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    expect(win.loadedUrl).toBe('app://nines/index.html');
  });

  it('sets nothing else in webPreferences (no experimental or Blink features, no insecure content)', () => {
    const { webPreferences } = open().options as { webPreferences: object };
    expect(Object.keys(webPreferences).sort()).toEqual([
      'contextIsolation',
      'disableBlinkFeatures',
      'nodeIntegration',
      'preload',
      'sandbox',
      'webSecurity',
      'webviewTag',
    ]);
  });
});

describe('titleWithMarker', () => {
  it('marks unsaved changes in the title, except on macOS (which marks the close button)', () => {
    expect(titleWithMarker('shop — Nines', true, 'linux')).toBe('• shop — Nines');
    expect(titleWithMarker('shop — Nines', true, 'win32')).toBe('• shop — Nines');
    expect(titleWithMarker('shop — Nines', false, 'linux')).toBe('shop — Nines');
    expect(titleWithMarker('shop — Nines', true, 'darwin')).toBe('shop — Nines');
  });

  it('keeps the marker when the page changes its title', () => {
    const win = open();
    setWindowDirty(win as never, true);
    win.emit('page-title-updated', { preventDefault: vi.fn() }, 'plan — Nines');
    expect(win.title).toBe(titleWithMarker('plan — Nines', true, process.platform));
    setWindowDirty(win as never, false);
    expect(win.title).toBe('plan — Nines');
  });
});

describe('closing with unsaved changes', () => {
  it('closes at once when there is nothing to save', () => {
    const win = open();
    win.close();
    expect(win.closed).toBe(true);
    expect(showMessageBox).not.toHaveBeenCalled();
  });

  it('Cancel keeps the window open', async () => {
    const win = open();
    setWindowDirty(win as never, true);
    answer('Cancel');
    win.close();
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    expect(win.closed).toBe(false);
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it("Don't Save closes the window", async () => {
    const win = open();
    setWindowDirty(win as never, true);
    answer("Don't Save");
    win.close();
    await vi.waitFor(() => expect(win.closed).toBe(true));
  });

  it('Save asks the renderer to save and closes once that save succeeds', async () => {
    const win = open();
    setWindowDirty(win as never, true);
    answer('Save');
    win.close();
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith(CHANNELS.menuCommand, 'file:save'),
    );
    expect(win.closed).toBe(false);
    noteSaveFinished(win as never, 'saved');
    expect(win.closed).toBe(true);
  });

  it('Save followed by a cancelled or failed save keeps the window, and a later save does not close it', async () => {
    const win = open();
    setWindowDirty(win as never, true);
    answer('Save');
    win.close();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalled());
    noteSaveFinished(win as never, 'given-up');
    expect(win.closed).toBe(false);
    noteSaveFinished(win as never, 'saved');
    expect(win.closed).toBe(false);
  });

  it('Save that meets a file changed on disk closes once the person chooses and that save succeeds', async () => {
    const win = open();
    setWindowDirty(win as never, true);
    answer('Save');
    win.close();
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalled());
    noteSaveFinished(win as never, 'asking');
    expect(win.closed).toBe(false);
    noteSaveFinished(win as never, 'saved'); // Overwrite, or Save as a copy
    expect(win.closed).toBe(true);
  });

  it('asks once however often close is pressed while the prompt is open', async () => {
    const win = open();
    setWindowDirty(win as never, true);
    answer('Cancel');
    win.close();
    win.close();
    await vi.waitFor(() => expect(showMessageBox).toHaveBeenCalled());
    expect(showMessageBox).toHaveBeenCalledTimes(1);
  });
});
