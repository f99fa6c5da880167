import { FileText, LoaderCircle } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog';
import {
  documentControl,
  type Block,
  type Cell,
  type Inline,
  type PlanDocument,
} from '../../../shared/plan/document';
import { headingLabel, headingNumbers } from '../../../shared/plan/outline';
import { toSvg } from '../../../shared/plan/drawing';
import type { NinesDocument } from '../../../shared/model/types';
import {
  PLAN_EXPORTS,
  appPlan,
  planFileName,
  renderPlan,
  todayIso,
  type PlanExportFormat,
} from '../app/plan-export';
import { usePriceBook } from '../hooks/usePriceBook';
import { useServices } from '../hooks/useServices';
import { usePlanner } from '../store/context';
import './plan-dialog.css';

/** How long an export may take before the dialog says it is working on it, ms. */
const PROGRESS_AFTER_MS = 500;

/**
 * The toolbar's Plan button and the plan preview it opens (File → Export… opens it too, through
 * the store's `isPlanOpen`).
 */
export function PlanButton() {
  const isOpen = usePlanner((s) => s.isPlanOpen);
  const setOpen = usePlanner((s) => s.setPlanOpen);
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  return (
    <>
      <button
        type="button"
        className="tool"
        onClick={() => setOpen(true)}
        disabled={!document || !variantId}
        title="Preview and export the contingency plan of this variant (Ctrl+E)"
      >
        <FileText size={15} aria-hidden /> Plan
      </button>
      {isOpen && document && variantId && (
        <PlanDialog document={document} variantId={variantId} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly format: PlanExportFormat; readonly isSlow: boolean }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

function PlanDialog({
  document,
  variantId,
  onClose,
}: {
  document: NinesDocument;
  variantId: string;
  onClose: () => void;
}) {
  const { host } = useServices();
  const dialog = useModalDialog(true);
  const [date] = useState(todayIso);
  const book = usePriceBook(document);
  const result = useMemo(
    () => appPlan(document, variantId, date, book),
    [document, variantId, date, book],
  );
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const exportAs = async (format: PlanExportFormat) => {
    if (!result.ok) return;
    const entry = PLAN_EXPORTS.find((e) => e.format === format);
    if (!entry) return;
    setState({ kind: 'busy', format, isSlow: false });
    const timer = setTimeout(
      () => setState({ kind: 'busy', format, isSlow: true }),
      PROGRESS_AFTER_MS,
    );
    try {
      const data = await renderPlan(result.plan, format);
      clearTimeout(timer);
      const saved = await host.exportFile({
        suggestedName: planFileName(document, variantId, format),
        mimeType: entry.mimeType,
        data,
      });
      if (!saved.ok) setState({ kind: 'error', message: saved.message });
      else if (saved.value === null) setState({ kind: 'idle' });
      else setState({ kind: 'done', message: `Exported ${saved.value.name}` });
    } catch (error) {
      setState({ kind: 'error', message: `Could not write the ${entry.label}: ${String(error)}` });
    } finally {
      clearTimeout(timer);
    }
  };

  const busy = state.kind === 'busy';
  return (
    <dialog
      ref={dialog}
      className="dialog plan-dialog"
      data-testid="plan-dialog"
      aria-labelledby="plan-dialog-title"
      onClose={onClose}
    >
      <div className="dialog__header">
        <FileText size={18} aria-hidden />
        <h2 id="plan-dialog-title">Contingency plan</h2>
      </div>
      {result.ok ? (
        <PlanPreview plan={result.plan} />
      ) : (
        <div className="plan-dialog__problems" role="alert">
          <p>The plan cannot be built for this variant:</p>
          <ul>
            {result.issues.map((issue, i) => (
              <li key={i}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="dialog__actions">
        <span className="plan-dialog__status" role="status" aria-live="polite">
          {state.kind === 'busy' && state.isSlow && (
            <>
              <LoaderCircle className="plan-dialog__spinner" size={14} aria-hidden /> Writing the{' '}
              {PLAN_EXPORTS.find((e) => e.format === state.format)?.label}…
            </>
          )}
          {(state.kind === 'done' || state.kind === 'error') && (
            <span className={state.kind === 'error' ? 'plan-dialog__error' : undefined}>
              {state.message}
            </span>
          )}
        </span>
        <span className="dialog__spacer" />
        {PLAN_EXPORTS.map((e) => (
          <button
            key={e.format}
            type="button"
            className={e.format === 'pdf' ? 'button button--primary' : 'button'}
            disabled={!result.ok || busy}
            onClick={() => void exportAs(e.format)}
          >
            Export {e.label}
          </button>
        ))}
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}

/** The plan as the document model says it, laid out simply: what the exports will hold. */
function PlanPreview({ plan }: { plan: PlanDocument }) {
  const numbers = useMemo(() => headingNumbers(plan), [plan]);
  return (
    <article className="plan-preview" aria-label="Plan preview" tabIndex={0}>
      <h1 className="plan-preview__title">{plan.meta.title}</h1>
      {plan.meta.subtitle && <p className="plan-preview__subtitle">{plan.meta.subtitle}</p>}
      <table className="plan-preview__kv">
        <tbody>
          {documentControl(plan.meta).map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.blocks.map((block, i) => (
        <PreviewBlock key={i} block={block} numbers={numbers} />
      ))}
    </article>
  );
}

function runs(content: Inline): ReactNode {
  return content.map((run, i) => {
    let node: ReactNode = run.text;
    if (run.code) node = <code>{node}</code>;
    if (run.italic) node = <em>{node}</em>;
    if (run.bold) node = <strong>{node}</strong>;
    return <span key={i}>{node}</span>;
  });
}

function cell(value: Cell): ReactNode {
  return typeof value === 'string' ? value : runs(value);
}

function PreviewBlock({ block, numbers }: { block: Block; numbers: Map<string, string> }) {
  switch (block.kind) {
    case 'heading': {
      const Tag = block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4';
      return <Tag id={`plan-${block.id}`}>{headingLabel(block, numbers)}</Tag>;
    }
    case 'paragraph':
      return <p>{runs(block.runs)}</p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{runs(item)}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return (
        <table className="plan-preview__table">
          {block.caption && <caption>{block.caption}</caption>}
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} style={{ textAlign: c.align ?? 'left' }}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((value, c) => (
                  <td key={c} style={{ textAlign: block.columns[c]?.align ?? 'left' }}>
                    {cell(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'keyValue':
      return block.rows.length === 0 ? null : (
        <table className="plan-preview__kv">
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{row.key}</th>
                <td>{cell(row.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'callout':
      return (
        <aside className={`plan-preview__callout plan-preview__callout--${block.tone}`}>
          {block.title && <strong>{block.title}: </strong>}
          {runs(block.runs)}
        </aside>
      );
    case 'figure':
      return (
        <figure className="plan-preview__figure">
          <img
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSvg(block.drawing))}`}
            alt={block.caption}
          />
          <figcaption>{block.caption}</figcaption>
        </figure>
      );
    case 'pageBreak':
      return <hr />;
  }
}
