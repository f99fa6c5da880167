import { TriangleAlert } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { useModalDialog } from './useModalDialog';

/**
 * Save / Don't save / Cancel before a document with unsaved changes is replaced (New, Open, a
 * recent file, a template, a file from the system). Escape cancels.
 */
export function ConfirmDialog() {
  const { actions } = useServices();
  const question = usePlanner((s) => (s.question?.kind === 'discard' ? s.question : null));
  const dialog = useModalDialog(question !== null);
  if (!question) return null;
  return (
    <dialog
      ref={dialog}
      className="dialog confirm"
      data-testid="discard-dialog"
      aria-labelledby="discard-title"
      aria-describedby="discard-message"
      onCancel={(event) => {
        event.preventDefault();
        actions.answerDiscard('cancel');
      }}
    >
      <header className="dialog__header">
        <TriangleAlert className="confirm__icon" size={18} aria-hidden />
        <h2 id="discard-title">Save the changes to “{question.documentName}”?</h2>
      </header>
      <p id="discard-message" className="dialog__message">
        Your changes are lost if you don’t save them.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => actions.answerDiscard('discard')}>
          Don’t save
        </button>
        <span className="dialog__spacer" />
        <button type="button" className="button" onClick={() => actions.answerDiscard('cancel')}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          data-autofocus
          onClick={() => actions.answerDiscard('save')}
        >
          Save
        </button>
      </div>
    </dialog>
  );
}
