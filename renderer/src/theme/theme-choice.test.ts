// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyThemeChoice, readThemeChoice, THEME_KEY, writeThemeChoice } from './theme-choice';

/** A storage as a Map, or one that refuses every read and write (site data disabled). */
function memoryStorage(entries: [string, string][] = []) {
  const map = new Map(entries);
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}
const refusing = {
  getItem: (): string | null => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
};

describe('the theme choice', () => {
  it('is the system’s until one is saved, and reads back what was saved', () => {
    const storage = memoryStorage();
    expect(readThemeChoice(storage)).toBe('system');
    writeThemeChoice(storage, 'dark');
    expect(storage.map.get(THEME_KEY)).toBe('dark');
    expect(readThemeChoice(storage)).toBe('dark');
    writeThemeChoice(storage, 'light');
    expect(readThemeChoice(storage)).toBe('light');
  });

  it('falls back to the system’s for an unknown value, no storage or a storage that refuses', () => {
    expect(readThemeChoice(memoryStorage([[THEME_KEY, 'sepia']]))).toBe('system');
    expect(readThemeChoice(undefined)).toBe('system');
    expect(readThemeChoice(refusing)).toBe('system');
    expect(() => writeThemeChoice(refusing, 'dark')).not.toThrow();
  });

  it('sets data-theme on the root for light and dark, and takes it off for the system’s', () => {
    const root = document.createElement('html');
    applyThemeChoice(root, 'dark');
    expect(root.dataset.theme).toBe('dark');
    applyThemeChoice(root, 'light');
    expect(root.dataset.theme).toBe('light');
    applyThemeChoice(root, 'system');
    expect(root.hasAttribute('data-theme')).toBe(false);
  });
});
