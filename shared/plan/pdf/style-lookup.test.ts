import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { nodePdfMake } from '../../../cli/plan-io';
import type { NinesDocument } from '../../model/types';
import { samplePlan } from '../sample-plan';
import { installFastStyleLookup, styleProperty, type StyleStackClass } from './style-lookup';
import { writePdf } from './write-pdf';

const require = createRequire(import.meta.url);
const pdfmakeClass = <T>(file: string) => (require(`pdfmake/js/${file}`) as { default: T }).default;

type Stack = { push(entry: unknown): void };
const StyleContextStack = pdfmakeClass<
  StyleStackClass & (new (dictionary: object | null, defaultStyle?: object) => Stack)
>('StyleContextStack');
// pdfmake's own look-up, kept before anything is installed.
const pdfmakeLookUp = StyleContextStack.getStyleProperty.bind(StyleContextStack);

const DICTIONARY = {
  base: { fontSize: 9, color: 'grey', decoration: null },
  table: { extends: 'base', lineHeight: 1.15 },
  header: { extends: ['base', 'strong'], color: 'ink' },
  strong: { bold: true, fontSize: 11 },
  loopA: { extends: 'loopB' },
  loopB: { extends: ['loopA', 'strong'] },
  self: { extends: 'self', italics: true },
  empty: {},
};

const PROPERTIES = ['fontSize', 'color', 'bold', 'italics', 'lineHeight', 'decoration', 'font'];

/** A stack as pdfmake builds one: default style, then named styles and override objects. */
function stackOf(entries: unknown[], defaultStyle?: object | null): Stack {
  const stack = new StyleContextStack(DICTIONARY, defaultStyle as object);
  for (const entry of entries) stack.push(entry);
  return stack;
}

describe('styleProperty', () => {
  const stacks = [
    stackOf([], { font: 'Roboto', fontSize: 10 }),
    stackOf(['table', { color: 'red' }, 'header'], { font: 'Roboto' }),
    stackOf([{ fontSize: 7 }, 'loopA', { bold: false }]),
    stackOf(['self', 'missing', { italics: null }], null),
    stackOf([new String('strong'), { decoration: 'underline' }], { color: 'black' }),
  ];
  const items: unknown[] = [
    {},
    { text: 'a', fontSize: 12 },
    { text: 'b', style: 'table' },
    { text: 'c', style: ['strong', 'header'], color: null },
    { text: 'd', style: ['loopB', { fontSize: 3 }] },
    { text: 'e', style: 'table', section: true },
    'plain words',
    { text: 'f', bold: false, style: 'empty' },
  ];

  it("answers as pdfmake's getStyleProperty for every item, stack, property and default", () => {
    let compared = 0;
    for (const stack of [...stacks, undefined]) {
      for (const item of items) {
        for (const property of PROPERTIES) {
          for (const fallback of [undefined, 'fallback']) {
            const expected = pdfmakeLookUp(item, stack as never, property, fallback);
            expect(styleProperty(item, stack as never, property, fallback)).toEqual(expected);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(6 * 8 * 7 * 2);
  });

  it('looks at the item, then its named styles (the last first), then the stack', () => {
    const stack = stackOf(['strong'], { fontSize: 10 });
    expect(styleProperty({ fontSize: 5, style: 'table' }, stack as never, 'fontSize', 1)).toBe(5);
    expect(styleProperty({ style: ['strong', 'table'] }, stack as never, 'fontSize', 1)).toBe(9);
    expect(styleProperty({}, stack as never, 'fontSize', 1)).toBe(11);
    expect(styleProperty({}, stack as never, 'noWrap', false)).toBe(false);
  });
});

describe('installFastStyleLookup', () => {
  it('leaves the PDF of a plan the same byte for byte', async () => {
    const url = new URL(
      '../../../assets/templates/active-active-3-regions.nines.json',
      import.meta.url,
    );
    const model = JSON.parse(readFileSync(url, 'utf8')) as NinesDocument;
    const doc = samplePlan(model, '2026-12-07');
    const before = await writePdf(doc, nodePdfMake());
    const classes = {
      StyleContextStack,
      TextInlines: pdfmakeClass<{ prototype: object }>('TextInlines'),
      LayoutBuilder: pdfmakeClass<{ prototype: object }>('LayoutBuilder'),
    };
    installFastStyleLookup(classes);
    expect(StyleContextStack.getStyleProperty).toBe(styleProperty);
    const after = await writePdf(doc, nodePdfMake());
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    // A second install wraps nothing twice.
    const measure = (classes.TextInlines.prototype as { measure: unknown }).measure;
    installFastStyleLookup(classes);
    expect((classes.TextInlines.prototype as { measure: unknown }).measure).toBe(measure);
  }, 120_000);
});
