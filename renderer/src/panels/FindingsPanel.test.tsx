// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { advise } from '../../../shared/engine';
import { manyRegions, sharedDependencies } from '../../../shared/testing/budget-models';
import { parseDocumentText } from '../../../shared/schema/parse';
import { findingFocusOf } from '../store/advice';
import { PlannerStoreProvider } from '../store/context';
import { createPlannerStore } from '../store/create-store';
import { PRICE_BOOK } from '../store/results';
import { FindingsList, reviewLabel, type ReviewStatus } from './FindingsPanel';
import warmStandby from '../../../assets/templates/warm-standby-2-regions.nines.json?raw';

afterEach(cleanup);

const parsed = parseDocumentText(warmStandby);
if (!parsed.ok) throw new Error('the warm standby template does not parse');
const template = parsed.document;
const variantId = template.variants[0]?.id ?? '';

function setup(review?: ReviewStatus, isPending = false) {
  const store = createPlannerStore();
  store
    .getState()
    .openDocument({ document: template, fileId: null, name: 'Warm standby', savedText: null });
  const findings = advise(template, variantId, { priceBook: PRICE_BOOK }).variants[0]?.findings;
  render(
    <PlannerStoreProvider store={store}>
      <FindingsList
        document={template}
        variantId={variantId}
        findings={findings ?? []}
        isPending={isPending}
        review={review}
      />
    </PlannerStoreProvider>,
  );
  return store;
}

