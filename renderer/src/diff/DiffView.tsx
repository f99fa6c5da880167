import { ArrowLeft, ArrowLeftRight, CircleCheck, FolderOpen, TriangleAlert } from 'lucide-react';
import { useMemo, useState } from 'react';
import {
  arrow,
  costChangeText,
  costText,
  diffDesigns,
  downtimeText,
  headlineParts,
  minutesArrow,
  ninesText,
  pricesLine,
  scenarioChangeText,
  SHOW,
  spofText,
  topologyLines,
  topologySummary,
  type DesignDiff,
  type NumberPair,
  type VariantDiff,
} from '../../../shared/diff';
import type { NinesDocument } from '../../../shared/model/types';
import { formatAvailability } from '../../../shared/text';
import { selectFileName } from '../app/file-names';
import { useServices } from '../hooks/useServices';
import { usePlanner, usePlannerStore } from '../store/context';
import { PRICE_BOOK } from '../store/results';
import { DiffDrawing } from './DiffDrawing';
import { closeDiff, swapDiffSides, type DiffTarget } from './diff-state';
import './diff.css';

/** The diff of the open document against the other file, as `nines diff` makes it. */
function computeDiff(
  open: NinesDocument,
  openName: string,
  target: DiffTarget,
): DesignDiff | string {
  const openSide = { document: open, side: { file: openName, sha256: null, migrated: [] } };
  const otherSide = {
    document: target.document,
    side: { file: target.label, sha256: null, migrated: [] },
  };
  const [base, head] = target.otherIsBase ? [otherSide, openSide] : [openSide, otherSide];
  const result = diffDesigns(base, head, { priceBook: PRICE_BOOK });
  return result.ok ? result.diff : result.message;
}

/**
 * The diff view (File › Compare with…): the design drawn with its added, changed, renamed and
 * removed nodes marked, the figures before → after beside it, the scenarios whose outcome
 * changed and the topology changes; one click opens either side in the editor.
 */
export function DiffView({ target }: { target: DiffTarget }) {
  const document = usePlanner((s) => s.document);
  const openName = usePlanner(selectFileName);
  const activeVariantId = usePlanner((s) => s.activeVariantId);
  const store = usePlannerStore();
  const { actions } = useServices();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const diff = useMemo(
    () => (document ? computeDiff(document, openName, target) : undefined),
    [document, openName, target],
  );
  if (!document || diff === undefined) return null;
  if (typeof diff === 'string') {
    return (
      <main className="diff" data-testid="diff-view">
        <p role="alert">{diff}</p>
      </main>
    );
  }
  const variant =
    diff.variants.find((v) => v.id === chosenId) ??
    diff.variants.find((v) => v.id === activeVariantId && v.status !== 'unchanged') ??
    diff.variants.find((v) => v.status !== 'unchanged') ??
    diff.variants[0];
  const [baseDoc, headDoc] = target.otherIsBase
    ? [target.document, document]
    : [document, target.document];
  const { verdict, tone, deltas } = headlineParts(diff);
  const openOther = async () => {
    const before = store.getState().document;
    if (target.file) await actions.openReceived(target.file);
    else await actions.openUnsaved(target.document, target.copyName);
    if (store.getState().document !== before) closeDiff();
  };
  const sideButton = (side: 'base' | 'head') => {
    const isOther = (side === 'base') === target.otherIsBase;
    const name = isOther ? target.label : openName;
    return (
      <button
        type="button"
        className="tool"
        data-testid={`diff-open-${side}`}
        onClick={() => (isOther ? void openOther() : closeDiff())}
        title={isOther ? `Open ${name} in the editor` : `Back to ${name} in the editor`}
      >
        <FolderOpen size={15} aria-hidden /> Open {side}
      </button>
    );
  };
  return (
    <main className="diff" data-testid="diff-view" aria-label="Design changes">
      <header className="diff__header">
        <button type="button" className="tool" onClick={closeDiff}>
          <ArrowLeft size={15} aria-hidden /> Back to the design
        </button>
        <h2 className="diff__title">
          {diff.base.file} → {diff.head.file}
        </h2>
        <button type="button" className="tool" onClick={swapDiffSides} title="Swap base and head">
          <ArrowLeftRight size={15} aria-hidden /> Swap
        </button>
        {sideButton('base')}
        {sideButton('head')}
      </header>
      <p className="diff__headline" data-testid="diff-headline">
        <strong className={`is-${tone}`}>
          {tone === 'regression' && <TriangleAlert size={15} aria-hidden />}
          {tone === 'ok' && <CircleCheck size={15} aria-hidden />} {verdict}
        </strong>
        {deltas.map((d) => (
          <span key={d}> · {d}</span>
        ))}
      </p>
      <FindingList diff={diff} kind="regressions" />
      <FindingList diff={diff} kind="improvements" />
      {diff.variants.length > 1 && (
        <div className="diff__variants" role="tablist" aria-label="Variants">
          {diff.variants.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={v.id === variant?.id}
              className={`diff__variant is-${v.status}`}
              onClick={() => setChosenId(v.id)}
            >
              {v.id} · {v.status}
            </button>
          ))}
        </div>
      )}
      {variant && (
        <div className="diff__body">
          <section className="diff__drawing" aria-label="The design with its changes marked">
            <Legend />
            <DiffDrawing
              base={baseDoc.variants.find((v) => v.id === variant.baseId)}
              head={headDoc.variants.find(
                (v) => v.id === variant.id && variant.status !== 'removed',
              )}
              diff={variant}
            />
          </section>
          <aside className="diff__side">
            <Figures variant={variant} />
            <Changes diff={diff} variant={variant} />
          </aside>
        </div>
      )}
      <p className="diff__note">{pricesLine(diff)}</p>
    </main>
  );
}

