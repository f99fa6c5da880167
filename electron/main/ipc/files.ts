/** IPC of project files and exports: dialogs run here, the renderer only sees file ids. */
import path from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import { z } from 'zod';
import { CHANNELS, MAX_REVISION_LENGTH, REVISION_PATTERN } from '../../../shared/ipc/contract';
import { MAX_FILE_CHARS } from '../../../shared/schema/parse';
import { DOCUMENT_EXTENSION, type DocumentService, type FileDialogs } from '../services/documents';
import { noteSaveFinished, type SaveOutcome } from '../window';
import { handle, HostError, type InvokeEvent } from './handle';

/** Largest export accepted (a plan PDF with its diagram is a few MB), bytes or characters. */
export const MAX_EXPORT_SIZE = 200 * 1024 * 1024;

const fileId = z.uuid();
const suggestedName = z.string().max(255);

export const openRecentRequest = z.strictObject({ fileId });
export const readRevisionRequest = z.strictObject({
  fileId,
  ref: z.string().max(MAX_REVISION_LENGTH).regex(REVISION_PATTERN),
});
export const saveRequest = z.strictObject({
  fileId: fileId.optional(),
  saveAs: z.boolean().optional(),
  force: z.boolean().optional(),
  suggestedName,
  text: z.string().max(MAX_FILE_CHARS),
});
export const exportRequest = z.strictObject({
  suggestedName,
  mimeType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/)
    .max(100),
  data: z.union([
    z.string().max(MAX_EXPORT_SIZE),
    z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_EXPORT_SIZE, {
      message: `must be at most ${MAX_EXPORT_SIZE} bytes`,
    }),
  ]),
});

/** File extensions offered for each export type (without the dot). */
const EXPORT_EXTENSIONS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  'application/pdf': { name: 'PDF document', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    name: 'Word document',
    extensions: ['docx'],
  },
  'text/markdown': { name: 'Markdown', extensions: ['md'] },
  'text/csv': { name: 'CSV', extensions: ['csv'] },
  'application/json': { name: 'JSON', extensions: ['json'] },
  'image/svg+xml': { name: 'SVG image', extensions: ['svg'] },
  'image/png': { name: 'PNG image', extensions: ['png'] },
  'application/zip': { name: 'ZIP archive', extensions: ['zip'] },
};

const PROJECT_FILTER = { name: 'Nines plan', extensions: [DOCUMENT_EXTENSION.slice(1)] };

/** The native dialogs, attached to the window that made the request. */
export function dialogsFor(event: InvokeEvent): FileDialogs {
  const win = BrowserWindow.fromWebContents(event.sender);
  const showSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const result = win
      ? await dialog.showSaveDialog(win, options)
      : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    async chooseOpenPath() {
      const options = {
        properties: ['openFile' as const],
        filters: [PROJECT_FILTER, { name: 'JSON', extensions: ['json'] }],
      };
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseSavePath(name, folder) {
      return showSave({
        defaultPath: path.join(folder ?? app.getPath('documents'), name),
        filters: [PROJECT_FILTER],
      });
    },
    chooseExportPath(name, mimeType) {
      const filter = EXPORT_EXTENSIONS[mimeType];
      return showSave({
        defaultPath: path.join(app.getPath('documents'), name),
        filters: filter ? [filter] : [],
      });
    },
  };
}

export function registerFileHandlers(documents: DocumentService): void {
  handle(CHANNELS.openFile, z.undefined(), (_request, event) =>
    documents.openWithDialog(dialogsFor(event)),
  );
  handle(CHANNELS.openRecent, openRecentRequest, ({ fileId }) => documents.openRecent(fileId));
  handle(CHANNELS.listRecent, z.undefined(), () => documents.listRecent());
  handle(CHANNELS.readRevision, readRevisionRequest, ({ fileId, ref }) =>
    documents.readRevision(fileId, ref),
  );
  handle(CHANNELS.saveFile, saveRequest, async (request, event) => {
    const win = BrowserWindow.fromWebContents(event.sender);
    let outcome: SaveOutcome = 'given-up';
    try {
      const saved = await documents.save(request, dialogsFor(event));
      if (saved !== null) outcome = 'saved';
      return saved;
    } catch (error) {
      if (error instanceof HostError && error.code === 'changed-on-disk') outcome = 'asking';
      throw error;
    } finally {
      if (win) noteSaveFinished(win, outcome);
    }
  });
  handle(CHANNELS.exportFile, exportRequest, (request, event) =>
    documents.export(request, dialogsFor(event)),
  );
}
