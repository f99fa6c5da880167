/**
 * Writes a plan document as PDF with pdfmake. The pdfmake instance is passed in, set up by its
 * host: the CLI registers the Roboto files from disk (`cli/plan-io.ts`), the renderer the
 * bundled virtual file system (`pdfmake/build/vfs_fonts`). Everything else is shared.
 */
import type { PlanDocument } from '../document';
import { toPdfDefinition, type PdfDefinition } from './pdf-definition';

/**
 * The part of pdfmake's API this writer uses: `pdfmake` in Node (`pdfmake/js/index.js`) and
 * in the browser (`pdfmake/build/pdfmake.js`) both fit, once their fonts are registered.
 */
export interface PdfMakeLike {
  createPdf(definition: PdfDefinition): { getBuffer(): Promise<Uint8Array> };
}

/** The PDF bytes of `doc`, rendered by `pdfmake` (fonts registered by the caller). */
export async function writePdf(doc: PlanDocument, pdfmake: PdfMakeLike): Promise<Uint8Array> {
  const bytes = await pdfmake.createPdf(toPdfDefinition(doc)).getBuffer();
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
