/**
 * "Compare with…": asks the host for another project file (the file picker in a browser, the
 * open dialog in the desktop app) and opens the diff view against it; and, in the desktop app,
 * "Compare with git revision…": the open file as it is at a revision of its repository. A file
 * that does not parse is refused with its problems listed, and nothing changes.
 */
import { MAX_REVISION_LENGTH, REVISION_PATTERN, type HostApi } from '../../../shared/ipc/contract';
import { parseDocumentText } from '../../../shared/schema/parse';
import type { PlannerStore } from '../store/create-store';
import { openDiff, openRevisionDiff } from './diff-state';

/** Shows the host's open dialog and opens the diff view against the chosen file. */
export async function compareWithFile(host: HostApi, store: PlannerStore): Promise<void> {
  const opened = await host.openFile();
  if (!opened.ok) {
    if (opened.code !== 'cancelled') {
      store
        .getState()
        .showProblems({ title: 'Cannot compare', message: opened.message, problems: [] });
    }
    return;
  }
  const file = opened.value;
  if (file === null) return;
  const parsed = parseDocumentText(file.text);
  if (!parsed.ok) {
    store.getState().showProblems({
      title: `Cannot compare with ${file.name}`,
      message: `${file.name} has problems; nothing was compared.`,
      problems: parsed.problems,
    });
    return;
  }
  openDiff(file, parsed.document);
}

/** Whether "Compare with git revision…" applies: a desktop host and a document read from a file. */
export function canCompareWithRevision(host: HostApi, fileId: string | null): boolean {
  return host.readRevision !== undefined && fileId !== null;
}

/**
 * Reads the open file at git revision `ref` and opens the diff view against it (the revision as
 * the base). Answers null when the view opened, or what went wrong for the dialog to show (no
 * such revision, not in a repository…); a revision whose file has problems is listed in the
 * problems dialog instead, and answers null.
 */
export async function compareWithRevision(
  host: HostApi,
  store: PlannerStore,
  ref: string,
): Promise<string | null> {
  const fileId = store.getState().file.fileId;
  if (host.readRevision === undefined || fileId === null) {
    return 'Only a saved file in the desktop app can be compared with a git revision.';
  }
  const revision = ref.trim();
  if (revision.length > MAX_REVISION_LENGTH || !REVISION_PATTERN.test(revision)) {
    return revision === ''
      ? 'Name a revision: a branch, a tag, a commit or HEAD~1.'
      : `“${revision}” is not a git revision: it may not start with “-” or hold spaces.`;
  }
  const read = await host.readRevision({ fileId, ref: revision });
  if (!read.ok) return read.message;
  const file = read.value;
  const parsed = parseDocumentText(file.text);
  if (!parsed.ok) {
    store.getState().showProblems({
      title: `Cannot compare with ${file.name} at ${file.ref}`,
      message: `${file.name} at ${file.ref} (${file.commit}) has problems; nothing was compared.`,
      problems: parsed.problems,
    });
    return null;
  }
  openRevisionDiff(file, parsed.document);
  return null;
}
