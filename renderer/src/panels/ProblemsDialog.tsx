import { TriangleAlert } from 'lucide-react';
import { useModalDialog } from './useModalDialog';
import type { Problem } from '../../../shared/model/invariants';
import { formatProblem } from '../../../shared/schema/parse';
import { usePlanner } from '../store/context';

/** The problems of a file, each with its JSON path (the whole problem on hover). */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  return (
    <ol className="problems__list" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i} className="problem" title={formatProblem(p)}>
          <code className="problem__path">{p.path}</code>
          <span className="problem__message">{p.message}</span>
        </li>
      ))}
    </ol>
  );
}

/** Says what went wrong (a file that does not parse lists each problem with its JSON path). */
export function ProblemsDialog() {
  const report = usePlanner((s) => s.problemReport);
  const dismiss = usePlanner((s) => s.dismissProblems);
  const dialog = useModalDialog(report !== null);
  if (!report) return null;
  return (
    <dialog
      ref={dialog}
      className="dialog problems"
      data-testid="problems-dialog"
      aria-labelledby="problems-title"
      onClose={dismiss}
    >
      <div className="dialog__header">
        <TriangleAlert className="problems__icon" size={18} aria-hidden />
        <h2 id="problems-title">{report.title}</h2>
      </div>
      <p className="dialog__message">{report.message}</p>
      {report.problems.length > 0 && <ProblemList problems={report.problems} />}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          autoFocus
          onClick={() => dialog.current?.close()}
        >
          OK
        </button>
      </div>
    </dialog>
  );
}
