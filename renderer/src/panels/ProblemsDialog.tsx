import { TriangleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { formatProblem } from '../../../shared/schema/parse';
import { usePlanner } from '../store/context';

/** Says what went wrong (a file that does not parse lists each problem with its JSON path). */
export function ProblemsDialog() {
  const report = usePlanner((s) => s.problemReport);
  const dismiss = usePlanner((s) => s.dismissProblems);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (report && !dialog.current?.open) dialog.current?.showModal();
  }, [report]);
  if (!report) return null;
  return (
    <dialog
      ref={dialog}
      className="dialog problems"
      data-testid="problems-dialog"
      aria-labelledby="problems-title"
      onClose={dismiss}
    >
      <header className="dialog__header">
        <TriangleAlert className="problems__icon" size={18} aria-hidden />
        <h2 id="problems-title">{report.title}</h2>
      </header>
      <p className="dialog__message">{report.message}</p>
      {report.problems.length > 0 && (
        <ol className="problems__list" aria-label="Problems">
          {report.problems.map((p, i) => (
            <li key={i} className="problem" title={formatProblem(p)}>
              <code className="problem__path">{p.path}</code>
              <span className="problem__message">{p.message}</span>
            </li>
          ))}
        </ol>
      )}
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
