import { RotateCcw, Square } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  effectSummary,
  PRINCIPLES,
  type AdviceTruncation,
  type EngineIssue,
  type Finding,
} from '../../../shared/engine';
import { formatCount, formatNumber } from '../../../shared/text';
import { applyFix } from '../../../shared/model/ops/fixes';
import type { NinesDocument } from '../../../shared/model/types';
import { displayName } from '../canvas/describe';
import { useAdvice } from '../hooks/useAdvice';
import {
  adviceWorkerOf,
  changesOfFix,
  findingFocusOf,
  findingKey,
  type Highlight,
  type NodeChange,
} from '../store/advice';
import { usePlanner, usePlannerStore } from '../store/context';
import { isEmptyDesign } from '../store/selectors';
import './findings.css';

/**
 * The design advisor beside the results: every finding of the active variant with its severity,
 * what is wrong, the principle it breaks and the measured effect of its fix. Pointing at a
 * finding, or selecting it, highlights its nodes on the canvas; Preview shows what the fix
 * changes without changing the document; Apply makes the fix one undoable step. A review that
 * runs longer than half a second shows its progress and Cancel; a stopped one can run again.
 */
export function FindingsPanel() {
  const { findings, issues, truncated, isPending, isSlow, isCancelled, fraction } = useAdvice();
  const store = usePlannerStore();
  const document = usePlanner((s) => s.document);
  const variantId = usePlanner((s) => s.activeVariantId);
  if (!document || !variantId) return null;
  const worker = adviceWorkerOf(store);
  const review: ReviewStatus | undefined = isCancelled
    ? { status: 'cancelled', fraction, onRetry: () => worker.retry() }
    : isPending && isSlow
      ? { status: 'running', fraction, onCancel: () => worker.cancel() }
      : undefined;
  return (
    <FindingsList
      document={document}
      variantId={variantId}
      findings={findings}
      isPending={isPending}
      review={review}
      refusals={isPending ? [] : issues.filter((i) => i.severity === 'error')}
      truncated={isPending ? null : truncated}
    />
  );
}

/**
 * The findings in a word for the column's header (kept in view while the section is collapsed):
 * their count, `reviewing…` while a review runs, `stopped`, or `not reviewed`.
 */
export function FindingsSummary() {
  const { findings, issues, isPending, isCancelled } = useAdvice();
  const hasDocument = usePlanner((s) => s.document !== null);
  if (!hasDocument) return null;
  const isRefused = issues.some((i) => i.severity === 'error');
  return (
    <span data-testid="findings-summary">
      {reviewLabel(findings.length, isPending, isCancelled, isRefused)}
    </span>
  );
}

/**
 * `7`, `reviewing…`, `stopped` or `not reviewed` (the engine refused the design, e.g. past a
 * work limit): what the findings' header says of the review.
 */
export function reviewLabel(
  count: number,
  isPending: boolean,
  isCancelled: boolean,
  isRefused = false,
): string {
  if (isPending) return 'reviewing…';
  if (isCancelled) return 'stopped';
  return isRefused ? 'not reviewed' : `${count}`;
}

/**
 * A review worth showing: one running for more than half a second (its share done, in [0, 1],
 * and how to stop it), or one the person stopped (how far it got, and how to run it again).
 */
export type ReviewStatus =
  | { readonly status: 'running'; readonly fraction: number; readonly onCancel: () => void }
  | { readonly status: 'cancelled'; readonly fraction: number; readonly onRetry: () => void };

