/**
 * The person's theme: the system's (light or dark as the operating system says), or light or
 * dark whatever it says. Kept per user in the host's local storage (the desktop app's profile,
 * the browser's site data), as the column layout is, never in the document; applied as
 * `data-theme` on the page's root, which sets its `color-scheme` (styles/theme.css picks each
 * colour with `light-dark()`).
 */
import { useSyncExternalStore } from 'react';
import { localStorageOrNone } from '../layout';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** The storage key of the theme. */
export const THEME_KEY = 'nines.theme.v1';

/** The part of `Storage` the theme needs (so a test can give a Map). */
export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'>;

function isThemeChoice(value: unknown): value is ThemeChoice {
  return (THEME_CHOICES as readonly unknown[]).includes(value);
}

/** The theme saved in `storage`; `system` when there is none, it is unknown or storage refuses. */
export function readThemeChoice(storage: ThemeStorage | undefined): ThemeChoice {
  try {
    const saved = storage?.getItem(THEME_KEY) ?? null;
    return isThemeChoice(saved) ? saved : 'system';
  } catch {
    return 'system'; // storage refused (disabled site data): the system's theme
  }
}

/** Saves `choice` in `storage`; a refused write only means it is not remembered. */
export function writeThemeChoice(storage: ThemeStorage | undefined, choice: ThemeChoice): void {
  try {
    storage?.setItem(THEME_KEY, choice);
  } catch {
    // Not remembered: the window still shows the choice until it closes.
  }
}

/** Shows `choice` on `root`: `data-theme` for light or dark, none for the system's. */
export function applyThemeChoice(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

// The window's theme: one per window, read once from storage, shared by whatever shows it.
let current: ThemeChoice | undefined;
const listeners = new Set<() => void>();

/** The window's theme (as saved, else `system`). */
export function themeChoice(): ThemeChoice {
  current ??= readThemeChoice(localStorageOrNone());
  return current;
}

/** Applies the saved theme to the page's root: once, before the window is drawn. */
export function applySavedTheme(): void {
  applyThemeChoice(document.documentElement, themeChoice());
}

/** Chooses the window's theme: shown at once and remembered for the next time. */
export function setThemeChoice(choice: ThemeChoice): void {
  current = choice;
  applyThemeChoice(document.documentElement, choice);
  writeThemeChoice(localStorageOrNone(), choice);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The window's theme, for a component that shows it (React Flow's `colorMode`, the menu). */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, themeChoice);
}
