import { Keyboard, X } from 'lucide-react';
import { Fragment } from 'react';
import { useModalDialog } from '../panels/useModalDialog';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { displayedKeys, shortcutsFor, type Shortcut, type ShortcutGroup } from './shortcuts';
import './help.css';

const GROUPS: readonly ShortcutGroup[] = ['File', 'Edit', 'Canvas', 'Find', 'Help'];

const SCOPE_NOTES: Readonly<Record<NonNullable<Shortcut['scope']>, string | undefined>> = {
  gesture: undefined,
  canvas: undefined,
  'node search': 'in the search box',
  menus: 'in an open menu',
  'scenario mode': undefined,
  container: undefined,
  'variant tab': 'on the focused variant tab',
};

/** One combination as key caps: `Ctrl` `Shift` `Z`. */
function Combination({ caps }: { caps: readonly string[] }) {
  return (
    <span className="shortcut__combination">
      {caps.map((cap, i) => (
        <Fragment key={i}>
          {i > 0 && <span className="shortcut__plus">+</span>}
          <kbd>{cap}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * The keyboard-shortcut sheet (`?`, F1, or Help → Keyboard shortcuts): every shortcut and mouse
 * gesture of this host, grouped, as `shortcuts.ts` lists them. Escape or Close closes it.
 */
export function ShortcutSheet() {
  const isOpen = usePlanner((s) => s.isShortcutSheetOpen);
  const setOpen = usePlanner((s) => s.setShortcutSheetOpen);
  const { host } = useServices();
  const dialog = useModalDialog(isOpen);
  if (!isOpen) return null;
  const shortcuts = shortcutsFor(host.kind);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcut-sheet"
      data-testid="shortcut-sheet"
      aria-labelledby="shortcut-sheet-title"
      onClose={() => setOpen(false)}
    >
      <div className="dialog__header">
        <Keyboard size={18} aria-hidden />
        <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
        <button
          type="button"
          className="icon-button shortcut-sheet__close"
          aria-label="Close"
          autoFocus
          onClick={() => dialog.current?.close()}
        >
          <X size={16} aria-hidden />
        </button>
      </div>
      <div className="shortcut-sheet__groups">
        {GROUPS.map((group) => (
          <section key={group} className="shortcut-sheet__group" aria-label={group}>
            <h3 className="field-group__title">{group}</h3>
            <dl className="shortcut-sheet__list">
              {shortcuts
                .filter((s) => s.group === group)
                .map((s) => (
                  <div
                    key={`${s.action}:${s.keys.join()}`}
                    className="shortcut"
                    data-testid="shortcut"
                    data-keys={s.keys.join(' ')}
                  >
                    <dt className="shortcut__keys">
                      {displayedKeys(s.keys).map((caps, i) => (
                        <Fragment key={caps.join('+')}>
                          {i > 0 && <span className="shortcut__or">or</span>}
                          <Combination caps={caps} />
                        </Fragment>
                      ))}
                    </dt>
                    <dd className="shortcut__action">
                      {s.action}
                      {s.scope && SCOPE_NOTES[s.scope] && (
                        <span className="shortcut__scope"> ({SCOPE_NOTES[s.scope]})</span>
                      )}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
