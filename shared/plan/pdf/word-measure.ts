/**
 * pdfmake's measuring of the words of a text (`TextInlines.prototype.measure`) with each word's
 * style resolved once per text rather than property by property for every word. pdfmake looks
 * up 23 style properties for each word (its font, size, colour, decoration, link…); nearly
 * every word of the plan has no style of its own (pdfmake's word objects carry the text and the
 * style of the run they were cut from), so all its properties are the text's, the same for each
 * such word. Here they are looked up once, at the first such word of the text, and every other
 * word is looked up as pdfmake does ({@link styleProperty}).
 *
 * Everything else is pdfmake's `measure`, in its order: the leading indent of the first word,
 * the font (opened at the same word as pdfmake would), the 20 properties set on the word, the
 * size of a super- or subscript, the width, the height and the cuts of leading and trailing
 * spaces. pdfmake 0.3.11 (`js/TextInlines.js`); `word-measure.test.ts` compares every word of a
 * plan, field by field, with pdfmake's own measuring.
 */
import { styleProperty, type StyleStack } from './style-lookup';

/** A word as pdfmake measures it (`TextBreaker` output, then the fields set here). */
type Word = Record<string, unknown> & { text: string };

/** The part of pdfmake's font (a pdfkit font) read here. */
interface MeasuredFont {
  lineHeight(fontSize: number): number;
}

/** The part of pdfmake's `TextInlines` used here. */
interface TextInlinesLike {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): MeasuredFont };
  widthOfText(text: string, word: Word): number;
}

/** The properties pdfmake sets on each word, in its order, with its defaults. */
const WORD_PROPERTIES: readonly (readonly [string, unknown])[] = [
  ['alignment', 'left'],
  ['fontSize', 12],
  ['fontFeatures', null],
  ['characterSpacing', 0],
  ['color', 'black'],
  ['decoration', null],
  ['decorationColor', null],
  ['decorationStyle', null],
  ['decorationThickness', null],
  ['background', null],
  ['link', null],
  ['linkToPage', null],
  ['linkToDestination', null],
  ['noWrap', null],
  ['opacity', 1],
  ['sup', false],
  ['sub', false],
];

/** Every property pdfmake looks up for a word in `measure`: a word with none of its own is plain. */
const LOOKED_UP = new Set([
  'font',
  'bold',
  'italics',
  ...WORD_PROPERTIES.map(([name]) => name),
  'lineHeight',
  'preserveLeadingSpaces',
  'preserveTrailingSpaces',
]);

/** A word's resolved style: the values pdfmake looks up for it. */
interface WordStyle {
  readonly font: MeasuredFont;
  readonly values: readonly unknown[];
  readonly lineHeight: unknown;
  readonly preserveLeadingSpaces: unknown;
  readonly preserveTrailingSpaces: unknown;
}

/** `word`'s style as pdfmake looks it up against `stack`, the font opened through `inlines`. */
function resolveStyle(inlines: TextInlinesLike, word: object, stack: StyleStack): WordStyle {
  const look = (property: string, fallback: unknown) =>
    styleProperty(word, stack, property, fallback);
  const font = look('font', 'Roboto');
  const bold = look('bold', false);
  const italics = look('italics', false);
  return {
    font: inlines.pdfDocument.provideFont(font, bold, italics),
    values: WORD_PROPERTIES.map(([name, fallback]) => look(name, fallback)),
    lineHeight: look('lineHeight', 1),
    preserveLeadingSpaces: look('preserveLeadingSpaces', false),
    preserveTrailingSpaces: look('preserveTrailingSpaces', false),
  };
}

/** Whether `word` has no style of its own: no named style, no value of a looked-up property. */
function isPlain(word: Word): boolean {
  for (const key in word) {
    const value = word[key];
    if (value === undefined || value === null) continue;
    if (key === 'style' ? Boolean(value) : LOOKED_UP.has(key)) return false;
  }
  return true;
}

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** pdfmake's `TextInlines.prototype.measure(words, stack)`, each plain word's style found once. */
export function measureWords(
  this: TextInlinesLike,
  words: Word[],
  stack: StyleStack,
): Word[] {
  const [first] = words;
  if (first) {
    const leadingIndent = styleProperty(first, stack, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      first.leadingCut = -leadingIndent;
      first.leadingIndent = leadingIndent;
    }
  }
  let plainStyle: WordStyle | undefined;
  for (const word of words) {
    let style: WordStyle;
    if (isPlain(word)) {
      plainStyle ??= resolveStyle(this, {}, stack);
      style = plainStyle;
    } else {
      style = resolveStyle(this, word, stack);
    }
    word.font = style.font;
    for (let i = 0; i < WORD_PROPERTIES.length; i += 1) {
      word[(WORD_PROPERTIES[i] as readonly [string, unknown])[0]] = style.values[i];
    }
    if (word.sup || word.sub) (word.fontSize as number) *= 0.58;
    word.width = this.widthOfText(word.text, word);
    word.height = style.font.lineHeight(word.fontSize as number) * (style.lineHeight as number);
    if (!word.leadingCut) word.leadingCut = 0;
    if (!style.preserveLeadingSpaces) {
      const leadingSpaces = word.text.match(LEADING);
      if (leadingSpaces) {
        (word.leadingCut as number) += this.widthOfText(leadingSpaces[0] as string, word);
      }
    }
    word.trailingCut = 0;
    if (!style.preserveTrailingSpaces) {
      const trailingSpaces = word.text.match(TRAILING);
      if (trailingSpaces) word.trailingCut = this.widthOfText(trailingSpaces[0] as string, word);
    }
  }
  return words;
}

const INSTALLED = Symbol.for('nines.fastWordMeasure');

/**
 * Makes pdfmake's `TextInlines.prototype.measure` the {@link measureWords} above. Installing
 * twice does nothing.
 */
export function installFastWordMeasure(textInlinesPrototype: object): void {
  const proto = textInlinesPrototype as { measure: unknown; [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  proto.measure = measureWords;
  proto[INSTALLED] = true;
}
