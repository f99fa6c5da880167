/**
 * Files the operating system asks the app to open: paths on the command line (Windows, Linux,
 * a second launch) and macOS `open-file` events, which can arrive before any window exists.
 * They wait until the window's page has loaded, then go to the renderer as opened files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dialog, type BrowserWindow } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import { DOCUMENT_EXTENSION, type DocumentService } from './services/documents';

/**
 * The project files named in a command line (`argv[0]` is the executable), made absolute. Linux
 * desktop files launch with `%U`, so a file can also arrive as a `file://` URL.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(DOCUMENT_EXTENSION))
    .flatMap((arg) => {
      if (!/^file:/i.test(arg)) return [path.resolve(cwd, arg)];
      try {
        return [fileURLToPath(arg)];
      } catch {
        return [];
      }
    });
}

export class SystemFileOpener {
  private readonly pending: string[] = [];
  private window: BrowserWindow | null = null;

  constructor(private readonly documents: DocumentService) {}

  /** Sends files to `win` from the moment its page has loaded until it closes. */
  attach(win: BrowserWindow): void {
    win.webContents.on('did-finish-load', () => {
      this.window = win;
      this.flush();
    });
    win.on('closed', () => {
      if (this.window === win) this.window = null;
    });
  }

  /** Opens `files` now if a window is ready, else as soon as one is. */
  request(files: readonly string[]): void {
    this.pending.push(...files);
    this.flush();
  }

  private flush(): void {
    const win = this.window;
    if (win === null) return;
    for (const file of this.pending.splice(0)) void this.deliver(win, file);
  }

  private async deliver(win: BrowserWindow, file: string): Promise<void> {
    try {
      const opened = await this.documents.openPath(file);
      if (!win.isDestroyed()) win.webContents.send(CHANNELS.fileOpened, opened);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`Nines could not open ${path.basename(file)}`, reason);
    }
  }
}