/** The list itself, for the findings of `variantId` of `document` (pending: being reviewed). */
export function FindingsList({
  document,
  variantId,
  findings,
  isPending,
  review,
  refusals = [],
  truncated = null,
}: {
  document: NinesDocument;
  variantId: string;
  findings: readonly Finding[];
  isPending: boolean;
  review?: ReviewStatus | undefined;
  /** The engine's errors that stopped the review (e.g. `over-limit`): shown in place of findings. */
  refusals?: readonly EngineIssue[];
  /** The fixes the advisor's work budget left unmeasured, or null. */
  truncated?: AdviceTruncation | null;
}) {
  const store = usePlannerStore();
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [previewed, setPreviewed] = useState<string | null>(null);
  const byKey = useMemo(() => new Map(findings.map((f) => [findingKey(f), f])), [findings]);
  const variant = document.variants.find((v) => v.id === variantId);
  const names = new Map(variant?.nodes.map((n) => [n.id, displayName(n)]));
  const name = (id: string) => names.get(id) ?? id;
  const isEmpty = variant !== undefined && isEmptyDesign(variant);

  const preview = useMemo(() => {
    const finding = previewed === null ? undefined : byKey.get(previewed);
    if (!finding?.fix.op || isPending) return undefined;
    return changesOfFix(document, variantId, applyFix(document, variantId, finding.fix.op));
  }, [previewed, byKey, isPending, document, variantId]);

  const highlight = useMemo((): Highlight | null => {
    const pointed = hovered ?? selected;
    const finding = pointed === null ? undefined : byKey.get(pointed);
    if (preview && (pointed === null || pointed === previewed))
      return { kind: 'fix', nodeIds: new Set(preview.changed.map((c) => c.id)) };
    return finding ? { kind: 'finding', nodeIds: new Set(finding.nodeIds) } : null;
  }, [hovered, selected, previewed, preview, byKey]);
  useEffect(() => {
    const focus = findingFocusOf(store).getState();
    focus.setHighlight(highlight);
    return () => focus.setHighlight(null);
  }, [store, highlight]);

  const panel = useRef<HTMLElement>(null);
  const apply = (finding: Finding) => {
    const { op } = finding.fix;
    if (!op) return;
    store.getState().commit(finding.fix.label, (doc) => applyFix(doc, variantId, op));
    // The finding and its Apply button go with the fix: the focus stays in the panel.
    panel.current?.focus();
    setSelected(null);
    setPreviewed(null);
    setHovered(null);
  };

  const perCode = new Map<string, number>();
  return (
    <section
      ref={panel}
      tabIndex={-1}
      className={`panel findings${isPending ? ' is-pending' : ''}`}
      data-testid="findings"
      aria-label="Findings"
      aria-busy={isPending}
    >
      {review?.status === 'running' && (
        <div className="findings__review" data-testid="findings-progress">
          <progress
            className="findings__progress"
            max={1}
            value={review.fraction}
            aria-label="Reviewing the design"
          />
          <span className="findings__percent num">{percentDone(review.fraction)}</span>
          <button type="button" className="tool" onClick={review.onCancel}>
            <Square size={13} aria-hidden /> Cancel
          </button>
        </div>
      )}
      {review?.status === 'cancelled' && (
        <div className="findings__review" data-testid="findings-cancelled">
          <p className="findings__stopped">
            Review stopped at {percentDone(review.fraction)}: no findings until it runs again.
          </p>
          <button type="button" className="tool" onClick={review.onRetry}>
            <RotateCcw size={13} aria-hidden /> Run again
          </button>
        </div>
      )}
      {refusals.length > 0 && (
        <div className="findings__refused" role="alert" data-testid="findings-refused">
          {refusals.map((issue) => (
            <p key={issue.message} className="findings__stopped">
              Not reviewed: {issue.message}.
            </p>
          ))}
        </div>
      )}
      {truncated !== null && (
        <p className="findings__truncated" data-testid="findings-truncated">
          {formatNumber(truncated.measured)} of{' '}
          {formatCount(truncated.measured + truncated.unmeasured, 'fix', 'fixes')} measured within
          the advisor&rsquo;s work budget, most severe first; the others are not measured and not
          offered as a change. Apply the measured fixes, then the review measures the next ones.
        </p>
      )}
      {isEmpty ? (
        <p className="panel__empty" data-testid="findings-empty">
          No findings yet: the advisor reviews the design once it has a component.
        </p>
      ) : (
        findings.length === 0 &&
        !isPending &&
        refusals.length === 0 &&
        review === undefined && (
          <p className="panel__empty">No findings: nothing in the design breaks a principle.</p>
        )
      )}
      <ul className="findings__list">
        {findings.map((finding) => {
          const key = findingKey(finding);
          const index = perCode.get(finding.code) ?? 0;
          perCode.set(finding.code, index + 1);
          const isSelected = selected === key;
          const isPreviewed = previewed === key && preview !== undefined;
          const { op } = finding.fix;
          return (
            <li
              key={key}
              className={`finding${isSelected ? ' is-selected' : ''}`}
              data-testid={`finding-${finding.code}-${index}`}
              onMouseEnter={() => setHovered(key)}
              onMouseLeave={() => setHovered(null)}
            >
              <button
                type="button"
                className="finding__head"
                aria-pressed={isSelected}
                title="Highlight its nodes on the canvas"
                onClick={() => setSelected(isSelected ? null : key)}
              >
                <span className={`finding__severity is-${finding.severity}`}>
                  {finding.severity}
                </span>
                <span className="finding__title">{finding.title}</span>
              </button>
              <p className="finding__message">{finding.message}</p>
              <p className="finding__principle">{PRINCIPLES[finding.principle]}</p>
              <p className="finding__effect num" data-testid="finding-effect">
                {effectSummary(finding)}
              </p>
              <div className="finding__fix">
                <span className="finding__fix-label">
                  {op ? finding.fix.label : `${finding.fix.label} (no change to the model)`}
                </span>
                {op && (
                  <span className="finding__actions">
                    <button
                      type="button"
                      className="button"
                      aria-pressed={isPreviewed}
                      disabled={isPending}
                      onClick={() => setPreviewed(isPreviewed ? null : key)}
                    >
                      Preview
                    </button>
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={isPending}
                      onClick={() => apply(finding)}
                    >
                      Apply
                    </button>
                  </span>
                )}
              </div>
              {!op && (
                <p className="finding__no-op">
                  {finding.availabilityCeiling === null
                    ? 'Nothing in the model can express this fix: it is a change of design.'
                    : 'Nothing in the model can remove it: the design stays under this ceiling.'}
                </p>
              )}
              {isPreviewed && preview && (
                <p className="finding__preview" data-testid="finding-preview">
                  {[
                    ...preview.changed.map((c) => describeChange(c, name)),
                    ...preview.added.map((id) => `adds ${id}`),
                  ].join('; ') || 'Changes no node'}
                  {' — the document is unchanged until Apply.'}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A share done as a whole per cent, never 100 % before the end: `42 %`. */
function percentDone(fraction: number): string {
  return `${Math.min(99, Math.floor(fraction * 100))} %`;
}

/** One node's change for the preview: `Checkout API: instances 4 → 10`. */
function describeChange(change: NodeChange, name: (id: string) => string): string {
  const value = (v: unknown) =>
    v === undefined
      ? '—'
      : typeof v === 'number'
        ? formatNumber(v)
        : JSON.stringify(v).replace(/^"|"$/g, '');
  const fields = change.fields.map(([key, a, b]) => `${key} ${value(a)} → ${value(b)}`);
  return fields.length === 0 ? name(change.id) : `${name(change.id)}: ${fields.join(', ')}`;
}
