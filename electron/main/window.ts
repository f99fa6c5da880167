/**
 * The editor window: the security baseline at creation, the renderer URL, the unsaved-changes
 * marker in the title, and the Save / Don't Save / Cancel prompt on close.
 */
import { BrowserWindow, dialog } from 'electron';
import { CHANNELS, type MenuCommand } from '../../shared/ipc/contract';
import { devServerUrl } from './dev-server';
import { APP_ENTRY_URL } from './protocol';

interface WindowState {
  /** The title the page asked for, before the unsaved-changes marker. */
  title: string;
  isDirty: boolean;
  /** The user chose Save in the close prompt: close once that save succeeds. */
  isClosingAfterSave: boolean;
  /** The user chose Don't Save (or there was nothing to save): let the next close through. */
  canClose: boolean;
  isPrompting: boolean;
}

const states = new WeakMap<BrowserWindow, WindowState>();

/** The window title with the unsaved-changes marker (macOS marks the close button instead). */
export function titleWithMarker(
  title: string,
  isDirty: boolean,
  platform: NodeJS.Platform,
): string {
  return isDirty && platform !== 'darwin' ? `• ${title}` : title;
}

/** Which close-prompt button was pressed, by its index in `CLOSE_PROMPT_BUTTONS`. */
export const CLOSE_PROMPT_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

/** Creates the editor window and loads the renderer into it. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Nines',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      // A middle click on a link would otherwise ask for a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const state: WindowState = {
    title: 'Nines',
    isDirty: false,
    isClosingAfterSave: false,
    canClose: false,
    isPrompting: false,
  };
  states.set(win, state);

  win.once('ready-to-show', () => win.show());
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    state.title = title;
    win.setTitle(titleWithMarker(title, state.isDirty, process.platform));
  });
  win.on('close', (event) => {
    if (!state.isDirty || state.canClose) return;
    event.preventDefault();
    if (!state.isPrompting) void promptToSave(win, state);
  });

  void win.loadURL(devServerUrl() ?? APP_ENTRY_URL);
  return win;
}

async function promptToSave(win: BrowserWindow, state: WindowState): Promise<void> {
  state.isPrompting = true;
  const { response } = await dialog.showMessageBox(win, {
    type: 'warning',
    buttons: [...CLOSE_PROMPT_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    message: 'Save the changes to this plan before closing?',
    detail: "Your changes are lost if you don't save them.",
  });
  state.isPrompting = false;
  if (win.isDestroyed()) return;
  if (CLOSE_PROMPT_BUTTONS[response] === 'Save') {
    // The renderer runs its usual Save (a dialog if the plan has no file yet); main closes
    // the window when that save succeeds (see `noteSaveFinished`).
    state.isClosingAfterSave = true;
    sendMenuCommand(win, 'file:save');
  } else if (CLOSE_PROMPT_BUTTONS[response] === "Don't Save") {
    state.canClose = true;
    win.close();
  }
}

/** Records whether the window's document has unsaved changes and shows it. */
export function setWindowDirty(win: BrowserWindow, isDirty: boolean): void {
  const state = states.get(win);
  if (state === undefined) return;
  state.isDirty = isDirty;
  if (process.platform === 'darwin') win.setDocumentEdited(isDirty);
  win.setTitle(titleWithMarker(state.title, isDirty, process.platform));
}

/**
 * How a save the window asked for ended: written, given up (cancelled or failed), or refused
 * because another program changed the file, in which case the renderer is asking the person
 * whether to overwrite or save a copy and another save request follows.
 */
export type SaveOutcome = 'saved' | 'given-up' | 'asking';

/** Called after each save the window asked for: completes a close that was waiting for it. */
export function noteSaveFinished(win: BrowserWindow, outcome: SaveOutcome): void {
  const state = states.get(win);
  if (state === undefined || !state.isClosingAfterSave || outcome === 'asking') return;
  state.isClosingAfterSave = false;
  if (outcome === 'given-up') return;
  state.canClose = true;
  win.close();
}

/** Sends a menu command to the renderer of `win`. */
export function sendMenuCommand(win: BrowserWindow, command: MenuCommand): void {
  if (!win.isDestroyed()) win.webContents.send(CHANNELS.menuCommand, command);
}
