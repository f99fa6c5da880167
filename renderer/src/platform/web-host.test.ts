// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createWebHost, exportPickerTypes, shortcutCommand } from './web-host';

const key = (init: KeyboardEventInit, target?: EventTarget): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
  if (target) Object.defineProperty(event, 'target', { value: target });
  return event;
};

describe('shortcutCommand', () => {
  it.each([
    [{ key: 'o', ctrlKey: true }, 'file:open'],
    [{ key: 's', metaKey: true }, 'file:save'],
    [{ key: 'S', ctrlKey: true, shiftKey: true }, 'file:save-as'],
    [{ key: 'n', ctrlKey: true }, 'file:new'],
    [{ key: 'z', ctrlKey: true }, 'edit:undo'],
    [{ key: 'Z', metaKey: true, shiftKey: true }, 'edit:redo'],
    [{ key: 'y', ctrlKey: true }, 'edit:redo'],
    [{ key: 'f', ctrlKey: true }, 'edit:find'],
  ] as const)('maps %o to %s', (init, command) => {
    expect(shortcutCommand(key(init))).toBe(command);
  });

  it('ignores keys without the platform modifier, and Alt combinations', () => {
    expect(shortcutCommand(key({ key: 's' }))).toBeUndefined();
    expect(shortcutCommand(key({ key: 's', ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it('leaves undo inside a text field to the field', () => {
    const input = document.createElement('input');
    expect(shortcutCommand(key({ key: 'z', ctrlKey: true }, input))).toBeUndefined();
    expect(shortcutCommand(key({ key: 's', ctrlKey: true }, input))).toBe('file:save');
    expect(shortcutCommand(key({ key: 'f', ctrlKey: true }, input))).toBe('edit:find');
  });
});

describe('the web host', () => {
  it('delivers shortcuts as menu commands until unsubscribed', () => {
    const host = createWebHost();
    const received: string[] = [];
    const unsubscribe = host.onMenuCommand((command) => received.push(command));
    const save = key({ key: 's', ctrlKey: true });
    window.dispatchEvent(save);
    expect(save.defaultPrevented).toBe(true);
    unsubscribe();
    window.dispatchEvent(key({ key: 'o', ctrlKey: true }));
    expect(received).toEqual(['file:save']);
  });

  it('is a web host and receives no files from the operating system', () => {
    const host = createWebHost();
    expect(host.kind).toBe('web');
    expect(host.onFileOpened).toBeUndefined();
  });
});

describe('exportPickerTypes', () => {
  it("offers the export's own type, by its MIME type and the suggested name's extension", () => {
    expect(exportPickerTypes('Shop - AA.png', 'image/png')).toEqual([
      { description: 'PNG file', accept: { 'image/png': ['.png'] } },
    ]);
    expect(exportPickerTypes('plan.v2.PDF', 'application/pdf')).toEqual([
      { description: 'PDF file', accept: { 'application/pdf': ['.pdf'] } },
    ]);
  });

  it('offers no type for a name without an extension', () => {
    expect(exportPickerTypes('plan', 'application/pdf')).toEqual([]);
    expect(exportPickerTypes('plan.', 'application/pdf')).toEqual([]);
  });
});
