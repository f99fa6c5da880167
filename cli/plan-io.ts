/**
 * Node side of the contingency plan: renders a plan document to PDF, DOCX or Markdown bytes and
 * writes them to a file. The only Node-specific part is pdfmake's set-up (its Node build reads
 * the Roboto files that ship in the package); the writers themselves live in shared/plan.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { PlanDocument } from '../shared/plan/document';
import { toSvg, type Drawing } from '../shared/plan/drawing';
import { writeFileAtomic } from '../system';
import type { PdfMakeLike } from '../shared/plan/pdf/write-pdf';
import { installFastWordShaping } from '../shared/plan/pdf/word-shaping';
import { installInlineMerging } from '../shared/plan/pdf/merge-inlines';
import { installFastTextWidth } from '../shared/plan/pdf/text-width';
import { installFastWordMeasure } from '../shared/plan/pdf/word-measure';
import { installFastStyleLookup, type StyleStackClass } from '../shared/plan/pdf/style-lookup';

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

interface ResvgModule {
  Resvg: new (
    svg: string,
    options: Record<string, unknown>,
  ) => { render(): { asPng(): Uint8Array; pixels: Uint8Array; width: number; height: number } };
}

/**
 * `drawing` rendered by resvg (`@resvg/resvg-js`, native) with the bundled Roboto faces and no
 * system font, at {@link FALLBACK_SCALE} pixels a point on white: the labels drawn as text.
 */
export function resvgRender(drawing: Drawing) {
  const { Resvg } = require('@resvg/resvg-js') as ResvgModule;
  const dir = robotoDir();
  return new Resvg(toSvg(drawing), {
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
  }).render();
}

/** The DOCX figure's PNG fallback with its labels as text (see {@link resvgRender}). */
export function resvgPng(drawing: Drawing): Uint8Array {
  return resvgRender(drawing).asPng();
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
 * summed from each piece's advance (`installFastTextWidth`). The same glyphs at the same
 * positions, the same bytes (docs/plan.md, "Speed").
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
  installFastTextWidth(Object.getPrototypeOf(embedded) as object);
  const pdfmakeClass = <T>(file: string) =>
    (require(`pdfmake/js/${file}`) as { default: T }).default;
  installInlineMerging(pdfmakeClass<{ prototype: object }>('Renderer').prototype);
  // Before the style look-ups, which wrap `measure` to keep the text's look-ups while it runs.
  installFastWordMeasure(pdfmakeClass<{ prototype: object }>('TextInlines').prototype);
  installFastStyleLookup({
    StyleContextStack: pdfmakeClass<StyleStackClass>('StyleContextStack'),
    TextInlines: pdfmakeClass<{ prototype: object }>('TextInlines'),
    LayoutBuilder: pdfmakeClass<{ prototype: object }>('LayoutBuilder'),
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
export async function renderPlan(doc: PlanDocument, format: PlanFormat): Promise<Uint8Array> {
  switch (format) {
    case 'pdf': {
      const { writePdf } = await import('../shared/plan/pdf/write-pdf');
      installPdfSpeedUps();
      return writePdf(doc, nodePdfMake());
    }
    case 'docx': {
      const { writeDocx } = await import('../shared/plan/docx/write-docx');
      return writeDocx(doc, { pngFallback: resvgPng, codec: ZIP_CODEC });
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
): Promise<void> {
  await writeFileAtomic(path, await renderPlan(doc, format));
}
