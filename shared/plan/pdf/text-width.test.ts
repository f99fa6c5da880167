import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { toPdfDefinition, type PdfNode } from './pdf-definition';
import { installFastTextWidth, widthOfString, type EmbeddedFontLike } from './text-width';
import { writePdf } from './write-pdf';

const require = createRequire(import.meta.url);
// pdfmake's own pdfkit, as cli/plan-io.ts takes it.
const PdfKitDocument = createRequire(require.resolve('pdfmake'))('pdfkit') as new (options: {
  font: null;
  autoFirstPage: false;
}) => { font(path: string): { _font: EmbeddedFontLike } };
const ROBOTO = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** A font as pdfkit embeds it, in a document of its own (so with a layout cache of its own). */
function embeddedFont(face: string): EmbeddedFontLike {
  return new PdfKitDocument({ font: null, autoFirstPage: false }).font(
    join(ROBOTO, `Roboto-${face}.ttf`),
  )._font;
}

const model = JSON.parse(
  readFileSync(
    new URL('../../../assets/templates/active-active-3-regions.nines.json', import.meta.url),
    'utf8',
  ),
) as NinesDocument;
const plan = samplePlan(model, '2026-12-07');

/** Every string of the sample plan's pdfmake definition. */
function texts(node: PdfNode | undefined, out: string[]): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const child of node) texts(child, out);
  else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) texts(value as PdfNode, out);
  }
  return out;
}

describe('widthOfString', () => {
  const strings = [
    ...texts(toPdfDefinition(plan).content, []),
    '',
    ' ',
    '\t',
    '  two  spaces  ',
    'tab\tseparated\t',
    'AV To Wave.',
    'office file',
    'Ωμέγα e\u0301',
  ];

  it.each(['Regular', 'Medium', 'Italic', 'MediumItalic'])(
    "gives pdfkit's own width for every string of the sample plan in Roboto %s",
    (face) => {
      const pdfkitFont = embeddedFont(face);
      const fastFont = embeddedFont(face);
      expect(strings.length).toBeGreaterThan(500);
      for (const size of [7, 8.5, 10, 18]) {
        for (const text of strings) {
          // Twice: the second time from the advances kept.
          for (let pass = 0; pass < 2; pass += 1) {
            expect(widthOfString(fastFont, text, size), text).toBe(
              pdfkitFont.widthOfString(text, size),
            );
          }
        }
      }
      // The pieces went through pdfkit's layout cache: the runs it draws later are those.
      expect(Object.keys(fastFont.layoutCache ?? {}).sort()).toEqual(
        Object.keys(pdfkitFont.layoutCache ?? {}).sort(),
      );
    },
    60_000,
  );
});

describe('installFastTextWidth', () => {
  it('leaves the PDF of a plan the same byte for byte', async () => {
    const before = await writePdf(plan, nodePdfMake());
    const proto = Object.getPrototypeOf(embeddedFont('Regular')) as EmbeddedFontLike;
    const pdfkitWidth = proto.widthOfString;
    installFastTextWidth(proto);
    expect(proto.widthOfString).not.toBe(pdfkitWidth);
    const after = await writePdf(plan, nodePdfMake());
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    const installed = proto.widthOfString;
    installFastTextWidth(proto);
    expect(proto.widthOfString).toBe(installed);
  }, 120_000);
});
