/**
 * What the window does with whole documents: open (from a file, a recent file or a bundled
 * template), save, and the crash-recovery copy. Nothing loses work silently:
 * - a document that does not parse is refused with every problem listed, and the open document
 *   stays as it was;
 * - replacing a document with unsaved changes first asks Save / Don't save / Cancel;
 * - a save that would overwrite a file another program changed asks Save as a copy / Overwrite;
 * - the recovery copy a crashed session left is offered back before anything else writes one,
 *   and a copy that does not parse can still be downloaded as it is.
 */
import type { HostApi, OpenedFile, Result } from '../../../shared/ipc/contract';
import { serializeDocument } from '../../../shared/schema/serialize';
import { parseDocumentText } from '../../../shared/schema/parse';
import { emptyDocument } from '../../../shared/model/ops/new-document';
import type { NinesDocument } from '../../../shared/model/types';
import type { LoadedDocument, PlannerStore } from '../store/create-store';
import type { PendingQuestion } from '../store/slices/ui';
import { selectIsDirty } from '../store/selectors';
import {
  createRecoveryScheduler,
  decodeRecoveryCopy,
  type RecoverySchedulerOptions,
} from './recovery';
import { selectFileName, UNTITLED } from './file-names';
import type { BundledTemplate } from './templates';

/** The answer to "Save the changes to … before …?". */
export type DiscardChoice = 'save' | 'discard' | 'cancel';

/** The answer to "… was changed by another program". */
export type ChangedOnDiskChoice = 'save-copy' | 'overwrite' | 'cancel';

