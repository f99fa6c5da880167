import { BookOpen, ChevronDown, CircleQuestionMark, Keyboard } from 'lucide-react';
import { PopoverMenu } from '../panels/PopoverMenu';
import { usePlanner } from '../store/context';
import { FIRST_HELP_PAGE } from './docs';
import './help.css';

/**
 * The toolbar's Help menu, the browser's counterpart of the desktop's Help menu (and there too,
 * beside File): the bundled documentation and the keyboard-shortcut sheet. A PopoverMenu.
 */
export function HelpMenu() {
  const setHelpPage = usePlanner((s) => s.setHelpPage);
  const setShortcutSheetOpen = usePlanner((s) => s.setShortcutSheetOpen);
  return (
    <div className="help-menu">
      <button
        type="button"
        className="tool help-menu__button"
        popoverTarget="help-menu"
        aria-haspopup="menu"
        aria-label="Help"
        title="Documentation and keyboard shortcuts"
      >
        <CircleQuestionMark size={15} aria-hidden /> <span className="tool__label">Help</span>
        <ChevronDown size={14} aria-hidden />
      </button>
      <PopoverMenu id="help-menu" label="Help" className="help-menu__popover">
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => setHelpPage(FIRST_HELP_PAGE)}
        >
          <BookOpen size={14} aria-hidden /> Documentation
        </button>
        <button
          type="button"
          role="menuitem"
          className="menu-item"
          onClick={() => setShortcutSheetOpen(true)}
        >
          <Keyboard size={14} aria-hidden /> Keyboard shortcuts
          <kbd className="file-menu__shortcut">?</kbd>
        </button>
      </PopoverMenu>
    </div>
  );
}
