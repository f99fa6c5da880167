import { formatProblem } from '../../../shared/schema/parse';
import { LifeBuoy } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { useModalDialog } from './useModalDialog';

/**
 * At start, the unsaved changes a session that did not close cleanly left behind: Restore opens
 * them as a document with unsaved changes, Discard deletes them. A copy that cannot be opened
 * lists its problems and can be downloaded as it is. It must be answered (Escape does nothing):
 * until then this session writes no recovery copy of its own.
 */
export function RecoveryDialog() {
  const { actions } = useServices();
  const offer = usePlanner((s) => s.recoveryOffer);
  const dialog = useModalDialog(offer !== null);
  if (!offer) return null;
  const name = offer.fileName || 'an untitled plan';
  const time =
    offer.writtenAtMs === null
      ? 'an earlier session'
      : new Date(offer.writtenAtMs).toLocaleString(undefined, {
          dateStyle: 'medium',
          timeStyle: 'short',
        });
  const canRestore = offer.problems.length === 0;
  return (
    <dialog
      ref={dialog}
      className="dialog confirm recovery"
      data-testid="recovery-dialog"
      aria-labelledby="recovery-title"
      aria-describedby="recovery-message"
      onCancel={(event) => event.preventDefault()}
    >
      <header className="dialog__header">
        <LifeBuoy className="recovery__icon" size={18} aria-hidden />
        <h2 id="recovery-title">
          {canRestore
            ? `Restore the unsaved changes to ${name} from ${time}?`
            : `The unsaved changes to ${name} from ${time} cannot be opened`}
        </h2>
      </header>
      <p id="recovery-message" className="dialog__message">
        {canRestore
          ? 'Nines did not close normally and kept a copy of your work. Restore opens it with its changes still unsaved; Discard deletes the copy.'
          : 'Nines kept a copy of your work when it did not close normally, but the copy has problems. Download it to keep it as it is, then discard it here.'}
      </p>
      {!canRestore && (
        <ol className="problems__list" aria-label="Problems">
          {offer.problems.map((p, i) => (
            <li key={i} className="problem" title={formatProblem(p)}>
              <code className="problem__path">{p.path}</code>
              <span className="problem__message">{p.message}</span>
            </li>
          ))}
        </ol>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={() => void actions.discardRecovery()}>
          Discard
        </button>
        <span className="dialog__spacer" />
        {canRestore ? (
          <button
            type="button"
            className="button button--primary"
            data-autofocus
            onClick={() => actions.restoreRecovery()}
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            data-autofocus
            onClick={() => void actions.downloadRecovery()}
          >
            Download the copy
          </button>
        )}
      </div>
    </dialog>
  );
}
