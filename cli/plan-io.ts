/**
 * Node side of the contingency plan: renders a plan document to PDF, DOCX or Markdown bytes and
 * writes them to a file. The only Node-specific part is pdfmake's set-up (its Node build reads
 * the Roboto files that ship in the package); the writers themselves live in shared/plan.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import type { PlanDocument } from '../shared/plan/document';
import { toSvg, type Drawing } from '../shared/plan/drawing';
import { writeFileAtomic } from '../system';
import type { PdfMakeLike } from '../shared/plan/pdf/write-pdf';
import { installFastWordShaping } from '../shared/plan/pdf/word-shaping';
import { installInlineMerging } from '../shared/plan/pdf/merge-inlines';
import { installPlainLineWriting, type LineClasses } from '../shared/plan/pdf/plain-lines';
import { installPlainVectorWriting } from '../shared/plan/pdf/plain-vectors';
import { installFastTextWidth } from '../shared/plan/pdf/text-width';
import { installFastWordMeasure } from '../shared/plan/pdf/word-measure';
import { installFastStyleLookup, type StyleStackClass } from '../shared/plan/pdf/style-lookup';
import { installFastSvgSize } from '../shared/plan/pdf/svg-size';
import { installRepeatedFragments } from '../shared/plan/pdf/repeated-fragments';

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

const require = createRequire(import.meta.url);

/** The folder of the Roboto files pdfmake ships, the font of the PDF and of the drawings. */
function robotoDir(): string {
  return join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
}

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

/**
 * pdfmake's Node build with the bundled Roboto registered from its package folder. No URL is
 * ever fetched and no other local file is read: a plan embeds nothing from outside.
 */