/** The regressions (or improvements) of every variant, one line each. */
function FindingList({ diff, kind }: { diff: DesignDiff; kind: 'regressions' | 'improvements' }) {
  if (diff.summary[kind] === 0) return null;
  return (
    <ul className={`diff__${kind}`} data-testid={`diff-${kind}`}>
      {diff.variants.flatMap((v) =>
        v[kind].map((r) => (
          <li key={`${v.id}-${r.rule}-${r.subject ?? ''}-${r.detail}`}>
            {diff.variants.length > 1 ? `${v.id}: ` : ''}
            {r.detail}
          </li>
        )),
      )}
    </ul>
  );
}

function Legend() {
  return (
    <p className="diff__legend">
      {(['added', 'changed', 'renamed', 'removed'] as const).map((mark) => (
        <span key={mark} className={`diff__swatch is-${mark}`}>
          {mark}
        </span>
      ))}
    </p>
  );
}

/** The variant's figures before → after; a changed one is emphasised. */
function Figures({ variant }: { variant: VariantDiff }) {
  const f = variant.figures;
  const cost = f.monthlyCostUsd;
  const costChange = costChangeText(cost);
  const spof = f.singlePointsOfFailure;
  const row = (label: string, text: string, changed: boolean, sub = false) => (
    <tr key={label} className={`${changed ? 'is-changed' : ''} ${sub ? 'is-sub' : ''}`}>
      <th scope="row">{label}</th>
      <td>{text}</td>
    </tr>
  );
  const pair = (p: NumberPair, show: (x: number) => string) => arrow(p.before, p.after, show);
  return (
    <section className="diff__section" data-testid="diff-figures">
      <h3>Figures: before → after</h3>
      <table className="diff-figures">
        <tbody>
          {row(
            'Availability',
            pair(f.availability.requestWeighted, formatAvailability),
            f.availability.requestWeighted.changed,
          )}
          {row(
            'structural',
            pair(f.availability.structural, formatAvailability),
            f.availability.structural.changed,
            true,
          )}
          {row('Downtime', downtimeText(variant), f.downtimeMinutesPerYear.changed)}
          {row(
            'structural ',
            minutesArrow(f.downtimeTerms.structural.before, f.downtimeTerms.structural.after),
            f.downtimeTerms.structural.changed,
            true,
          )}
          {row(
            'transitions',
            minutesArrow(f.downtimeTerms.transition.before, f.downtimeTerms.transition.after),
            f.downtimeTerms.transition.changed,
            true,
          )}
          {row(
            'capacity',
            minutesArrow(f.downtimeTerms.capacity.before, f.downtimeTerms.capacity.after),
            f.downtimeTerms.capacity.changed,
            true,
          )}
          {row('Nines', ninesText(f), f.nines.changed)}
          {row(
            'Single points of failure',
            spofText(f),
            spof.added.length + spof.removed.length > 0,
          )}
          {row(
            'Monthly cost',
            `${costText(cost.before, cost.complete[0])} → ${costText(cost.after, cost.complete[1])}${costChange === '' || costChange === 'no change' ? '' : ` (${costChange})`}`,
            cost.changed,
          )}
          {row('Yearly total', pair(f.yearlyTotalUsd, SHOW.usd), f.yearlyTotalUsd.changed)}
          {row(
            'Scenarios failing',
            pair(f.scenariosFailing, SHOW.count),
            f.scenariosFailing.changed,
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The scenarios whose outcome changed, and the topology's `~ + -` list. */
function Changes({ diff, variant }: { diff: DesignDiff; variant: VariantDiff }) {
  const scenarios = variant.scenarios.filter((s) => s.changed);
  const topology = topologyLines(variant.topology);
  return (
    <>
      <section className="diff__section" data-testid="diff-scenarios">
        <h3>Scenarios</h3>
        {scenarios.length === 0 ? (
          <p className="diff__empty">No scenario outcome changed.</p>
        ) : (
          <ul className="diff__list">
            {scenarios.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>: {scenarioChangeText(s)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="diff__section" data-testid="diff-topology">
        <h3>Topology: {topologySummary(variant.topology)}</h3>
        {diff.document.fields.length > 0 && (
          <p className="diff__empty">
            Document: {diff.document.fields.map((f) => f.path).join(', ')} changed
            {diff.document.targetsChanged ? " (regressions judged against the head's targets)" : ''}
            .
          </p>
        )}
        {topology.length > 0 && <pre className="diff__lines">{topology.join('\n')}</pre>}
      </section>
    </>
  );
}
