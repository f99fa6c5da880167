import { useCombobox } from 'downshift';
import { ChevronDown } from 'lucide-react';
import { useLayoutEffect, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { filterOptions, type PickerOption } from './picker-options';
import './scenarios.css';

/** A field's text input with a list of known values to choose from, filtered as one types. */
export interface PickerInputProps {
  /** The input's id; the field's `<label>` has `${id}-label`. */
  readonly id: string;
  readonly text: string;
  readonly placeholder: string;
  readonly options: readonly PickerOption[];
  readonly isInvalid: boolean;
  /** The text as typed (not yet stored). */
  readonly onText: (text: string) => void;
  /** A value to store now: an option chosen, or the typed text on Enter or on leaving. */
  readonly onCommit: (text: string) => void;
  /** Escape with the list closed: back to the stored value. */
  readonly onCancel: () => void;
}

/** Keys downshift should leave alone once this field has handled them. */
type DownshiftKeyEvent = KeyboardEvent<HTMLInputElement> & {
  nativeEvent: { preventDownshiftDefault?: boolean };
};

/**
 * A combobox (WAI-ARIA 1.2, through downshift's `useCombobox`): typing filters the options by
 * value and details and highlights the first match, the arrow keys move through them, Enter or
 * a click stores the highlighted one, Escape closes the list (and with the list closed, restores
 * the stored value). A value that is none of the options can still be stored: Enter when nothing
 * matches (or after Escape closed the list), or leaving the field.
 */
export function PickerInput({
  id,
  text,
  placeholder,
  options,
  isInvalid,
  onText,
  onCommit,
  onCancel,
}: PickerInputProps) {
  /** What was typed since the list opened; null shows every option. */
  const [query, setQuery] = useState<string | null>(null);
  const shown = filterOptions(options, query ?? '');
  const {
    isOpen,
    highlightedIndex,
    getInputProps,
    getMenuProps,
    getItemProps,
    getToggleButtonProps,
    closeMenu,
  } = useCombobox<PickerOption>({
    items: [...shown],
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-options`,
    inputValue: text,
    selectedItem: null,
    itemToString: (option) => option?.value ?? '',
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onCommit(selectedItem.value);
    },
    onIsOpenChange: ({ isOpen: open }) => {
      if (!open) setQuery(null);
    },
    stateReducer: (state, { type, changes }) => {
      const types = useCombobox.stateChangeTypes;
      // Leaving the field stores what was typed, never the option under the pointer.
      if (type === types.InputBlur) {
        return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
      }
      // What was typed highlights the first match (Enter stores it); a list opened without
      // typing highlights nothing until an arrow key.
      if (type === types.InputChange) {
        return { ...changes, highlightedIndex: changes.inputValue ? 0 : -1 };
      }
      return changes;
    },
  });
  useLayoutEffect(() => {
    if (!isOpen) return undefined;
    const place = () => {
      const input = document.getElementById(id)?.getBoundingClientRect();
      const menu = document.getElementById(`${id}-options`);
      if (input && menu) placeMenu(menu, input);
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [id, isOpen]);
  const onKeyDown = (event: DownshiftKeyEvent) => {
    const isOnOption = isOpen && highlightedIndex >= 0 && highlightedIndex < shown.length;
    if (event.key === 'Enter' && !isOnOption) {
      event.nativeEvent.preventDownshiftDefault = true;
      onCommit(event.currentTarget.value);
      closeMenu();
    } else if (event.key === 'Escape') {
      // Escape closes the list, or restores the field: it goes no further (scenario mode).
      event.stopPropagation();
      if (!isOpen) {
        event.nativeEvent.preventDownshiftDefault = true;
        onCancel();
      }
    }
  };
  return (
    <span className="picker">
      <input
        className="field__input picker__input"
        placeholder={placeholder}
        aria-invalid={isInvalid}
        spellCheck={false}
        {...getInputProps({
          // What is typed filters the list in the drawing of the keystroke itself: downshift
          // would pass it on (onInputValueChange) from an effect, a drawing later, and an Enter
          // pressed in between would pick from the list of the previous text.
          onChange: (event) => {
            setQuery(event.currentTarget.value);
            onText(event.currentTarget.value);
          },
          onKeyDown,
          onBlur: (event) => onCommit(event.currentTarget.value),
        })}
      />
      <button
        type="button"
        className="picker__toggle"
        aria-label="Show the choices"
        {...getToggleButtonProps()}
      >
        <ChevronDown size={12} aria-hidden />
      </button>
      {createPortal(
        <ul className="picker__menu" {...getMenuProps()} hidden={!isOpen}>
          {isOpen &&
            shown.map((option, index) => (
              <li
                key={option.value}
                className={`picker__option${highlightedIndex === index ? ' is-highlighted' : ''}`}
                {...getItemProps({ item: option, index })}
              >
                <span className="picker__value">{option.value}</span>
                {option.detail && <span className="picker__detail">{option.detail}</span>}
              </li>
            ))}
          {isOpen && shown.length === 0 && (
            <li className="picker__empty" role="presentation">
              No match: Enter keeps what you typed
            </li>
          )}
        </ul>,
        document.body,
      )}
    </span>
  );
}

/** Room the list wants below its input before it opens above instead, px. */
const MENU_ROOM = 200;

/**
 * Puts the open list under its input (above it when the window has no room below), fixed to the
 * window (the list is rendered in the page's body, so that neither the inspector's scrolling box
 * nor the panels below it cover it); its right edge on the input's.
 */
function placeMenu(menu: HTMLElement, input: DOMRect): void {
  const below = window.innerHeight - input.bottom;
  const isAbove = below < MENU_ROOM && input.top > below;
  const room = (isAbove ? input.top : below) - 12;
  menu.style.right = `${Math.max(4, window.innerWidth - input.right)}px`;
  menu.style.top = isAbove ? '' : `${input.bottom + 3}px`;
  menu.style.bottom = isAbove ? `${window.innerHeight - input.top + 3}px` : '';
  menu.style.maxHeight = `${Math.max(96, Math.min(240, room))}px`;
}
