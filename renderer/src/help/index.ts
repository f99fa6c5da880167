/** Help in the window: the shortcut sheet, the bundled docs, the Help menu, the empty-canvas hint. */
export { EmptyCanvasHint } from './EmptyCanvasHint';
export { HelpDocs } from './HelpDocs';
export { HelpMenu } from './HelpMenu';
export { ShortcutSheet } from './ShortcutSheet';
export { useHelpKeys } from './useHelpKeys';
export { FIRST_HELP_PAGE, HELP_PAGES } from './docs';
export { SHORTCUTS, combinationOf, shortcutsFor, type Shortcut } from './shortcuts';
