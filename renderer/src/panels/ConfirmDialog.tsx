import { TriangleAlert } from 'lucide-react';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import { QuestionDialog } from './QuestionDialog';

/**
 * Save / Don't save / Cancel before a document with unsaved changes is replaced (New, Open, a
 * recent file, a template, a file from the system). Escape cancels.
 */
export function ConfirmDialog() {
  const { actions } = useServices();
  const question = usePlanner((s) => (s.question?.kind === 'discard' ? s.question : null));
  if (!question) return null;
  return (
    <QuestionDialog
      testId="discard-dialog"
      icon={TriangleAlert}
      title={`Save the changes to “${question.documentName}”?`}
      message="Your changes are lost if you don’t save them."
      alternative={{ label: 'Don’t save', onChoose: () => actions.answerDiscard('discard') }}
      onCancel={() => actions.answerDiscard('cancel')}
      primary={{ label: 'Save', onChoose: () => actions.answerDiscard('save') }}
    />
  );
}
