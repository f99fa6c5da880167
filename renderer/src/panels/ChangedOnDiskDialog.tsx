import { FileWarning } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { QuestionDialog } from './QuestionDialog';

/**
 * Save found that another program changed the file since Nines read it: save this version as a
 * copy (Save As), overwrite the other program's version (it is kept as the `.bak` on the
 * desktop), or cancel. Escape cancels.
 */
export function ChangedOnDiskDialog() {
  const { host, actions } = useServices();
  const question = usePlanner((s) => (s.question?.kind === 'changed-on-disk' ? s.question : null));
  if (!question) return null;
  const kept = host.kind === 'desktop' ? `, keeping it as ${question.fileName}.bak.` : '.';
  return (
    <QuestionDialog
      testId="changed-on-disk-dialog"
      icon={FileWarning}
      title={`“${question.fileName}” was changed by another program`}
      message={`Save as a copy keeps both versions. Overwrite replaces the other program’s version with this document${kept}`}
      alternative={{ label: 'Overwrite', onChoose: () => actions.answerChangedOnDisk('overwrite') }}
      onCancel={() => actions.answerChangedOnDisk('cancel')}
      primary={{
        label: 'Save as a copy…',
        onChoose: () => actions.answerChangedOnDisk('save-copy'),
      }}
    />
  );
}
