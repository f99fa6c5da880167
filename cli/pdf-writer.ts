/**
 * pdfmake's Node build set up for the plan (the Roboto files that ship in the package, the
 * CLI's speed-ups), and the PDF writer thread of `nines plan --pdf`. This file is also an entry
 * of its own in the CLI's bundle (pdf-writer.cjs, cli/bin/bundle.cjs): the launcher starts the
 * thread on it before anything else, so that the thread loads only the PDF side, not the rest
 * of the CLI.
 */
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { isMainThread, parentPort, receiveMessageOnPort } from 'node:worker_threads';
import type { PlanDocument } from '../shared/plan/document';
import { writePdf, type PdfMakeLike } from '../shared/plan/pdf/write-pdf';
import { warmUpPlans } from '../shared/plan/pdf/warm-up';
import { installFastWordShaping } from '../shared/plan/pdf/word-shaping';
import { installInlineMerging } from '../shared/plan/pdf/merge-inlines';
import { installFastTextWidth } from '../shared/plan/pdf/text-width';
import { installFastWordMeasure } from '../shared/plan/pdf/word-measure';
import { installFastStyleLookup, type StyleStackClass } from '../shared/plan/pdf/style-lookup';
import { installFastSvgSize } from '../shared/plan/pdf/svg-size';
import { installSharedFontTables } from '../shared/plan/pdf/shared-font-tables';

interface PdfMakeNode extends PdfMakeLike {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
}

let pdfmake: PdfMakeNode | undefined;

const require = createRequire(import.meta.url);

/** The folder of the Roboto files pdfmake ships, the font of the PDF and of the drawings. */
export function robotoDir(): string {
  return join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
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
 * words (`installInlineMerging`, into pdfmake's renderer), style look-ups that neither push
 * nor allocate, each named style and stack looked up once (`installFastStyleLookup`), the style
 * of a text's plain words resolved once (`installFastWordMeasure`) and pdfkit's string widths
 * summed from each piece's advance (`installFastTextWidth`), and a figure's size read and set on
 * its SVG's root tag rather than by parsing it twice (`installFastSvgSize`), and each face's
 * OpenType tables decoded once per process, not once per PDF (`installSharedFontTables`). The
 * same glyphs at the same positions, the same bytes (docs/plan.md, "Speed").
 */
export function installPdfSpeedUps(): void {
  // pdfmake's own pdfkit (and through it fontkit): the classes of a font it opens.
  const PdfKitDocument = createRequire(require.resolve('pdfmake'))('pdfkit') as new (options: {
    font: null;
    autoFirstPage: false;
  }) => { font(path: string): { _font: { font: object } } };
  const embedded = new PdfKitDocument({ font: null, autoFirstPage: false }).font(
    join(robotoDir(), 'Roboto-Regular.ttf'),
  )._font;
  installFastWordShaping(Object.getPrototypeOf(embedded.font) as object);
  installSharedFontTables(Object.getPrototypeOf(embedded.font) as object);
  installFastTextWidth(Object.getPrototypeOf(embedded) as object);
  const pdfmakeClass = <T>(file: string) =>
    (require(`pdfmake/js/${file}`) as { default: T }).default;
  installInlineMerging(pdfmakeClass<{ prototype: object }>('Renderer').prototype);
  installFastSvgSize(pdfmakeClass<{ prototype: object }>('SVGMeasure').prototype);
  // Before the style look-ups, which wrap `measure` to keep the text's look-ups while it runs.
  installFastWordMeasure(pdfmakeClass<{ prototype: object }>('TextInlines').prototype);
  installFastStyleLookup({
    StyleContextStack: pdfmakeClass<StyleStackClass>('StyleContextStack'),
    TextInlines: pdfmakeClass<{ prototype: object }>('TextInlines'),
    LayoutBuilder: pdfmakeClass<{ prototype: object }>('LayoutBuilder'),
  });
}

/** The PDF bytes of `doc`, written by pdfmake with the speed-ups, on the calling thread. */
export async function writePdfHere(doc: PlanDocument): Promise<Uint8Array> {
  installPdfSpeedUps();
  return writePdf(doc, nodePdfMake());
}

/** A request to the PDF writer thread: a plan document to write. */
export interface PdfRequest {
  readonly id: number;
  readonly doc: PlanDocument;
}

/** A message of the PDF writer thread: the bytes of a request, or why it failed. */
export type PdfReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * Whether the machine has a core to spare for the warm-up: its 1-minute load average (`load`)
 * below its number of cores plus one, which plans written one after the other on an otherwise
 * idle machine stay under (two threads, part of the time). On a busy machine the
 * warm-up would take a core from the main thread, and the plan would then wait for it: at a
 * load of 5–7 on 2 cores the whole run took longer with it (docs/plan.md, "Speed"). Where the
 * system keeps no load average (Windows: 0), there is always one.
 */
export function hasCoreToSpare(load: number = loadavg()[0] ?? 0, cores = availableParallelism()) {
  return load < cores + 1;
}

/**
 * The PDF writer thread, run in the worker the launcher (cli/bin/nines.cjs) starts for
 * `nines plan --pdf`: loads pdfmake with the speed-ups, then answers each plan document
 * ({@link PdfRequest}) with its PDF bytes ({@link PdfReply}), one at a time. Until the first
 * document comes, when the machine has a core to spare ({@link hasCoreToSpare}), it writes the
 * small {@link warmUpPlans} and throws their bytes away: V8's first pass over pdfmake, pdfkit
 * and fontkit and the decoding of the font tables are then done while the main thread builds
 * the plan. A document that comes meanwhile waits for the end of the warm-up plan being
 * written, and the others are left out. `worked` is called once, after the warm-up or the first
 * document (the launcher then saves its code cache).
 */
export function runPdfWriterThread(worked: () => void = () => {}): void {
  if (isMainThread || !parentPort) throw new Error('the PDF writer thread runs in a worker');
  const port = parentPort;
  installPdfSpeedUps();
  const pdfmake = nodePdfMake();
  let queue: Promise<unknown> = Promise.resolve();
  let asked = false;
  let hasWorked = false;
  const afterWork = () => {
    if (hasWorked) return;
    hasWorked = true;
    worked();
  };
  const write = ({ id, doc }: PdfRequest) => {
    asked = true;
    queue = queue
      .then(() =>
        writePdf(doc, pdfmake).then(
          (bytes) => port.postMessage({ id, bytes } satisfies PdfReply),
          (error: unknown) =>
            port.postMessage({
              id,
              error: (error as Error)?.message ?? String(error),
            } satisfies PdfReply),
        ),
      )
      .then(afterWork);
  };
  // A document sent while this thread was loading goes first, and there is no warm-up.
  for (let early = receiveMessageOnPort(port); early; early = receiveMessageOnPort(port)) {
    write(early.message as PdfRequest);
  }
  if (!asked && hasCoreToSpare()) {
    queue = warmUp(pdfmake, () => asked).then((done) => done && afterWork());
  }
  port.on('message', write);
}

/**
 * Writes the {@link warmUpPlans} in turn until `stop()`; resolves to whether all were written.
 * Their bytes, and any failure, are of no use: a real plan would meet the same failure.
 */
async function warmUp(pdfmake: PdfMakeLike, stop: () => boolean): Promise<boolean> {
  for (const plan of warmUpPlans()) {
    if (stop()) return false;
    try {
      await writePdf(plan, pdfmake);
    } catch {
      return false;
    }
  }
  return true;
}
