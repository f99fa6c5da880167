/**
 * Importing a `terraform show -json` file in the window: the same importer as
 * `nines import terraform` (shared/import/terraform), then the canvas's ELK auto-layout run in
 * ELK's Web Worker so that a large state does not hold up the window.
 */
import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import {
  importTerraformText,
  withLayout,
  type ImportReport,
} from '../../../shared/import/terraform';
import { MAX_FILE_CHARS } from '../../../shared/schema/parse';
import type { NinesDocument } from '../../../shared/model/types';

/** An import waiting for the person to open it: the laid-out design and its report. */
export interface PendingImport {
  /** The file imported, e.g. `state.json`. */
  readonly fileName: string;
  /** The name the design opens under, e.g. `state.nines.json`. */
  readonly designName: string;
  readonly document: NinesDocument;
  readonly report: ImportReport;
}

export type ImportOutcome =
  { ok: true; value: PendingImport } | { ok: false; fileName: string; message: string };

let elk: InstanceType<typeof ELK> | undefined;

/** `prod-state.json` → `prod-state.nines.json`. */
function designNameOf(fileName: string): string {
  return `${fileName.replace(/\.json$/i, '') || 'imported'}.nines.json`;
}

/** Reads, imports and lays out `file`; a file the importer refuses comes back with why. */
export async function importTerraformFile(file: File): Promise<ImportOutcome> {
  const fileName = file.name;
  if (file.size > MAX_FILE_CHARS) {
    return {
      ok: false,
      fileName,
      message: `The file is too large (${file.size} bytes; at most ${MAX_FILE_CHARS}).`,
    };
  }
  const result = importTerraformText(await file.text());
  if (!result.ok) return { ok: false, fileName, message: result.message };
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  const engine = elk;
  const document = await withLayout(result.document, (graph) =>
    engine.layout(graph as Parameters<typeof engine.layout>[0]),
  );
  return {
    ok: true,
    value: { fileName, designName: designNameOf(fileName), document, report: result.report },
  };
}
