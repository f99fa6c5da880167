import { Check, ChevronDown, Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { PopoverMenu } from '../panels/PopoverMenu';
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme-choice';
import './theme.css';

const CHOICES: readonly { choice: ThemeChoice; label: string; icon: LucideIcon }[] = [
  { choice: 'system', label: 'As the system', icon: Monitor },
  { choice: 'light', label: 'Light', icon: Sun },
  { choice: 'dark', label: 'Dark', icon: Moon },
];

/**
 * The toolbar's theme menu: the system's theme, light or dark, each a `menuitemradio` with the
 * chosen one checked. A PopoverMenu, so the keyboard opens it (Enter), moves (arrows, Home, End)
 * and chooses (Enter) as in the other menus; the choice is shown at once and remembered.
 */
export function ThemeMenu() {
  const chosen = useThemeChoice();
  const shown = CHOICES.find((c) => c.choice === chosen) ?? CHOICES[0];
  const Icon = shown?.icon ?? Monitor;
  return (
    <div className="theme-menu">
      <button
        type="button"
        className="tool theme-menu__button"
        popoverTarget="theme-menu"
        aria-haspopup="menu"
        aria-label={`Theme: ${shown?.label ?? ''}`}
        title="Theme: as the system, light or dark"
      >
        <Icon size={15} aria-hidden />
        <ChevronDown size={14} aria-hidden />
      </button>
      <PopoverMenu id="theme-menu" label="Theme" className="theme-menu__popover">
        {CHOICES.map(({ choice, label, icon: ItemIcon }) => (
          <button
            key={choice}
            type="button"
            role="menuitemradio"
            aria-checked={choice === chosen}
            className="menu-item"
            data-testid={`theme-${choice}`}
            onClick={() => setThemeChoice(choice)}
          >
            <ItemIcon size={14} aria-hidden /> {label}
            {choice === chosen && <Check size={14} aria-hidden className="theme-menu__check" />}
          </button>
        ))}
      </PopoverMenu>
    </div>
  );
}
