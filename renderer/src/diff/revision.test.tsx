// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostApi, RevisionRequest, Result, RevisionFile } from '../../../shared/ipc/contract';
import { parseDocumentText } from '../../../shared/schema/parse';
import type { DocumentActions } from '../app/document-actions';
import { ServicesProvider } from '../hooks/useServices';
import { PlannerStoreProvider } from '../store/context';
import { createPlannerStore } from '../store/create-store';
import { canCompareWithRevision, compareWithRevision } from './compare-with';
import { closeDiff, revisionCopyName, useDiffTarget } from './diff-state';
import { RevisionDialog } from './RevisionDialog';
import aa2 from '../../../assets/templates/active-active-2-regions.nines.json?raw';

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterEach(() => {
  cleanup();
  closeDiff();
});

const parsed = parseDocumentText(aa2);
if (!parsed.ok) throw new Error('the two-region template does not parse');
const template = parsed.document;
const OLDER = aa2.replace('"instances": 15', '"instances": 12');
if (OLDER === aa2) throw new Error('the template changed: pick another field to edit');

/** A desktop-like host whose git knows HEAD (the template with fewer instances) only. */
function desktopHost() {
  const readRevision = vi.fn(async ({ ref }: RevisionRequest): Promise<Result<RevisionFile>> =>
    ref === 'HEAD'
      ? { ok: true, value: { name: 'aa2.nines.json', ref, commit: '3f2a9c1', text: OLDER } }
      : {
          ok: false,
          code: 'not-found',
          message: `Cannot compare with aa2.nines.json at ${ref}: no commit "${ref}" in this repository.`,
        },
  );
  return { host: { kind: 'desktop', readRevision } as unknown as HostApi, readRevision };
}

function storeWith(fileId: string | null) {
  const store = createPlannerStore();
  store
    .getState()
    .openDocument({ document: template, fileId, name: 'aa2.nines.json', savedText: null });
  return store;
}

describe('comparing with a git revision', () => {
  it('applies only to a file read from disk in a host that can run git', () => {
    const { host } = desktopHost();
    expect(canCompareWithRevision(host, 'f')).toBe(true);
    expect(canCompareWithRevision(host, null)).toBe(false);
    expect(canCompareWithRevision({ kind: 'web' } as HostApi, 'f')).toBe(false);
  });

  it('names the copy of a revision after the file and the revision', () => {
    expect(revisionCopyName('checkout.nines.json', 'HEAD~1')).toBe('checkout (HEAD~1).nines.json');
    expect(revisionCopyName('checkout.nines.json', 'origin/main')).toBe(
      'checkout (origin-main).nines.json',
    );
    expect(revisionCopyName('design.json', 'v2')).toBe('design.json (v2)');
  });

  it('refuses a revision git would read as an option without asking the host', async () => {
    const { host, readRevision } = desktopHost();
    const store = storeWith('f');
    expect(await compareWithRevision(host, store, '--output=/tmp/x')).toMatch(/not a git revision/);
    expect(await compareWithRevision(host, store, '  ')).toMatch(/Name a revision/);
    expect(readRevision).not.toHaveBeenCalled();
  });

  it('the dialog opens the diff with the revision as the base, or shows what went wrong', async () => {
    const { host, readRevision } = desktopHost();
    const store = storeWith('f');
    const onClose = vi.fn();
    let target: ReturnType<typeof useDiffTarget> = null;
    function Probe() {
      target = useDiffTarget();
      return null;
    }
    render(
      <PlannerStoreProvider store={store}>
        <ServicesProvider services={{ host, actions: {} as DocumentActions }}>
          <RevisionDialog onClose={onClose} />
          <Probe />
        </ServicesProvider>
      </PlannerStoreProvider>,
    );
    const input = screen.getByLabelText('Revision');
    expect(document.activeElement).toBe(input);
    fireEvent.click(screen.getByRole('button', { name: 'HEAD~1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Cannot compare with aa2.nines.json at HEAD~1: no commit "HEAD~1" in this repository.',
    );
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: 'HEAD' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(readRevision).toHaveBeenLastCalledWith({ fileId: 'f', ref: 'HEAD' });
    expect(target).toMatchObject({
      label: 'aa2.nines.json at HEAD (3f2a9c1)',
      file: null,
      copyName: 'aa2 (HEAD).nines.json',
      otherIsBase: true,
    });
    const base = (target as { document: typeof template } | null)?.document;
    expect(base?.variants[0]?.nodes.find((n) => n.id === 'app-use1')).toMatchObject({
      instances: 12,
    });
  });
});
