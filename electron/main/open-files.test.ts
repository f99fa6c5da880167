import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type OpenedFile } from '../../shared/ipc/contract';

const showErrorBox = vi.fn();
vi.mock('electron', () => ({ dialog: { showErrorBox } }));

const { filesFromArgv, SystemFileOpener } = await import('./open-files');
type Documents = ConstructorParameters<typeof SystemFileOpener>[0];

describe('filesFromArgv', () => {
  it('takes the project files after the executable, made absolute from the working folder', () => {
    const cwd = path.resolve('/home/ana/plans');
    expect(
      filesFromArgv(
        ['/opt/Nines/nines', '--no-sandbox', 'shop.nines.json', '/tmp/B.NINES.JSON', 'notes.txt'],
        cwd,
      ),
    ).toEqual([path.join(cwd, 'shop.nines.json'), path.resolve('/tmp/B.NINES.JSON')]);
  });

  it.skipIf(process.platform === 'win32')(
    'accepts file:// URLs (Linux desktop files pass %U) and skips URLs of other hosts',
    () => {
      expect(
        filesFromArgv(
          ['nines', 'file:///home/ana/My%20Plan.nines.json', 'file://server/share/x.nines.json'],
          '/',
        ),
      ).toEqual(['/home/ana/My Plan.nines.json']);
    },
  );

  it('ignores the executable and flags that happen to end like a project file', () => {
    expect(filesFromArgv(['/x/a.nines.json', '--open=b.nines.json'], '/')).toEqual([]);
  });
});

class FakeWindow extends EventEmitter {
  readonly webContents = Object.assign(new EventEmitter(), { send: vi.fn() });
  isDestroyed = () => false;
}

function opened(file: string): OpenedFile {
  return { fileId: `id:${file}`, name: path.basename(file), text: '{}' };
}

describe('SystemFileOpener', () => {
  it('holds files until the page has loaded, then sends each as an opened file', async () => {
    const documents = { openPath: vi.fn((file: string) => Promise.resolve(opened(file))) };
    const opener = new SystemFileOpener(documents as unknown as Documents);
    const win = new FakeWindow();
    opener.request(['/a.nines.json']);
    opener.attach(win as never);
    opener.request(['/b.nines.json']);
    expect(documents.openPath).not.toHaveBeenCalled();

    win.webContents.emit('did-finish-load');
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledTimes(2));
    expect(win.webContents.send.mock.calls).toEqual([
      [CHANNELS.fileOpened, opened('/a.nines.json')],
      [CHANNELS.fileOpened, opened('/b.nines.json')],
    ]);

    opener.request(['/c.nines.json']);
    await vi.waitFor(() => expect(win.webContents.send).toHaveBeenCalledTimes(3));
  });

  it('holds files again once the window has closed', () => {
    const documents = { openPath: vi.fn((file: string) => Promise.resolve(opened(file))) };
    const opener = new SystemFileOpener(documents as unknown as Documents);
    const win = new FakeWindow();
    opener.attach(win as never);
    win.webContents.emit('did-finish-load');
    win.emit('closed');
    opener.request(['/a.nines.json']);
    expect(documents.openPath).not.toHaveBeenCalled();
  });

  it('tells the user when a file cannot be opened', async () => {
    const documents = { openPath: vi.fn(() => Promise.reject(new Error('no such file'))) };
    const opener = new SystemFileOpener(documents as unknown as Documents);
    const win = new FakeWindow();
    opener.attach(win as never);
    win.webContents.emit('did-finish-load');
    opener.request(['/gone.nines.json']);
    await vi.waitFor(() =>
      expect(showErrorBox).toHaveBeenCalledWith(
        'Nines could not open gone.nines.json',
        'no such file',
      ),
    );
    expect(win.webContents.send).not.toHaveBeenCalled();
  });
});
