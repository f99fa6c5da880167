/** The window's theme: as the system, light or dark, chosen in the toolbar and remembered. */
export { ThemeMenu } from './ThemeMenu';
export {
  applySavedTheme,
  readThemeChoice,
  THEME_CHOICES,
  THEME_KEY,
  useThemeChoice,
  writeThemeChoice,
  type ThemeChoice,
} from './theme-choice';