describe('FindingsList', () => {
  it('shows each finding with its severity, principle and measured effect', () => {
    setup();
    const item = screen.getByTestId('finding-split-brain-two-primaries-0');
    expect(within(item).getByText('high')).toHaveProperty('className', 'finding__severity is-high');
    expect(item.textContent).toContain('two primaries after a split-brain');
    expect(item.textContent).toContain('without two primaries');
    const capacity = screen.getByTestId('finding-capacity-after-region-loss-0');
    expect(within(capacity).getByTestId('finding-effect').textContent).toMatch(
      /→ .*min\/yr\), \+\$[\d,]+\/month/,
    );
    expect(screen.getAllByRole('listitem').filter((li) => li.matches('.finding'))).toHaveLength(8);
  });

  it("says in the column's header how many findings there are, or how the review stands", () => {
    expect(reviewLabel(7, false, false)).toBe('7');
    expect(reviewLabel(7, true, false)).toBe('reviewing…');
    expect(reviewLabel(0, false, true)).toBe('stopped');
    expect(reviewLabel(0, false, false, true)).toBe('not reviewed');
  });

  it('offers no Apply for a fix the model cannot express, and says why', () => {
    setup();
    const drill = screen.getByTestId('finding-scenario-misses-rto-1');
    expect(within(drill).queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(drill.textContent).toContain('Nothing in the model can express this fix');
    // Not measured, and labelled so: never "availability unchanged, +$0".
    expect(within(drill).getByTestId('finding-effect').textContent).toBe('not measured');
  });

  it('offers a second DNS provider as a measured fix, and previews the nodes it adds', () => {
    setup();
    const dns = screen.getByTestId('finding-single-point-of-failure-0');
    expect(within(dns).getByTestId('finding-effect').textContent).toBe(
      '99.9760\u00a0% → 99.9770\u00a0% (−5.23\u00a0min/yr), +$4/month',
    );
    fireEvent.click(within(dns).getByRole('button', { name: 'Preview' }));
    const preview = within(dns).getByTestId('finding-preview').textContent;
    // Numbers grouped as everywhere (docs/conventions.md); the load balancers gain an edge.
    expect(preview).toContain('Route 53: queriesPerMonth 100,000,000 → 50,000,000');
    expect(preview).toContain('adds dns-2');
    expect(preview).toContain('adds dns-resolvers');
  });

  it('highlights the nodes of the finding under the pointer', () => {
    const store = setup();
    const item = screen.getByTestId('finding-split-brain-two-primaries-0');
    fireEvent.mouseEnter(item);
    const highlight = findingFocusOf(store).getState().highlight;
    expect(highlight?.kind).toBe('finding');
    expect([...(highlight?.nodeIds ?? [])]).toEqual(['redis-use1', 'redis-euw1']);
    fireEvent.mouseLeave(item);
    expect(findingFocusOf(store).getState().highlight).toBeNull();
  });

  it('previews what a fix changes without changing the document', () => {
    const store = setup();
    const item = screen.getByTestId('finding-capacity-after-region-loss-0');
    fireEvent.click(within(item).getByRole('button', { name: 'Preview' }));
    expect(within(item).getByTestId('finding-preview').textContent).toContain(
      'Checkout API: instances 4 → 10',
    );
    expect([...(findingFocusOf(store).getState().highlight?.nodeIds ?? [])]).toEqual(['app-euw1']);
    expect(store.getState().document).toBe(template);
    expect(store.getState().past).toHaveLength(0);
  });

  it('applies a fix as one undoable step', () => {
    const store = setup();
    const item = screen.getByTestId('finding-split-brain-two-primaries-0');
    fireEvent.click(within(item).getByRole('button', { name: 'Apply' }));
    const { document, past } = store.getState();
    const redis = document?.variants[0]?.nodes.find((n) => n.id === 'redis-use1');
    expect(redis).toHaveProperty('witness', true);
    expect(past.map((step) => step.label)).toEqual([
      'Add a witness (quorum) for Redis (us-east-1) in a third location',
    ]);
    store.getState().undo();
    expect(store.getState().document).toBe(template);
  });

  it('shows no progress for a quick review', () => {
    setup(undefined, true);
    expect(screen.queryByTestId('findings-progress')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('shows the share done of a slow review, and Cancel stops it', () => {
    const onCancel = vi.fn();
    setup({ status: 'running', fraction: 0.427, onCancel }, true);
    const progress = screen.getByTestId('findings-progress');
    expect(within(progress).getByRole('progressbar')).toHaveProperty('value', 0.427);
    expect(progress.textContent).toContain('42 %');
    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('says that a review was stopped and offers to run it again', () => {
    const onRetry = vi.fn();
    setup({ status: 'cancelled', fraction: 0.3, onRetry });
    const note = screen.getByTestId('findings-cancelled');
    expect(note.textContent).toContain('Review stopped at 30 %');
    expect(screen.queryByText(/No findings: nothing in the design/)).toBeNull();
    fireEvent.click(within(note).getByRole('button', { name: 'Run again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows an over-limit refusal in place of findings, never "No findings"', () => {
    const doc = manyRegions(1000, 1000);
    const id = doc.variants[0]?.id ?? '';
    const v = advise(doc, id).variants[0];
    expect(v?.issues[0]?.code).toBe('over-limit');
    render(
      <PlannerStoreProvider store={createPlannerStore()}>
        <FindingsList
          document={doc}
          variantId={id}
          findings={v?.findings ?? []}
          isPending={false}
          refusals={v?.issues ?? []}
        />
      </PlannerStoreProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Not reviewed: 1,000\u00a0scenarios');
    expect(alert.textContent).toContain('more than the 1,000,000');
    expect(screen.queryByText(/No findings: nothing in the design/)).toBeNull();
  });

  it('says how many fixes the work budget measured, and marks the others', () => {
    const doc = sharedDependencies(6, 3, 6);
    const id = doc.variants[0]?.id ?? '';
    const perFix = advise(doc, id, { workBudget: 1 }).variants[0]?.truncated?.workPerFix ?? 0;
    const v = advise(doc, id, { workBudget: perFix * 4 }).variants[0];
    render(
      <PlannerStoreProvider store={createPlannerStore()}>
        <FindingsList
          document={doc}
          variantId={id}
          findings={v?.findings ?? []}
          isPending={false}
          truncated={v?.truncated ?? null}
        />
      </PlannerStoreProvider>,
    );
    const measured = v?.truncated?.measured ?? 0;
    expect(measured).toBeGreaterThan(0);
    expect(screen.getByTestId('findings-truncated').textContent).toContain(
      `${measured} of 12\u00a0fixes measured within the advisor’s work budget`,
    );
    const unmeasured = screen
      .getAllByTestId('finding-effect')
      .filter((e) => e.textContent === 'not measured');
    expect(unmeasured).toHaveLength(12 - measured);
  });
});
