import { LifeBuoy } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { ProblemList } from './ProblemsDialog';
import { QuestionDialog } from './QuestionDialog';

/**
 * At start, the unsaved changes a session that did not close cleanly left behind: Restore opens
 * them as a document with unsaved changes, Discard deletes them. A copy that cannot be opened
 * lists its problems and can be downloaded as it is. It must be answered (Escape does nothing):
 * until then this session writes no recovery copy of its own.
 */
export function RecoveryDialog() {
  const { actions } = useServices();
  const offer = usePlanner((s) => s.recoveryOffer);
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
    <QuestionDialog
      testId="recovery-dialog"
      icon={LifeBuoy}
      iconClassName="recovery__icon"
      className="recovery"
      title={
        canRestore
          ? `Restore the unsaved changes to ${name} from ${time}?`
          : `The unsaved changes to ${name} from ${time} cannot be opened`
      }
      message={
        canRestore
          ? 'Nines did not close normally and kept a copy of your work. Restore opens it with its changes still unsaved; Discard deletes the copy.'
          : 'Nines kept a copy of your work when it did not close normally, but the copy has problems. Download it to keep it as it is, then discard it here.'
      }
      alternative={{ label: 'Discard', onChoose: () => void actions.discardRecovery() }}
      primary={
        canRestore
          ? { label: 'Restore', onChoose: () => actions.restoreRecovery() }
          : { label: 'Download the copy', onChoose: () => void actions.downloadRecovery() }
      }
    >
      {!canRestore && <ProblemList problems={offer.problems} />}
    </QuestionDialog>
  );
}
