/**
 * "Compare with git revision…" (desktop app, a file in a git repository): asks which revision
 * (a branch, a tag, a commit, `HEAD~1`, with shortcuts for the usual ones) and opens the diff
 * view against the open file as it was there. What goes wrong (no such revision, the file not
 * at it, not a repository, git missing) is shown in the dialog, which stays open to try again.
 */
import { GitCompare } from 'lucide-react';
import { useId, useState } from 'react';
import { useServices } from '../hooks/useServices';
import { useModalDialog } from '../panels/useModalDialog';
import { usePlannerStore } from '../store/context';
import { compareWithRevision } from './compare-with';

/** Revisions offered with one click: the last commit, the one before, the usual main branch. */
export const SUGGESTED_REVISIONS = ['HEAD', 'HEAD~1', 'origin/main'] as const;

/** The dialog; mount it while it is wanted, `onClose` unmounts it. */
export function RevisionDialog({ onClose }: { onClose: () => void }) {
  const { host } = useServices();
  const store = usePlannerStore();
  const dialog = useModalDialog(true);
  const id = useId();
  const [ref, setRef] = useState<string>('HEAD');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const compare = async (revision: string) => {
    setBusy(true);
    const problem = await compareWithRevision(host, store, revision);
    setBusy(false);
    if (problem === null) onClose();
    else setError(problem);
  };
  return (
    <dialog
      ref={dialog}
      className="dialog confirm revision-dialog"
      data-testid="revision-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <GitCompare className="revision-dialog__icon" size={18} aria-hidden />
        <h2 id={`${id}-title`}>Compare with a git revision</h2>
      </div>
      <p id={`${id}-message`} className="dialog__message">
        The open file as it is at that revision of its repository becomes the base; this document is
        the head. The files on disk are not touched.
      </p>
      <form
        className="revision-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          void compare(ref);
        }}
      >
        <label htmlFor={`${id}-ref`}>Revision</label>
        <input
          id={`${id}-ref`}
          className="field__input revision-dialog__input"
          data-autofocus
          value={ref}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : `${id}-error`}
          onChange={(event) => {
            setRef(event.target.value);
            setError(null);
          }}
        />
        <div className="revision-dialog__suggestions" role="group" aria-label="Usual revisions">
          {SUGGESTED_REVISIONS.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="tool"
              onClick={() => {
                setRef(suggestion);
                setError(null);
              }}
            >
              {suggestion}
            </button>
          ))}
        </div>
        {error !== null && (
          <p id={`${id}-error`} className="revision-dialog__error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <span className="dialog__spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Reading…' : 'Compare'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
