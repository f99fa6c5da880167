/**
 * Every keyboard shortcut and mouse gesture the window has, as the shortcut sheet lists them.
 * The handlers live where they act (the host's menu or `shortcutCommand` in the browser,
 * `useEditorShortcuts`, `useHelpKeys`, the canvas, scenario mode); `shortcuts.test.tsx` presses
 * every key combination at the window and checks that what is handled is exactly what this list
 * says, so the sheet cannot drift from the code.
 */

/** Where the sheet files a shortcut. */
export type ShortcutGroup = 'File' | 'Edit' | 'Canvas' | 'Find' | 'Help';

/** One entry of the sheet. */
export interface Shortcut {
  /**
   * The key combinations, each in canonical form: `Mod+` (Ctrl, or ⌘ on a Mac), then `Shift+`,
   * then the key as `KeyboardEvent.key` names it (a letter in capitals): `Mod+Shift+Z`, `Delete`,
   * `Shift+ArrowUp`, `?`, `F1`. A mouse gesture is said in words instead.
   */
  readonly keys: readonly string[];
  readonly action: string;
  readonly group: ShortcutGroup;
  /** Only in this host (the browser turns some keys into menu commands the desktop menu has). */
  readonly host?: 'desktop' | 'web';
  /**
   * Set when the combination works only inside one widget (the node search box), only with a
   * region or zone selected (`container`) or is a mouse gesture: not a key of the window with any
   * node selected, so the window-wide check leaves it out (`container` keys have their own).
   */
  readonly scope?:
    'gesture' | 'node search' | 'menus' | 'canvas' | 'scenario mode' | 'container' | 'variant tab';
  /**
   * Arrives as this clipboard event (the browser's, or the desktop menu's role) rather than as a
   * key press.
   */
  readonly clipboard?: 'copy' | 'cut' | 'paste';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Mod+N'], action: 'New from a template', group: 'File' },
  { keys: ['Mod+O'], action: 'Open a file', group: 'File' },
  { keys: ['Mod+S'], action: 'Save', group: 'File' },
  { keys: ['Mod+Shift+S'], action: 'Save as', group: 'File' },
  { keys: ['Mod+E'], action: 'Export the contingency plan', group: 'File' },
  { keys: ['Mod+Z'], action: 'Undo', group: 'Edit' },
  { keys: ['Mod+Shift+Z'], action: 'Redo', group: 'Edit' },
  { keys: ['Mod+Y'], action: 'Redo', group: 'Edit', host: 'web' },
  { keys: ['Mod+A'], action: 'Select every node', group: 'Edit' },
  { keys: ['Mod+C'], action: 'Copy the selection', group: 'Edit', clipboard: 'copy' },
  { keys: ['Mod+X'], action: 'Cut the selection', group: 'Edit', clipboard: 'cut' },
  { keys: ['Mod+V'], action: 'Paste', group: 'Edit', clipboard: 'paste' },
  { keys: ['Mod+D'], action: 'Duplicate the selection', group: 'Edit' },
  { keys: ['Delete', 'Backspace'], action: 'Delete the selection', group: 'Edit' },
  { keys: ['F2'], action: 'Rename the variant', group: 'Edit', scope: 'variant tab' },
  {
    keys: ['Delete'],
    action: 'Delete the variant (when it is not the last)',
    group: 'Edit',
    scope: 'variant tab',
  },
  {
    keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'],
    action: 'Nudge the selection 1 px',
    group: 'Canvas',
  },
  {
    keys: ['Shift+ArrowLeft', 'Shift+ArrowRight', 'Shift+ArrowUp', 'Shift+ArrowDown'],
    action: 'Nudge the selection 10 px',
    group: 'Canvas',
  },
  {
    keys: ['ContextMenu', 'Shift+F10'],
    action: 'What if… for the selected node',
    group: 'Canvas',
    scope: 'canvas',
  },
  {
    keys: ['C'],
    action: 'Connect the selected node: choose the target from the list of valid ones',
    group: 'Canvas',
    scope: 'canvas',
  },
  {
    keys: ['M'],
    action:
      'Move the selected node into another region or zone: choose it from the list of valid ones',
    group: 'Canvas',
    scope: 'canvas',
  },
  {
    keys: [
      'Mod+Shift+ArrowLeft',
      'Mod+Shift+ArrowRight',
      'Mod+Shift+ArrowUp',
      'Mod+Shift+ArrowDown',
    ],
    action: 'Resize the selected region or zone 10 px (right and bottom edges)',
    group: 'Canvas',
    scope: 'container',
  },
  { keys: ['Escape'], action: 'Leave scenario mode', group: 'Canvas', scope: 'scenario mode' },
  { keys: ['Double-click a node'], action: 'Rename it', group: 'Canvas', scope: 'gesture' },
  {
    keys: ['Right-click a node or edge'],
    action: 'What if… it fails',
    group: 'Canvas',
    scope: 'gesture',
  },
  { keys: ['Shift+drag'], action: 'Select with a box', group: 'Canvas', scope: 'gesture' },
  { keys: ['Mod+click'], action: 'Add to the selection', group: 'Canvas', scope: 'gesture' },
  { keys: ['Space+drag', 'Drag the background'], action: 'Pan', group: 'Canvas', scope: 'gesture' },
  { keys: ['Wheel'], action: 'Zoom', group: 'Canvas', scope: 'gesture' },
  { keys: ['Mod+F'], action: 'Find a node by name or id', group: 'Find' },
  {
    keys: ['ArrowDown', 'ArrowUp'],
    action: 'Next or previous match',
    group: 'Find',
    scope: 'node search',
  },
  {
    keys: ['Enter'],
    action: 'Zoom to the match and select it',
    group: 'Find',
    scope: 'node search',
  },
  { keys: ['Escape'], action: 'Close the search', group: 'Find', scope: 'node search' },
  { keys: ['?', 'F1'], action: 'This list of shortcuts', group: 'Help' },
  {
    keys: ['ArrowDown', 'ArrowUp', 'Home', 'End'],
    action: 'Move between the items of a menu',
    group: 'Help',
    scope: 'menus',
  },
];

