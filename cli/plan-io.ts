/**
 * Node side of the contingency plan: renders a plan document to PDF, DOCX or Markdown bytes and
 * writes them to a file. The only Node-specific part is pdfmake's set-up (its Node build reads
 * the Roboto files that ship in the package); the writers themselves live in shared/plan.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PlanDocument } from '../shared/plan/document';
import { replaceFile } from './atomic-write';
import type { PdfMakeLike } from '../shared/plan/pdf/write-pdf';

/** The output formats of a plan. */
export type PlanFormat = 'pdf' | 'docx' | 'md';

/** The formats, in the order the CLI lists them. */
export const PLAN_FORMATS: readonly PlanFormat[] = ['pdf', 'docx', 'md'];

interface PdfMakeNode extends PdfMakeLike {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
}

let pdfmake: PdfMakeNode | undefined;

/**
 * pdfmake's Node build with the bundled Roboto registered from its package folder. No URL is
 * ever fetched and no other local file is read: a plan embeds nothing from outside.
 */
export function nodePdfMake(): PdfMakeNode {
  if (pdfmake) return pdfmake;
  const require = createRequire(import.meta.url);
  const instance = require('pdfmake') as PdfMakeNode;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((path) => dirname(path) === fontDir);
  instance.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake = instance;
  return instance;
}

/**
 * The bytes of `doc` in `format` (Markdown as UTF-8). Each writer is loaded when first asked
 * for, so that a command writing a PDF does not start up the DOCX library, and the reverse.
 */
export async function renderPlan(doc: PlanDocument, format: PlanFormat): Promise<Uint8Array> {
  switch (format) {
    case 'pdf': {
      const { writePdf } = await import('../shared/plan/pdf/write-pdf');
      return writePdf(doc, nodePdfMake());
    }
    case 'docx': {
      const { writeDocx } = await import('../shared/plan/docx/write-docx');
      return writeDocx(doc);
    }
    case 'md': {
      const { writeMarkdown } = await import('../shared/plan/markdown/write-markdown');
      return new TextEncoder().encode(writeMarkdown(doc));
    }
  }
}

/**
 * Renders `doc` in `format` and writes it to `path` atomically ({@link replaceFile}): a plan
 * killed mid-write leaves the previous file whole, and the file keeps its permission bits.
 */
export async function writePlanFile(
  doc: PlanDocument,
  format: PlanFormat,
  path: string,
): Promise<void> {
  await replaceFile(path, await renderPlan(doc, format));
}
