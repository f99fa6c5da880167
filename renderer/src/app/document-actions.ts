/**
 * What the window does with whole documents: open (from a file, a recent file or a bundled
 * template) and save. A document that does not parse is refused with every problem listed, and
 * the open document stays as it was.
 */
import type { HostApi, OpenedFile, Result } from '../../../shared/ipc/contract';
import { serializeDocument } from '../../../shared/schema/serialize';
import { parseDocumentText } from '../../../shared/schema/parse';
import type { PlannerStore } from '../store/create-store';
import type { BundledTemplate } from './templates';

export interface DocumentActions {
  /** Shows the host's open dialog and opens the chosen file. */
  openFile: () => Promise<void>;
  openRecent: (fileId: string) => Promise<void>;
  /** Opens a file the host read on its own (one the operating system asked the app to open). */
  openReceived: (file: OpenedFile) => void;
  /** Opens a bundled template as a new, unsaved document. */
  openTemplate: (stem: string) => void;
  /** Saves to the open file, or asks where when there is none or `saveAs` is set. */
  save: (saveAs: boolean) => Promise<void>;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function createDocumentActions(
  host: HostApi,
  store: PlannerStore,
  templates: readonly BundledTemplate[],
): DocumentActions {
  const { getState } = store;

  /** Reports a failed host call unless the user simply cancelled. */
  function reportHostError(result: Result<unknown>, title: string): boolean {
    if (result.ok) return false;
    if (result.code !== 'cancelled') {
      getState().showProblems({ title, message: result.message, problems: [] });
    }
    return true;
  }

  function openText(text: string, name: string, fileId: string | null): void {
    const parsed = parseDocumentText(text);
    if (!parsed.ok) {
      getState().showProblems({
        title: `Cannot open ${name}`,
        message: `${name} has ${plural(parsed.problems.length, 'problem')}. Nothing was opened; the document you had open is unchanged.`,
        problems: parsed.problems,
      });
      return;
    }
    const { document } = parsed;
    getState().openDocument({ document, fileId, name, savedText: serializeDocument(document) });
  }

  return {
    async openFile() {
      const result = await host.openFile();
      if (reportHostError(result, 'Cannot open the file') || !result.ok || !result.value) return;
      openText(result.value.text, result.value.name, result.value.fileId);
    },

    async openRecent(fileId) {
      const result = await host.openRecent(fileId);
      if (reportHostError(result, 'Cannot open the recent file') || !result.ok) return;
      openText(result.value.text, result.value.name, result.value.fileId);
    },

    openReceived(file) {
      openText(file.text, file.name, file.fileId);
    },

    openTemplate(stem) {
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
      getState().openDocument({
        document,
        fileId: null,
        name: template.fileName,
        savedText: serializeDocument(document),
      });
    },

    async save(saveAs) {
      const { document, file } = getState();
      if (!document) return;
      const text = serializeDocument(document);
      const result = await host.saveFile({
        ...(file.fileId === null ? {} : { fileId: file.fileId }),
        saveAs,
        suggestedName: file.name || 'untitled.nines.json',
        text,
      });
      if (reportHostError(result, 'Cannot save') || !result.ok || !result.value) return;
      getState().markSaved({ ...result.value, text });
    },
  };
}
