/**
 * Node side of the contingency plan: renders a plan document to PDF, DOCX or Markdown bytes and
 * writes them to a file. The Node-specific parts are pdfmake's set-up and the PDF writer thread
 * (./pdf-writer.ts) and the DOCX figure's PNG fallback; the writers themselves live in
 * shared/plan.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import type { PlanDocument } from '../shared/plan/document';
import { toSvg, type Drawing } from '../shared/plan/drawing';
import { writeFileAtomic } from '../system';
import { robotoDir, type PdfReply, type PdfRequest } from './pdf-writer';

// pdfmake's Node set-up, for the tests that write PDFs with it.
export { nodePdfMake } from './pdf-writer';

/** The output formats of a plan. */
export type PlanFormat = 'pdf' | 'docx' | 'md';

/** The formats, in the order the CLI lists them. */
export const PLAN_FORMATS: readonly PlanFormat[] = ['pdf', 'docx', 'md'];

const require = createRequire(import.meta.url);

/** Pixels per point of the DOCX figure's PNG fallback: 2 × 72 = 144 pixels per inch. */
const FALLBACK_SCALE = 2;

/** resvg's options for a drawing: the bundled Roboto faces, no system font, on white. */
function resvgOptions(): Record<string, unknown> {
  const dir = robotoDir();
  return {
    font: {
      fontFiles: ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf'].map((f) =>
        join(dir, f),
      ),
      loadSystemFonts: false,
      defaultFontFamily: 'Roboto',
      sansSerifFamily: 'Roboto',
    },
    // The SVG is sized in points, which resvg reads at 96 pixels an inch (4/3 a point).
    fitTo: { mode: 'zoom', value: (FALLBACK_SCALE * 3) / 4 },
    background: '#ffffff',
  };
}

interface RenderedImage {
  asPng(): Uint8Array;
  pixels: Uint8Array;
  width: number;
  height: number;
}

interface ResvgModule {
  Resvg: new (svg: string, options: Record<string, unknown>) => { render(): RenderedImage };
  renderAsync(svg: string, options: Record<string, unknown>): Promise<RenderedImage>;
}

const resvg = () => require('@resvg/resvg-js') as ResvgModule;

/**
 * `drawing` rendered by resvg (`@resvg/resvg-js`, native) with the bundled Roboto faces and no
 * system font, at {@link FALLBACK_SCALE} pixels a point on white: the labels drawn as text.
 */
export function resvgRender(drawing: Drawing): RenderedImage {
  const { Resvg } = resvg();
  return new Resvg(toSvg(drawing), resvgOptions()).render();
}

/** The DOCX figure's PNG fallback with its labels as text (see {@link resvgRender}). */
export function resvgPng(drawing: Drawing): Uint8Array {
  return resvgRender(drawing).asPng();
}

/**
 * {@link resvgPng} rendered on a thread of libuv's pool (resvg's `renderAsync`): the same
 * pixels, while this thread goes on building the document.
 */
export async function resvgPngAsync(drawing: Drawing): Promise<Uint8Array> {
  return (await resvg().renderAsync(toSvg(drawing), resvgOptions())).asPng();
}

/** Writes a plan document as PDF bytes; `close` lets the process end once it is idle. */
export interface PdfWriter {
  write(doc: PlanDocument): Promise<Uint8Array>;
  close(): void;
}

/** The PDF writer of this thread: pdfmake and its speed-ups loaded at the first plan. */
const inThreadPdfWriter: PdfWriter = {
  async write(doc) {
    const { writePdfHere } = await import('./pdf-writer');
    return writePdfHere(doc);
  },
  close() {},
};

/**
 * The PDF writer thread the launcher (cli/bin/nines.cjs, the main module) started for this
 * command, before it loaded the CLI (its `ninesPdfWorker` export), or undefined when the CLI runs
 * from elsewhere (tests, the plan-kill child, nines.mjs).
 */
function launcherPdfWorker(): Worker | undefined {
  const exports = require.main?.exports as { ninesPdfWorker?: unknown } | undefined;
  return typeof exports?.ninesPdfWorker === 'function'
    ? (exports.ninesPdfWorker as () => Worker)()
    : undefined;
}

/**
 * A PDF writer on a thread of its own (`worker_threads`): `worker`, running
 * `runPdfWriterThread` (./pdf-writer.ts), which the launcher starts first thing for
 * `nines plan --pdf`: while this thread loads the CLI and the design and builds the plan, the
 * other core loads pdfmake, pdfkit and fontkit, installs the speed-ups and warms them up, and
 * the plan is then laid out there. Without such a worker, the PDF is written on this thread.
 * The plan document is plain data and crosses by structured clone; the bytes are those this
 * thread would write.
 */
export function startPdfWriter(worker: Worker | undefined = launcherPdfWorker()): PdfWriter {
  if (!worker) return inThreadPdfWriter;
  const pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(e: Error): void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const settleAll = (error: Error) => {
    failure = error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: PdfReply) => {
    const request = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('bytes' in reply) request?.resolve(reply.bytes);
    else request?.reject(new Error(reply.error));
  });
  worker.on('error', settleAll);
  worker.on('exit', (code) => settleAll(new Error(`the PDF writer thread stopped (exit ${code})`)));
  // Idle, it does not keep the process alive.
  worker.unref();
  return {
    write(doc) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      worker.ref();
      worker.postMessage({ id, doc } satisfies PdfRequest);
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    close() {
      void worker.terminate();
    },
  };
}

/** Node's zlib for the DOCX package: native, where `docx` would deflate in JavaScript. */
const ZIP_CODEC = {
  deflateRaw: (data: Uint8Array) => deflateRawSync(data),
  crc32: (data: Uint8Array) => crc32(data),
};

/**
 * The bytes of `doc` in `format` (Markdown as UTF-8). Each writer is loaded when first asked
 * for, so that a command writing a PDF does not start up the DOCX library, and the reverse.
 */
export async function renderPlan(
  doc: PlanDocument,
  format: PlanFormat,
  pdfWriter: PdfWriter = inThreadPdfWriter,
): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return pdfWriter.write(doc);
    case 'docx': {
      const { writeDocx } = await import('../shared/plan/docx/write-docx');
      return writeDocx(doc, { pngFallback: resvgPngAsync, codec: ZIP_CODEC });
    }
    case 'md': {
      const { writeMarkdown } = await import('../shared/plan/markdown/write-markdown');
      return new TextEncoder().encode(writeMarkdown(doc));
    }
  }
}

/**
 * Renders `doc` in `format` and writes it to `path` atomically ({@link writeFileAtomic}): a plan
 * killed mid-write leaves the previous file whole, and the file keeps its permission bits.
 */
export async function writePlanFile(
  doc: PlanDocument,
  format: PlanFormat,
  path: string,
  pdfWriter?: PdfWriter,
): Promise<void> {
  await writeFileAtomic(path, await renderPlan(doc, format, pdfWriter));
}