export interface DocumentActions {
  /** Shows the host's open dialog and opens the chosen file. */
  openFile: () => Promise<void>;
  openRecent: (fileId: string) => Promise<void>;
  /** Opens a file the host read on its own (one the operating system asked the app to open). */
  openReceived: (file: OpenedFile) => Promise<void>;
  /** Opens a bundled template as a new, unsaved document. */
  openTemplate: (stem: string) => Promise<void>;
  /** Opens a new, empty document (one variant, no nodes), unsaved. */
  openEmpty: () => Promise<void>;
  /**
   * Opens a document made in the window (an import) as new and unsaved, named `name`; answers
   * false when the user kept the open document.
   */
  openUnsaved: (document: NinesDocument, name: string) => Promise<boolean>;
  /**
   * Saves to the open file, or asks where when there is none or `saveAs` is set. Answers true
   * when the document was written.
   */
  save: (saveAs: boolean) => Promise<boolean>;
  /** Answers the question shown in the store's `question`. */
  answerDiscard: (choice: DiscardChoice) => void;
  answerChangedOnDisk: (choice: ChangedOnDiskChoice) => void;
  /**
   * At start: offers the recovery copy a crashed session left, if any; otherwise (and once the
   * offer is answered) starts writing this session's copy.
   */
  checkRecovery: () => Promise<void>;
  /** Opens the offered recovery copy as a document with unsaved changes. */
  restoreRecovery: () => void;
  /** Deletes the offered recovery copy. */
  discardRecovery: () => Promise<void>;
  /** Saves the offered recovery copy, as it is, where the user chooses (one that cannot be opened). */
  downloadRecovery: () => Promise<void>;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function createDocumentActions(
  host: HostApi,
  store: PlannerStore,
  templates: readonly BundledTemplate[],
  recoveryOptions?: RecoverySchedulerOptions,
): DocumentActions {
  const { getState } = store;
  const recovery = createRecoveryScheduler(host, store, recoveryOptions);
  let answerQuestion: ((choice: string) => void) | undefined;
  /** The text of the recovery copy on offer. */
  let offeredText: string | undefined;

  /** Reports a failed host call unless the user simply cancelled. */
  function reportHostError(result: Result<unknown>, title: string): boolean {
    if (result.ok) return false;
    if (result.code !== 'cancelled') {
      getState().showProblems({ title, message: result.message, problems: [] });
    }
    return true;
  }

  /** Shows a question and waits for its answer; an earlier unanswered one counts as Cancel. */
  function ask<T extends string>(question: PendingQuestion): Promise<T> {
    answerQuestion?.('cancel');
    return new Promise<T>((resolve) => {
      answerQuestion = (choice) => {
        answerQuestion = undefined;
        getState().setQuestion(null);
        resolve(choice as T);
      };
      getState().setQuestion(question);
    });
  }

  /** True when the open document may be replaced: it is clean, saved now, or let go. */
  async function canReplace(): Promise<boolean> {
    const state = getState();
    if (!state.document || !selectIsDirty(state)) return true;
    const choice = await ask<DiscardChoice>({
      kind: 'discard',
      documentName: state.document.name,
    });
    if (choice === 'save') return save(false);
    return choice === 'discard';
  }

  async function replaceWith(loaded: LoadedDocument): Promise<void> {
    if (await canReplace()) getState().openDocument(loaded);
  }

  function parseOrReport(text: string, name: string): NinesDocument | undefined {
    const parsed = parseDocumentText(text);
    if (parsed.ok) return parsed.document;
    getState().showProblems({
      title: `Cannot open ${name}`,
      message: `${name} has ${plural(parsed.problems.length, 'problem')}. Nothing was opened; the document you had open is unchanged.`,
      problems: parsed.problems,
    });
    return undefined;
  }

  async function openText(text: string, name: string, fileId: string | null): Promise<void> {
    const document = parseOrReport(text, name);
    if (!document) return;
    await replaceWith({ document, fileId, name, savedText: serializeDocument(document) });
  }

  /** The save under way: a second Save meanwhile (a double Ctrl+S) joins it, never writes twice. */
  let saving: Promise<boolean> | undefined;

  function save(saveAs: boolean): Promise<boolean> {
    saving ??= write(saveAs, false).finally(() => {
      saving = undefined;
    });
    return saving;
  }

  async function write(saveAs: boolean, force: boolean): Promise<boolean> {
    const state = getState();
    const { document, file } = state;
    if (!document) return false;
    const text = serializeDocument(document);
    const result = await host.saveFile({
      ...(file.fileId === null ? {} : { fileId: file.fileId }),
      saveAs,
      ...(force ? { force } : {}),
      suggestedName: selectFileName(state),
      text,
    });
    if (!result.ok && result.code === 'changed-on-disk') {
      const choice = await ask<ChangedOnDiskChoice>({
        kind: 'changed-on-disk',
        fileName: file.name,
      });
      if (choice === 'cancel') return false;
      return write(choice === 'save-copy', choice === 'overwrite');
    }
    if (reportHostError(result, 'Cannot save') || !result.ok || !result.value) return false;
    getState().markSaved({ ...result.value, text });
    return true;
  }

  return {
    async openFile() {
      const result = await host.openFile();
      if (reportHostError(result, 'Cannot open the file') || !result.ok || !result.value) return;
      await openText(result.value.text, result.value.name, result.value.fileId);
    },

    async openRecent(fileId) {
      const result = await host.openRecent(fileId);
      if (reportHostError(result, 'Cannot open the recent file') || !result.ok) return;
      await openText(result.value.text, result.value.name, result.value.fileId);
    },

    openReceived(file) {
      return openText(file.text, file.name, file.fileId);
    },

    async openEmpty() {
      const document = emptyDocument();
      await replaceWith({
        document,
        fileId: null,
        name: '',
        savedText: serializeDocument(document),
      });
    },

    async openUnsaved(document, name) {
      if (!(await canReplace())) return false;
      getState().openDocument({ document, fileId: null, name, savedText: null });
      return true;
    },

    async openTemplate(stem) {
      const template = templates.find((t) => t.stem === stem);
      if (!template) {
        getState().showProblems({
          title: `No template named “${stem}”`,
          message: `This build bundles ${templates.map((t) => t.stem).join(', ') || 'no templates'}.`,
          problems: [],
        });
        return;
      }
      if (!template.parsed.ok) {
        getState().showProblems({
          title: `Cannot open the template ${template.fileName}`,
          message: `The bundled template has ${plural(template.parsed.problems.length, 'problem')}.`,
          problems: template.parsed.problems,
        });
        return;
      }
      const { document } = template.parsed;
      await replaceWith({
        document,
        fileId: null,
        name: '',
        savedText: serializeDocument(document),
      });
    },

    save,

    answerDiscard(choice) {
      answerQuestion?.(choice);
    },

    answerChangedOnDisk(choice) {
      answerQuestion?.(choice);
    },

    async checkRecovery() {
      const result = await host.readRecovery();
      if (!result.ok || result.value === null) {
        // A copy that cannot be read is left where it is; this session writes its own.
        recovery.start();
        return;
      }
      const copy = decodeRecoveryCopy(result.value);
      const parsed = parseDocumentText(copy.text);
      offeredText = copy.text;
      getState().setRecoveryOffer({
        fileName: copy.fileName,
        writtenAtMs: copy.writtenAtMs,
        problems: parsed.ok ? [] : parsed.problems,
      });
    },

    restoreRecovery() {
      const offer = getState().recoveryOffer;
      if (!offer || offeredText === undefined) return;
      const parsed = parseDocumentText(offeredText);
      if (!parsed.ok) return;
      getState().openDocument({
        document: parsed.document,
        fileId: null,
        name: offer.fileName ?? '',
        savedText: null,
      });
      getState().setRecoveryOffer(null);
      offeredText = undefined;
      recovery.start();
    },

    async discardRecovery() {
      if (!getState().recoveryOffer) return;
      const result = await host.clearRecovery();
      if (reportHostError(result, 'Cannot delete the recovery copy')) return;
      getState().setRecoveryOffer(null);
      offeredText = undefined;
      recovery.start();
    },

    async downloadRecovery() {
      const offer = getState().recoveryOffer;
      if (!offer || offeredText === undefined) return;
      const result = await host.exportFile({
        suggestedName: `recovered-${offer.fileName || UNTITLED}`,
        mimeType: 'application/json',
        data: offeredText,
      });
      reportHostError(result, 'Cannot save the recovery copy');
    },
  };
}
