import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';

vi.mock('electron', () => ({
  app: { isPackaged: true },
  BrowserWindow: class {},
  Menu: {},
  dialog: {},
}));

const { buildMenuTemplate } = await import('./menu');

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function build(platform: NodeJS.Platform, isDev: boolean) {
  const send = vi.fn<(command: MenuCommand, window: unknown) => void>();
  const showAbout = vi.fn();
  const items = flatten(buildMenuTemplate({ appName: 'Nines', platform, isDev, send, showAbout }));
  const byLabel = (label: string) => items.find((item) => item.label?.replace('&', '') === label);
  return { items, byLabel, send, showAbout };
}

describe('buildMenuTemplate', () => {
  it.each([
    ['New', 'CmdOrCtrl+N', 'file:new'],
    ['Open…', 'CmdOrCtrl+O', 'file:open'],
    ['Save', 'CmdOrCtrl+S', 'file:save'],
    ['Save As…', 'CmdOrCtrl+Shift+S', 'file:save-as'],
    ['Export…', 'CmdOrCtrl+E', 'file:export'],
    ['Undo', 'CmdOrCtrl+Z', 'edit:undo'],
    ['Redo', 'CmdOrCtrl+Shift+Z', 'edit:redo'],
    ['Select All', 'CmdOrCtrl+A', 'edit:select-all'],
    ['Find Node…', 'CmdOrCtrl+F', 'edit:find'],
    ['Nines Help', undefined, 'help:docs'],
    ['Keyboard Shortcuts', 'F1', 'help:shortcuts'],
  ] as const)('%s has %s and sends %s to the window it was used in', (label, key, command) => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { byLabel, send } = build(platform, false);
      const item = byLabel(label);
      expect(item?.accelerator).toBe(key);
      const window = { id: 1 };
      item?.click?.({} as never, window as never, {} as never);
      expect(send).toHaveBeenCalledWith(command, window);
    }
  });

  it('has the standard edit roles and quit on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const roles = build(platform, false).items.map((item) => item.role);
      expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'quit']));
      expect(roles).toEqual(
        expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
      );
    }
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => build('linux', isDev).items.map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('shows F1 beside Keyboard Shortcuts but leaves the key to the renderer', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const item = build(platform, false).byLabel('Keyboard Shortcuts');
      expect(item?.registerAccelerator).toBe(false);
    }
  });

  it('has a Help menu with the docs on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const help = build(platform, false).items.find((item) => item.role === 'help');
      const labels = (help?.submenu as MenuItemConstructorOptions[]).map((i) => i.label);
      expect(labels).toEqual(expect.arrayContaining(['Nines &Help', '&Keyboard Shortcuts']));
    }
  });

  it('shows About from the app menu on macOS and the Help menu elsewhere', () => {
    const mac = buildMenuTemplate({
      appName: 'Nines',
      platform: 'darwin',
      isDev: false,
      send: vi.fn(),
      showAbout: vi.fn(),
    });
    expect(mac[0]?.label).toBe('Nines');
    const linux = build('linux', false);
    const about = linux.byLabel('About Nines');
    about?.click?.({} as never, undefined, {} as never);
    expect(linux.showAbout).toHaveBeenCalledTimes(1);
    expect(linux.items.find((item) => item.role === 'help')).toBeDefined();
  });
});
