/**
 * The contingency plan in the app: built from the open document with the app's own price book
 * (so its figures are those of the results panel and of `nines plan`), and written to PDF, DOCX
 * or Markdown. Each writer, and pdfmake with its fonts (about 3.3 MB), is loaded only when an
 * export asks for it.
 */
import type { NinesDocument } from '../../../shared/model/types';
import { buildPlan, type PlanResult } from '../../../shared/plan/content/build-plan';
import type { PlanDocument } from '../../../shared/plan/document';
import { toSvg, type Drawing } from '../../../shared/plan/drawing';
import type { PdfMakeLike } from '../../../shared/plan/pdf/write-pdf';
import type { PriceBook } from '../../../shared/catalog/price-book';
import { currentPriceBook } from '../store/price-book';
import { exportFileName } from './file-names';

/** The formats a plan is exported in. */
export type PlanExportFormat = 'pdf' | 'docx' | 'md';

/** Label, file extension and MIME type of each format, in the order the dialog offers them. */
export const PLAN_EXPORTS: readonly {
  readonly format: PlanExportFormat;
  readonly label: string;
  readonly extension: string;
  readonly mimeType: string;
}[] = [
  { format: 'pdf', label: 'PDF', extension: 'pdf', mimeType: 'application/pdf' },
  {
    format: 'docx',
    label: 'DOCX',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  { format: 'md', label: 'Markdown', extension: 'md', mimeType: 'text/markdown' },
];

/** Today's date as `YYYY-MM-DD`, local time (the core never reads a clock; the app does). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The plan of `variantId` dated `date`, priced with `priceBook` (by default the app's bundled
 * book with the parts loaded so far, as the results panel prices it).
 */
export function appPlan(
  document: NinesDocument,
  variantId: string,
  date: string,
  priceBook: PriceBook = currentPriceBook(),
): PlanResult {
  return buildPlan(document, { variantId, priceBook, date });
}

/** The file name offered for an export, e.g. `checkout-aa3-contingency-plan.pdf`. */
export function planFileName(
  document: NinesDocument,
  variantId: string,
  format: PlanExportFormat,
): string {
  const extension = PLAN_EXPORTS.find((e) => e.format === format)?.extension ?? format;
  return exportFileName(document, 'contingency plan', extension, variantId);
}

let pdfmakeReady: Promise<PdfMakeLike> | undefined;

/** pdfmake's browser build with its Roboto virtual file system registered, loaded once. */
function browserPdfMake(): Promise<PdfMakeLike> {
  pdfmakeReady ??= Promise.all([
    import('pdfmake/build/pdfmake'),
    import('pdfmake/build/vfs_fonts'),
  ]).then(([{ default: pdfmake }, { default: vfs }]) => {
    pdfmake.addVirtualFileSystem(vfs);
    return pdfmake;
  });
  return pdfmakeReady;
}

/**
 * The DOCX figure's PNG fallback drawn by the browser: the SVG as an image on a canvas, 2 pixels
 * a point on white, so that its labels are text (the drawing's fonts, or the browser's sans-serif
 * where they are missing), as the CLI's resvg draws them.
 */
export async function canvasPng(drawing: Drawing): Promise<Uint8Array> {
  const scale = 2;
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(toSvg(drawing))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(drawing.width * scale);
  canvas.height = Math.ceil(drawing.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser gives no 2D canvas to draw the figure on.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The figure could not be drawn as a PNG.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** The bytes (Markdown as text) of `plan` in `format`, loading its writer on first use. */
export async function renderPlan(
  plan: PlanDocument,
  format: PlanExportFormat,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'pdf': {
      const [{ writePdf }, pdfmake] = await Promise.all([
        import('../../../shared/plan/pdf/write-pdf'),
        browserPdfMake(),
      ]);
      return writePdf(plan, pdfmake);
    }
    case 'docx': {
      const { writeDocx } = await import('../../../shared/plan/docx/write-docx');
      return writeDocx(plan, { pngFallback: canvasPng });
    }
    case 'md': {
      const { writeMarkdown } = await import('../../../shared/plan/markdown/write-markdown');
      return writeMarkdown(plan);
    }
  }
}