export function nodePdfMake(): PdfMakeNode {
  if (pdfmake) return pdfmake;
  const instance = require('pdfmake') as PdfMakeNode;
  const fontDir = robotoDir();
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
 * The CLI's speed-ups of pdfmake's Node build, for the rest of the process: fontkit's full
 * shaping only for the words that need it (`installFastWordShaping`, into pdfkit's own fontkit:
 * its TrueType font class, seen from a font it opens), one text object per run of same-styled
 * words (`installInlineMerging`, into pdfmake's renderer), lines and vectors written into the
 * page as pdfkit would (`installPlainLineWriting`, `installPlainVectorWriting`), style look-ups
 * that neither push nor allocate, each named style and stack looked up once
 * (`installFastStyleLookup`), the style of a text's plain words resolved once
 * (`installFastWordMeasure`) and pdfkit's string widths
 * summed from each piece's advance (`installFastTextWidth`), and a figure's size read and set on
 * its SVG's root tag rather than by parsing it twice (`installFastSvgSize`). The same glyphs at
 * the same positions, the same bytes (docs/plan.md, "Speed").
 */
export function installPdfSpeedUps(): void {
  const pdfmakeClass = <T>(file: string) =>
    (require(`pdfmake/js/${file}`) as { default: T }).default;
  // pdfmake's own pdfkit (and through it fontkit), whose document class pdfmake's extends: the
  // classes of a font it opens.
  const PdfKitDocument = Object.getPrototypeOf(
    pdfmakeClass<object>('PDFDocument'),
  ) as new (options: { font: null; autoFirstPage: false }) => {
    font(path: string): { _font: { font: object } };
  };
  const embedded = new PdfKitDocument({ font: null, autoFirstPage: false }).font(
    join(robotoDir(), 'Roboto-Regular.ttf'),
  )._font;
  installFastWordShaping(Object.getPrototypeOf(embedded.font) as object);
  installFastTextWidth(Object.getPrototypeOf(embedded) as object);
  installInlineMerging(pdfmakeClass<{ prototype: object }>('Renderer').prototype);
  installPlainLineWriting(pdfmakeClass<{ prototype: object }>('Renderer').prototype, {
    TextDecorator: pdfmakeClass<LineClasses['TextDecorator']>('TextDecorator'),
    TextInlines: pdfmakeClass<LineClasses['TextInlines']>('TextInlines'),
  });
  installPlainVectorWriting(pdfmakeClass<{ prototype: object }>('Renderer').prototype);
  installFastSvgSize(pdfmakeClass<{ prototype: object }>('SVGMeasure').prototype);
  installRepeatedFragments(pdfmakeClass('LayoutBuilder'), pdfmakeClass('ElementWriter'));
  // Before the style look-ups, which wrap `measure` to keep the text's look-ups while it runs.
  installFastWordMeasure(pdfmakeClass<{ prototype: object }>('TextInlines').prototype);
  installFastStyleLookup({
    StyleContextStack: pdfmakeClass<StyleStackClass>('StyleContextStack'),
    TextInlines: pdfmakeClass<{ prototype: object }>('TextInlines'),
    LayoutBuilder: pdfmakeClass<{ prototype: object }>('LayoutBuilder'),
  });
}

/** Writes a plan document as PDF bytes; `close` lets the process end once it is idle. */
export interface PdfWriter {
  write(doc: PlanDocument): Promise<Uint8Array>;
  close(): void;
}

/** The PDF writer of this thread: pdfmake and its speed-ups loaded at the first plan. */
const inThreadPdfWriter: PdfWriter = {
  async write(doc) {
    const { writePdf } = await import('../shared/plan/pdf/write-pdf');
    installPdfSpeedUps();
    return writePdf(doc, nodePdfMake());
  },
  close() {},
};

/** A message of the PDF writer thread: the bytes of a request, or why it failed. */
type PdfReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * The launcher's file (cli/bin/nines.cjs, the main module, which names itself in its exports),
 * or undefined when the CLI runs from elsewhere (tests, the plan-kill child, nines.mjs).
 */
function launcherFile(): string | undefined {
  const exports = require.main?.exports as { ninesLauncher?: unknown } | undefined;
  return typeof exports?.ninesLauncher === 'string' ? exports.ninesLauncher : undefined;
}

/** The PDF writer thread the launcher started for this command, if any, taken over once. */
function earlyPdfWriterThread(): Worker | undefined {
  const exports = require.main?.exports as
    | { ninesPdfWriterThread?: { worker: Worker; ended?: Error } }
    | undefined;
  const early = exports?.ninesPdfWriterThread;
  if (!early) return undefined;
  delete exports.ninesPdfWriterThread;
  // One that failed or stopped before it was needed is replaced by a new one.
  return early.ended ? undefined : early.worker;
}

/**
 * A PDF writer on a thread of its own (`worker_threads`), started now: while this thread loads
 * the design and builds the plan, the other core loads pdfmake, pdfkit and fontkit and installs
 * the speed-ups, and the plan is then laid out there. The thread runs `launcher` (the launcher,
 * cli/bin/nines.cjs, which loads this module's own bundle and runs {@link runPdfWriterThread}
 * when it is started with `workerData.ninesPdfWriter`); without a launcher, the PDF is written
 * on this thread. The plan document is plain data and crosses by structured clone; the bytes are
 * those this thread would write.
 */
export function startPdfWriter(launcher: string | undefined = launcherFile()): PdfWriter {
  if (!launcher) return inThreadPdfWriter;
  const worker =
    earlyPdfWriterThread() ?? new Worker(launcher, { workerData: { ninesPdfWriter: true } });
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
      worker.postMessage({ id, doc });
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    close() {
      void worker.terminate();
    },
  };
}

/**
 * The PDF writer thread's side of {@link startPdfWriter}, run in the worker by the launcher:
 * loads pdfmake with the speed-ups, then answers each plan document with its PDF bytes.
 * `afterFirstPdf` runs once, when the first PDF is written and before it is sent (the launcher
 * saves the thread's code cache then, which it does only when it had none, and a cache saved
 * after sending could be cut short by the process's exit).
 */
export async function runPdfWriterThread(afterFirstPdf?: () => void): Promise<void> {
  if (isMainThread || !parentPort) throw new Error('the PDF writer thread runs in a worker');
  const port = parentPort;
  const { writePdf } = await import('../shared/plan/pdf/write-pdf');
  installPdfSpeedUps();
  const pdfmake = nodePdfMake();
  let firstDone = afterFirstPdf;
  port.on('message', ({ id, doc }: { id: number; doc: PlanDocument }) => {
    writePdf(doc, pdfmake).then(
      (bytes) => {
        firstDone?.();
        firstDone = undefined;
        port.postMessage({ id, bytes } satisfies PdfReply);
      },
      (error: unknown) =>
        port.postMessage({
          id,
          error: (error as Error)?.message ?? String(error),
        } satisfies PdfReply),
    );
  });
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
