/**
 * The native menu. Document commands (New, Open, Save, Export, Undo, Redo, Select All, Find
 * Node) and Help (the bundled docs, the keyboard-shortcut sheet) are
 * sent to the renderer of the focused window as `MenuCommand`s: the renderer owns the document,
 * so the menu and the toolbar run the same code. Cut, copy, paste (which the canvas receives as
 * clipboard events), zoom and quitting use Electron's roles.
 */
import { BrowserWindow, Menu, type BaseWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { sendMenuCommand } from './window';

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** Adds Reload and Toggle Developer Tools (never in a packaged app). */
  readonly isDev: boolean;
  /** Delivers a command to a window's renderer. */
  readonly send: (command: MenuCommand, window: BaseWindow | undefined) => void;
  readonly showAbout: () => void;
}

/** The menu as a template; pure, so that its items and accelerators can be tested. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { appName, platform, isDev, send, showAbout } = options;
  const isMac = platform === 'darwin';
  const command = (
    label: string,
    accelerator: string | undefined,
    menuCommand: MenuCommand,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: (_item, window) => send(menuCommand, window),
  });
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => showAbout() };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('&New', 'CmdOrCtrl+N', 'file:new'),
      command('&Open…', 'CmdOrCtrl+O', 'file:open'),
      { type: 'separator' },
      command('&Save', 'CmdOrCtrl+S', 'file:save'),
      command('Save &As…', 'CmdOrCtrl+Shift+S', 'file:save-as'),
      command('&Export…', 'CmdOrCtrl+E', 'file:export'),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('&Undo', 'CmdOrCtrl+Z', 'edit:undo'),
      command('&Redo', 'CmdOrCtrl+Shift+Z', 'edit:redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      // The renderer decides: the text of a focused field, or every node on the canvas.
      command('Select &All', 'CmdOrCtrl+A', 'edit:select-all'),
      { type: 'separator' },
      command('&Find Node…', 'CmdOrCtrl+F', 'edit:find'),
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      ...(isDev
        ? [
            { role: 'reload' } as const,
            { role: 'toggleDevTools' } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'windowMenu' }] : [];
  // F1 is the renderer's own key (it works in the browser too): shown here, not registered.
  const shortcuts: MenuItemConstructorOptions = {
    ...command('&Keyboard Shortcuts', 'F1', 'help:shortcuts'),
    registerAccelerator: false,
  };
  // On macOS About sits in the app menu.
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      command(`${appName} &Help`, undefined, 'help:docs'),
      shortcuts,
      ...(isMac ? [] : [{ type: 'separator' } as const, about]),
    ],
  };
  return [...appMenu, fileMenu, editMenu, viewMenu, ...windowMenu, helpMenu];
}

/** Sends a command to `window`, or to the focused window when the menu has none. */
function sendToWindow(command: MenuCommand, window: BaseWindow | undefined): void {
  const target =
    window instanceof BrowserWindow ? window : (BrowserWindow.getFocusedWindow() ?? undefined);
  if (target) sendMenuCommand(target, command);
}

/** Builds and installs the application menu. */
export function installMenu(options: Omit<MenuOptions, 'send'>): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ ...options, send: sendToWindow })),
  );
}
