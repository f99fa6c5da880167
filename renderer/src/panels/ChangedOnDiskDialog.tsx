import { FileWarning } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { useModalDialog } from './useModalDialog';

/**
 * Save found that another program changed the file since Nines read it: save this version as a
 * copy (Save As), overwrite the other program's version (it is kept as the `.bak` on the
 * desktop), or cancel. Escape cancels.
 */
export function ChangedOnDiskDialog() {
  const { host, actions } = useServices();
  const question = usePlanner((s) => (s.question?.kind === 'changed-on-disk' ? s.question : null));
  const dialog = useModalDialog(question !== null);
  if (!question) return null;
  return (
    <dialog
      ref={dialog}
      className="dialog confirm"
      data-testid="changed-on-disk-dialog"
      aria-labelledby="changed-title"
      aria-describedby="changed-message"
      onCancel={(event) => {
        event.preventDefault();
        actions.answerChangedOnDisk('cancel');
      }}
    >
      <header className="dialog__header">
        <FileWarning className="confirm__icon" size={18} aria-hidden />
        <h2 id="changed-title">“{question.fileName}” was changed by another program</h2>
      </header>
      <p id="changed-message" className="dialog__message">
        Save as a copy keeps both versions. Overwrite replaces the other program’s version with this
        document
        {host.kind === 'desktop' ? `, keeping it as ${question.fileName}.bak.` : '.'}
      </p>
      <div className="dialog__actions">
        <button
          type="button"
          className="button"
          onClick={() => actions.answerChangedOnDisk('overwrite')}
        >
          Overwrite
        </button>
        <span className="dialog__spacer" />
        <button
          type="button"
          className="button"
          onClick={() => actions.answerChangedOnDisk('cancel')}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          data-autofocus
          onClick={() => actions.answerChangedOnDisk('save-copy')}
        >
          Save as a copy…
        </button>
      </div>
    </dialog>
  );
}