/** The shortcuts of one host, in the sheet's order. */
export function shortcutsFor(host: 'desktop' | 'web'): Shortcut[] {
  return SHORTCUTS.filter((s) => s.host === undefined || s.host === host);
}

const isMac = () => typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ContextMenu: 'Menu',
  Escape: 'Esc',
};

/**
 * A combination's keys as a person reads them, one string per key: `Mod+Shift+Z` is
 * `['Ctrl', 'Shift', 'Z']` (`['⌘', '⇧', 'Z']` on a Mac); a gesture stays one string.
 */
export function keyCaps(combination: string, mac = isMac()): string[] {
  if (combination.includes(' ') && !combination.startsWith('Space+')) return [combination];
  const parts = combination === '+' ? ['+'] : combination.split('+');
  return parts.map((part) => {
    if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
    if (part === 'Shift') return mac ? '⇧' : 'Shift';
    return KEY_NAMES[part] ?? part;
  });
}

/**
 * A key press in the canonical form of {@link Shortcut.keys}: `Mod+Shift+Z` for Ctrl (or ⌘) +
 * Shift + Z. A printed character that needs Shift to type (`?`) is named without it.
 */
export function combinationOf(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): string {
  const isLetter = /^[a-z]$/i.test(event.key);
  const isSymbol = event.key.length === 1 && !isLetter;
  const parts = [
    ...(event.ctrlKey || event.metaKey ? ['Mod'] : []),
    ...(event.shiftKey && !isSymbol ? ['Shift'] : []),
    ...(event.altKey ? ['Alt'] : []),
    isLetter ? event.key.toUpperCase() : event.key,
  ];
  return parts.join('+');
}

const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];

/**
 * An entry's combinations as the sheet shows them, each as key caps: the four arrows with the
 * same modifiers become one combination (`Shift` `←→↑↓`), everything else stays as listed.
 */
export function displayedKeys(keys: readonly string[], mac = isMac()): string[][] {
  const split = keys.map((k) => {
    const at = k.lastIndexOf('+');
    return at > 0 ? { mods: k.slice(0, at), key: k.slice(at + 1) } : { mods: '', key: k };
  });
  const mods = split[0]?.mods;
  const isArrowSet =
    keys.length === ARROWS.length &&
    split.every((k) => k.mods === mods) &&
    ARROWS.every((a) => split.some((k) => k.key === a));
  if (isArrowSet) {
    const caps = mods ? keyCaps(`${mods}+X`, mac).slice(0, -1) : [];
    return [[...caps, '←→↑↓']];
  }
  return keys.map((k) => keyCaps(k, mac));
}
